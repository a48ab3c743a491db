import type { DynamicsWebApi } from 'dynamics-web-api';
import { CampaignSmsStatus, RecipientType, SmsType, choiceName, type CampaignState } from '@smsc/core';
import { dataverse, isNotFound } from './web-api';
import { dateOf } from './sms-repository';

type Row = Record<string, unknown>;

export interface CampaignRecord {
  id: string;
  etag: string;
  name: string;
  status: CampaignState;
  text: string | null;
  templateId: string | null;
  type: keyof typeof SmsType | null;
  sender: string | null;
  recipientType: keyof typeof RecipientType | null;
  /** Deferred send (the guide's "Début réel"). */
  actualStart: Date | null;
  providerCampaignId: string | null;
  progress: number;
}

export interface MarketingList {
  id: string;
  name: string;
  /** Table of the members: contact, lead or account. */
  table: string;
  dynamic: boolean;
  /** FetchXML of a dynamic list. */
  query: string | null;
}

/** list.createdfromcode: the table a marketing list targets. */
const LIST_TABLES: Record<number, string> = { 1: 'account', 2: 'contact', 4: 'lead' };

export interface CampaignChanges {
  status?: CampaignState;
  lastResult?: string;
  recipientCount?: number;
  errorCount?: number;
  progress?: number;
  providerCampaignId?: string | null;
  otherCost?: number | null;
  actualStart?: Date | null;
}

const SELECT = ['campaignid', 'name', 'smsc_status', 'smsc_text', '_smsc_templateid_value', 'smsc_smstype', 'smsc_sender', 'smsc_recipienttype', 'actualstart', 'smsc_providercampaignid', 'smsc_progress'];

export class CampaignRepository {
  constructor(private readonly api: DynamicsWebApi) {}

  async get(id: string): Promise<CampaignRecord | null> {
    try {
      const row = await dataverse(`Reading campaign ${id}`, () => this.api.retrieve<Row>({ collection: 'campaigns', key: id, select: SELECT }));
      return {
        id: String(row.campaignid),
        etag: String(row['@odata.etag'] ?? '*'),
        name: String(row.name ?? ''),
        status: (choiceName(CampaignSmsStatus, row.smsc_status as number | null) as CampaignState | undefined) ?? 'NotTransmitted',
        text: (row.smsc_text as string | null) ?? null,
        templateId: (row._smsc_templateid_value as string | null) ?? null,
        type: (choiceName(SmsType, row.smsc_smstype as number | null) as keyof typeof SmsType | undefined) ?? null,
        sender: (row.smsc_sender as string | null) || null,
        recipientType: (choiceName(RecipientType, row.smsc_recipienttype as number | null) as keyof typeof RecipientType | undefined) ?? null,
        actualStart: dateOf(row.actualstart),
        providerCampaignId: (row.smsc_providercampaignid as string | null) || null,
        progress: Number(row.smsc_progress ?? 0),
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** The marketing lists attached to the campaign (the campaignlist_association of "Listes marketing cibles"). */
  async lists(campaignId: string): Promise<MarketingList[]> {
    const fetchXml =
      '<fetch><entity name="list"><attribute name="listid" /><attribute name="listname" /><attribute name="type" /><attribute name="createdfromcode" /><attribute name="query" />' +
      '<order attribute="listname" /><filter><condition attribute="statecode" operator="eq" value="0" /></filter>' +
      `<link-entity name="campaignitem" from="entityid" to="listid" intersect="true"><filter><condition attribute="campaignid" operator="eq" value="${campaignId}" /></filter></link-entity>` +
      '</entity></fetch>';
    const response = await dataverse(`Reading the marketing lists of campaign ${campaignId}`, () => this.api.fetch<Row>({ collection: 'lists', fetchXml }));
    return response.value.map((row) => ({
      id: String(row.listid),
      name: String(row.listname ?? ''),
      table: LIST_TABLES[Number(row.createdfromcode)] ?? `table code ${String(row.createdfromcode)}`,
      dynamic: row.type === true,
      query: (row.query as string | null) ?? null,
    }));
  }

  /** Writes campaign fields; with an etag, fails with 412 when the campaign changed meanwhile. */
  async update(id: string, changes: CampaignChanges, etag?: string): Promise<void> {
    const data: Row = {};
    if (changes.status !== undefined) data.smsc_status = CampaignSmsStatus[changes.status];
    if (changes.lastResult !== undefined) data.smsc_lastresult = changes.lastResult.slice(0, 400);
    if (changes.recipientCount !== undefined) data.smsc_recipientcount = changes.recipientCount;
    if (changes.errorCount !== undefined) data.smsc_errorcount = changes.errorCount;
    if (changes.progress !== undefined) data.smsc_progress = Math.max(0, Math.min(100, Math.round(changes.progress)));
    if (changes.providerCampaignId !== undefined) data.smsc_providercampaignid = changes.providerCampaignId;
    if (changes.otherCost !== undefined) data.othercost = changes.otherCost;
    if (changes.actualStart !== undefined) data.actualstart = changes.actualStart ? changes.actualStart.toISOString() : null;
    await dataverse(`Updating campaign ${id}`, () => this.api.update({ collection: 'campaigns', key: id, data, ifmatch: etag }));
  }

  /** Campaigns being built at the provider: what the status timer refreshes. */
  async building(): Promise<Array<{ id: string; ticket: string | null }>> {
    const response = await dataverse('Reading campaigns being built', () =>
      this.api.retrieveMultiple<Row>({ collection: 'campaigns', select: ['campaignid', 'smsc_providercampaignid'], filter: `smsc_status eq ${CampaignSmsStatus.Building}`, top: 500 }),
    );
    return response.value.map((r) => ({ id: String(r.campaignid), ticket: (r.smsc_providercampaignid as string | null) || null }));
  }
}

/** Notes with an attachment (annotation), as the guide's simulation and transmission summaries. */
export class NoteRepository {
  constructor(private readonly api: DynamicsWebApi) {}

  /** Creates the note once: a given id already there (a retried step) is left as it is. */
  async attach(note: { id: string; campaignId: string; subject: string; text: string; fileName: string; mimeType: string; content: Uint8Array }): Promise<void> {
    try {
      await dataverse(`Reading note ${note.id}`, () => this.api.retrieve({ collection: 'annotations', key: note.id, select: ['annotationid'] }));
      return;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    await dataverse(`Attaching ${note.fileName} to campaign ${note.campaignId}`, () =>
      this.api.create({
        collection: 'annotations',
        data: {
          annotationid: note.id,
          subject: note.subject.slice(0, 500),
          notetext: note.text,
          filename: note.fileName,
          mimetype: note.mimeType,
          documentbody: Buffer.from(note.content).toString('base64'),
          isdocument: true,
          'objectid_campaign@odata.bind': `/campaigns(${note.campaignId})`,
        },
      }),
    );
  }
}
