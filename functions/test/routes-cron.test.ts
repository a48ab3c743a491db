import { compileRoute } from '../src/host/routes';
import { parseCron } from '../src/host/cron';

describe('route templates', () => {
  test('parameters, optional parameters and literals', () => {
    const route = compileRoute('provider/{provider}/callback/{secret?}');
    expect(route.match('provider/octopush/callback/abc')).toEqual({ provider: 'octopush', secret: 'abc' });
    expect(route.match('provider/octopush/callback')).toEqual({ provider: 'octopush' });
    expect(route.match('provider/octopush/other')).toBeNull();
    expect(compileRoute('dataverse/webhook').match('dataverse/webhook')).toEqual({});
    expect(compileRoute('a/{id:guid}').match('a/3f2504e0-4f89-11d3-9a0c-0305e82c3301')).toEqual({ id: '3f2504e0-4f89-11d3-9a0c-0305e82c3301' });
  });
});

describe('NCRONTAB', () => {
  test('six fields, steps, lists and ranges', () => {
    const everyFiveMinutes = parseCron('0 */5 * * * *');
    expect(everyFiveMinutes.next(new Date('2026-11-22T10:01:07Z')).toISOString()).toBe('2026-11-22T10:05:00.000Z');
    const weekdaysAtNine = parseCron('0 0 9 * * 1-5');
    expect(weekdaysAtNine.next(new Date('2026-11-21T10:00:00Z')).toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(parseCron('*/10 * * * * *').next(new Date('2026-11-22T10:00:01Z')).toISOString()).toBe('2026-11-22T10:00:10.000Z');
  });
  test('malformed schedules are refused', () => {
    expect(() => parseCron('*/5 * * * *')).toThrow(/six fields/);
    expect(() => parseCron('0 61 * * * *')).toThrow(/out of range/);
  });
});
