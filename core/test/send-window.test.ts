import { nextAllowedSendTime, isSendTimeAllowed, frenchPublicHolidays, easterSunday, fromWallClock, wallClock } from '@smsc/core';

const marketingFR = { purpose: 'marketing' as const, country: 'FR' };
const at = (iso: string) => new Date(iso);

describe('French public holidays', () => {
  test.each([
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2038, 4, 25],
    [2000, 4, 23],
  ])('Easter %i is %i/%i', (year, month, day) => {
    expect(easterSunday(year)).toEqual({ month, day });
  });

  test('2026: the eleven holidays, movable ones included', () => {
    expect(frenchPublicHolidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01', '2026-04-06', '2026-05-01', '2026-05-08', '2026-05-14', '2026-05-25',
      '2026-07-14', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25',
    ]);
  });
});

describe('nextAllowedSendTime for French marketing SMS', () => {
  test.each([
    ['Tuesday 10:00 Paris is allowed', '2026-11-24T09:00:00Z', '2026-11-24T09:00:00.000Z'],
    ['Saturday 19:59 Paris is allowed', '2026-11-28T18:59:00Z', '2026-11-28T18:59:00.000Z'],
    ['Tuesday 07:30 Paris waits for 08:00', '2026-11-24T06:30:00Z', '2026-11-24T07:00:00.000Z'],
    ['Tuesday 20:00 Paris waits for Wednesday 08:00', '2026-11-24T19:00:00Z', '2026-11-25T07:00:00.000Z'],
    ['Saturday 21:00 waits over Sunday to Monday 08:00', '2026-11-28T20:00:00Z', '2026-11-30T07:00:00.000Z'],
    ['Sunday noon waits for Monday 08:00', '2026-11-22T11:00:00Z', '2026-11-23T07:00:00.000Z'],
    ['Christmas waits for the 26th', '2026-12-25T10:00:00Z', '2026-12-26T07:00:00.000Z'],
    ['Easter Monday (Easter Sunday evening) waits for Tuesday', '2026-04-05T19:00:00Z', '2026-04-07T06:00:00.000Z'],
    ['eve of Ascension after hours waits for Friday (summer time)', '2026-05-13T19:30:00Z', '2026-05-15T06:00:00.000Z'],
    ['Whit Monday waits for Tuesday', '2026-05-25T08:00:00Z', '2026-05-26T06:00:00.000Z'],
    ['Saturday before Whit Monday after 20:00 waits until Tuesday', '2026-05-23T19:00:00Z', '2026-05-26T06:00:00.000Z'],
    ['the night of the switch to summer time', '2026-03-29T00:30:00Z', '2026-03-30T06:00:00.000Z'],
    ['1 May on a Friday, then Saturday 8:00', '2026-05-01T09:00:00Z', '2026-05-02T06:00:00.000Z'],
  ])('%s', (_label, input, expected) => {
    expect(nextAllowedSendTime(at(input), marketingFR).toISOString()).toBe(expected);
  });

  test('transactional SMS are always allowed', () => {
    const sunday = at('2026-11-22T23:00:00Z');
    expect(nextAllowedSendTime(sunday, { purpose: 'transactional', country: 'FR' })).toBe(sunday);
  });

  test('other countries have no default window', () => {
    const sunday = at('2026-11-22T23:00:00Z');
    expect(nextAllowedSendTime(sunday, { purpose: 'marketing', country: 'GB' })).toBe(sunday);
  });

  test('the window is configurable: af2m charter until 22:00, extra closed days', () => {
    const tuesday2130 = at('2026-11-24T20:30:00Z');
    expect(isSendTimeAllowed(tuesday2130, marketingFR)).toBe(false);
    expect(isSendTimeAllowed(tuesday2130, { ...marketingFR, window: { end: '22:00' } })).toBe(true);
    expect(nextAllowedSendTime(at('2026-11-24T09:00:00Z'), { ...marketingFR, holidays: ['2026-11-24'] }).toISOString()).toBe('2026-11-25T07:00:00.000Z');
    expect(nextAllowedSendTime(at('2026-11-28T10:00:00Z'), { ...marketingFR, window: { days: [1, 2, 3, 4, 5] } }).toISOString()).toBe('2026-11-30T07:00:00.000Z');
  });

  test('a time zone override reads the window in that zone', () => {
    // 07:30 in Réunion (UTC+4) is before 08:00 there.
    expect(nextAllowedSendTime(at('2026-11-24T03:30:00Z'), { ...marketingFR, timeZone: 'Indian/Reunion' }).toISOString()).toBe('2026-11-24T04:00:00.000Z');
  });

  test('a misconfigured window is an error', () => {
    expect(() => nextAllowedSendTime(at('2026-11-24T09:00:00Z'), { ...marketingFR, window: { start: '20:00', end: '08:00' } })).toThrow(RangeError);
    expect(() => nextAllowedSendTime(at('2026-11-24T09:00:00Z'), { ...marketingFR, window: { start: '8h' } })).toThrow(/HH:MM/);
  });
});

describe('zoned time helpers', () => {
  test('wall clock and back, across both DST changes', () => {
    for (const iso of ['2026-01-15T12:00:00Z', '2026-07-15T12:00:00Z', '2026-03-29T01:30:00Z', '2026-10-25T02:30:00Z']) {
      const w = wallClock(at(iso), 'Europe/Paris');
      expect(fromWallClock(w.year, w.month, w.day, w.hour, w.minute, 'Europe/Paris').toISOString()).toBe(at(iso).toISOString());
    }
  });

  test('an hour that happens twice (autumn) resolves to the later one', () => {
    expect(fromWallClock(2026, 10, 25, 2, 30, 'Europe/Paris').toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });
});
