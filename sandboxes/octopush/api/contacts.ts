// Contact lists: POST /contact-list/create { list_name } → 201; POST /contact/create { contacts,
// list_name? (≤ 30), tag_name? (≤ 20), auto_remove_blacklisted_numbers?, do_not_overwrite? } → 201.
// A list named in contact/create that does not exist yet is created (the reference calls
// list_name "the list name you want to create").
import { checkInternationalNumber } from '../rules/phone';
import type { ContactRecord } from '../state/records';
import type { AccountState } from '../state/store';
import { readBoolean } from './campaign-params';
import type { OctopushHandler } from './context';
import { fail } from './errors';

const FIELDS = ['first_name', 'last_name', 'param1', 'param2', 'param3', 'param4', 'param5'] as const;

export const createContactList: OctopushHandler = ({ account, body }) => {
  const name = readName(body.list_name, 'list_name', 30);
  if (name === undefined) fail(125, 'list_name is required.');
  if (account.lists.has(name!)) fail(302, `(${name})`);
  account.lists.set(name!, new Set());
  return { status: 201, body: {} };
};

export const createContacts: OctopushHandler = ({ rt, account, body }) => {
  if (!Array.isArray(body.contacts) || body.contacts.length === 0) fail(110, '(contacts must be a non-empty array.)');
  const contacts = body.contacts as unknown[];
  const limit = rt.config.listCampaign.maxContactsPerRequest;
  if (limit !== undefined && contacts.length > limit) fail(305, `(${contacts.length} contacts; at most ${limit} per request.)`);
  const listName = readName(body.list_name, 'list_name', 30);
  const tagName = readName(body.tag_name, 'tag_name', 20);
  const removeBlacklisted = readBoolean(body.auto_remove_blacklisted_numbers, false);
  const keepExisting = readBoolean(body.do_not_overwrite, false);

  const accepted: ContactRecord[] = [];
  const reasons: string[] = [];
  for (const raw of contacts) {
    const entry = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : { phone_number: raw };
    const phone = checkInternationalNumber(entry.phone_number, rt.config.callingCodes);
    if (!phone.ok) {
      reasons.push(phone.reason);
      continue;
    }
    if (removeBlacklisted && account.blacklist.has(phone.number)) continue;
    accepted.push(upsert(account, phone.number, phone.country, entry, keepExisting));
  }
  if (accepted.length === 0 && reasons.length > 0) fail(117, `(${reasons.join('; ')}.)`);

  if (listName !== undefined) {
    const members = account.lists.get(listName) ?? new Set<string>();
    account.lists.set(listName, members);
    for (const contact of accepted) {
      members.add(contact.phone_number);
      if (!contact.lists.includes(listName)) contact.lists.push(listName);
    }
  }
  if (tagName !== undefined) for (const contact of accepted) if (!contact.tags.includes(tagName)) contact.tags.push(tagName);
  return { status: 201, body: {} };
};

function upsert(account: AccountState, number: string, country: string, entry: Record<string, unknown>, keepExisting: boolean): ContactRecord {
  const existing = account.contacts.get(number);
  if (existing && keepExisting) return existing;
  const contact: ContactRecord = existing ?? { phone_number: number, country, lists: [], tags: [] };
  for (const field of FIELDS) {
    const value = entry[field];
    if (value === undefined) continue;
    if (value === null) delete contact[field];
    else contact[field] = String(value);
  }
  account.contacts.set(number, contact);
  return contact;
}

function readName(value: unknown, field: string, maxLength: number): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') fail(125, `${field} must be a string.`);
  const name = value as string;
  if (name.length > maxLength) fail(125, `${field} is at most ${maxLength} characters (got ${name.length}).`);
  return name;
}
