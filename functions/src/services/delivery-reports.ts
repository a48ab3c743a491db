import { normalizePhone, type Language } from '@smsc/core';
import type { SmsRepository, SmsRecord, DeliveryStatusName } from '../dataverse/sms-repository';
import type { OptOutRepository } from '../dataverse/optout-repository';
import type { RecordRepository } from '../dataverse/record-repository';
import type { EntityReference } from '../dataverse/remote-context';
import { explainDeliveryStatus, meansOptOut } from '../providers/octopush/statuses';
import type { ProviderEvent } from '../providers/types';
import { say } from './messages';

/** A report may only move an SMS forward: a late "accepted" never undoes "delivered". */
const RANK: Partial<Record<DeliveryStatusName, number>> = { Scheduled: 0, Submitted: 1, Failed: 2, Delivered: 3 };

export interface EventOutcome {
  event: ProviderEvent['kind'];
  updated: number;
  created: number;
  ignored: string | null;
  /** A campaign SMS the run has yet to record: the report is applied once it exists. */
  deferred?: boolean;
}

type DeliveryEvent = Extract<ProviderEvent, { kind: 'delivery' }>;

/** Campaign SMS, found by the run their ticket belongs to (see CampaignTickets). */
export interface CampaignReports {
  locate(ticket: string, e164: string): Promise<{ runId: string; activityId: string } | null>;
  /** Applies the report later, with `applyDeferred`, when the activity should exist. */
  defer(report: DeferredReport): Promise<void>;
}

/** A delivery report kept until its campaign SMS exists; dates as ISO text for queue messages. */
export interface DeferredReport {
  runId: string;
  activityId: string;
  ticket: string;
  to: string;
  state: DeliveryEvent['state'];
  rawStatus: string;
  at: string | null;
  attempt: number;
}

/**
 * Applies provider callbacks: delivery reports onto the SMS they concern, replies as inbound SMS
 * linked to the conversation, STOP as an opt-out. Every handler is idempotent: duplicates and
 * out-of-order reports leave the records as the most advanced report made them.
 */
export class ProviderEventService {
  constructor(
    private readonly deps: {
      sms: SmsRepository;
      optOuts: OptOutRepository;
      records: RecordRepository;
      language: () => Promise<Language>;
      defaultCountry: string;
      /** Absent without campaign storage: reports then find SMS by ticket and number only. */
      campaigns?: CampaignReports;
      now?: () => Date;
    },
  ) {}

  async apply(event: ProviderEvent): Promise<EventOutcome> {
    switch (event.kind) {
      case 'delivery':
        return this.delivery(event);
      case 'inbound':
        return this.inbound(event.from, event.text, event.at, false);
      case 'optout':
        return this.inbound(event.from, event.text, event.at, true);
    }
  }

  private async delivery(event: DeliveryEvent): Promise<EventOutcome> {
    if (meansOptOut(event.rawStatus)) {
      await this.deps.optOuts.record(event.to, 'StopReply', event.at ?? this.now(), `${event.rawStatus} (provider)`);
    }
    const phone = normalizePhone(event.to, { defaultCountry: this.deps.defaultCountry });
    const campaign = phone.ok ? await this.deps.campaigns?.locate(event.ticket, phone.e164) : null;
    if (campaign && this.deps.campaigns) {
      const sms = await this.deps.sms.get(campaign.activityId);
      if (sms) return { event: 'delivery', updated: (await this.applyDelivery(sms, event)) ? 1 : 0, created: 0, ignored: null };
      // Reports can outrun the run recording 100,000 activities: keep this one until its SMS exists.
      await this.deps.campaigns.defer({ ...campaign, ticket: event.ticket, to: event.to, state: event.state, rawStatus: event.rawStatus, at: event.at?.toISOString() ?? null, attempt: 1 });
      return { event: 'delivery', updated: 0, created: 0, ignored: null, deferred: true };
    }
    const targets = await this.deps.sms.findByProviderMessage(event.ticket, event.to);
    let updated = 0;
    for (const sms of targets) if (await this.applyDelivery(sms, event)) updated++;
    return { event: 'delivery', updated, created: 0, ignored: targets.length === 0 ? `no SMS with reference ${event.ticket} for ${event.to}` : null };
  }

