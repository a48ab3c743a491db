/**
 * A small vocabulary for declaring tables the way Dataverse's metadata describes them, used for
 * the standard tables and by the solution importer (which adds the platform columns every table
 * gets: created/modified, owner, state and status, version).
 */
import { stableId } from '../util/ids';
import { AttributeDef, AttributeType, label, Labels, OptionDef, TableDef } from './model';

type Extra = Partial<Omit<AttributeDef, 'logicalName' | 'type' | 'label' | 'schemaName' | 'metadataId'>> & { schemaName?: string };

function attr(logicalName: string, type: AttributeType, en: string, fr: string | undefined, extra: Extra = {}): AttributeDef {
  return {
    logicalName,
    schemaName: extra.schemaName ?? logicalName,
    type,
    label: label(en, fr),
    metadataId: stableId(`attribute:${logicalName}:${type}`),
    ...extra,
  };
}

export const col = {
  text: (name: string, maxLength: number, en: string, fr?: string, extra: Extra = {}) => attr(name, 'String', en, fr, { maxLength, ...extra }),
  memo: (name: string, maxLength: number, en: string, fr?: string, extra: Extra = {}) => attr(name, 'Memo', en, fr, { maxLength, ...extra }),
  int: (name: string, en: string, fr?: string, extra: Extra = {}) => attr(name, 'Integer', en, fr, { minValue: -2147483648, maxValue: 2147483647, ...extra }),
  decimal: (name: string, en: string, fr?: string, extra: Extra = {}) => attr(name, 'Decimal', en, fr, { precision: 2, ...extra }),
  double: (name: string, en: string, fr?: string, extra: Extra = {}) => attr(name, 'Double', en, fr, extra),
  money: (name: string, en: string, fr?: string, extra: Extra = {}) => attr(name, 'Money', en, fr, { precision: 2, ...extra }),
  bool: (name: string, en: string, fr?: string, yes = 'Yes', no = 'No', extra: Extra = {}) =>
    attr(name, 'Boolean', en, fr, { options: [opt(1, yes), opt(0, no)], defaultValue: false, ...extra }),
  date: (name: string, en: string, fr?: string, extra: Extra = {}) => attr(name, 'DateTime', en, fr, extra),
  dateOnly: (name: string, en: string, fr?: string, extra: Extra = {}) => attr(name, 'DateTime', en, fr, { dateOnly: true, ...extra }),
  choice: (name: string, en: string, fr: string | undefined, options: OptionDef[], extra: Extra = {}) => attr(name, 'Picklist', en, fr, { options, ...extra }),
  lookup: (name: string, targets: string[], en: string, fr?: string, extra: Extra = {}) =>
    attr(name, targets.length > 1 || targets[0] === '*' ? 'Lookup' : 'Lookup', en, fr, { targets, ...extra }),
  customer: (name: string, en: string, fr?: string, extra: Extra = {}) => attr(name, 'Customer', en, fr, { targets: ['account', 'contact'], ...extra }),
  guid: (name: string, en: string, fr?: string, extra: Extra = {}) => attr(name, 'Uniqueidentifier', en, fr, extra),
  entityName: (name: string, en: string, fr?: string, extra: Extra = {}) => attr(name, 'EntityName', en, fr, { maxLength: 64, ...extra }),
  partyList: (name: string, en: string, fr?: string) => attr(name, 'PartyList', en, fr, { targets: ['*'] }),
};

export function opt(value: number, en: string, fr?: string, extra: Partial<OptionDef> = {}): OptionDef {
  return { value, label: label(en, fr), ...extra };
}

/** States as [value, label, default status], status reasons as [value, label, state]. */
export function stateStatus(states: Array<[number, string, number]>, statuses: Array<[number, string, number]>): AttributeDef[] {
  return [
    attr('statecode', 'State', 'Status', 'Statut', {
      options: states.map(([value, en, defaultStatus]) => opt(value, en, undefined, { defaultStatus, invariantName: en.replace(/\s/g, '') })),
      required: true,
    }),
    attr('statuscode', 'Status', 'Status Reason', 'Raison du statut', {
      options: statuses.map(([value, en, state]) => opt(value, en, undefined, { state })),
    }),
  ];
}

