/** Reading solution XML (fast-xml-parser): the tags that repeat, and small typed accessors. */
import { XMLParser } from 'fast-xml-parser';
import { Labels, OptionDef } from '../../metadata/model';

/** A parsed XML element: attributes as `@_name`, text as `#text`, children by tag. */
export type X = Record<string, unknown>;

const ARRAY_TAGS = new Set(['Entity', 'attribute', 'option', 'label', 'displayname', 'LocalizedName', 'LocalizedCollectionName', 'state', 'status', 'optionset', 'EntityRelationship', 'EntityRelationshipRole', 'ServiceEndpoint', 'SdkMessageProcessingStep', 'SdkMessageProcessingStepImage', 'WebResource', 'Workflow', 'EntityKey', 'AttributeName', 'KeyAttribute', 'RootComponent']);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, trimValues: true, isArray: (name) => ARRAY_TAGS.has(name) });

export function parseXml(source: string): X {
  return parser.parse(source.replace(/^\uFEFF/, '')) as X;
}

export const text = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'object' ? String((v as X)['#text'] ?? '') : String(v)).trim();
export const list = <T = X>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : v === undefined || v === null || v === '' ? [] : [v as T]);
export const bool = (v: unknown) => ['1', 'true'].includes(text(v).toLowerCase());
/** The child element `name` of `parent`, or an empty element. */
export const child = (parent: unknown, name: string): X => (((parent as X | undefined)?.[name] ?? {}) as X);

export function labelsOf(container: unknown, item: string): Labels {
  const labels: Labels = {};
  for (const l of list<X>((container as X | undefined)?.[item])) {
    const lcid = Number(l['@_languagecode']);
    if (lcid) labels[lcid] = String(l['@_description'] ?? '');
  }
  return labels;
}

export function optionsOf(optionset: X | undefined): OptionDef[] {
  if (!optionset) return [];
  const options: OptionDef[] = [];
  for (const o of list<X>((optionset.options as X | undefined)?.option)) options.push({ value: Number(o['@_value']), label: labelsOf(o.labels, 'label') });
  for (const s of list<X>((optionset.states as X | undefined)?.state)) options.push({ value: Number(s['@_value']), label: labelsOf(s.labels, 'label'), defaultStatus: Number(s['@_defaultstatus']), invariantName: String(s['@_invariantname'] ?? '') });
  for (const s of list<X>((optionset.statuses as X | undefined)?.status)) options.push({ value: Number(s['@_value']), label: labelsOf(s.labels, 'label'), state: Number(s['@_state']) });
  return options;
}
