/** One `<attribute>` of an entity export as the emulator's column definition. */
import { errors } from '../../http/errors';
import { AttributeDef, AttributeType, OptionDef } from '../../metadata/model';
import { stableId } from '../../util/ids';
import { bool, labelsOf, list, optionsOf, text, X } from './xml';

const TYPE_MAP: Record<string, AttributeType> = {
  nvarchar: 'String',
  ntext: 'Memo',
  memo: 'Memo',
  int: 'Integer',
  bigint: 'BigInt',
  decimal: 'Decimal',
  float: 'Double',
  money: 'Money',
  bit: 'Boolean',
  datetime: 'DateTime',
  picklist: 'Picklist',
  multiselectpicklist: 'MultiSelectPicklist',
  state: 'State',
  status: 'Status',
  lookup: 'Lookup',
  customer: 'Customer',
  owner: 'Owner',
  primarykey: 'Uniqueidentifier',
  uniqueidentifier: 'Uniqueidentifier',
  partylist: 'PartyList',
};
/** Column types that exist in exports but have no Web API value the emulator stores. */
const VIRTUAL_TYPES = new Set(['virtual', 'image', 'file', 'managedproperty', 'entityname', 'calendarrules']);

export interface ParsedAttribute {
  def: AttributeDef;
  displayMask: string;
}

export function parseAttribute(optionSets: Record<string, { options: OptionDef[] }>, table: string, a: X): ParsedAttribute {
  const logicalName = (text(a.LogicalName) || text(a.Name)).toLowerCase();
  const rawType = text(a.Type).toLowerCase();
  if (!logicalName) throw errors.invalidArgument(`A column of ${table} has no LogicalName.`);
  let type: AttributeType | undefined = TYPE_MAP[rawType];
  if (!type && VIRTUAL_TYPES.has(rawType)) type = 'Virtual';
  if (!type) throw errors.invalidArgument(`The column ${table}.${logicalName} has the type '${rawType}', which the emulator does not know.`);
  const optionset = list<X>(a.optionset)[0];
  const globalName = text(a.OptionSetName).toLowerCase();
  let options = optionsOf(optionset);
  if (globalName) {
    const global = optionSets[globalName];
    if (!global) throw errors.invalidArgument(`The column ${table}.${logicalName} uses the global choice '${globalName}', which is neither in the solution nor in the environment.`);
    options = global.options;
  }
  if (type === 'Boolean' && options.length === 0) options = [{ value: 1, label: { 1033: 'Yes' } }, { value: 0, label: { 1033: 'No' } }];
  const def: AttributeDef = {
    logicalName,
    schemaName: String(a['@_PhysicalName'] ?? logicalName),
    type,
    label: labelsOf(a.displaynames, 'displayname'),
    custom: bool(a.IsCustomField),
    metadataId: stableId(`attribute:${table}.${logicalName}`),
  };
  if (['String', 'Memo'].includes(type)) def.maxLength = Number(text(a.MaxLength) || (type === 'Memo' ? 2000 : 100));
  if (['Decimal', 'Money'].includes(type)) def.precision = Number(text(a.Accuracy) || 2);
  if (['Integer', 'Decimal', 'Double', 'Money'].includes(type)) {
    if (text(a.MinValue)) def.minValue = Number(text(a.MinValue));
    if (text(a.MaxValue)) def.maxValue = Number(text(a.MaxValue));
  }
  if (type === 'DateTime') def.dateOnly = text(a.Format).toLowerCase() === 'date' || text(a.Behavior) === '3';
  if (options.length) def.options = options;
  if (globalName) {
    def.optionSetName = globalName;
    def.globalOptionSet = true;
  } else if (optionset) def.optionSetName = String(optionset['@_Name'] ?? `${table}_${logicalName}`);
  const appDefault = text(a.AppDefaultValue);
  if (appDefault && appDefault !== '-1' && (type === 'Picklist' || type === 'Boolean')) def.defaultValue = type === 'Boolean' ? appDefault === '1' : Number(appDefault);
  if (['Lookup', 'Customer', 'Owner'].includes(type)) def.targets = type === 'Customer' ? ['account', 'contact'] : type === 'Owner' ? ['systemuser', 'team'] : [];
  if (logicalName === 'regardingobjectid') def.targets = ['*'];
  if (type === 'PartyList') def.targets = ['*'];
  return { def, displayMask: text(a.DisplayMask) };
}
