import type { MergeRecord, MergeValue } from './types';

/** Dataverse attribute types (AttributeMetadata.AttributeType, lower-cased) that change how a value renders. */
export type AttributeKind =
  | 'string'
  | 'memo'
  | 'integer'
  | 'bigint'
  | 'decimal'
  | 'double'
  | 'money'
  | 'boolean'
  | 'datetime'
  | 'dateonly'
  | 'picklist'
  | 'multiselectpicklist'
  | 'state'
  | 'status'
  | 'lookup'
  | 'customer'
  | 'owner'
  | 'uniqueidentifier';

const FORMATTED = '@OData.Community.Display.V1.FormattedValue';
const LOGICAL_NAME = '@Microsoft.Dynamics.CRM.lookuplogicalname';
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface FromWebApiOptions {
  /** Attribute types by logical name, from EntityDefinitions; without them types are inferred. */
  attributeTypes?: Readonly<Record<string, AttributeKind>>;
  /** Related rows by lookup attribute, for `[lookup.attribute]`. */
  related?: Readonly<Record<string, MergeRecord>>;
  /** ISO code of the row's currency, for money columns. */
  currency?: string;
}

/**
 * Turns a Web API row (read with `odata.include-annotations="*"`) into a merge record: lookups
 * from `_x_value` with their name and table, choices with their label, money and dates typed.
 */
export function mergeRecordFromWebApi(row: Readonly<Record<string, unknown>>, options: FromWebApiOptions = {}): MergeRecord {
  const types = options.attributeTypes ?? {};
  const record: Record<string, MergeValue> = {};
  for (const key of Object.keys(row)) {
    if (key.includes('@') || key.startsWith('@')) continue;
    const raw = row[key];
    const lookupMatch = /^_(.+)_value$/.exec(key);
    if (lookupMatch) {
      const attribute = lookupMatch[1] as string;
      const relatedRecord = options.related?.[attribute];
      record[attribute] =
        typeof raw === 'string'
          ? {
              kind: 'lookup',
              id: raw,
              entity: String(row[key + LOGICAL_NAME] ?? ''),
              name: (row[key + FORMATTED] as string | undefined) ?? null,
              ...(relatedRecord ? { record: relatedRecord } : {}),
            }
          : null;
      continue;
    }
    if (raw instanceof Date) {
      // Clients such as dynamics-web-api parse dates already; a date-only column stays a calendar day.
      record[key] = types[key] === 'dateonly' ? { kind: 'date', value: raw.toISOString().slice(0, 10) } : raw;
      continue;
    }
    if (raw !== null && typeof raw === 'object') continue; // expanded navigation properties
    record[key] = typedValue(raw as string | number | boolean | null | undefined, types[key], row[key + FORMATTED] as string | undefined, options.currency);
  }
  return record;
}

function typedValue(raw: string | number | boolean | null | undefined, kind: AttributeKind | undefined, formatted: string | undefined, currency: string | undefined): MergeValue {
  if (raw === null || raw === undefined) return null;
  switch (kind) {
    case 'money':
      return typeof raw === 'number' ? { kind: 'money', amount: raw, ...(currency ? { currency } : {}) } : String(raw);
    case 'picklist':
    case 'state':
    case 'status':
      return { kind: 'choice', value: Number(raw), label: formatted ?? String(raw) };
    case 'multiselectpicklist': {
      const values = String(raw).split(',').map(Number);
      const labels = formatted ? formatted.split(/;\s*/) : values.map(String);
      return { kind: 'choice', value: values, label: labels };
    }
    case 'datetime':
      // "Date only" columns come back as a bare YYYY-MM-DD: keep them as calendar days.
      if (typeof raw === 'string' && ISO_DATE.test(raw)) return { kind: 'date', value: raw };
      return typeof raw === 'string' ? new Date(raw) : raw;
    case 'dateonly':
      return typeof raw === 'string' ? { kind: 'date', value: raw.slice(0, 10) } : raw;
    case undefined:
      // Without metadata, Dataverse's own formatting (label, amount with currency) is the best guess.
      if (typeof raw !== 'string' && formatted !== undefined) return formatted.replace(/[\u00a0\u202f]/g, ' ');
      if (typeof raw === 'string' && ISO_DATETIME.test(raw)) return new Date(raw);
      if (typeof raw === 'string' && ISO_DATE.test(raw)) return { kind: 'date', value: raw };
      return raw;
    default:
      return raw;
  }
}
