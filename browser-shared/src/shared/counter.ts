/**
 * The live counter under an SMS text: what the user sees (characters), how it travels (encoding,
 * parts, room left in the current part) and, when one character forces UCS-2, which one and how to
 * avoid it. Pure, shared by the form scripts and the SmsComposer control.
 */
import { analyzeSms, transliterateToGsm7, type Language, type SmsAnalysis } from '@smsc/core';
import { plural, t } from '../i18n/strings';

export interface CounterOptions {
  /** Longest text allowed, in characters (campaigns: 489). */
  maxLength?: number;
  /** Cost already known for this text (e.g. the provider's, after sending), formatted. */
  cost?: string | null;
}

export interface Counter {
  analysis: SmsAnalysis;
  /** "42 characters · GSM-7 · 1 SMS · 118 left in this part". */
  summary: string;
  /** Why the text is UCS-2, naming the characters; null for GSM-7 text. */
  warning: string | null;
  /** Set when the text is longer than `maxLength`. */
  error: string | null;
}

export function describeText(text: string, language: Language, options: CounterOptions = {}): Counter {
  const analysis = analyzeSms(text);
  const parts =
    analysis.characters === 0
      ? [t('counter.empty', language)]
      : [
          plural('counter.characters', language, analysis.characters),
          analysis.encoding,
          plural('counter.segments', language, analysis.segments),
          plural('counter.remaining', language, analysis.remaining),
        ];
  if (options.cost) parts.push(t('counter.cost', language, { cost: options.cost }));
  return {
    analysis,
    summary: parts.join(' · '),
    warning: analysis.encoding === 'UCS-2' ? ucs2Warning(text, analysis, language) : null,
    error:
      options.maxLength !== undefined && analysis.characters > options.maxLength
        ? t('counter.too_long', language, { length: analysis.characters, max: options.maxLength })
        : null,
  };
}

function quote(characters: string[], language: Language): string {
  const shown = characters.map((c) => (language === 'fr' ? `« ${c} »` : `"${c}"`));
  return shown.join(', ');
}

function ucs2Warning(text: string, analysis: SmsAnalysis, language: Language): string {
  const warning = t('counter.ucs2', language, { characters: quote(analysis.nonGsmCharacters, language), single: 70 });
  const { replaced } = transliterateToGsm7(text);
  const fixable = replaced.filter((r) => analysis.nonGsmCharacters.includes(r.from));
  if (fixable.length === 0) return warning;
  const arrow = fixable.map((r) => `${r.from} → ${r.to}`).join(', ');
  return `${warning} ${t('counter.ucs2.fix', language, { replacements: arrow })}`;
}
