/**
 * Reads what a template's merge fields need from Dataverse: the columns it names (those the table
 * really has; the others stay absent so that renderTemplate reports them as missing) and, for
 * `[lookup.column]`, the related row one level down.
 */
import { mergeRecordFromWebApi, parseTemplate, requiredColumns, type MergeData, type MergeRecord } from '@smsc/core';
import type { DataPort, EntityRef, MetadataPort } from '../xrm/ports';
import { isLookupType } from './metadata';
import { bareId } from '../xrm/custom-api';

const LOGICAL_NAME = '@Microsoft.Dynamics.CRM.lookuplogicalname';

interface Needed {
  attributes: string[];
  lookups: Record<string, string[]>;
}

async function selectFor(metadata: MetadataPort, entity: string, names: string[]): Promise<string[]> {
  const table = await metadata.table(entity);
  if (!table) return [];
  const select: string[] = [];
  for (const name of names) {
    const column = table.columns.find((c) => c.logicalName === name);
    if (!column) continue;
    const key = isLookupType(column.type) ? `_${name}_value` : name;
    if (!select.includes(key)) select.push(key);
  }
  return select;
}

async function loadRecord(data: DataPort, metadata: MetadataPort, ref: EntityRef, needed: Needed): Promise<MergeRecord> {
  const lookupNames = Object.keys(needed.lookups);
  const select = await selectFor(metadata, ref.entityType, [...needed.attributes, ...lookupNames]);
  if (select.length === 0) return {};
  const row = await data.retrieveRecord(ref.entityType, bareId(ref.id), `?$select=${select.join(',')}`);
  const related: Record<string, MergeRecord> = {};
  for (const lookup of lookupNames) {
    const id = row[`_${lookup}_value`];
    const target = row[`_${lookup}_value${LOGICAL_NAME}`];
    if (typeof id !== 'string' || typeof target !== 'string') continue;
    related[lookup] = await loadRecord(data, metadata, { entityType: target, id }, { attributes: needed.lookups[lookup] ?? [], lookups: {} });
  }
  return mergeRecordFromWebApi(row, { related });
}

/** The merge data of a template for one recipient (and the row it is about, for `[regarding:…]`). */
export async function loadMergeData(
  data: DataPort,
  metadata: MetadataPort,
  template: string,
  recipient: EntityRef,
  regarding?: EntityRef | null,
): Promise<MergeData> {
  const needed = requiredColumns(parseTemplate(template));
  const recipientRecord = await loadRecord(data, metadata, recipient, needed.recipient);
  const usesRegarding = needed.regarding.attributes.length > 0 || Object.keys(needed.regarding.lookups).length > 0;
  const regardingRecord = usesRegarding && regarding ? await loadRecord(data, metadata, regarding, needed.regarding) : null;
  return { recipient: recipientRecord, regarding: regardingRecord };
}

/** Merge fields of a template that the table does not have (`[lookup.column]` checked one level down). */
export async function unknownFields(metadata: MetadataPort, entity: string, template: string): Promise<string[]> {
  const table = await metadata.table(entity);
  const unknown: string[] = [];
  for (const field of parseTemplate(template).fields) {
    if (field.scope === 'regarding') continue; // the regarding table is only known per send
    const name = field.lookup ?? field.attribute;
    const column = table?.columns.find((c) => c.logicalName === name);
    const path = field.lookup ? `${field.lookup}.${field.attribute}` : field.attribute;
    if (!column || (field.lookup && !isLookupType(column.type))) {
      unknown.push(path);
      continue;
    }
    if (!field.lookup) continue;
    let found = false;
    for (const target of column.targets) {
      const related = await metadata.table(target);
      if (related?.columns.some((c) => c.logicalName === field.attribute)) found = true;
    }
    if (!found) unknown.push(path);
  }
  return unknown;
}
