/**
 * GSM 03.38 default alphabet and its extension table.
 *
 * Code 0x09 is capital Ç in the ETSI table, but Unicode's mapping (GSM0338.TXT) maps it to small ç
 * and handsets differ; both are counted as one GSM-7 septet so that French text with "ç" stays in
 * GSM-7, which is what carriers do in practice.
 */
export const GSM7_BASIC =
  '@£$¥èéùìòÇç\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** Characters reached through the escape code: each costs two septets. */
export const GSM7_EXTENSION = '\f^{}\\[~]|€';

/** Septet cost per UTF-16 code unit: 1 basic, 2 extension, 0 not representable in GSM-7. */
const MAX_GSM_CODE = 0x20ac; // '€', the highest code point of either table
const SEPTET_COST = new Uint8Array(MAX_GSM_CODE + 1);
for (const ch of GSM7_BASIC) SEPTET_COST[ch.charCodeAt(0)] = 1;
for (const ch of GSM7_EXTENSION) SEPTET_COST[ch.charCodeAt(0)] = 2;

/** Septets a UTF-16 code unit costs in GSM-7, or 0 when it forces UCS-2. */
export function gsmSeptetCost(codeUnit: number): number {
  return codeUnit <= MAX_GSM_CODE ? (SEPTET_COST[codeUnit] as number) : 0;
}

export function isGsm7Text(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (gsmSeptetCost(text.charCodeAt(i)) === 0) return false;
  }
  return true;
}