  /**
   * A deferred report, when its campaign SMS should exist: applied if it does, deferred again if
   * not (up to `maxAttempts`), else given up with the reason, which the caller logs.
   */
  async applyDeferred(report: DeferredReport, maxAttempts: number): Promise<{ applied: boolean; gaveUp: string | null }> {
    const sms = await this.deps.sms.get(report.activityId);
    const event: DeliveryEvent = { kind: 'delivery', ticket: report.ticket, to: report.to, state: report.state, rawStatus: report.rawStatus, at: report.at ? new Date(report.at) : undefined };
    if (sms) return { applied: await this.applyDelivery(sms, event), gaveUp: null };
    if (report.attempt >= maxAttempts || !this.deps.campaigns) {
      return { applied: false, gaveUp: `The ${report.rawStatus} report for ${report.to} (ticket ${report.ticket}) found no SMS ${report.activityId} after ${report.attempt} attempts: the run did not record it.` };
    }
    await this.deps.campaigns.defer({ ...report, attempt: report.attempt + 1 });
    return { applied: false, gaveUp: null };
  }

  private async applyDelivery(sms: SmsRecord, event: DeliveryEvent): Promise<boolean> {
    const current = RANK[sms.status] ?? 0;
    const next = RANK[event.state] ?? 0;
    if (next <= current && !(next === current && event.state === 'Submitted' && sms.status === 'Submitted')) return false;
    const explanation = explainDeliveryStatus(event.rawStatus, await this.deps.language());
    const detail = event.state === 'Delivered' ? null : `${event.rawStatus}${explanation ? ` — ${explanation}` : ''}`;
    if (event.state === 'Submitted' && sms.error === detail) return false;
    await this.deps.sms.update(sms.id, { status: event.state, error: detail });
    // A scheduled SMS is completed once the provider reports on it.
    if (sms.statecode === 0) await this.deps.sms.setState(sms.id, 'completed');
    return true;
  }

  private async inbound(fromRaw: string, text: string, at: Date | undefined, stop: boolean): Promise<EventOutcome> {
    const phone = normalizePhone(fromRaw, { defaultCountry: this.deps.defaultCountry });
    const from = phone.ok ? phone.e164 : fromRaw;
    const when = at ?? this.now();
    let created = 0;
    if (stop) await this.deps.optOuts.record(from, 'StopReply', when, text || 'STOP');

    // Duplicate callbacks carry the same number, time and text: one inbound SMS only.
    const reference = `in:${from}:${when.toISOString()}:${hash(text)}`;
    const existing = await this.deps.sms.findByProviderMessage(reference);
    if (existing.length === 0) {
      const conversation = await this.deps.sms.latestOutboundTo(from);
      const party: EntityReference | null = conversation?.recipients[0] ?? (await this.deps.records.findByMobile(from, nationalForms(from)));
      const id = await this.deps.sms.create({
        to: null,
        from: party,
        phone: from,
        text,
        subject: say(stop ? 'stopReceived' : 'reply', await this.deps.language(), { number: from }),
        direction: 'Inbound',
        status: 'Received',
        regarding: conversation?.regarding ?? party,
      });
      await this.deps.sms.update(id, { providerMessageId: reference });
      await this.deps.sms.setState(id, 'completed');
      created = 1;
    }
    return { event: stop ? 'optout' : 'inbound', updated: 0, created, ignored: null };
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}

/** The ways a number is commonly typed in CRM records, for finding who a reply came from. */
export function nationalForms(e164: string): string[] {
  const forms = new Set<string>([e164, '00' + e164.slice(1)]);
  if (e164.startsWith('+33') && e164.length === 12) {
    const national = '0' + e164.slice(3);
    forms.add(national);
    forms.add(national.replace(/(\d{2})(?=\d)/g, '$1 '));
    forms.add(national.replace(/(\d{2})(?=\d)/g, '$1.'));
    forms.add('+33 ' + e164.slice(3, 4) + ' ' + e164.slice(4).replace(/(\d{2})(?=\d)/g, '$1 '));
  }
  return [...forms];
}

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

