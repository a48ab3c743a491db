import { gsmSeptetCost } from './gsm7';
import { countGraphemes, mayCombine } from './characters';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsAnalysis {
  encoding: SmsEncoding;
  /** What a user sees: an emoji or an accented letter with a combining mark is one character. */
  characters: number;
  /** Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
  units: number;
  /** Parts the message is sent as; 0 for empty text. */
  segments: number;
  /** Capacity of one part: 160/153 in GSM-7, 70/67 in UCS-2. */
  perSegment: number;
  /** Units left in the last part before one more part is needed. */
  remaining: number;
  /** Distinct characters that force UCS-2, in order of appearance (empty for GSM-7 text). */
  nonGsmCharacters: string[];
}

export const GSM7_SINGLE = 160;
export const GSM7_CONCATENATED = 153;
export const UCS2_SINGLE = 70;
export const UCS2_CONCATENATED = 67;

/**
 * Encoding, length and segments of an SMS text as a handset and the SMS centre count them
 * (3GPP TS 23.038 alphabet, 6-octet concatenation header).
 */
export function analyzeSms(text: string): SmsAnalysis {
  let septets = 0;
  let hasExtension = false;
  let hasCombining = false;
  let hasSurrogate = false;
  let firstNonGsm = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const cost = gsmSeptetCost(code);
    if (cost === 1) {
      septets++;
      if (code === 0x0d) hasCombining = true; // CR LF is one character
      continue;
    }
    if (cost === 2) {
      septets += 2;
      hasExtension = true;
    } else if (firstNonGsm < 0) {
      firstNonGsm = i;
    }
    if (code >= 0x0300 || code === 0x0d) {
      if (!hasCombining && mayCombine(code)) hasCombining = true;
      if (code >= 0xd800 && code <= 0xdfff) hasSurrogate = true;
    }
  }
  const characters = countGraphemes(text, hasCombining);
  if (firstNonGsm < 0) return gsmAnalysis(text, septets, hasExtension, characters);
  return ucs2Analysis(text, characters, hasSurrogate, nonGsmCharacters(text, firstNonGsm));
}

/** One object shape for every result keeps property access monomorphic in hot loops. */
function result(encoding: SmsEncoding, characters: number, units: number, segments: number, perSegment: number, remaining: number, nonGsmCharacters: string[]): SmsAnalysis {
  return { encoding, characters, units, segments, perSegment, remaining, nonGsmCharacters };
}

const NO_CHARACTERS: string[] = [];

function gsmAnalysis(text: string, septets: number, hasExtension: boolean, characters: number): SmsAnalysis {
  if (septets <= GSM7_SINGLE) {
    return result('GSM-7', characters, septets, septets === 0 ? 0 : 1, GSM7_SINGLE, GSM7_SINGLE - septets, NO_CHARACTERS.slice());
  }
  if (!hasExtension) {
    const segments = Math.ceil(septets / GSM7_CONCATENATED);
    return result('GSM-7', characters, septets, segments, GSM7_CONCATENATED, segments * GSM7_CONCATENATED - septets, NO_CHARACTERS.slice());
  }
  // An escape pair is never split: a 2-septet character that does not fit opens the next part.
  let segments = 1;
  let fill = 0;
  for (let i = 0; i < text.length; i++) {
    const cost = gsmSeptetCost(text.charCodeAt(i));
    if (fill + cost > GSM7_CONCATENATED) {
      segments++;
      fill = 0;
    }
    fill += cost;
  }
  return result('GSM-7', characters, septets, segments, GSM7_CONCATENATED, GSM7_CONCATENATED - fill, NO_CHARACTERS.slice());
}

function ucs2Analysis(text: string, characters: number, hasSurrogate: boolean, nonGsm: string[]): SmsAnalysis {
  const units = text.length;
  if (units <= UCS2_SINGLE) return result('UCS-2', characters, units, 1, UCS2_SINGLE, UCS2_SINGLE - units, nonGsm);
  if (!hasSurrogate) {
    const segments = Math.ceil(units / UCS2_CONCATENATED);
    return result('UCS-2', characters, units, segments, UCS2_CONCATENATED, segments * UCS2_CONCATENATED - units, nonGsm);
  }
  // A surrogate pair is never split: a high surrogate in the last slot of a part moves on.
  let segments = 1;
  let fill = 0;
  for (let i = 0; i < units; i++) {
    const code = text.charCodeAt(i);
    const isPair = code >= 0xd800 && code <= 0xdbff && i + 1 < units && isLowSurrogate(text.charCodeAt(i + 1));
    const size = isPair ? 2 : 1;
    if (fill + size > UCS2_CONCATENATED) {
      segments++;
      fill = 0;
    }
    fill += size;
    if (isPair) i++;
  }
  return result('UCS-2', characters, units, segments, UCS2_CONCATENATED, UCS2_CONCATENATED - fill, nonGsm);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function nonGsmCharacters(text: string, from: number): string[] {
  const found: string[] = [];
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (gsmSeptetCost(code) !== 0) continue;
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1));
    const ch = pair ? text.slice(i, i + 2) : text[i] as string;
    if (pair) i++;
    if (!found.includes(ch)) found.push(ch);
  }
  return found;
}
