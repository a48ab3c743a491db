import { transliterateToGsm7, analyzeSms } from '@smsc/core';

describe('transliterateToGsm7', () => {
  test('French typography and accents outside GSM-7 become look-alikes', () => {
    const input = 'L’hôtel « Château » : dîner à 20\u00a0h… Œuvre';
    const result = transliterateToGsm7(input);
    expect(result.text).toBe('L\'hotel " Chateau " : diner à 20 h... OEuvre');
    expect(analyzeSms(result.text).encoding).toBe('GSM-7');
    expect(result.remainingNonGsm).toEqual([]);
    expect(result.replaced).toEqual(
      expect.arrayContaining([
        { from: '’', to: "'", count: 1 },
        { from: 'â', to: 'a', count: 1 },
        { from: '\u00a0', to: ' ', count: 1 },
        { from: 'Œ', to: 'OE', count: 1 },
      ]),
    );
  });

  test('GSM-7 text is left untouched, accents of the GSM table included', () => {
    const text = 'Déjà vu: é è ù ì ò à Ç ç Ñ ü €';
    expect(transliterateToGsm7(text)).toEqual({ text, replaced: [], remainingNonGsm: [] });
  });

  test('characters with no look-alike are reported and kept', () => {
    const result = transliterateToGsm7('Merci 🙏 שלום');
    expect(result.text).toBe('Merci 🙏 שלום');
    expect(result.remainingNonGsm).toEqual(['🙏', 'ש', 'ל', 'ו', 'ם']);
  });
});
