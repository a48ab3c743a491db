import fc from 'fast-check';
import { analyzeSms, splitSms, GSM7_BASIC, GSM7_EXTENSION, gsmSeptetCost } from '@smsc/core';

const gsmChar = fc.constantFrom(...GSM7_BASIC.split(''), ...GSM7_EXTENSION.split(''));
const gsmText = fc.array(gsmChar, { maxLength: 1200 }).map((a) => a.join(''));
/** Mixed text: GSM characters, accents outside GSM-7, emoji (surrogate pairs). */
const anyChar = fc.oneof(
  { weight: 6, arbitrary: gsmChar },
  { weight: 1, arbitrary: fc.constantFrom('â', 'ê', '’', '«', 'œ', 'ש') },
  { weight: 1, arbitrary: fc.constantFrom('😀', '👍🏽', '🇫🇷', '𝄞') },
);
const mixedText = fc.array(anyChar, { maxLength: 600 }).map((a) => a.join(''));

const septets = (s: string) => [...s].reduce((n, ch) => n + gsmSeptetCost(ch.charCodeAt(0)), 0);

describe('segmenting properties', () => {
  test('GSM-7: between the ceiling formula and one wasted slot per part', () => {
    fc.assert(
      fc.property(gsmText, (text) => {
        const a = analyzeSms(text);
        expect(a.encoding).toBe('GSM-7');
        expect(a.units).toBe(septets(text));
        if (a.units === 0) return expect(a.segments).toBe(0);
        if (a.units <= 160) return expect(a.segments).toBe(1);
        expect(a.segments).toBeGreaterThanOrEqual(Math.ceil(a.units / 153));
        expect(a.segments).toBeLessThanOrEqual(Math.ceil(a.units / 152));
        if (!/[\f^{}\\[~\]|€]/.test(text)) expect(a.segments).toBe(Math.ceil(a.units / 153));
      }),
      { numRuns: 400 },
    );
  });

  test('UCS-2: between the ceiling formula and one wasted unit per part', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        const a = analyzeSms(text);
        if (a.encoding === 'GSM-7') return;
        expect(a.units).toBe(text.length);
        if (a.units <= 70) return expect(a.segments).toBe(1);
        expect(a.segments).toBeGreaterThanOrEqual(Math.ceil(a.units / 67));
        expect(a.segments).toBeLessThanOrEqual(Math.ceil(a.units / 66));
      }),
      { numRuns: 400 },
    );
  });

  test('parts rebuild the text, respect capacity and never split an escape or surrogate pair', () => {
    fc.assert(
      fc.property(fc.oneof(gsmText, mixedText), (text) => {
        const a = analyzeSms(text);
        const parts = splitSms(text);
        expect(parts.join('')).toBe(text);
        expect(parts.length).toBe(a.segments);
        if (parts.length < 2) return;
        for (const part of parts) {
          if (a.encoding === 'GSM-7') {
            expect(septets(part)).toBeLessThanOrEqual(153);
          } else {
            expect(part.length).toBeLessThanOrEqual(67);
            const last = part.charCodeAt(part.length - 1);
            expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
            const first = part.charCodeAt(0);
            expect(first >= 0xdc00 && first <= 0xdfff).toBe(false);
          }
        }
        // `remaining` is what the last part can still take.
        const lastPart = parts[parts.length - 1] as string;
        const used = a.encoding === 'GSM-7' ? septets(lastPart) : lastPart.length;
        expect(a.remaining).toBe(a.perSegment - used);
      }),
      { numRuns: 400 },
    );
  });

  test('characters never exceed UTF-16 length and equal it for plain GSM-7 text', () => {
    fc.assert(
      fc.property(fc.oneof(gsmText, mixedText), (text) => {
        const a = analyzeSms(text);
        expect(a.characters).toBeLessThanOrEqual(text.length);
        if (a.encoding === 'GSM-7' && !text.includes('\r')) expect(a.characters).toBe(text.length);
      }),
    );
  });
});
