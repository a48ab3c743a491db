/** Recorded fakes of the ports, and xrm-mock forms shaped like ours. */
import { XrmMockGenerator } from 'xrm-mock';
import { type ColumnInfo, type CustomApiCall, type DataPort, type DialogPort, type MetadataPort, type Ports, type TableInfo, type WebApiRow, userInfo } from '@smsc/browser-shared';
export interface Call {
  method: string;
  args: unknown[];
}

type Route<A extends unknown[], R> = (...args: A) => R | Promise<R>;

export interface FakeDataOptions {
  retrieve?: Route<[string, string, string | undefined], WebApiRow>;
  retrieveMultiple?: Route<[string, string | undefined], WebApiRow[]>;
  customApi?: Route<[CustomApiCall], WebApiRow>;
}

export function fakeData(options: FakeDataOptions = {}): DataPort & { calls: Call[] } {
  const calls: Call[] = [];
  const record = (method: string, args: unknown[]) => calls.push({ method, args });
  return {
    calls,
    async retrieveRecord(entity, id, query) {
      record('retrieveRecord', [entity, id, query]);
      if (!options.retrieve) throw new Error(`unexpected retrieveRecord ${entity}`);
      return options.retrieve(entity, id, query);
    },
    async retrieveMultipleRecords(entity, query) {
      record('retrieveMultipleRecords', [entity, query]);
      return { entities: options.retrieveMultiple ? await options.retrieveMultiple(entity, query) : [] };
    },
    async createRecord(entity, data) {
      record('createRecord', [entity, data]);
      return { id: 'new-id' };
    },
    async updateRecord(entity, id, data) {
      record('updateRecord', [entity, id, data]);
      return {};
    },
    async callCustomApi(call) {
      record('callCustomApi', [call]);
      return options.customApi ? options.customApi(call) : {};
    },
  };
}

export function column(logicalName: string, type = 'string', displayName = logicalName, targets: string[] = []): ColumnInfo {
  return { logicalName, type, displayName, targets };
}

export function fakeMetadata(tables: TableInfo[]): MetadataPort & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async table(name) {
      asked.push(name);
      return tables.find((t) => t.logicalName === name) ?? null;
    },
  };
}

export const CONTACT_TABLE: TableInfo = {
  logicalName: 'contact',
  displayName: 'Contact',
  primaryNameAttribute: 'fullname',
  columns: [
    column('firstname', 'string', 'First Name'),
    column('lastname', 'string', 'Last Name'),
    column('mobilephone', 'string', 'Mobile Phone'),
    column('new_loyaltylevel', 'picklist', 'Loyalty level'),
    column('parentcustomerid', 'customer', 'Company Name', ['account', 'contact']),
  ],
};

export const ACCOUNT_TABLE: TableInfo = {
  logicalName: 'account',
  displayName: 'Account',
  primaryNameAttribute: 'name',
  columns: [column('name', 'string', 'Account Name'), column('telephone1', 'string', 'Main Phone')],
};

export function fakeDialogs(confirmAnswer = true): DialogPort & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    async confirm(title, text) {
      log.push(`confirm: ${title} | ${text}`);
      return confirmAnswer;
    },
    async alert(title, text) {
      log.push(`alert: ${title} | ${text}`);
    },
    showProgress: (text) => void log.push(`progress: ${text}`),
    closeProgress: () => void log.push('progress closed'),
    async openNewForm(entityName, createFrom) {
      log.push(`open ${entityName} from ${createFrom.entityType} ${createFrom.id} ${createFrom.name ?? ''}`);
    },
  };
}

export function fakePorts(parts: { data?: DataPort; metadata?: MetadataPort; dialogs?: DialogPort; languageId?: number; roles?: string[] } = {}): Ports & {
  slept: number[];
} {
  const slept: number[] = [];
  return {
    data: parts.data ?? fakeData(),
    metadata: parts.metadata ?? fakeMetadata([]),
    dialogs: parts.dialogs ?? fakeDialogs(),
    user: userInfo(parts.languageId ?? 1033, parts.roles ?? []),
    sleep: async (ms) => void slept.push(ms),
    slept,
  };
}

export type FormNotification = { message: string; level: string; uniqueId: string };

export function formNotifications(form: Xrm.FormContext): FormNotification[] {
  return ((form.ui as unknown as { formNotifications?: FormNotification[] }).formNotifications ?? []).slice();
}

export function notice(form: Xrm.FormContext, id: string): FormNotification | undefined {
  return formNotifications(form).find((n) => n.uniqueId === id);
}

export function controlNotices(form: Xrm.FormContext, attribute: string): Array<{ messages: string[]; notificationLevel?: string; uniqueId?: string }> {
  return (form.getControl(attribute) as unknown as { notifications: Array<{ messages: string[]; notificationLevel?: string; uniqueId?: string }> }).notifications;
}

export interface FormSpec {
  entityName: string;
  id?: string;
  primaryValue?: string;
  formType?: number;
  strings?: Record<string, string | null>;
  numbers?: Record<string, number | null>;
  options?: Record<string, number | null>;
  lookups?: Record<string, Xrm.LookupValue[] | null>;
  dates?: Record<string, Date | null>;
  labels?: Record<string, string>;
}

/** An xrm-mock form with one control per attribute, labelled as on our forms. */
export function mockForm(spec: FormSpec): Xrm.FormContext {
  XrmMockGenerator.initialise({ entity: { entityName: spec.entityName, id: spec.id ?? '', primaryValue: spec.primaryValue ?? '' } });
  const label = (name: string) => spec.labels?.[name] ?? name;
  for (const [name, value] of Object.entries(spec.strings ?? {})) XrmMockGenerator.Attribute.createString({ name, value: value as string }, { name, label: label(name) });
  for (const [name, value] of Object.entries(spec.numbers ?? {})) XrmMockGenerator.Attribute.createNumber({ name, value: value as number }, { name, label: label(name) });
  for (const [name, value] of Object.entries(spec.options ?? {}))
    XrmMockGenerator.Attribute.createOptionSet({ name, value: value as number, options: [] }, { name, label: label(name) });
  for (const [name, value] of Object.entries(spec.lookups ?? {}))
    XrmMockGenerator.Attribute.createLookup({ name, value: value as Xrm.LookupValue[], isPartyList: name === 'to' }, { name, label: label(name) });
  for (const [name, value] of Object.entries(spec.dates ?? {})) XrmMockGenerator.Attribute.createDate({ name, value: value as Date }, { name, label: label(name) });
  const form = XrmMockGenerator.getFormContext();
  form.ui.getFormType = () => (spec.formType ?? 2) as XrmEnum.FormType;
  // xrm-mock invents an id and a name for a row that has none; a new row has neither.
  form.data.entity.getId = () => spec.id ?? '';
  form.data.entity.getPrimaryAttributeValue = () => spec.primaryValue ?? '';
  return form;
}

export function controlOf<T extends Xrm.Controls.Control = Xrm.Controls.StandardControl>(form: Xrm.FormContext, name: string): T {
  const control = form.getControl<T>(name);
  if (!control) throw new Error(`no control ${name}`);
  return control;
}
