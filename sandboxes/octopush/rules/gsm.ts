// SMS part counting as an SMS centre does it (3GPP TS 23.038 default alphabet, 6-octet
// concatenation header). Written here on purpose: the sandbox must not share the product's rules.

const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà' +
  // 0x09 is "Ç" in the ETSI table and "ç" in Unicode's mapping file; handsets accept both.
  'ç';
const EXTENSION = '\f^{}\\[~]|€';

const basicSet = new Set(BASIC);
const extensionSet = new Set(EXTENSION);

export type Encoding = 'GSM-7' | 'UCS-2';

export interface PartCount {
  encoding: Encoding;
  /** Septets (GSM-7, extension characters count 2) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

export function countParts(text: string): PartCount {
  const chars = Array.from(text);
  if (chars.every((c) => basicSet.has(c) || extensionSet.has(c))) return countGsm(chars);
  return countUcs2(chars);
}

function countGsm(chars: string[]): PartCount {
  const costs = chars.map((c) => (extensionSet.has(c) ? 2 : 1));
  const units = costs.reduce((a, b) => a + b, 0);
  if (units <= 160) return { encoding: 'GSM-7', units, segments: units === 0 ? 0 : 1 };
  return { encoding: 'GSM-7', units, segments: fill(costs, 153) };
}

function countUcs2(chars: string[]): PartCount {
  // A character outside the BMP is a surrogate pair: 2 units that one part must hold whole.
  const costs = chars.map((c) => c.length);
  const units = costs.reduce((a, b) => a + b, 0);
  if (units <= 70) return { encoding: 'UCS-2', units, segments: 1 };
  return { encoding: 'UCS-2', units, segments: fill(costs, 67) };
}

/** Parts needed when no character (escape pair, surrogate pair) may straddle two parts. */
function fill(costs: number[], capacity: number): number {
  let parts = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > capacity) {
      parts++;
      used = 0;
    }
    used += cost;
  }
  return parts;
}
