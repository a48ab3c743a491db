import { createHash } from 'node:crypto';
import { parseTemplate, type Language } from '@smsc/core';
import type { SmsRecord, SmsRepository } from '../dataverse/sms-repository';
import type { RecordRepository, Recipient } from '../dataverse/record-repository';
import type { TemplateRepository } from '../dataverse/template-repository';
import type { ConfigurationRepository, SmsConfiguration } from '../dataverse/configuration-repository';
import type { OptOutRepository } from '../dataverse/optout-repository';
import type { UserLanguage } from '../dataverse/user-language';
import { isConcurrencyConflict } from '../dataverse/web-api';
import { isRecipientTable } from '../dataverse/schema';
import { ProviderError } from '../errors';
import { withRetry, type RetryPolicy } from '../http/retry';
import type { SendResult, SmsProvider } from '../providers/types';
import { formatWhen, say } from './messages';
import { planSend, type SendPlan } from './send-plan';

export type SendTrigger = 'api' | 'queued';

/** Prefix of subjects the backend writes for SMS created without one. */
export const GENERATED_SUBJECT = 'SMS: ';

export type SendOutcome =
  | { ok: true; smsId: string; state: 'submitted' | 'scheduled' | 'already-sent' | 'in-progress'; message: string }
  | { ok: false; smsId: string; retryable: boolean; message: string };

export interface SendServiceDependencies {
  sms: SmsRepository;
  records: RecordRepository;
  templates: TemplateRepository;
  configuration: ConfigurationRepository;
  optOuts: OptOutRepository;
  languages: UserLanguage;
  /** The provider, with credentials from the configuration row unless the settings give them. */
  provider: (configuration: SmsConfiguration) => SmsProvider;
  defaultCountry: string;
  now?: () => Date;
  /** A "Submitted" SMS without provider reference older than this was interrupted: it may be retried. */
  claimLeaseMs?: number;
  providerRetry?: RetryPolicy;
  log?: (message: string) => void;
}

const TABLE_LABELS: Record<string, Record<Language, string>> = {
  contact: { en: 'contact', fr: 'le contact' },
  lead: { en: 'lead', fr: 'le prospect' },
  account: { en: 'account', fr: 'le compte' },
};

/**
 * Sends one SMS activity: rules, then an exclusive claim on the record (etag), then the provider
 * with an idempotency key derived from what is sent, then the result written back. The same SMS
 * is never sent twice: a second caller loses the claim, and a retry after a lost answer carries
 * the same key, which the provider refuses as a duplicate.
 */
export class SmsSendService {
  private readonly now: () => Date;
  private readonly lease: number;
  private readonly retry: RetryPolicy;

  constructor(private readonly deps: SendServiceDependencies) {
    this.now = deps.now ?? (() => new Date());
    this.lease = deps.claimLeaseMs ?? 120_000;
    this.retry = deps.providerRetry ?? { retries: 3, baseDelayMs: 500, maxDelayMs: 8_000 };
  }

