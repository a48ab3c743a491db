import { analyzeSms, type SmsAnalysis } from '../encoding/analyze';
import { normalizePhone } from '../phone/normalize';
import { parseTemplate, type ParsedTemplate } from '../merge/parse';
import { renderTemplate } from '../merge/render';
import type { MergeData, RenderOptions } from '../merge/types';
import { hasStopMention, STOP_MENTION_COUNTRIES } from '../compliance/stop-mention';
import type { SmsPurpose } from '../compliance/send-window';
import { message, pluralMessage } from '../i18n/messages';
import type { Language } from '../i18n/language';

/** The guide's limit on a campaign message after merge. */
export const MAX_CAMPAIGN_LENGTH = 489;

export type SimulationIssueCode =
  | 'empty_text'
  | 'missing_field'
  | 'too_long'
  | 'no_number'
  | 'invalid_number'
  | 'not_mobile'
  | 'stop_mention'
  | 'opted_out'
  | 'duplicate';

export interface SimulationIssue {
  code: SimulationIssueCode;
  message: string;
}

export interface SimulationRecipient {
  /** Row id, kept for the caller (send, report). */
  id?: string;
  /** Display name, used in messages ("No mobile number for David Smith"). */
  name?: string;
  /** The number as stored (mobilephone of the contact/lead, or of the account's primary contact). */
  phone: string | null | undefined;
  data: MergeData;
}

export interface SimulationRow {
  status: 'SUCCES' | 'ECHEC';
  /** ok: will be sent; error: must be fixed; skipped: deliberately not sent (opt-out, duplicate). */
  outcome: 'ok' | 'error' | 'skipped';
  issues: SimulationIssue[];
  /** What the resume.csv DETAIL column shows. */
  detail: string;
  /** E.164 when the number could be normalised, else as stored. */
  number: string;
  /** The message this recipient would receive. */
  text: string;
  analysis: SmsAnalysis;
  recipient: SimulationRecipient;
}

export interface SimulationOptions extends RenderOptions {
  purpose: SmsPurpose;
  defaultCountry?: string | null;
  language?: Language;
  maxLength?: number;
  /** Opted-out E.164 numbers; consulted for marketing only. */
  optOuts?: { has(e164: string): boolean };
  stopMentionCountries?: readonly string[];
}

export interface SimulationContext {
  readonly template: ParsedTemplate;
  /** The STOP mention sits in the template's fixed text, so every rendered message carries it. */
  readonly templateHasStopMention: boolean;
  readonly options: SimulationOptions;
  /** First recipient seen per E.164 number, for duplicate detection across the whole run. */
  readonly seen: Map<string, string>;
}

export function createSimulationContext(templateText: string, options: SimulationOptions): SimulationContext {
  const template = parseTemplate(templateText);
  let last = 0;
  let templateHasStopMention = false;
  for (const field of [...template.occurrences, { start: templateText.length, end: templateText.length }]) {
    if (hasStopMention(templateText.slice(last, field.start))) templateHasStopMention = true;
    last = field.end;
  }
  return { template, templateHasStopMention, options, seen: new Map() };
}

/**
 * The guide's five checks for one campaign recipient (text not empty, at most 489 characters after
 * merge, a number present, a valid international number, "STOP au XXXXX" for French marketing),
 * plus unknown merge fields, landlines, opt-outs (marketing only) and duplicates within the run.
 */
export function simulateRecipient(recipient: SimulationRecipient, context: SimulationContext): SimulationRow {
  const { options, template } = context;
  const language = options.language ?? 'en';
  const issues: SimulationIssue[] = [];
  const add = (code: SimulationIssueCode, text: string) => issues.push({ code, message: text });

  const rendered = renderTemplate(template, recipient.data, options);
  const text = rendered.text;
  if (text.trim() === '') add('empty_text', message('check.empty_text', language));
  if (rendered.missing.length > 0) {
    add('missing_field', message('check.missing_field', language, { fields: rendered.missing.map((f) => `[${f}]`).join(', ') }));
  }
  const analysis = analyzeSms(text);
  const max = options.maxLength ?? MAX_CAMPAIGN_LENGTH;
  if (analysis.characters > max) add('too_long', message('check.too_long', language, { length: analysis.characters, max }));

  let number = (recipient.phone ?? '').trim();
  let skipped = false;
  if (number === '') {
    add('no_number', message('check.no_number', language, { recipient: recipient.name ?? recipient.id ?? '?' }));
  } else {
    const phone = normalizePhone(number, { defaultCountry: options.defaultCountry ?? null, language });
    if (!phone.ok) {
      add('invalid_number', phone.message);
    } else {
      number = phone.e164;
      if (!phone.canReceiveSms) add('not_mobile', message('phone.not_mobile', language, { number }));
      const stopCountries = options.stopMentionCountries ?? STOP_MENTION_COUNTRIES;
      const needsStop = options.purpose === 'marketing' && phone.country !== undefined && stopCountries.includes(phone.country);
      if (needsStop && !context.templateHasStopMention && !hasStopMention(text)) {
        add('stop_mention', message('check.stop_mention', language));
      }
      if (options.purpose === 'marketing' && options.optOuts?.has(number)) {
        add('opted_out', message('check.opted_out', language, { number }));
        skipped = true;
      }
      const first = context.seen.get(number);
      if (first !== undefined) {
        add('duplicate', message('check.duplicate', language, { number, first }));
        skipped = true;
      } else if (!skipped) {
        context.seen.set(number, recipient.name ?? recipient.id ?? number);
      }
    }
  }
  const onlySkips = skipped && issues.every((i) => i.code === 'opted_out' || i.code === 'duplicate');
  const outcome = issues.length === 0 ? 'ok' : onlySkips ? 'skipped' : 'error';
  return {
    status: outcome === 'ok' ? 'SUCCES' : 'ECHEC',
    outcome,
    issues,
    detail: issues.map((i) => i.message).join(' '),
    number,
    text,
    analysis,
    recipient,
  };
}

export interface SimulationSummary {
  recipients: number;
  ok: number;
  errors: number;
  skipped: number;
  segments: number;
  /** "3 recipients. 3 errors." in the user's language, as the campaign form shows it. */
  text: string;
}

export function summarizeSimulation(rows: Iterable<Pick<SimulationRow, 'outcome' | 'analysis'>>, language: Language = 'en'): SimulationSummary {
  let recipients = 0;
  let ok = 0;
  let errors = 0;
  let skipped = 0;
  let segments = 0;
  for (const row of rows) {
    recipients++;
    if (row.outcome === 'ok') {
      ok++;
      segments += row.analysis.segments;
    } else if (row.outcome === 'error') errors++;
    else skipped++;
  }
  return { recipients, ok, errors, skipped, segments, text: summaryText({ recipients, errors, skipped }, language) };
}

export function summaryText(counts: { recipients: number; errors: number; skipped: number }, language: Language = 'en'): string {
  let text = `${pluralMessage('summary.recipients', language, counts.recipients)}. ${pluralMessage('summary.errors', language, counts.errors)}.`;
  if (counts.skipped > 0) text += ` ${pluralMessage('summary.skipped', language, counts.skipped)}.`;
  return text;
}
