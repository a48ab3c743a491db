/**
 * The few things the browser code needs from Dataverse, as plain interfaces. Form and ribbon
 * handlers build them from `Xrm` (xrm-ports.ts), PCF controls from their context; the logic in
 * between is plain functions that tests drive with xrm-mock forms and recorded fakes.
 */
import type { Language } from '@smsc/core';

export type WebApiRow = Record<string, unknown>;

export interface DataPort {
  /** `options` is an OData query string such as `?$select=a,b`. */
  retrieveRecord(entity: string, id: string, options?: string): Promise<WebApiRow>;
  retrieveMultipleRecords(entity: string, options?: string, maxPageSize?: number): Promise<{ entities: WebApiRow[] }>;
  createRecord(entity: string, data: WebApiRow): Promise<{ id: string }>;
  updateRecord(entity: string, id: string, data: WebApiRow): Promise<unknown>;
  /** Runs a Custom API; resolves with its output parameters (empty when it has none). */
  callCustomApi(call: CustomApiCall): Promise<WebApiRow>;
}

export interface EntityRef {
  entityType: string;
  id: string;
}

export type CustomApiParameter =
  | { type: 'String'; value: string }
  | { type: 'Integer'; value: number }
  | { type: 'DateTime'; value: Date }
  | { type: 'EntityReference'; value: EntityRef };

export interface CustomApiCall {
  name: string;
  /** The row of an entity-bound Custom API; absent for global ones. */
  target?: EntityRef;
  parameters?: Record<string, CustomApiParameter>;
}

/** Column metadata as EntityDefinitions returns it, reduced to what merge fields need. */
export interface ColumnInfo {
  logicalName: string;
  /** In the user's language (UserLocalizedLabel), or the logical name when the column has none. */
  displayName: string;
  /** AttributeType lower-cased: string, memo, lookup, customer, owner, picklist, money… */
  type: string;
  /** Tables a lookup points to; empty for other columns. */
  targets: string[];
}

export interface TableInfo {
  logicalName: string;
  displayName: string;
  primaryNameAttribute: string;
  columns: ColumnInfo[];
}

export interface MetadataPort {
  /** Null when no table has that logical name. */
  table(logicalName: string): Promise<TableInfo | null>;
}

export interface DialogPort {
  confirm(title: string, text: string, confirmLabel: string, cancelLabel: string): Promise<boolean>;
  alert(title: string, text: string): Promise<void>;
  showProgress(text: string): void;
  closeProgress(): void;
  /** Opens a new row's form, prefilled from `createFrom` by the table's relationship mappings. */
  openNewForm(entityName: string, createFrom: EntityRef & { name?: string }): Promise<void>;
}

export interface UserInfo {
  language: Language;
  /** BCP 47 locale for numbers and dates, derived from the language. */
  locale: string;
  roleNames: string[];
}

/** Everything a handler needs, built once per event in the composition root. */
export interface Ports {
  data: DataPort;
  metadata: MetadataPort;
  dialogs: DialogPort;
  user: UserInfo;
  /** Waits between polls of long-running work; tests pass a function that does not wait. */
  sleep(ms: number): Promise<void>;
}
