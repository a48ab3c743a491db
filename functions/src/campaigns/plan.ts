import {
  createSimulationContext,
  parseTemplate,
  renderTemplate,
  simulateRecipient,
  summaryText,
  type Language,
  type RenderOptions,
  type SimulationRow,
  type SmsAnalysis,
} from '@smsc/core';
import { PERSONALISATION_SLOTS, type PersonalisationSlot } from '../providers/types';
import { fromJsonRecord, type CollectedRecipient } from './recipient-page';

export interface PlanOptions {
  text: string;
  purpose: 'marketing' | 'transactional';
  language: Language;
  defaultCountry: string;
  optOuts: ReadonlySet<string>;
  /** The provider's limit on one personalised value. */
  maxFieldLength: number;
}

export interface PlannedRecipient {
  id: string;
  table: string;
  name: string;
  e164: string;
  text: string;
  segments: number;
  encoding: SmsAnalysis['encoding'];
  /** Values of the provider's placeholders for this recipient. */
  fields: Partial<Record<PersonalisationSlot, string>>;
}

export interface CampaignPlan {
  /** One row per recipient, as resume.csv shows them. */
  rows: Array<Pick<SimulationRow, 'status' | 'detail' | 'number' | 'text'>>;
  valid: PlannedRecipient[];
  counts: { recipients: number; errors: number; skipped: number; valid: number; segments: number };
  /** "3 recipients. 3 errors." in the user's language. */
  summary: string;
  /** The text with the provider's placeholders in place of merge fields. */
  providerText: string;
  /** A problem with the text itself, which fails every recipient (e.g. too many merge fields). */
  textProblem: string | null;
}

const TEXT = {
  tooManyFields: {
    en: 'The text uses {count} merge fields; the provider personalises at most {max} per campaign.',
    fr: 'Le texte utilise {count} champs de fusion ; le fournisseur en personnalise au plus {max} par campagne.',
  },
  regardingInCampaign: {
    en: 'Campaign texts cannot use [regarding:…] fields: a campaign SMS is about its recipient.',
    fr: 'Les textes de campagne ne peuvent pas utiliser de champs [regarding:…] : un SMS de campagne concerne son destinataire.',
  },
  fieldTooLong: {
    en: 'The value of {field} has {length} characters; the provider accepts at most {max} for a personalised field.',
    fr: 'La valeur de {field} compte {length} caractères ; le fournisseur en accepte au plus {max} pour un champ personnalisé.',
  },
} satisfies Record<string, Record<Language, string>>;

const say = (key: keyof typeof TEXT, language: Language, params: Record<string, string | number>) =>
  TEXT[key][language].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));

/**
 * The guide's simulation for every recipient (core checks: text, length, number, international
 * format, STOP mention; plus opt-outs and duplicates), and for the valid ones what the provider
 * needs: number, placeholder values and the text they will receive.
 */
export function planCampaign(collected: CollectedRecipient[], options: PlanOptions): CampaignPlan {
  const { language } = options;
  const render: RenderOptions = { locale: language === 'fr' ? 'fr-FR' : 'en-GB', timeZone: 'Europe/Paris', currency: 'EUR' };
  const template = parseTemplate(options.text);
  let textProblem: string | null = null;
  if (template.fields.some((f) => f.scope === 'regarding')) textProblem = say('regardingInCampaign', language, {});
  if (template.fields.length > PERSONALISATION_SLOTS.length) textProblem = say('tooManyFields', language, { count: template.fields.length, max: PERSONALISATION_SLOTS.length });

  // One placeholder per distinct field; every occurrence of it uses the same slot.
  const slotOf = new Map(template.fields.map((f, i) => [`${f.scope}:${f.lookup ?? ''}.${f.attribute}`, PERSONALISATION_SLOTS[i] as PersonalisationSlot]));
  let providerText = '';
  let last = 0;
  for (const occurrence of template.occurrences) {
    providerText += options.text.slice(last, occurrence.start) + `{${slotOf.get(`${occurrence.scope}:${occurrence.lookup ?? ''}.${occurrence.attribute}`) ?? ''}}`;
    last = occurrence.end;
  }
  providerText += options.text.slice(last);

  const context = createSimulationContext(options.text, { purpose: options.purpose, defaultCountry: options.defaultCountry, language, optOuts: options.optOuts, ...render });
  const seenIds = new Set<string>();
  const rows: CampaignPlan['rows'] = [];
  const valid: PlannedRecipient[] = [];
  let errors = 0;
  let skipped = 0;
  let segments = 0;
  for (const recipient of collected) {
    // The same contact in two lists is one recipient.
    if (seenIds.has(recipient.id)) continue;
    seenIds.add(recipient.id);
    const data = { recipient: fromJsonRecord(recipient.data) };
    const row = simulateRecipient({ id: recipient.id, name: recipient.via?.name ?? recipient.name, phone: recipient.phone, data }, context);
    const problems = row.issues.map((i) => i.message);
    if (textProblem) problems.unshift(textProblem);
    const fields: Partial<Record<PersonalisationSlot, string>> = {};
    if (row.outcome === 'ok' && !textProblem) {
      for (const field of template.fields) {
        const value = renderTemplate(field.raw, data, render).text;
        const slot = slotOf.get(`${field.scope}:${field.lookup ?? ''}.${field.attribute}`) as PersonalisationSlot;
        if (value.length > options.maxFieldLength) problems.push(say('fieldTooLong', language, { field: field.raw, length: value.length, max: options.maxFieldLength }));
        fields[slot] = value;
      }
    }
    const ok = problems.length === 0;
    if (ok) {
      segments += row.analysis.segments;
      valid.push({ id: recipient.id, table: recipient.table, name: recipient.name, e164: row.number, text: row.text, segments: row.analysis.segments, encoding: row.analysis.encoding, fields });
    } else if (row.outcome === 'skipped' && !textProblem) skipped++;
    else errors++;
    rows.push({ status: ok ? 'SUCCES' : 'ECHEC', detail: problems.join(' '), number: row.number, text: row.text });
  }
  const counts = { recipients: rows.length, errors, skipped, valid: valid.length, segments };
  return { rows, valid, counts, summary: summaryText(counts, language), providerText, textProblem };
}
