import fc from 'fast-check';
import { analyzeSms } from '@smsc/core';

/** Pieces that exercise every joining rule counted without Intl.Segmenter. */
const pieces = [
  'a', 'é', 'Z', ' ', '\n', '\r', '\r\n', 'ש', 'ׁ', 'ع', 'ً', 'Ω', 'Ж',
  '\u0301', '\u0308', '\u200d', '\u200c', '\ufe0f',
  '👍', '🏽', '👨', '👩', '👧', '❤', '🇫', '🇷', '🇮', '🇱', '🏴', '\u{e0067}', '\u{e007f}', '😀', '🎉', '©', '€',
];

describe('character counting', () => {
  const Segmenter = (Intl as unknown as { Segmenter: new (l?: string, o?: object) => { segment(s: string): Iterable<unknown> } }).Segmenter;
  const segmenter = new Segmenter(undefined, { granularity: 'grapheme' });
  const reference = (text: string) => [...segmenter.segment(text)].length;

  test('matches Intl.Segmenter on emoji, flags, ZWJ sequences, combining marks and CRLF', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(analyzeSms(text).characters).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  test.each(['👨‍👩‍👧', '🇫🇷🇮🇱', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', 'नमस्ते', '각', 'ก้า', 'e\u0301\u0308'])('%p counts as Intl.Segmenter does', (text) => {
    expect(analyzeSms(text).characters).toBe(reference(text));
  });
});
