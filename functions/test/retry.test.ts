import { withRetry, parseRetryAfter } from '../src/http/retry';
import { ProviderError, DataverseError } from '../src/errors';

describe('withRetry', () => {
  const noWait = { sleep: async () => undefined, random: () => 0.5 };

  test('retries retryable failures within the bound, then gives up', async () => {
    const waits: number[] = [];
    let calls = 0;
    const run = withRetry(
      async () => {
        calls++;
        throw new ProviderError('down', 503, undefined, true);
      },
      { retries: 3, baseDelayMs: 100, maxDelayMs: 1000, sleep: async (ms) => void waits.push(ms), random: () => 0.5 },
    );
    await expect(run).rejects.toThrow('down');
    expect(calls).toBe(4);
    expect(waits).toEqual([50, 100, 200]);
  });

  test('never retries what is not retryable', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw new ProviderError('STOP missing', 400, 121, false);
      }, { retries: 5, baseDelayMs: 1, maxDelayMs: 1, ...noWait }),
    ).rejects.toThrow('STOP missing');
    expect(calls).toBe(1);
  });

  test('honours Retry-After, capped', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        if (++calls === 1) throw new DataverseError('429', 429, '0x80072322', true, 7);
        if (calls === 2) throw new DataverseError('429', 429, '0x80072322', true, 600);
        return 'done';
      },
      { retries: 3, baseDelayMs: 10, maxDelayMs: 60_000, sleep: async (ms) => void waits.push(ms), random: () => 1 },
    );
    expect(result).toBe('done');
    expect(waits).toEqual([7000, 60_000]);
  });

  test('parseRetryAfter reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('12')).toBe(12);
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', Date.parse('2026-11-22T10:00:00Z'))).toBe(30);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
