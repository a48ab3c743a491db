import type { DynamicsWebApi } from 'dynamics-web-api';
import { mergeRecordFromWebApi, type MergeRecord, type MergeValue } from '@smsc/core';
import type { MarketingList } from '../dataverse/campaign-repository';
import type { MetadataCache, TableMetadata } from '../dataverse/metadata';
import { dataverse } from '../dataverse/web-api';
import { linked, linkedAnnotation, PRIMARY_CONTACT_ALIAS, recipientQuery, type MergeColumns } from './recipient-query';

/** A recipient as collected: JSON-safe, so that any instance can finish the run. */
export interface CollectedRecipient {
  id: string;
  table: string;
  name: string;
  /** As stored: the contact's or lead's mobile, an account's primary contact's. */
  phone: string | null;
  /** For an account: the primary contact the number belongs to. */
  via: { id: string; name: string } | null;
  data: JsonRecord;
}

/** A merge record with dates as { $date } so that it survives JSON. */
export type JsonRecord = Record<string, unknown>;

const FORMATTED = '@OData.Community.Display.V1.FormattedValue';

export function toJsonRecord(record: MergeRecord): JsonRecord {
  const out: JsonRecord = {};
  for (const [key, value] of Object.entries(record)) {
    if (value instanceof Date) out[key] = { $date: value.toISOString() };
    else if (value && typeof value === 'object' && 'kind' in value && value.kind === 'lookup' && value.record) out[key] = { ...value, record: toJsonRecord(value.record) };
    else out[key] = value;
  }
  return out;
}

export function fromJsonRecord(record: JsonRecord): MergeRecord {
  const out: Record<string, MergeValue> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value && typeof value === 'object' && '$date' in value) out[key] = new Date(String((value as { $date: string }).$date));
    else if (value && typeof value === 'object' && (value as { kind?: string }).kind === 'lookup' && (value as { record?: JsonRecord }).record) {
      const lookup = value as { record: JsonRecord };
      out[key] = { ...(value as object), record: fromJsonRecord(lookup.record) } as MergeValue;
    } else out[key] = value as MergeValue;
  }
  return out;
}

export interface RecipientPage {
  recipients: CollectedRecipient[];
  /** Paging cookie of the next page, null on the last page. */
  next: string | null;
}

/** Reads one page (at most 5,000 members) of a marketing list with everything the campaign needs. */
export async function readRecipientPage(api: DynamicsWebApi, metadata: MetadataCache, list: MarketingList, columns: MergeColumns, page: number, cookie: string | null): Promise<RecipientPage> {
  const table = await metadata.table(list.table);
  const relatedTables = new Map<string, TableMetadata>();
  for (const lookup of Object.keys(columns.lookups)) {
    for (const target of table.lookupTargets.get(lookup) ?? []) relatedTables.set(target, await metadata.table(target));
  }
  const plan = recipientQuery(list, table, columns, (t) => relatedTables.get(t), page, cookie);
  const response = await dataverse(`Reading page ${page} of marketing list "${list.name}"`, () =>
    api.fetch<Record<string, unknown>>({ collection: table.entitySetName, fetchXml: plan.fetchXml, includeAnnotations: '*' }),
  );
  const attributeTypes = Object.fromEntries(table.attributes);
  const recipients = response.value.map((row): CollectedRecipient => {
    const related: Record<string, MergeRecord> = {};
    for (const [lookup, aliases] of Object.entries(plan.lookupAliases)) {
      for (const { alias, table: target } of aliases) {
        const targetTable = relatedTables.get(target) as TableMetadata;
        if (!linked(row, alias, targetTable.primaryIdAttribute)) continue;
        const linkedRow: Record<string, unknown> = {};
        for (const column of columns.lookups[lookup] ?? []) {
          if (!targetTable.attributes.has(column)) continue;
          linkedRow[column] = linked(row, alias, column) ?? null;
          const formatted = linkedAnnotation(row, alias, column, FORMATTED);
          if (formatted !== undefined) linkedRow[`${column}${FORMATTED}`] = formatted;
        }
        related[lookup] = mergeRecordFromWebApi(linkedRow, { attributeTypes: Object.fromEntries(targetTable.attributes) });
      }
    }
    const record = mergeRecordFromWebApi(row, { attributeTypes, related });
    const viaId = list.table === 'account' ? (linked(row, PRIMARY_CONTACT_ALIAS, 'contactid') as string | undefined) : undefined;
    return {
      id: String(row[table.primaryIdAttribute]),
      table: list.table,
      name: String(row[table.primaryNameAttribute] ?? ''),
      phone: ((list.table === 'account' ? linked(row, PRIMARY_CONTACT_ALIAS, 'mobilephone') : row.mobilephone) as string | null | undefined) || null,
      via: viaId ? { id: viaId, name: String(linked(row, PRIMARY_CONTACT_ALIAS, 'fullname') ?? '') } : null,
      data: toJsonRecord(record),
    };
  });
  const next = response.PagingInfo?.cookie && response.value.length >= 5000 ? response.PagingInfo.cookie : null;
  return { recipients, next };
}

