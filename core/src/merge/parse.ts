import type { MergeField } from './types';

/**
 * `[attr]`, `[lookup.attr]`, `[regarding:attr]`, `[regarding:lookup.attr]`, each with an optional
 * `|fallback`. Brackets holding anything else ("[50% off]") are plain text.
 */
const FIELD = /\[(regarding:)?([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?(?:\|([^\]\n]*))?\]/g;

export interface ParsedTemplate {
  text: string;
  /** Every occurrence, in order. */
  occurrences: MergeField[];
  /** Distinct fields (by scope, lookup and attribute), in order of first use. */
  fields: MergeField[];
}

const cache = new Map<string, ParsedTemplate>();
const CACHE_LIMIT = 256;

export function parseTemplate(text: string): ParsedTemplate {
  const cached = cache.get(text);
  if (cached) return cached;
  const occurrences: MergeField[] = [];
  const seen = new Map<string, MergeField>();
  for (const match of text.matchAll(FIELD)) {
    const [raw, regarding, first, second, fallback] = match;
    const start = match.index ?? 0;
    const field: MergeField = {
      raw,
      scope: regarding ? 'regarding' : 'recipient',
      attribute: (second ?? first ?? '').toLowerCase(),
      start,
      end: start + raw.length,
    };
    if (second !== undefined && first !== undefined) field.lookup = first.toLowerCase();
    if (fallback !== undefined) field.fallback = fallback;
    occurrences.push(field);
    const key = fieldKey(field);
    if (!seen.has(key)) seen.set(key, field);
  }
  const parsed: ParsedTemplate = { text, occurrences, fields: [...seen.values()] };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, parsed);
  return parsed;
}

/** `regarding:customerid.name`: identifies a field regardless of its fallback. */
export function fieldKey(field: Pick<MergeField, 'scope' | 'lookup' | 'attribute'>): string {
  const path = field.lookup ? `${field.lookup}.${field.attribute}` : field.attribute;
  return field.scope === 'regarding' ? `regarding:${path}` : path;
}

/** Columns to read for a template: per scope, the direct columns and the lookups to expand. */
export function requiredColumns(parsed: ParsedTemplate): {
  recipient: { attributes: string[]; lookups: Record<string, string[]> };
  regarding: { attributes: string[]; lookups: Record<string, string[]> };
} {
  const result = {
    recipient: { attributes: [] as string[], lookups: {} as Record<string, string[]> },
    regarding: { attributes: [] as string[], lookups: {} as Record<string, string[]> },
  };
  for (const field of parsed.fields) {
    const target = result[field.scope];
    if (field.lookup) {
      const list = (target.lookups[field.lookup] ??= []);
      if (!list.includes(field.attribute)) list.push(field.attribute);
    } else if (!target.attributes.includes(field.attribute)) {
      target.attributes.push(field.attribute);
    }
  }
  return result;
}