  async send(smsId: string, trigger: SendTrigger, userId?: string): Promise<SendOutcome> {
    const language = await this.deps.languages.of(userId);
    const sms = await this.deps.sms.get(smsId);
    if (!sms) return { ok: false, smsId, retryable: false, message: say('smsNotFound', language, { id: smsId }) };
    const subject = sms.subject ?? sms.text?.slice(0, 40) ?? smsId;

    const gate = this.gate(sms, trigger, language, subject);
    if (gate) return gate;

    const prepared = await this.prepare(sms, language, subject);
    if (!prepared.ok) {
      await this.deps.sms.update(sms.id, { status: 'Failed', error: prepared.message });
      return { ok: false, smsId, retryable: false, message: prepared.message };
    }
    const { plan } = prepared;

    // Exclusive claim: only the caller whose etag still matches goes on.
    try {
      await this.deps.sms.update(
        sms.id,
        {
          status: 'Submitted',
          phone: plan.e164,
          text: plan.text,
          type: plan.type,
          sender: plan.sender,
          segments: plan.analysis.segments,
          encoding: plan.analysis.encoding,
          providerMessageId: null,
          error: null,
          // A subject made from the text before merge ("SMS: Bonjour [firstname]…") shows the text sent instead.
          ...(sms.subject?.startsWith(GENERATED_SUBJECT) && plan.text !== sms.text ? { subject: GENERATED_SUBJECT + plan.text.replace(/\s+/g, ' ').slice(0, 60) } : {}),
        },
        sms.etag,
      );
    } catch (error) {
      if (!isConcurrencyConflict(error)) throw error;
      const current = await this.deps.sms.get(sms.id);
      return { ok: true, smsId, state: current?.providerMessageId ? 'already-sent' : 'in-progress', message: say('inProgress', language, { subject }) };
    }

    let result: SendResult;
    try {
      const provider = this.deps.provider(prepared.configuration);
      result = await withRetry(
        () =>
          provider.send({
            to: [plan.e164],
            text: plan.text,
            purpose: plan.type === 'Marketing' ? 'marketing' : 'transactional',
            ...(plan.sender ? { sender: plan.sender } : {}),
            ...(plan.sendAt ? { sendAt: plan.sendAt } : {}),
            idempotencyKey: idempotencyKey(sms.id, plan),
          }),
        { ...this.retry, onRetry: (e, n, ms) => this.deps.log?.(`SMS ${sms.id}: provider attempt ${n} in ${Math.round(ms)} ms after ${String(e)}`) },
      );
    } catch (error) {
      return this.providerFailure(sms, trigger, language, subject, error);
    }

    const scheduled = plan.sendAt !== null;
    const cost = result.cost !== undefined ? result.cost : null;
    await this.deps.sms.update(sms.id, {
      status: scheduled ? 'Scheduled' : 'Submitted',
      providerMessageId: result.ticket || null,
      cost,
      error: null,
      // A marketing SMS held to the legal hours shows when it will really leave.
      ...(plan.sendAt && plan.note ? { dueDate: plan.sendAt } : {}),
    });
    if (!scheduled) await this.deps.sms.setState(sms.id, 'completed');
    const message = result.duplicate
      ? say('duplicateSent', language, { number: plan.e164 })
      : scheduled
        ? [say('scheduled', language, { when: formatWhen(plan.sendAt as Date, language), number: plan.e164 }), plan.note].filter(Boolean).join(' ')
        : say('sent', language, { number: plan.e164, parts: plan.analysis.segments });
    return { ok: true, smsId, state: scheduled ? 'scheduled' : 'submitted', message };
  }

  /** Decides from the SMS's status whether this call may send it. */
  private gate(sms: SmsRecord, trigger: SendTrigger, language: Language, subject: string): SendOutcome | null {
    const id = sms.id;
    if (sms.direction === 'Inbound') return { ok: false, smsId: id, retryable: false, message: say('inbound', language, { subject }) };
    if (sms.status === 'Canceled') return { ok: false, smsId: id, retryable: false, message: say('canceled', language, { subject }) };
    if (sms.status === 'Submitted' && !sms.providerMessageId) {
      // A claim without a provider reference: in progress, unless it is old enough to be an interrupted attempt.
      const age = this.now().getTime() - (sms.modifiedOn?.getTime() ?? 0);
      if (age < this.lease) return { ok: true, smsId: id, state: 'in-progress', message: say('inProgress', language, { subject }) };
      return null;
    }
    if (sms.status === 'Submitted' || sms.status === 'Delivered' || sms.status === 'Scheduled' || sms.status === 'Received') {
      return { ok: true, smsId: id, state: 'already-sent', message: say('alreadySent', language, { subject, status: sms.status }) };
    }
    // The Create/Update steps fire for every status change; only Queued means "send it".
    if (trigger === 'queued' && sms.status !== 'Queued') return { ok: true, smsId: id, state: 'already-sent', message: say('alreadySent', language, { subject, status: sms.status }) };
    return null;
  }

