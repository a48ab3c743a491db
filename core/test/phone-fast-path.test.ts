import fc from 'fast-check';
import { parsePhoneNumberFromString, getCountries, getCountryCallingCode, type CountryCode } from 'libphonenumber-js/max';
import mobileExamples from 'libphonenumber-js/examples.mobile.json';
import { fastNormalize } from '../src/phone/fast-path';

/** libphonenumber's own answer for the same compact input. */
function reference(compact: string, defaultCountry: CountryCode | undefined) {
  const parsed = parsePhoneNumberFromString(compact, { defaultCountry, extract: false });
  if (!parsed || !parsed.isValid()) return null;
  return { e164: parsed.number, country: parsed.country, type: parsed.getType() };
}

const countries = getCountries();
const examples = mobileExamples as Record<string, string>;

/** Inputs around each country's example mobile: as written nationally, internationally, mutated. */
const inputs = fc
  .record({
    country: fc.constantFrom(...countries),
    form: fc.constantFrom('national', 'international', 'international-with-trunk', 'bare'),
    mutate: fc.integer({ min: 0, max: 6 }),
    digits: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 0, maxLength: 6 }),
    lengthChange: fc.constantFrom(-2, -1, 0, 0, 0, 1, 2),
    asCountry: fc.option(fc.constantFrom(...countries), { nil: undefined }),
  })
  .map(({ country, form, mutate, digits, lengthChange, asCountry }) => {
    let national = examples[country] ?? '123456789';
    const tail = digits.join('').slice(0, mutate);
    national = national.slice(0, national.length - tail.length) + tail;
    if (lengthChange > 0) national += digits.join('').slice(0, lengthChange) || '5'.repeat(lengthChange);
    if (lengthChange < 0) national = national.slice(0, lengthChange);
    const code = getCountryCallingCode(country);
    const compact =
      form === 'international' ? `+${code}${national}` : form === 'international-with-trunk' ? `+${code}0${national}` : form === 'national' ? `0${national}` : national;
    return { compact, defaultCountry: asCountry ?? country };
  });

describe('phone fast path agrees with libphonenumber wherever it answers', () => {
  test('example mobiles of every country, written every way and mutated', () => {
    let answered = 0;
    fc.assert(
      fc.property(inputs, ({ compact, defaultCountry }) => {
        const fast = fastNormalize(compact, defaultCountry);
        if (fast === null) return;
        answered++;
        const ref = reference(compact, defaultCountry);
        expect({ compact, defaultCountry, result: fast }).toEqual({ compact, defaultCountry, result: ref });
      }),
      { numRuns: 20000, seed: 20261122 },
    );
    // The fast path must actually serve most numbers, or it is not worth having.
    expect(answered).toBeGreaterThan(2000);
  });

  test('random digit strings in every country', () => {
    fc.assert(
      fc.property(fc.constantFrom(...countries), fc.stringMatching(/^\+?\d{1,17}$/), (country, compact) => {
        const fast = fastNormalize(compact, country);
        if (fast === null) return;
        expect({ compact, country, result: fast }).toEqual({ compact, country, result: reference(compact, country) });
      }),
      { numRuns: 20000, seed: 7 },
    );
  });

  test.each([
    ['0649819006', 'FR', '+33649819006', 'MOBILE'],
    ['+33649819006', undefined, '+33649819006', 'MOBILE'],
    ['0123456789', 'FR', '+33123456789', 'FIXED_LINE'],
    ['+972502345678', undefined, '+972502345678', 'MOBILE'],
    ['+12015550123', undefined, '+12015550123', 'FIXED_LINE_OR_MOBILE'],
    ['+447400123456', undefined, '+447400123456', 'MOBILE'],
  ] as const)('%s (%s) is served by the fast path', (compact, country, e164, type) => {
    expect(fastNormalize(compact, country)).toMatchObject({ e164, type });
  });

  test.each([
    ['+4401234', 'a national prefix written after +44'],
    ['+4474001234', 'too short for any country of +44'],
    ['+33 0649819006'.replace(' ', ''), 'trunk prefix after the country code'],
    ['33649819006', 'digits starting with the calling code'],
    ['064981900', 'invalid'],
  ])('%s goes to libphonenumber (%s)', (compact) => {
    expect(fastNormalize(compact, 'FR')).toBeNull();
  });
});
