/**
 * Table definitions through the Web API (powerapps-docs: query-metadata-web-api):
 * EntityDefinitions, EntityDefinitions(LogicalName='…') and its Attributes, attribute casts such as
 * Microsoft.Dynamics.CRM.PicklistAttributeMetadata with $expand=OptionSet, and
 * GlobalOptionSetDefinitions(Name='…'). $select and simple $filter are applied in memory.
 */
import { Engine } from '../engine';
import { errors } from '../http/errors';
import { ApiResponse, json, segmentKey } from '../http/request';
import { parseFilter } from '../query/filter-parser';
import { evaluate } from '../query/evaluate';
import { AttributeDef, hasOptions, Labels, OptionDef, TableDef } from './model';

const USER_LANGUAGE = 1033;

export function labelJson(labels: Labels): Record<string, unknown> {
  const localized = Object.entries(labels).map(([lcid, text]) => ({ Label: text, LanguageCode: Number(lcid), IsManaged: false, MetadataId: null, HasChanged: null }));
  const user = localized.find((l) => l.LanguageCode === USER_LANGUAGE) ?? localized[0] ?? null;
  return { LocalizedLabels: localized, UserLocalizedLabel: user };
}

const TYPE_NAMES: Record<string, [string, string]> = {
  String: ['StringAttributeMetadata', 'StringType'],
  Memo: ['MemoAttributeMetadata', 'MemoType'],
  Integer: ['IntegerAttributeMetadata', 'IntegerType'],
  BigInt: ['BigIntAttributeMetadata', 'BigIntType'],
  Decimal: ['DecimalAttributeMetadata', 'DecimalType'],
  Double: ['DoubleAttributeMetadata', 'DoubleType'],
  Money: ['MoneyAttributeMetadata', 'MoneyType'],
  Boolean: ['BooleanAttributeMetadata', 'BooleanType'],
  DateTime: ['DateTimeAttributeMetadata', 'DateTimeType'],
  Picklist: ['PicklistAttributeMetadata', 'PicklistType'],
  MultiSelectPicklist: ['MultiSelectPicklistAttributeMetadata', 'MultiSelectPicklistType'],
  State: ['StateAttributeMetadata', 'StateType'],
  Status: ['StatusAttributeMetadata', 'StatusType'],
  Lookup: ['LookupAttributeMetadata', 'LookupType'],
  Customer: ['LookupAttributeMetadata', 'CustomerType'],
  Owner: ['LookupAttributeMetadata', 'OwnerType'],
  PartyList: ['LookupAttributeMetadata', 'PartyListType'],
  Uniqueidentifier: ['UniqueIdentifierAttributeMetadata', 'UniqueidentifierType'],
  EntityName: ['EntityNameAttributeMetadata', 'EntityNameType'],
  Virtual: ['AttributeMetadata', 'VirtualType'],
};

function optionJson(o: OptionDef): Record<string, unknown> {
  const out: Record<string, unknown> = { Value: o.value, Label: labelJson(o.label), Description: labelJson({}) };
  if (o.state !== undefined) out.State = o.state;
  if (o.defaultStatus !== undefined) out.DefaultStatus = o.defaultStatus;
  if (o.invariantName) out.InvariantName = o.invariantName;
  return out;
}

function optionSetJson(table: TableDef, a: AttributeDef): Record<string, unknown> {
  const options = a.options ?? [];
  const base = { MetadataId: a.metadataId, Name: a.optionSetName ?? `${table.logicalName}_${a.logicalName}`, IsGlobal: !!a.globalOptionSet, IsCustomOptionSet: !!a.custom, DisplayName: labelJson(a.label) };
  if (a.type === 'Boolean') {
    return { ...base, OptionSetType: 'Boolean', TrueOption: optionJson(options.find((o) => o.value === 1) ?? { value: 1, label: { 1033: 'Yes' } }), FalseOption: optionJson(options.find((o) => o.value === 0) ?? { value: 0, label: { 1033: 'No' } }) };
  }
  return { ...base, OptionSetType: a.type === 'State' ? 'State' : a.type === 'Status' ? 'Status' : 'Picklist', Options: options.map(optionJson) };
}

