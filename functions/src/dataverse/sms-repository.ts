import type { DynamicsWebApi } from 'dynamics-web-api';
import { DeliveryStatus, SmsDirection, SmsType, choiceName } from '@smsc/core';
import { dataverse, isNotFound } from './web-api';
import { ACTIVITY_STATE, PARTY_FROM, PARTY_TO, RECIPIENT_TABLES, SETS, isRecipientTable } from './schema';
import type { EntityReference } from './remote-context';
import type { MetadataCache } from './metadata';

export type DeliveryStatusName = keyof typeof DeliveryStatus;

export interface SmsRecord {
  id: string;
  etag: string;
  subject: string | null;
  phone: string | null;
  text: string | null;
  type: keyof typeof SmsType | null;
  sender: string | null;
  dueDate: Date | null;
  direction: keyof typeof SmsDirection;
  status: DeliveryStatusName;
  statecode: number;
  providerMessageId: string | null;
  error: string | null;
  templateId: string | null;
  regarding: EntityReference | null;
  /** The "to" parties (contact, lead or account). */
  recipients: EntityReference[];
  modifiedOn: Date | null;
  ownerId: string | null;
}

const SELECT = [
  'activityid', 'subject', 'smsc_phonenumber', 'smsc_text', 'smsc_smstype', 'smsc_sender', 'scheduledend', 'smsc_direction',
  'smsc_deliverystatus', 'smsc_providermessageid', 'smsc_error', 'statecode', 'modifiedon', '_smsc_templateid_value', '_regardingobjectid_value', '_ownerid_value',
];
const LOGICAL = '@Microsoft.Dynamics.CRM.lookuplogicalname';
const FORMATTED = '@OData.Community.Display.V1.FormattedValue';

type Row = Record<string, unknown>;

function reference(row: Row, attribute: string): EntityReference | null {
  const id = row[`_${attribute}_value`];
  if (typeof id !== 'string') return null;
  return { id, logicalName: String(row[`_${attribute}_value${LOGICAL}`] ?? ''), name: (row[`_${attribute}_value${FORMATTED}`] as string | undefined) ?? null };
}

/** dynamics-web-api turns ISO strings into Dates; raw HTTP gives strings. Both are accepted. */
export function dateOf(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === 'string' && value) return new Date(value);
  return null;
}

function toRecord(row: Row): SmsRecord {
  const parties = (row.smsc_sms_activity_parties as Row[] | undefined) ?? [];
  return {
    id: String(row.activityid),
    etag: String(row['@odata.etag'] ?? '*'),
    subject: (row.subject as string | null) ?? null,
    phone: (row.smsc_phonenumber as string | null) ?? null,
    text: (row.smsc_text as string | null) ?? null,
    type: (choiceName(SmsType, row.smsc_smstype as number | null) as keyof typeof SmsType | undefined) ?? null,
    sender: (row.smsc_sender as string | null) ?? null,
    dueDate: dateOf(row.scheduledend),
    direction: (choiceName(SmsDirection, row.smsc_direction as number | null) as keyof typeof SmsDirection | undefined) ?? 'Outbound',
    status: (choiceName(DeliveryStatus, row.smsc_deliverystatus as number | null) as DeliveryStatusName | undefined) ?? 'Draft',
    statecode: Number(row.statecode ?? 0),
    providerMessageId: (row.smsc_providermessageid as string | null) ?? null,
    error: (row.smsc_error as string | null) ?? null,
    templateId: (row._smsc_templateid_value as string | null) ?? null,
    regarding: reference(row, 'regardingobjectid'),
    recipients: parties
      .filter((p) => Number(p.participationtypemask) === PARTY_TO)
      .map((p) => reference(p, 'partyid'))
      .filter((r): r is EntityReference => r !== null),
    modifiedOn: dateOf(row.modifiedon),
    ownerId: (row._ownerid_value as string | null) ?? null,
  };
}

/** What the backend writes back on an SMS; undefined fields are left as they are. */
export interface SmsChanges {
  status?: DeliveryStatusName;
  phone?: string | null;
  text?: string;
  type?: keyof typeof SmsType;
  sender?: string | null;
  providerMessageId?: string | null;
  segments?: number;
  encoding?: string;
  cost?: number | null;
  error?: string | null;
  subject?: string;
  dueDate?: Date | null;
}

function changesToData(changes: SmsChanges): Row {
  const data: Row = {};
  if (changes.status !== undefined) data.smsc_deliverystatus = DeliveryStatus[changes.status];
  if (changes.phone !== undefined) data.smsc_phonenumber = changes.phone;
  if (changes.text !== undefined) data.smsc_text = changes.text;
  if (changes.type !== undefined) data.smsc_smstype = SmsType[changes.type];
  if (changes.sender !== undefined) data.smsc_sender = changes.sender;
  if (changes.providerMessageId !== undefined) data.smsc_providermessageid = changes.providerMessageId;
  if (changes.segments !== undefined) data.smsc_segments = changes.segments;
  if (changes.encoding !== undefined) data.smsc_encoding = changes.encoding;
  if (changes.cost !== undefined) data.smsc_cost = changes.cost;
  if (changes.error !== undefined) data.smsc_error = changes.error === null ? null : changes.error.slice(0, 4000);
  if (changes.subject !== undefined) data.subject = changes.subject.slice(0, 200);
  if (changes.dueDate !== undefined) data.scheduledend = changes.dueDate === null ? null : changes.dueDate.toISOString();
  return data;
}

