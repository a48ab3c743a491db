/** One `<attribute>` of Entity.xml, in the element order of platform exports (reference §3.2, §10.1). */
import { localized, type Label } from '../../definitions/labels';
import { el, type XmlElement } from '../xml/tree';

export interface AttributeSpec {
  physicalName: string;
  type: string;
  required?: 'none' | 'systemrequired' | 'required' | 'recommended';
  displayMask?: string;
  imeMode?: 'auto' | 'inactive' | 'disabled' | 'active';
  create?: boolean;
  read?: boolean;
  update?: boolean;
  custom?: boolean;
  secured?: boolean;
  introducedVersion: string;
  label: Label;
  description: Label;
  /** Type-specific children (Format, MaxLength, optionset, LookupTypes…). */
  details?: XmlElement[];
}

const flag = (value: boolean | undefined, fallback: boolean): string => ((value ?? fallback) ? '1' : '0');

export function labelsElement(container: string, item: string, value: Label): XmlElement {
  return el(container, {}, ...localized(value).map(([code, text]) => el(item, { description: text, languagecode: code })));
}

export function attributeXml(spec: AttributeSpec): XmlElement {
  const logical = spec.physicalName.toLowerCase();
  return el(
    'attribute',
    { PhysicalName: spec.physicalName },
    el('Type', {}, spec.type),
    el('Name', {}, logical),
    el('LogicalName', {}, logical),
    el('RequiredLevel', {}, spec.required ?? 'none'),
    spec.displayMask !== undefined && el('DisplayMask', {}, spec.displayMask),
    el('ImeMode', {}, spec.imeMode ?? 'auto'),
    el('ValidForUpdateApi', {}, flag(spec.update, true)),
    el('ValidForReadApi', {}, flag(spec.read, true)),
    el('ValidForCreateApi', {}, flag(spec.create, true)),
    el('IsCustomField', {}, flag(spec.custom, false)),
    el('IsAuditEnabled', {}, '1'),
    el('IsSecured', {}, flag(spec.secured, false)),
    el('IntroducedVersion', {}, spec.introducedVersion),
    el('IsCustomizable', {}, '1'),
    el('IsRenameable', {}, '1'),
    el('CanModifySearchSettings', {}, '1'),
    el('CanModifyRequirementLevelSettings', {}, '1'),
    el('CanModifyAdditionalSettings', {}, '1'),
    el('SourceType', {}, '0'),
    el('IsGlobalFilterEnabled', {}, '0'),
    el('IsSortableEnabled', {}, '0'),
    el('CanModifyGlobalFilterSettings', {}, '1'),
    el('CanModifyIsSortableSettings', {}, '1'),
    el('IsDataSourceSecret', {}, '0'),
    ...(spec.details ?? []),
    labelsElement('displaynames', 'displayname', spec.label),
    labelsElement('Descriptions', 'Description', spec.description),
  );
}

export const text = (maxLength: number, format = 'text'): XmlElement[] => [el('Format', {}, format), el('MaxLength', {}, String(maxLength)), el('Length', {}, String(maxLength * 2))];
export const memo = (maxLength: number, format = 'text'): XmlElement[] => [el('Format', {}, format), el('MaxLength', {}, String(maxLength))];
export const whole = (min: number, max: number, format = ''): XmlElement[] => [el('Format', {}, format), el('MinValue', {}, String(min)), el('MaxValue', {}, String(max))];
export const dateTime = (format: 'date' | 'datetime', behavior = 1): XmlElement[] => [el('Format', {}, format), el('CanChangeDateTimeBehavior', {}, '0'), el('Behavior', {}, String(behavior))];
export const lookup = (style: 'single' | 'multi', types: number[]): XmlElement[] => [
  el('LookupStyle', {}, style),
  el('LookupTypes', {}, ...types.map((t) => el('LookupType', { id: '00000000-0000-0000-0000-000000000000' }, String(t)))),
];
export const globalChoice = (optionSet: string, defaultValue = -1): XmlElement[] => [el('AppDefaultValue', {}, String(defaultValue)), el('OptionSetName', {}, optionSet)];

export function optionsXml(options: Array<{ value: number; label: Label }>): XmlElement {
  return el(
    'options',
    {},
    ...options.map((o) => el('option', { value: o.value, ExternalValue: '' }, labelsElement('labels', 'label', o.label))),
  );
}

/** A choice local to the column (status reasons, two options, inherited activity choices). */
export function localChoice(kind: 'picklist' | 'bit', optionSetName: string, title: Label, options: Array<{ value: number; label: Label }>, defaultValue: number, introducedVersion: string): XmlElement[] {
  return [
    el('AppDefaultValue', {}, String(defaultValue)),
    el(
      'optionset',
      { Name: optionSetName },
      el('OptionSetType', {}, kind),
      el('IntroducedVersion', {}, introducedVersion),
      el('IsCustomizable', {}, '1'),
      labelsElement('displaynames', 'displayname', title),
      labelsElement('Descriptions', 'Description', title),
      optionsXml(options),
    ),
  ];
}
