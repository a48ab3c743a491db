import { gsmSeptetCost } from './gsm7';

/**
 * Look-alike replacements that keep a French (or other Latin) text in GSM-7, as providers'
 * "optimise text" options do. Accented capitals missing from GSM-7 lose their accent rather than
 * switching the whole message to UCS-2, which would cut each part from 160 to 70 characters.
 */
const REPLACEMENTS: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u2032': "'", '`': "'", '\u00b4': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u00ab': '"', '\u00bb': '"', '\u2033': '"',
  '\u2026': '...', '\u2013': '-', '\u2014': '-', '\u2010': '-', '\u2011': '-', '\u2212': '-',
  '\u00a0': ' ', '\u202f': ' ', '\u2009': ' ', '\u2007': ' ', '\u200b': '', '\t': ' ',
  'â': 'a', 'á': 'a', 'ã': 'a', 'ā': 'a', 'ê': 'e', 'ë': 'e', 'ē': 'e', 'î': 'i', 'ï': 'i', 'í': 'i',
  'ô': 'o', 'ó': 'o', 'õ': 'o', 'û': 'u', 'ú': 'u', 'ÿ': 'y', 'œ': 'oe', 'Œ': 'OE',
  'À': 'A', 'Â': 'A', 'Á': 'A', 'Ã': 'A', 'È': 'E', 'Ê': 'E', 'Ë': 'E', 'Î': 'I', 'Ï': 'I', 'Í': 'I',
  'Ô': 'O', 'Ó': 'O', 'Õ': 'O', 'Ù': 'U', 'Û': 'U', 'Ú': 'U', 'Ÿ': 'Y',
};

export interface Transliteration {
  text: string;
  /** Each distinct character replaced, what it became and how many times. */
  replaced: Array<{ from: string; to: string; count: number }>;
  /** Characters with no GSM-7 look-alike (emoji, other scripts): the text stays UCS-2 if any. */
  remainingNonGsm: string[];
}

export function transliterateToGsm7(text: string): Transliteration {
  const counts = new Map<string, number>();
  const remaining = new Set<string>();
  let out = '';
  for (const ch of text) {
    if (ch.length === 1 && gsmSeptetCost(ch.charCodeAt(0)) > 0) {
      out += ch;
      continue;
    }
    const replacement = REPLACEMENTS[ch];
    if (replacement === undefined) {
      remaining.add(ch);
      out += ch;
    } else {
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
      out += replacement;
    }
  }
  return {
    text: out,
    replaced: [...counts].map(([from, count]) => ({ from, to: REPLACEMENTS[from] as string, count })),
    remainingNonGsm: [...remaining],
  };
}