export function attributeJson(engine: Engine, table: TableDef, a: AttributeDef): Record<string, unknown> {
  const [metadataType, typeName] = TYPE_NAMES[a.type] ?? ['AttributeMetadata', 'VirtualType'];
  const out: Record<string, unknown> = {
    '@odata.type': `#Microsoft.Dynamics.CRM.${metadataType}`,
    MetadataId: a.metadataId,
    LogicalName: a.logicalName,
    SchemaName: a.schemaName,
    EntityLogicalName: table.logicalName,
    AttributeType: a.type,
    AttributeTypeName: { Value: typeName },
    DisplayName: labelJson(a.label),
    Description: labelJson({}),
    IsCustomAttribute: !!a.custom,
    IsPrimaryId: a.logicalName === table.primaryIdAttribute,
    IsPrimaryName: a.logicalName === table.primaryNameAttribute,
    IsValidForRead: !a.writeOnly,
    IsValidForCreate: !a.readOnly,
    IsValidForUpdate: !a.readOnly && a.logicalName !== table.primaryIdAttribute,
    IsSecured: a.logicalName === 'authvalue',
    RequiredLevel: { Value: a.required ? 'SystemRequired' : 'None', CanBeChanged: true, ManagedPropertyLogicalName: 'canmodifyrequirementlevelsettings' },
    AttributeOf: null,
  };
  if (a.maxLength !== undefined) out.MaxLength = a.maxLength;
  if (a.precision !== undefined) out.Precision = a.precision;
  if (a.minValue !== undefined) out.MinValue = a.minValue;
  if (a.maxValue !== undefined) out.MaxValue = a.maxValue;
  if (a.type === 'DateTime') {
    out.Format = a.dateOnly ? 'DateOnly' : 'DateAndTime';
    out.DateTimeBehavior = { Value: a.dateOnly ? 'DateOnly' : 'UserLocal' };
  }
  if (a.targets) out.Targets = engine.schema.targetsOf(table, a);
  if (hasOptions(a.type) && a.defaultValue !== undefined) out.DefaultFormValue = typeof a.defaultValue === 'boolean' ? Number(a.defaultValue) : a.defaultValue;
  return out;
}

export function entityJson(table: TableDef): Record<string, unknown> {
  return {
    '@odata.type': '#Microsoft.Dynamics.CRM.EntityMetadata',
    MetadataId: table.metadataId,
    LogicalName: table.logicalName,
    SchemaName: table.schemaName,
    EntitySetName: table.entitySetName,
    LogicalCollectionName: table.entitySetName,
    PrimaryIdAttribute: table.primaryIdAttribute,
    PrimaryNameAttribute: table.primaryNameAttribute,
    ObjectTypeCode: table.objectTypeCode,
    IsActivity: table.isActivity,
    IsActivityParty: table.isActivityParty,
    IsCustomEntity: table.custom,
    OwnershipType: table.ownership === 'UserOwned' ? 'UserOwned' : table.ownership === 'OrganizationOwned' ? 'OrganizationOwned' : table.ownership === 'BusinessOwned' ? 'BusinessOwned' : 'None',
    DisplayName: labelJson(table.label),
    DisplayCollectionName: labelJson(table.collectionLabel),
    Description: labelJson({}),
    Keys: table.keys.map((k) => ({ LogicalName: k.logicalName, KeyAttributes: k.attributes })),
  };
}

function project(item: Record<string, unknown>, select: string | undefined, always: string[]): Record<string, unknown> {
  if (!select) return item;
  const names = select.split(',').map((s) => s.trim());
  const out: Record<string, unknown> = {};
  for (const k of ['@odata.type', ...always, ...names]) if (k in item) out[k] = item[k];
  return out;
}

function collection(root: string, context: string, items: Array<Record<string, unknown>>, query: Record<string, string>, always: string[]): ApiResponse {
  let list = items;
  if (query.$filter) {
    const tree = parseFilter(query.$filter);
    list = list.filter((i) => evaluate(tree, i));
  }
  return json(200, { '@odata.context': `${root}$metadata#${context}`, value: list.map((i) => project(i, query.$select, always)) });
}

