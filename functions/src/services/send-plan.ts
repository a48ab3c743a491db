import {
  analyzeSms,
  applySendPreferences,
  hasStopMention,
  isValidSender,
  nextAllowedSendTime,
  normalizePhone,
  parseTemplate,
  renderTemplate,
  STOP_MENTION_COUNTRIES,
  type Language,
  type MergeRecord,
  type SmsAnalysis,
  type SmsTypeName,
} from '@smsc/core';
import type { SmsConfiguration } from '../dataverse/configuration-repository';
import type { Recipient } from '../dataverse/record-repository';
import type { EntityReference } from '../dataverse/remote-context';
import { formatWhen, say } from './messages';

/** Everything known about one SMS before it is sent, gathered by the send service. */
export interface SendInputs {
  subject: string;
  language: Language;
  configuration: SmsConfiguration;
  defaultCountry: string;
  recipient: Recipient | null;
  /** The number typed on the SMS, which wins over the recipient's mobile. */
  phone: string | null;
  text: string;
  requestedType: SmsTypeName | null;
  requestedSender: string | null;
  dueDate: Date | null;
  now: Date;
  /** Rows for merge fields; undefined when the text has none. */
  recipientRecord: MergeRecord | null;
  regardingRecord: MergeRecord | null;
  regarding: EntityReference | null;
  recipientTableLabel: string;
  maxTextLength: number;
  isOptedOut: (e164: string) => Promise<boolean>;
}

export interface SendPlan {
  e164: string;
  country: string | undefined;
  text: string;
  type: SmsTypeName;
  sender: string | null;
  /** Provider-side scheduling: the due date, or the next allowed hour for French marketing. */
  sendAt: Date | null;
  analysis: SmsAnalysis;
  /** Shown to the user along with the result, e.g. why the SMS was held. */
  note: string | null;
}

export type PlanResult = { ok: true; plan: SendPlan } | { ok: false; message: string };

/** Applies the product's rules to one SMS: each refusal names the SMS and the field to fix. */
export async function planSend(input: SendInputs): Promise<PlanResult> {
  const { language, subject, configuration } = input;
  const fail = (message: string): PlanResult => ({ ok: false, message });

  // Number: typed on the SMS, else the recipient's mobile (an account: its primary contact's).
  let raw = input.phone?.trim() || null;
  if (!raw) {
    const r = input.recipient;
    if (!r) return fail(say('noRecipient', language, { subject }));
    if (r.ref.logicalName === 'account' && !r.via) return fail(say('noPrimaryContact', language, { subject, name: r.name }));
    raw = r.mobile;
    if (!raw) {
      const via = r.via ? say('viaPrimaryContact', language, { contact: r.via.name ?? '', account: r.name }) : '';
      return fail(say('noMobile', language, { subject, name: r.via?.name ?? r.name, via }));
    }
  }
  const phone = normalizePhone(raw, { defaultCountry: configuration.defaultCountry ?? input.defaultCountry, language });
  if (!phone.ok) return fail(say('invalidNumber', language, { subject, reason: phone.message }));
  if (!phone.canReceiveSms) return fail(say('landline', language, { subject, number: phone.e164 }));

  // Text: merge fields filled from the recipient and the regarding row; unknown fields refused.
  const template = parseTemplate(input.text);
  let text = input.text;
  if (template.fields.length > 0) {
    const regardingFields = template.fields.filter((f) => f.scope === 'regarding');
    if (regardingFields.length > 0 && !input.regarding) {
      return fail(say('missingRegarding', language, { subject, fields: regardingFields.map((f) => f.raw).join(', ') }));
    }
    const rendered = renderTemplate(template, { recipient: input.recipientRecord ?? {}, regarding: input.regardingRecord }, {
      locale: language === 'fr' ? 'fr-FR' : 'en-GB',
      timeZone: 'Europe/Paris',
      currency: 'EUR',
    });
    if (rendered.missing.length > 0) {
      return fail(say('missingFields', language, { subject, fields: rendered.missing.map((f) => `[${f}]`).join(', '), table: input.recipientTableLabel, name: input.recipient?.name ?? '' }));
    }
    text = rendered.text;
  }
  if (!text.trim()) return fail(say('emptyText', language, { subject }));
  const analysis = analyzeSms(text);
  if (analysis.characters > input.maxTextLength) return fail(say('tooLong', language, { subject, length: analysis.characters, max: input.maxTextLength }));

  // Type and sender as the preferences for single sends allow.
  const options = applySendPreferences(configuration.single, { type: input.requestedType, sender: input.requestedSender });
  if (options.sender && !isValidSender(options.sender)) return fail(say('badSender', language, { subject, sender: options.sender }));
  const marketing = options.type === 'Marketing';
  if (marketing && (await input.isOptedOut(phone.e164))) return fail(say('optedOut', language, { subject, number: phone.e164 }));
  if (marketing && phone.country && STOP_MENTION_COUNTRIES.includes(phone.country) && !hasStopMention(text)) {
    return fail(say('stopMention', language, { subject }));
  }

  // When: the due date, held to the legal window for marketing.
  let sendAt = input.dueDate && input.dueDate.getTime() > input.now.getTime() + 60_000 ? input.dueDate : null;
  let note: string | null = null;
  if (marketing) {
    const at = sendAt ?? input.now;
    const windowEnd = configuration.sendWindowEnd ?? undefined;
    const allowed = nextAllowedSendTime(at, { purpose: 'marketing', country: phone.country, ...(windowEnd ? { window: { end: windowEnd } } : {}) });
    if (allowed.getTime() > at.getTime()) {
      sendAt = allowed;
      note = say('heldForHours', language, { end: windowEnd ?? '20:00', when: formatWhen(allowed, language) });
    }
  }
  return { ok: true, plan: { e164: phone.e164, country: phone.country, text, type: options.type, sender: options.sender, sendAt, analysis, note } };
}
