import { parsePhoneNumberFromString, validatePhoneNumberLength, isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import { message, type MessageCode } from '../i18n/messages';
import { fastNormalize } from './fast-path';
import type { Language } from '../i18n/language';

export type PhoneType =
  | 'mobile'
  | 'fixed_line'
  | 'fixed_line_or_mobile'
  | 'toll_free'
  | 'premium_rate'
  | 'shared_cost'
  | 'voip'
  | 'personal_number'
  | 'pager'
  | 'uan'
  | 'voicemail'
  | 'unknown';

export type PhoneRejection =
  | 'empty'
  | 'letters'
  | 'characters'
  | 'no_country'
  | 'unknown_country_code'
  | 'too_short'
  | 'too_long'
  | 'invalid';

export type NormalizedPhone =
  | {
      ok: true;
      /** +CCNNN… */
      e164: string;
      /** ISO 3166 alpha-2, e.g. FR; undefined for non-geographic numbers. */
      country: string | undefined;
      type: PhoneType;
      /** False only for numbers known to be landlines or pagers; unknown types get the benefit of the doubt. */
      canReceiveSms: boolean;
    }
  | { ok: false; reason: PhoneRejection; message: string };

export interface NormalizePhoneOptions {
  /** Country assumed for numbers written without a prefix (ISO alpha-2, e.g. 'FR'). */
  defaultCountry?: string | null;
  /** Language of `message` on rejection (default English). */
  language?: Language;
}

/** Separators people put in numbers: spaces (incl. no-break), dots, dashes, slashes, parentheses. */
function isSeparator(code: number): boolean {
  return (
    code === 0x20 || code === 0x2e || code === 0x2d || code === 0x28 || code === 0x29 || code === 0x2f ||
    (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x202f || (code >= 0x2010 && code <= 0x2015) || code === 0x2007 || code === 0x2009
  );
}

/**
 * One pass over what was typed: digits and '+' kept, separators dropped, "(0)" (the French habit
 * of showing the trunk prefix after the country code) dropped, anything else collected.
 */
function compactNumber(input: string): { compact: string; bad: string; letters: boolean } {
  let compact = '';
  let bad = '';
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if ((code >= 0x30 && code <= 0x39) || code === 0x2b) {
      compact += input[i];
    } else if (code === 0x28 && input.charCodeAt(i + 1) === 0x30 && input.charCodeAt(i + 2) === 0x29) {
      i += 2;
    } else if (!isSeparator(code) && !/\s/.test(input[i] as string)) {
      if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) return { compact, bad, letters: true };
      if (code > 0x7f && /\p{L}/u.test(input.slice(i, i + 2))) return { compact, bad, letters: true };
      bad += input[i];
    }
  }
  return { compact, bad, letters: false };
}

/**
 * Normalises what users type into mobile-number fields ("06 49 81 90 06", "0033 6.49.81.90.06",
 * "+33 (0)6 49 81 90 06") to E.164, or says in plain words why it cannot.
 */
export function normalizePhone(raw: string | null | undefined, options: NormalizePhoneOptions = {}): NormalizedPhone {
  const language = options.language ?? 'en';
  const input = (raw ?? '').trim();
  const reject = (reason: PhoneRejection, code: MessageCode, params: Record<string, string> = {}): NormalizedPhone => ({
    ok: false,
    reason,
    message: message(code, language, { input, ...params }),
  });
  if (input === '') return reject('empty', 'phone.empty');
  const scanned = compactNumber(input);
  if (scanned.letters) return reject('letters', 'phone.letters');
  let compact = scanned.compact;
  if (scanned.bad !== '' || compact.lastIndexOf('+') > 0) {
    return reject('characters', 'phone.characters', { characters: [...new Set(scanned.bad || '+')].join(' ') });
  }
  if (compact.startsWith('00')) compact = '+' + compact.slice(2);

  const defaultCountry = countryOrUndefined(options.defaultCountry);
  if (!compact.startsWith('+') && !defaultCountry) return reject('no_country', 'phone.no_country');

  const fast = fastNormalize(compact, defaultCountry);
  if (fast) return accepted(fast.e164, fast.country, toPhoneType(fast.type));

  const parsed = parsePhoneNumberFromString(compact, { defaultCountry, extract: false });
  const forCountry = (country: string | undefined) =>
    country ? message('phone.for_country', language, { country: countryName(country, language) }) : '';
  if (!parsed) {
    const lengthProblem = validatePhoneNumberLength(compact, { defaultCountry });
    if (lengthProblem === 'INVALID_COUNTRY') return reject('unknown_country_code', 'phone.unknown_country_code');
    if (lengthProblem === 'TOO_SHORT') return reject('too_short', 'phone.too_short', { forCountry: forCountry(defaultCountry) });
    if (lengthProblem === 'TOO_LONG') return reject('too_long', 'phone.too_long', { forCountry: forCountry(defaultCountry) });
    return reject('invalid', 'phone.invalid', { forCountry: forCountry(defaultCountry) });
  }
  if (!parsed.isValid()) {
    const country = parsed.country ?? defaultCountry;
    const lengthProblem = validatePhoneNumberLength(compact, { defaultCountry });
    if (lengthProblem === 'TOO_SHORT') return reject('too_short', 'phone.too_short', { forCountry: forCountry(country) });
    if (lengthProblem === 'TOO_LONG') return reject('too_long', 'phone.too_long', { forCountry: forCountry(country) });
    return reject('invalid', 'phone.invalid', { forCountry: forCountry(country) });
  }
  return accepted(parsed.number, parsed.country, toPhoneType(parsed.getType()));
}

function accepted(e164: string, country: string | undefined, type: PhoneType): NormalizedPhone {
  return { ok: true, e164, country, type, canReceiveSms: type !== 'fixed_line' && type !== 'pager' && type !== 'uan' && type !== 'voicemail' };
}

function countryOrUndefined(country: string | null | undefined): CountryCode | undefined {
  const upper = (country ?? '').trim().toUpperCase();
  return upper && isSupportedCountry(upper) ? upper : undefined;
}

function toPhoneType(type: string | undefined): PhoneType {
  return type ? (type.toLowerCase() as PhoneType) : 'unknown';
}

const displayNames = new Map<string, { of(code: string): string | undefined }>();

/** "France" / "Royaume-Uni", falling back to the code where Intl.DisplayNames is missing. */
export function countryName(country: string, language: Language): string {
  const DisplayNames = (Intl as unknown as { DisplayNames?: new (l: string[], o: { type: string }) => { of(c: string): string | undefined } }).DisplayNames;
  if (!DisplayNames) return country;
  let names = displayNames.get(language);
  if (!names) {
    names = new DisplayNames([language], { type: 'region' });
    displayNames.set(language, names);
  }
  return names.of(country) ?? country;
}
