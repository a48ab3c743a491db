// The sandbox's own rules, checked directly at their edges.
import { parseSendAt, formatCallbackDate, formatIsoWithOffset } from '../../octopush/rules/dates';
import { countParts } from '../../octopush/rules/gsm';
import { checkInternationalNumber, DEFAULT_CALLING_CODES } from '../../octopush/rules/phone';

describe('countParts', () => {
  test.each([
    ['', 'GSM-7', 0, 0],
    ['Hello @ £ $ ¥ è é ù ì ò Ç ç Ø ø Å å Δ _ Φ Γ Λ Ω Π Ψ Σ Θ Ξ Æ æ ß É ¤ ¡ Ä Ö Ñ Ü § ¿ ä ö ñ ü à', 'GSM-7', 91, 1],
    ['^{}\\[~]|€\f', 'GSM-7', 20, 1],
    ['a'.repeat(159) + '€', 'GSM-7', 161, 2],
    ['â', 'UCS-2', 1, 1],
    ['😀'.repeat(35), 'UCS-2', 70, 1],
    ['😀'.repeat(36), 'UCS-2', 72, 2],
    ['a'.repeat(1224), 'GSM-7', 1224, 8],
  ])('%p', (text, encoding, units, segments) => {
    expect(countParts(text)).toEqual({ encoding, units, segments });
  });
});

describe('checkInternationalNumber', () => {
  test.each([
    ['+33649819006', 'FR'],
    ['+262692123456', 'RE'],
    ['+14155552671', 'US'],
    ['+447911123456', 'GB'],
  ])('%s is %s', (number, country) => {
    expect(checkInternationalNumber(number, DEFAULT_CALLING_CODES)).toEqual({ ok: true, number, country });
  });

  test('codes are looked up longest first (+352 Luxembourg is not +35 nor +3)', () => {
    expect(checkInternationalNumber('+352621123456', DEFAULT_CALLING_CODES)).toMatchObject({ ok: true, country: 'LU' });
  });
});

describe('dates', () => {
  test('send_at: offsets, Z, fractions, and bare wall-clock time in Paris across DST', () => {
    expect(parseSendAt('2018-10-03T07:42:39-07:00')).toBe(Date.parse('2018-10-03T14:42:39Z'));
    expect(parseSendAt('2021-01-01T00:01:00+0100')).toBe(Date.parse('2020-12-31T23:01:00Z'));
    expect(parseSendAt('2026-03-01T10:00:00.250Z')).toBe(Date.parse('2026-03-01T10:00:00.250Z'));
    expect(parseSendAt('2026-01-15 10:00:00')).toBe(Date.parse('2026-01-15T09:00:00Z'));
    expect(parseSendAt('2026-07-15 10:00')).toBe(Date.parse('2026-07-15T08:00:00Z'));
    expect(parseSendAt('2026-07-15T25:00:00Z')).toBeUndefined();
    expect(parseSendAt('2026-07-15T10:00:00+19:00')).toBeUndefined();
  });

  test('callback dates are "Y-m-d H:i:s" in Paris; sending_date is ISO with the Paris offset', () => {
    expect(formatCallbackDate(Date.parse('2020-11-04T10:11:45Z'))).toBe('2020-11-04 11:11:45');
    expect(formatCallbackDate(Date.parse('2020-11-04T10:11:45Z'), 'UTC')).toBe('2020-11-04 10:11:45');
    expect(formatIsoWithOffset(Date.parse('2021-06-01T09:00:00Z'))).toBe('2021-06-01T11:00:00+02:00');
    expect(formatIsoWithOffset(Date.parse('2021-12-01T09:00:00Z'))).toBe('2021-12-01T10:00:00+01:00');
  });
});