const ACTIVE_INACTIVE = stateStatus(
  [
    [0, 'Active', 1],
    [1, 'Inactive', 2],
  ],
  [
    [1, 'Active', 0],
    [2, 'Inactive', 1],
  ],
);

/** Columns that Dataverse adds to every table of the given ownership. */
export function platformColumns(ownership: TableDef['ownership']): AttributeDef[] {
  const columns = [
    col.date('createdon', 'Created On', 'Créé le', { readOnly: true }),
    col.date('modifiedon', 'Modified On', 'Modifié le', { readOnly: true }),
    col.lookup('createdby', ['systemuser'], 'Created By', 'Créé par', { readOnly: true }),
    col.lookup('modifiedby', ['systemuser'], 'Modified By', 'Modifié par', { readOnly: true }),
    attr('versionnumber', 'BigInt', 'Version Number', undefined, { readOnly: true }),
    col.int('importsequencenumber', 'Import Sequence Number'),
    col.date('overriddencreatedon', 'Record Created On'),
  ];
  if (ownership === 'UserOwned') {
    columns.push(
      attr('ownerid', 'Owner', 'Owner', 'Propriétaire', { targets: ['systemuser', 'team'] }),
      col.lookup('owningbusinessunit', ['businessunit'], 'Owning Business Unit', undefined, { readOnly: true }),
      col.lookup('owninguser', ['systemuser'], 'Owning User', undefined, { readOnly: true }),
      col.lookup('owningteam', ['team'], 'Owning Team', undefined, { readOnly: true }),
    );
  }
  if (ownership === 'OrganizationOwned') columns.push(col.lookup('organizationid', ['organization'], 'Organization', undefined, { readOnly: true }));
  return columns;
}

export interface TableSpec {
  logicalName: string;
  entitySetName: string;
  primaryIdAttribute?: string;
  primaryNameAttribute: string;
  label: Labels;
  collectionLabel: Labels;
  objectTypeCode: number;
  ownership?: TableDef['ownership'];
  isActivity?: boolean;
  isActivityParty?: boolean;
  custom?: boolean;
  readOnly?: boolean;
  schemaName?: string;
  /** Omit statecode/statuscode (systemuser, listmember…) or give the table's own. */
  states?: AttributeDef[] | 'none';
  keys?: TableDef['keys'];
}

export function defineTable(spec: TableSpec, columns: AttributeDef[]): TableDef {
  const primaryIdAttribute = spec.primaryIdAttribute ?? `${spec.logicalName}id`;
  const ownership = spec.ownership ?? 'UserOwned';
  const all: AttributeDef[] = [
    col.guid(primaryIdAttribute, spec.label[1033] ?? spec.logicalName, spec.label[1036]),
    ...platformColumns(ownership),
    ...(spec.states === 'none' ? [] : (spec.states ?? ACTIVE_INACTIVE)),
    ...columns,
  ];
  const attributes: Record<string, AttributeDef> = {};
  for (const a of all) attributes[a.logicalName] = { ...a, metadataId: stableId(`attribute:${spec.logicalName}.${a.logicalName}`) };
  return {
    logicalName: spec.logicalName,
    schemaName: spec.schemaName ?? spec.logicalName,
    entitySetName: spec.entitySetName,
    primaryIdAttribute,
    primaryNameAttribute: spec.primaryNameAttribute,
    label: spec.label,
    collectionLabel: spec.collectionLabel,
    objectTypeCode: spec.objectTypeCode,
    isActivity: spec.isActivity ?? false,
    isActivityParty: spec.isActivityParty ?? false,
    ownership,
    custom: spec.custom ?? false,
    readOnly: spec.readOnly,
    attributes,
    keys: spec.keys ?? [],
    metadataId: stableId(`entity:${spec.logicalName}`),
  };
}
