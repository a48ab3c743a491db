/**
 * The number an SMS goes to, as the guide says: the mobile of a contact or lead, and for an
 * account the mobile of its primary contact.
 */
import { type DataPort, type EntityRef, bareId } from '@smsc/browser-shared';
export const RECIPIENT_TABLES = ['contact', 'lead', 'account'] as const;

export type RecipientNumber =
  | { ok: true; number: string }
  | { ok: false; reason: 'no_mobile' | 'no_primary_contact'; recipientName: string };

const mobileOf = (row: Record<string, unknown> | null | undefined): string | null =>
  typeof row?.mobilephone === 'string' && row.mobilephone.trim() !== '' ? row.mobilephone.trim() : null;

export function isRecipientTable(entityType: string): boolean {
  return (RECIPIENT_TABLES as readonly string[]).includes(entityType);
}

export async function recipientNumber(data: DataPort, recipient: EntityRef & { name?: string | null }): Promise<RecipientNumber> {
  const id = bareId(recipient.id);
  const fallbackName = recipient.name ?? '';
  if (recipient.entityType === 'account') {
    const account = await data.retrieveRecord('account', id, '?$select=name&$expand=primarycontactid($select=fullname,mobilephone)');
    const contact = account.primarycontactid as Record<string, unknown> | null | undefined;
    const name = String(account.name ?? fallbackName);
    if (!contact) return { ok: false, reason: 'no_primary_contact', recipientName: name };
    const number = mobileOf(contact);
    return number ? { ok: true, number } : { ok: false, reason: 'no_mobile', recipientName: String(contact.fullname ?? name) };
  }
  const row = await data.retrieveRecord(recipient.entityType, id, '?$select=fullname,mobilephone');
  const number = mobileOf(row);
  return number ? { ok: true, number } : { ok: false, reason: 'no_mobile', recipientName: String(row.fullname ?? fallbackName) };
}
