/**
 * The schema the emulator serves: tables, columns, choices and relationships, shaped after
 * Dataverse's EntityMetadata / AttributeMetadata so that the Web API and the metadata endpoints
 * read from one model. Standard tables come from ./standard-tables.ts, the rest from imported
 * solutions; the whole model is persisted as JSON next to the data.
 */

export type AttributeType =
  | 'String'
  | 'Memo'
  | 'Integer'
  | 'BigInt'
  | 'Decimal'
  | 'Double'
  | 'Money'
  | 'Boolean'
  | 'DateTime'
  | 'Picklist'
  | 'MultiSelectPicklist'
  | 'State'
  | 'Status'
  | 'Lookup'
  | 'Customer'
  | 'Owner'
  | 'PartyList'
  | 'Uniqueidentifier'
  | 'EntityName'
  | 'Virtual';

/** Labels by LCID (1033 English, 1036 French…). */
export type Labels = Record<number, string>;

export interface OptionDef {
  value: number;
  label: Labels;
  /** Status reasons: the state they belong to. */
  state?: number;
  /** States: the default status reason. */
  defaultStatus?: number;
  invariantName?: string;
}

export interface AttributeDef {
  logicalName: string;
  schemaName: string;
  type: AttributeType;
  label: Labels;
  maxLength?: number;
  /** Money and decimal precision. */
  precision?: number;
  minValue?: number;
  maxValue?: number;
  /** DateTime with Format=date (DateOnly behaviour): stored and returned as YYYY-MM-DD. */
  dateOnly?: boolean;
  options?: OptionDef[];
  optionSetName?: string;
  globalOptionSet?: boolean;
  defaultValue?: number | boolean;
  /** Lookup targets (logical names); ['*'] for "any table" (regarding, notes). */
  targets?: string[];
  required?: boolean;
  custom?: boolean;
  /** Set by the platform (createdon, fullname…): refused on create and update. */
  readOnly?: boolean;
  /** Write-only columns that Dataverse never returns (serviceendpoint.authvalue). */
  writeOnly?: boolean;
  metadataId: string;
}

export interface EntityKeyDef {
  logicalName: string;
  attributes: string[];
}

export interface TableDef {
  logicalName: string;
  schemaName: string;
  entitySetName: string;
  primaryIdAttribute: string;
  primaryNameAttribute: string;
  label: Labels;
  collectionLabel: Labels;
  objectTypeCode: number;
  isActivity: boolean;
  /** Can be an activity party (contact, account, lead, systemuser…). */
  isActivityParty: boolean;
  ownership: 'UserOwned' | 'OrganizationOwned' | 'BusinessOwned' | 'None';
  custom: boolean;
  /** Platform tables that the Web API refuses to create directly (activitypointer). */
  readOnly?: boolean;
  attributes: Record<string, AttributeDef>;
  keys: EntityKeyDef[];
  metadataId: string;
}

/** A one-to-many relationship; the lookup lives on the referencing table. */
export interface OneToManyDef {
  schemaName: string;
  referencedEntity: string;
  referencingEntity: string;
  referencingAttribute: string;
  /** Collection-valued navigation property on the referenced table. */
  referencedNavigation: string;
  /** Single-valued navigation property on the referencing table. */
  referencingNavigation: string;
}

/**
 * A many-to-many relationship, stored as rows of an intersect table. List membership uses
 * Dataverse's own listmember table (listid + entityid + entitytype) as its intersect.
 */
export interface ManyToManyDef {
  schemaName: string;
  entity1: string;
  entity2: string;
  intersectEntity: string;
  entity1Attribute: string;
  entity2Attribute: string;
  /** Navigation property on entity1 (to entity2) and on entity2 (to entity1). */
  entity1Navigation: string;
  entity2Navigation: string;
  /** For shared intersect tables: the column that holds entity2's logical name. */
  entity2TypeAttribute?: string;
}

export interface GlobalOptionSetDef {
  name: string;
  type: 'Picklist' | 'Boolean';
  label: Labels;
  options: OptionDef[];
  metadataId: string;
}

export interface SchemaModel {
  tables: Record<string, TableDef>;
  oneToMany: OneToManyDef[];
  manyToMany: ManyToManyDef[];
  optionSets: Record<string, GlobalOptionSetDef>;
}

export function label(en: string, fr?: string): Labels {
  return fr ? { 1033: en, 1036: fr } : { 1033: en };
}

export function isLookupType(type: AttributeType): boolean {
  return type === 'Lookup' || type === 'Customer' || type === 'Owner';
}

export function hasOptions(type: AttributeType): boolean {
  return type === 'Picklist' || type === 'MultiSelectPicklist' || type === 'State' || type === 'Status' || type === 'Boolean';
}
