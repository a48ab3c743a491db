import { analyzeSms, splitSms, GSM7_BASIC, GSM7_EXTENSION } from '@smsc/core';

const repeat = (s: string, n: number) => s.repeat(n);

describe('analyzeSms', () => {
  test.each([
    // [label, text, encoding, characters, units, segments, perSegment, remaining]
    ['empty text is 0 segments', '', 'GSM-7', 0, 0, 0, 160, 160],
    ['guide example, accents é/è are GSM-7', 'Bonjour Mr Smith, votre commande a bien été enregistrée.', 'GSM-7', 56, 56, 1, 160, 104],
    ['exactly 160 GSM-7', repeat('a', 160), 'GSM-7', 160, 160, 1, 160, 0],
    ['161 GSM-7 is two parts of 153', repeat('a', 161), 'GSM-7', 161, 161, 2, 153, 145],
    ['306 GSM-7 fills two parts', repeat('a', 306), 'GSM-7', 306, 306, 2, 153, 0],
    ['307 GSM-7 needs three', repeat('a', 307), 'GSM-7', 307, 307, 3, 153, 152],
    ['euro sign costs two septets', '10 €', 'GSM-7', 4, 5, 1, 160, 155],
    ['80 extension characters fill one part', repeat('{', 80), 'GSM-7', 80, 160, 1, 160, 0],
    ['81 extension characters need two parts (76 fit in the first)', repeat('[', 81), 'GSM-7', 81, 162, 2, 153, 143],
    ['ç and Ç are both GSM-7', 'Ça va ? ça va.', 'GSM-7', 14, 14, 1, 160, 146],
    ['one â forces UCS-2', 'Château', 'UCS-2', 7, 7, 1, 70, 63],
    ['exactly 70 UCS-2', 'ê' + repeat('a', 69), 'UCS-2', 70, 70, 1, 70, 0],
    ['71 UCS-2 is two parts of 67', 'ê' + repeat('a', 70), 'UCS-2', 71, 71, 2, 67, 63],
    ['emoji costs two UTF-16 units but is one character', '👍', 'UCS-2', 1, 2, 1, 70, 68],
    ['emoji with skin tone is one character', 'ok 👍🏽', 'UCS-2', 4, 7, 1, 70, 63],
    ['flag is one character', '🇫🇷', 'UCS-2', 1, 4, 1, 70, 66],
    ['combining accent is one character', 'e\u0301', 'UCS-2', 1, 2, 1, 70, 68],
    ['Hebrew is UCS-2', 'שלום', 'UCS-2', 4, 4, 1, 70, 66],
    ['Greek capitals of the GSM table stay GSM-7', 'ΔΦΓΛΩΠΨΣΘΞ', 'GSM-7', 10, 10, 1, 160, 150],
    ['CRLF counts one character and two septets', 'a\r\nb', 'GSM-7', 3, 4, 1, 160, 156],
  ])('%s', (_label, text, encoding, characters, units, segments, perSegment, remaining) => {
    expect(analyzeSms(text)).toMatchObject({ encoding, characters, units, segments, perSegment, remaining });
  });

  test('an escape pair that would straddle a part boundary opens the next part', () => {
    // 152 plain septets, then '€' (2 septets): the 153rd slot cannot hold half of it.
    const text = repeat('a', 152) + '€' + repeat('b', 10);
    const result = analyzeSms(text);
    expect(result.units).toBe(164);
    expect(result.segments).toBe(2);
    expect(splitSms(text)[0]).toBe(repeat('a', 152));
    expect(result.remaining).toBe(153 - 12);
  });

  test('a surrogate pair that would straddle a part boundary opens the next part', () => {
    const text = 'é' + repeat('a', 65) + '😀' + repeat('b', 10);
    const parts = splitSms(text);
    expect(parts[0]).toHaveLength(66);
    expect(parts[1]?.startsWith('😀')).toBe(true);
    expect(analyzeSms(text).segments).toBe(2);
  });

  test('names the characters that force UCS-2, once each, in order', () => {
    expect(analyzeSms('Tête-à-tête « chez nous » ’').nonGsmCharacters).toEqual(['ê', '«', '»', '’']);
    expect(analyzeSms('plain').nonGsmCharacters).toEqual([]);
  });

  test('every character of both GSM tables is GSM-7 at its cost', () => {
    for (const ch of GSM7_BASIC) expect(analyzeSms(ch)).toMatchObject({ encoding: 'GSM-7', units: 1 });
    for (const ch of GSM7_EXTENSION) expect(analyzeSms(ch)).toMatchObject({ encoding: 'GSM-7', units: 2 });
  });

  test.each(['`', 'â', '’', '\u00a0', '\t', 'œ', 'À'])('%p is not GSM-7', (ch) => {
    expect(analyzeSms(ch).encoding).toBe('UCS-2');
  });
});

describe('splitSms', () => {
  test('single part and empty text', () => {
    expect(splitSms('')).toEqual([]);
    expect(splitSms('hello')).toEqual(['hello']);
  });
  test('cuts plain GSM-7 every 153', () => {
    const parts = splitSms(repeat('x', 400));
    expect(parts.map((p) => p.length)).toEqual([153, 153, 94]);
  });
});