export interface NewSms {
  to: EntityReference | null;
  phone: string | null;
  text: string;
  subject: string;
  type?: keyof typeof SmsType;
  sender?: string | null;
  dueDate?: Date | null;
  direction: keyof typeof SmsDirection;
  status: DeliveryStatusName;
  regarding?: EntityReference | null;
  /** For inbound SMS: who it came from. */
  from?: EntityReference | null;
}

export class SmsRepository {
  constructor(
    private readonly api: DynamicsWebApi,
    private readonly metadata: MetadataCache,
  ) {}

  async get(id: string): Promise<SmsRecord | null> {
    try {
      const row = await dataverse(`Reading SMS ${id}`, () =>
        this.api.retrieve<Row>({
          collection: SETS.sms,
          key: id,
          select: SELECT,
          expand: [{ property: 'smsc_sms_activity_parties', select: ['participationtypemask', '_partyid_value'] }],
          includeAnnotations: '*',
        }),
      );
      return toRecord(row);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** Writes changes; with an etag, fails with 412 if someone changed the SMS since it was read. */
  async update(id: string, changes: SmsChanges, etag?: string): Promise<void> {
    await dataverse(`Updating SMS ${id}`, () => this.api.update({ collection: SETS.sms, key: id, data: changesToData(changes), ifmatch: etag }));
  }

  async setState(id: string, state: keyof typeof ACTIVITY_STATE): Promise<void> {
    await dataverse(`Closing SMS ${id}`, () => this.api.update({ collection: SETS.sms, key: id, data: { ...ACTIVITY_STATE[state] } }));
  }

  async create(sms: NewSms): Promise<string> {
    const data: Row = {
      subject: sms.subject.slice(0, 200),
      smsc_text: sms.text,
      smsc_phonenumber: sms.phone,
      smsc_direction: SmsDirection[sms.direction],
      smsc_deliverystatus: DeliveryStatus[sms.status],
    };
    if (sms.type) data.smsc_smstype = SmsType[sms.type];
    if (sms.sender) data.smsc_sender = sms.sender;
    if (sms.dueDate) data.scheduledend = sms.dueDate.toISOString();
    const parties: Row[] = [];
    if (sms.to && isRecipientTable(sms.to.logicalName)) {
      parties.push({ participationtypemask: PARTY_TO, [`partyid_${sms.to.logicalName}@odata.bind`]: `/${RECIPIENT_TABLES[sms.to.logicalName].set}(${sms.to.id})` });
    }
    if (sms.from && isRecipientTable(sms.from.logicalName)) {
      parties.push({ participationtypemask: PARTY_FROM, [`partyid_${sms.from.logicalName}@odata.bind`]: `/${RECIPIENT_TABLES[sms.from.logicalName].set}(${sms.from.id})` });
    }
    if (parties.length > 0) data.smsc_sms_activity_parties = parties;
    if (sms.regarding) data[`regardingobjectid_${sms.regarding.logicalName}_smsc_sms@odata.bind`] = `/${await this.entitySet(sms.regarding.logicalName)}(${sms.regarding.id})`;
    return dataverse('Creating an SMS', () => this.api.create<Row, string>({ collection: SETS.sms, data }));
  }

  /** Outbound SMS sent under a provider reference (Octopush ticket), optionally to one number. */
  async findByProviderMessage(ticket: string, phone?: string): Promise<SmsRecord[]> {
    const filter = [`smsc_providermessageid eq '${escape(ticket)}'`, phone ? `smsc_phonenumber eq '${escape(phone)}'` : null].filter(Boolean).join(' and ');
    return this.query(filter, 50);
  }

  /** The latest outbound SMS to a number: the conversation a reply most likely answers. */
  async latestOutboundTo(phone: string): Promise<SmsRecord | null> {
    const rows = await this.query(`smsc_phonenumber eq '${escape(phone)}' and smsc_direction eq ${SmsDirection.Outbound}`, 1, 'createdon desc');
    return rows[0] ?? null;
  }

  private async query(filter: string, top: number, orderBy?: string): Promise<SmsRecord[]> {
    const response = await dataverse('Searching SMS', () =>
      this.api.retrieveMultiple<Row>({
        collection: SETS.sms,
        select: SELECT,
        filter,
        top,
        orderBy: orderBy ? [orderBy] : undefined,
        expand: [{ property: 'smsc_sms_activity_parties', select: ['participationtypemask', '_partyid_value'] }],
        includeAnnotations: '*',
      }),
    );
    return response.value.map(toRecord);
  }

  private async entitySet(logicalName: string): Promise<string> {
    if (isRecipientTable(logicalName)) return RECIPIENT_TABLES[logicalName].set;
    return (await this.metadata.table(logicalName)).entitySetName;
  }
}

/** OData string literal escaping. */
export function escape(value: string): string {
  return value.replace(/'/g, "''");
}
