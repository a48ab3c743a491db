/**
 * A campaign's recipient table comes from its marketing lists (all lists of one campaign target
 * the same table): campaignitems link the campaign to lists, whose createdfromcode says the table.
 */
import { RecipientType } from '@smsc/core';
import { type DataPort, bareId } from '@smsc/browser-shared';
const TABLE_BY_CODE: Record<number, keyof typeof RecipientType> = { 1: 'Account', 2: 'Contact', 4: 'Lead' };

export type ListTables =
  | { kind: 'none' }
  | { kind: 'one'; recipientType: number; table: string }
  | { kind: 'mixed'; tables: string[] };

export async function campaignListTables(data: DataPort, campaignId: string): Promise<ListTables> {
  const id = bareId(campaignId);
  const items = await data.retrieveMultipleRecords('campaignitem', `?$select=entityid&$filter=_campaignid_value eq ${id} and entitytype eq 'list'`);
  const listIds = items.entities.map((item) => String(item.entityid)).filter((v) => v && v !== 'undefined');
  if (listIds.length === 0) return { kind: 'none' };
  const filter = listIds.map((listId) => `listid eq ${bareId(listId)}`).join(' or ');
  const lists = await data.retrieveMultipleRecords('list', `?$select=listname,createdfromcode&$filter=${filter}`);
  const names = [...new Set(lists.entities.map((list) => TABLE_BY_CODE[Number(list.createdfromcode)]).filter((n): n is keyof typeof RecipientType => !!n))];
  if (names.length === 0) return { kind: 'none' };
  if (names.length > 1) return { kind: 'mixed', tables: names.map((n) => n.toLowerCase()) };
  const name = names[0] as keyof typeof RecipientType;
  return { kind: 'one', recipientType: RecipientType[name], table: name.toLowerCase() };
}

export function tableOfRecipientType(recipientType: number | null): string | null {
  const entry = Object.entries(RecipientType).find(([, v]) => v === recipientType);
  return entry ? entry[0].toLowerCase() : null;
}
