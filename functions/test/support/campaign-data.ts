/** Marketing lists and campaigns built through the Web API, as a marketer would. */
import type { DynamicsWebApi } from 'dynamics-web-api';
import { SmsType } from '@smsc/core';

type Row = Record<string, unknown>;

/** Ids that sort in the order given, so that reports list recipients predictably. */
export const orderedId = (prefix: number, n: number) => `${String(prefix).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

export async function contact(api: DynamicsWebApi, id: string, data: Row): Promise<string> {
  await api.create({ collection: 'contacts', data: { contactid: id, ...data } });
  return id;
}

export async function staticList(api: DynamicsWebApi, name: string, table: 'contact' | 'lead' | 'account', members: string[]): Promise<string> {
  const codes = { account: 1, contact: 2, lead: 4 };
  const id = await api.create<Row, string>({ collection: 'lists', data: { listname: name, type: false, createdfromcode: codes[table] } });
  for (const member of members) await api.callAction({ actionName: 'Microsoft.Dynamics.CRM.AddMemberList', collection: 'lists', key: id, action: { EntityId: member } });
  return id;
}

export async function dynamicList(api: DynamicsWebApi, name: string, query: string): Promise<string> {
  return api.create<Row, string>({ collection: 'lists', data: { listname: name, type: true, createdfromcode: 2, query } });
}

export async function campaign(api: DynamicsWebApi, name: string, lists: string[], data: Row): Promise<string> {
  const id = await api.create<Row, string>({ collection: 'campaigns', data: { name, smsc_smstype: SmsType.Marketing, ...data } });
  for (const list of lists) await api.associate({ collection: 'campaigns', primaryKey: id, relationshipName: 'campaignlist_association', relatedCollection: 'lists', relatedKey: list });
  return id;
}

export async function campaignRow(api: DynamicsWebApi, id: string): Promise<Row> {
  return api.retrieve<Row>({ collection: 'campaigns', key: id, select: ['smsc_status', 'smsc_lastresult', 'smsc_recipientcount', 'smsc_errorcount', 'smsc_progress', 'smsc_providercampaignid', 'othercost'] });
}

export async function notes(api: DynamicsWebApi, campaignId: string): Promise<Array<{ subject: string; filename: string; text: string; content: string }>> {
  const response = await api.retrieveMultiple<Row>({ collection: 'annotations', select: ['subject', 'filename', 'documentbody', 'notetext', 'createdon'], filter: `_objectid_value eq ${campaignId}`, orderBy: ['createdon asc'] });
  return response.value.map((n) => ({ subject: String(n.subject), filename: String(n.filename), text: String(n.notetext ?? ''), content: Buffer.from(String(n.documentbody ?? ''), 'base64').toString('utf8') }));
}

/** A Tuesday at 10:00 in Paris, at least two days ahead: a deferred send inside the legal hours. */
export function nextTuesdayTenParis(now = new Date()): Date {
  const d = new Date(now.getTime() + 2 * 24 * 3600_000);
  while (d.getUTCDay() !== 2) d.setUTCDate(d.getUTCDate() + 1);
  // 10:00 Paris is 08:00 or 09:00 UTC depending on summer time; 09:00 UTC is inside the window either way.
  d.setUTCHours(9, 0, 0, 0);
  return d;
}