function keyValue(key: string | undefined, name: string): string | undefined {
  if (!key) return undefined;
  const m = new RegExp(`^${name}='([^']*)'$`).exec(key);
  return m ? m[1] : key.replace(/[{}]/g, '');
}

export function metadataRequest(engine: Engine, segments: string[], query: Record<string, string>, root: string): ApiResponse {
  const { name, key } = segmentKey(segments[0]!);
  if (name === 'GlobalOptionSetDefinitions') {
    const wanted = keyValue(key, 'Name');
    const sets = Object.values(engine.schema.model.optionSets).map((o) => ({ '@odata.type': '#Microsoft.Dynamics.CRM.OptionSetMetadata', MetadataId: o.metadataId, Name: o.name, IsGlobal: true, OptionSetType: o.type, DisplayName: labelJson(o.label), Options: o.options.map(optionJson) }));
    if (!wanted) return collection(root, 'GlobalOptionSetDefinitions', sets, query, ['MetadataId']);
    const found = sets.find((s) => s.Name === wanted || s.MetadataId === wanted);
    if (!found) throw errors.resourceNotFound(`GlobalOptionSetDefinitions(Name='${wanted}')`);
    return json(200, { '@odata.context': `${root}$metadata#GlobalOptionSetDefinitions/$entity`, ...found });
  }
  if (name === 'RelationshipDefinitions') throw errors.badQuery('RelationshipDefinitions are not served by the emulator.');
  if (!key) return collection(root, 'EntityDefinitions', engine.schema.tables().map(entityJson), query, ['MetadataId']);
  const wanted = keyValue(key, 'LogicalName')!;
  const table = engine.schema.table(wanted) ?? engine.schema.tables().find((t) => t.metadataId === wanted);
  if (!table) throw errors.notFoundByKey('EntityMetadata', wanted);
  if (segments.length === 1) {
    const entity = entityJson(table);
    if ((query.$expand ?? '').startsWith('Attributes')) entity.Attributes = Object.values(table.attributes).map((a) => attributeJson(engine, table, a));
    return json(200, { '@odata.context': `${root}$metadata#EntityDefinitions/$entity`, ...project(entity, query.$select, ['MetadataId', 'Attributes']) });
  }
  const { name: sub, key: attrKey } = segmentKey(segments[1]!);
  if (sub !== 'Attributes') throw errors.resourceNotFound(sub);
  const cast = segments.slice(2).find((s) => s.startsWith('Microsoft.Dynamics.CRM.'))?.replace('Microsoft.Dynamics.CRM.', '');
  const expand = (query.$expand ?? '').split(',').map((s) => s.trim().replace(/\(.*\)$/, ''));
  const render = (a: AttributeDef) => {
    const item = attributeJson(engine, table, a);
    if (hasOptions(a.type) && (expand.includes('OptionSet') || expand.includes('GlobalOptionSet'))) {
      const os = optionSetJson(table, a);
      if (expand.includes('OptionSet')) item.OptionSet = os;
      if (expand.includes('GlobalOptionSet')) item.GlobalOptionSet = a.globalOptionSet ? os : null;
    }
    return item;
  };
  let attributes = Object.values(table.attributes).filter((a) => a.type !== 'Virtual' || true);
  if (cast) attributes = attributes.filter((a) => (TYPE_NAMES[a.type]?.[0] ?? 'AttributeMetadata') === cast);
  if (attrKey) {
    const attrName = keyValue(attrKey, 'LogicalName')!;
    const a = attributes.find((x) => x.logicalName === attrName || x.metadataId === attrName);
    if (!a) throw errors.notFoundByKey('AttributeMetadata', attrName);
    const item = render(a);
    return json(200, { '@odata.context': `${root}$metadata#EntityDefinitions('${table.logicalName}')/Attributes/$entity`, ...project(item, query.$select, ['MetadataId', 'OptionSet', 'GlobalOptionSet']) });
  }
  return collection(root, `EntityDefinitions('${table.logicalName}')/Attributes${cast ? `/Microsoft.Dynamics.CRM.${cast}` : ''}`, attributes.map(render), query, ['MetadataId', 'OptionSet', 'GlobalOptionSet']);
}
