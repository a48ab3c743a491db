import { normalizePhone } from '@smsc/core';

describe('normalizePhone accepts what users type', () => {
  test.each([
    ['06 49 81 90 06', 'FR', '+33649819006', 'FR', 'mobile'],
    ['06.49.81.90.06', 'FR', '+33649819006', 'FR', 'mobile'],
    ['06-49-81-90-06', 'FR', '+33649819006', 'FR', 'mobile'],
    ['+33649819006', undefined, '+33649819006', 'FR', 'mobile'],
    ['+33 6 49 81 90 06', 'GB', '+33649819006', 'FR', 'mobile'],
    ['0033649819006', undefined, '+33649819006', 'FR', 'mobile'],
    ['0033 6 49 81 90 06', 'US', '+33649819006', 'FR', 'mobile'],
    ['+33 (0)6 49 81 90 06', undefined, '+33649819006', 'FR', 'mobile'],
    ['(06) 49 81 90 06', 'FR', '+33649819006', 'FR', 'mobile'],
    ['07 81 23 45 67', 'FR', '+33781234567', 'FR', 'mobile'],
    ['+972 50-234-5678', undefined, '+972502345678', 'IL', 'mobile'],
    ['050-234-5678', 'IL', '+972502345678', 'IL', 'mobile'],
    ['07400 123456', 'GB', '+447400123456', 'GB', 'mobile'],
    ['+1 (201) 555-0123', undefined, '+12015550123', 'US', 'fixed_line_or_mobile'],
    ['01 23 45 67 89', 'FR', '+33123456789', 'FR', 'fixed_line'],
    ['\u00a006\u00a049 81 90 06 ', 'FR', '+33649819006', 'FR', 'mobile'],
  ])('%p (default %p) → %p', (raw, defaultCountry, e164, country, type) => {
    expect(normalizePhone(raw, { defaultCountry })).toMatchObject({ ok: true, e164, country, type });
  });

  test('a landline is valid but flagged as unable to receive SMS', () => {
    expect(normalizePhone('01 23 45 67 89', { defaultCountry: 'FR' })).toMatchObject({ ok: true, canReceiveSms: false });
    expect(normalizePhone('06 49 81 90 06', { defaultCountry: 'FR' })).toMatchObject({ ok: true, canReceiveSms: true });
  });

  test('default country is case-insensitive and ignored when unknown', () => {
    expect(normalizePhone('0649819006', { defaultCountry: 'fr' })).toMatchObject({ ok: true, e164: '+33649819006' });
    expect(normalizePhone('0649819006', { defaultCountry: 'ZZ' })).toMatchObject({ ok: false, reason: 'no_country' });
  });
});

describe('normalizePhone refuses with a reason a user understands', () => {
  test.each([
    ['', 'FR', 'empty', 'No phone number.'],
    [null, 'FR', 'empty', 'No phone number.'],
    ['   ', 'FR', 'empty', 'No phone number.'],
    ['06 49 81 9O 06', 'FR', 'letters', 'The number "06 49 81 9O 06" contains letters.'],
    ['call me', 'FR', 'letters', 'contains letters'],
    ['06#49*81', 'FR', 'characters', 'characters that are not allowed (# *)'],
    ['06 49+81', 'FR', 'characters', 'not allowed (+)'],
    ['0649819006', undefined, 'no_country', 'has no country code'],
    ['+999 123 456 789', undefined, 'unknown_country_code', 'unknown country code'],
    ['06 49', 'FR', 'too_short', 'is too short for France'],
    ['+33 6 49', undefined, 'too_short', 'is too short for France'],
    ['06 49 81 90 06 12 34', 'FR', 'too_long', 'is too long for France'],
    ['+33 0 00 00 00 00', undefined, 'invalid', 'is not a valid number for France'],
  ])('%p → %s', (raw, defaultCountry, reason, text) => {
    const result = normalizePhone(raw, { defaultCountry });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe(reason);
    expect(result.message).toContain(text);
  });

  test('messages follow the user language', () => {
    expect(normalizePhone('06 49', { defaultCountry: 'FR', language: 'fr' })).toMatchObject({
      ok: false,
      message: 'Le numéro « 06 49 » est trop court pour le pays France.',
    });
    expect(normalizePhone('abc', { language: 'fr' })).toMatchObject({ message: 'Le numéro « abc » contient des lettres.' });
  });
});
