import { analyzeSms, GSM7_CONCATENATED, UCS2_CONCATENATED } from './analyze';
import { gsmSeptetCost } from './gsm7';

/**
 * The parts a concatenated SMS is cut into, as the SMS centre cuts it: a GSM-7 escape pair and a
 * UTF-16 surrogate pair always stay within one part. Used for previews ("part 2/3").
 */
export function splitSms(text: string): string[] {
  const analysis = analyzeSms(text);
  if (analysis.segments <= 1) return analysis.segments === 0 ? [] : [text];
  const gsm = analysis.encoding === 'GSM-7';
  const capacity = gsm ? GSM7_CONCATENATED : UCS2_CONCATENATED;
  const parts: string[] = [];
  let start = 0;
  let fill = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    const pair = !gsm && code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const width = pair ? 2 : 1;
    const cost = gsm ? gsmSeptetCost(code) : width;
    if (fill + cost > capacity) {
      parts.push(text.slice(start, i));
      start = i;
      fill = 0;
    }
    fill += cost;
    i += width;
  }
  parts.push(text.slice(start));
  return parts;
}