  private async prepare(sms: SmsRecord, language: Language, subject: string): Promise<({ ok: true; plan: SendPlan; configuration: SmsConfiguration }) | { ok: false; message: string }> {
    const configuration = await this.deps.configuration.get();
    if (!configuration) return { ok: false, message: say('notConfigured', language) };

    let recipient: Recipient | null = null;
    const to = sms.recipients[0] ?? null;
    if (to) {
      if (!isRecipientTable(to.logicalName)) return { ok: false, message: say('unsupportedRecipient', language, { subject, name: to.name ?? to.id, table: to.logicalName }) };
      recipient = await this.deps.records.recipient(to);
      if (!recipient) return { ok: false, message: say('recipientMissing', language, { subject }) };
    }

    let text = sms.text ?? '';
    let requestedType = sms.type;
    if (!text.trim() && sms.templateId) {
      const template = await this.deps.templates.get(sms.templateId);
      if (!template) return { ok: false, message: say('templateMissing', language, { subject }) };
      if (!template.published) return { ok: false, message: say('templateNotPublished', language, { subject, name: template.name }) };
      text = template.text;
      requestedType = requestedType ?? template.type;
    }

    const parsed = parseTemplate(text);
    const needsRecipient = parsed.fields.some((f) => f.scope === 'recipient');
    const needsRegarding = parsed.fields.some((f) => f.scope === 'regarding');
    const recipientRecord = needsRecipient && recipient ? await this.deps.records.mergeRecord(recipient.ref, parsed, 'recipient') : null;
    const regardingRecord = needsRegarding && sms.regarding ? await this.deps.records.mergeRecord(sms.regarding, parsed, 'regarding') : null;

    const result = await planSend({
      subject,
      language,
      configuration,
      defaultCountry: this.deps.defaultCountry,
      recipient,
      phone: sms.phone,
      text,
      requestedType,
      requestedSender: sms.sender,
      dueDate: sms.dueDate,
      now: this.now(),
      recipientRecord,
      regardingRecord,
      regarding: sms.regarding,
      recipientTableLabel: TABLE_LABELS[recipient?.ref.logicalName ?? 'contact']?.[language] ?? '',
      maxTextLength: this.deps.provider(configuration).capabilities.maxTextLength,
      isOptedOut: (e164) => this.deps.optOuts.isOptedOut(e164),
    });
    return result.ok ? { ok: true, plan: result.plan, configuration } : result;
  }

  private async providerFailure(sms: SmsRecord, trigger: SendTrigger, language: Language, subject: string, error: unknown): Promise<SendOutcome> {
    const transient = error instanceof ProviderError ? error.retryable : true;
    const reason = error instanceof Error ? error.message : String(error);
    if (!transient) {
      const message = say('providerFailed', language, { subject, reason });
      await this.deps.sms.update(sms.id, { status: 'Failed', error: message });
      return { ok: false, smsId: sms.id, retryable: false, message };
    }
    const message = say('providerUnavailable', language, { subject, reason });
    if (trigger === 'api') {
      // The user sees the failure and can send again; the same content gives the same key.
      await this.deps.sms.update(sms.id, { status: 'Failed', error: message });
    } else {
      // A workflow's SMS: keep the claim; Dataverse retries the step and the stale claim is taken again.
      await this.deps.sms.update(sms.id, { error: message });
    }
    return { ok: false, smsId: sms.id, retryable: true, message };
  }
}

/** Same SMS and same content: same key. A corrected number or text is a new request. */
export function idempotencyKey(smsId: string, plan: Pick<SendPlan, 'e164' | 'text' | 'sender' | 'type' | 'sendAt'>): string {
  const digest = createHash('sha256')
    .update([plan.e164, plan.text, plan.sender ?? '', plan.type, plan.sendAt?.toISOString() ?? ''].join('\u0000'))
    .digest('hex')
    .slice(0, 16);
  return `smsc-${smsId.replace(/-/g, '')}-${digest}`;
}
