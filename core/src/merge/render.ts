import { parseTemplate, fieldKey, type ParsedTemplate } from './parse';
import { formatMergeValue, isEmptyMergeValue } from './format';
import type { MergeData, MergeField, MergeRecord, MergeValue, RenderOptions } from './types';

export interface RenderResult {
  text: string;
  /** Fields whose column the data does not have (unknown column, or a lookup not expanded). */
  missing: string[];
  /** Known fields that were empty and had no fallback: rendered as nothing, worth a warning. */
  empty: string[];
}

type Lookup = { found: true; value: MergeValue } | { found: false };

function resolve(field: MergeField, data: MergeData): Lookup {
  const record: MergeRecord | null | undefined = field.scope === 'regarding' ? data.regarding : data.recipient;
  if (!record) return { found: false };
  if (!field.lookup) {
    const value = record[field.attribute];
    return value === undefined ? { found: false } : { found: true, value };
  }
  const lookup = record[field.lookup];
  if (lookup === undefined) return { found: false };
  // An empty lookup makes every column behind it empty, not unknown.
  if (lookup === null) return { found: true, value: null };
  if (typeof lookup !== 'object' || lookup instanceof Date || lookup.kind !== 'lookup' || !lookup.record) return { found: false };
  const value = lookup.record[field.attribute];
  return value === undefined ? { found: false } : { found: true, value };
}

/**
 * Replaces merge fields with the recipient's (and regarding row's) values formatted for the
 * locale. Unknown fields are kept as written and listed in `missing`: never silently emptied.
 */
export function renderTemplate(template: string | ParsedTemplate, data: MergeData, options: RenderOptions = {}): RenderResult {
  const parsed = typeof template === 'string' ? parseTemplate(template) : template;
  const { text, occurrences } = parsed;
  if (occurrences.length === 0) return { text, missing: [], empty: [] };
  const missing: string[] = [];
  const empty: string[] = [];
  let out = '';
  let last = 0;
  for (const field of occurrences) {
    out += text.slice(last, field.start);
    last = field.end;
    const found = resolve(field, data);
    if (!found.found) {
      const key = fieldKey(field);
      if (!missing.includes(key)) missing.push(key);
      out += field.raw;
      continue;
    }
    if (isEmptyMergeValue(found.value)) {
      if (field.fallback !== undefined) out += field.fallback;
      else {
        const key = fieldKey(field);
        if (!empty.includes(key)) empty.push(key);
      }
      continue;
    }
    out += formatMergeValue(found.value, options);
  }
  out += text.slice(last);
  return { text: out, missing, empty };
}
