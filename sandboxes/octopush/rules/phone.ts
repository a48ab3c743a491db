// Recipient numbers as Octopush v1 takes them: international format, "+" then the country calling
// code (docs: "+33600000000"; old API error 117 "have you formatted your numbers by including the
// international dialling code?", 150 "no country was found for this prefix").

export interface CallingCode {
  /** ISO 3166 alpha-2 country used for prices and the French STOP rule. */
  country: string;
  /** Allowed lengths of the national significant number (digits after the calling code). */
  lengths: number[];
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Calling codes the sandbox knows by default; options can add more. */
export const DEFAULT_CALLING_CODES: Record<string, CallingCode> = {
  '1': { country: 'US', lengths: [10] },
  '7': { country: 'RU', lengths: [10] },
  '27': { country: 'ZA', lengths: [9] },
  '30': { country: 'GR', lengths: [10] },
  '31': { country: 'NL', lengths: [9] },
  '32': { country: 'BE', lengths: [8, 9] },
  '33': { country: 'FR', lengths: [9] },
  '34': { country: 'ES', lengths: [9] },
  '36': { country: 'HU', lengths: [8, 9] },
  '39': { country: 'IT', lengths: range(6, 11) },
  '40': { country: 'RO', lengths: [9] },
  '41': { country: 'CH', lengths: [9] },
  '43': { country: 'AT', lengths: range(4, 13) },
  '44': { country: 'GB', lengths: range(7, 10) },
  '45': { country: 'DK', lengths: [8] },
  '46': { country: 'SE', lengths: range(7, 10) },
  '47': { country: 'NO', lengths: [8] },
  '48': { country: 'PL', lengths: [9] },
  '49': { country: 'DE', lengths: range(6, 13) },
  '52': { country: 'MX', lengths: [10] },
  '55': { country: 'BR', lengths: [10, 11] },
  '61': { country: 'AU', lengths: [9] },
  '81': { country: 'JP', lengths: [9, 10] },
  '86': { country: 'CN', lengths: range(9, 11) },
  '90': { country: 'TR', lengths: [10] },
  '91': { country: 'IN', lengths: [10] },
  '212': { country: 'MA', lengths: [9] },
  '213': { country: 'DZ', lengths: [8, 9] },
  '216': { country: 'TN', lengths: [8] },
  '221': { country: 'SN', lengths: [9] },
  '225': { country: 'CI', lengths: [10] },
  '230': { country: 'MU', lengths: [7, 8] },
  '237': { country: 'CM', lengths: [9] },
  '261': { country: 'MG', lengths: [9] },
  '262': { country: 'RE', lengths: [9] },
  '351': { country: 'PT', lengths: [9] },
  '352': { country: 'LU', lengths: range(6, 11) },
  '353': { country: 'IE', lengths: range(7, 9) },
  '358': { country: 'FI', lengths: range(5, 12) },
  '376': { country: 'AD', lengths: range(6, 9) },
  '377': { country: 'MC', lengths: [8, 9] },
  '420': { country: 'CZ', lengths: [9] },
  '508': { country: 'PM', lengths: [6] },
  '590': { country: 'GP', lengths: [9] },
  '594': { country: 'GF', lengths: [9] },
  '596': { country: 'MQ', lengths: [9] },
  '687': { country: 'NC', lengths: [6] },
  '689': { country: 'PF', lengths: [8] },
  '971': { country: 'AE', lengths: [8, 9] },
  '972': { country: 'IL', lengths: [8, 9] },
};

export type PhoneCheck =
  | { ok: true; number: string; country: string }
  | { ok: false; code: 117 | 150; reason: string };

export function checkInternationalNumber(value: unknown, codes: Record<string, CallingCode>): PhoneCheck {
  if (typeof value !== 'string' || value.length === 0) {
    return { ok: false, code: 117, reason: 'phone_number is missing' };
  }
  if (!/^\+[1-9][0-9]{5,14}$/.test(value)) {
    return { ok: false, code: 117, reason: `${JSON.stringify(value)} is not in international format (+ then country code and number, digits only)` };
  }
  const digits = value.slice(1);
  for (const size of [3, 2, 1]) {
    const entry = codes[digits.slice(0, size)];
    if (!entry) continue;
    const national = digits.slice(size);
    if (!entry.lengths.includes(national.length) || national.startsWith('0')) {
      return { ok: false, code: 117, reason: `${value} is not a valid ${entry.country} number` };
    }
    return { ok: true, number: value, country: entry.country };
  }
  return { ok: false, code: 150, reason: `no country was found for the prefix of ${value}` };
}
