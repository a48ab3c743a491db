import { isRetryable, retryAfterMs } from '../errors';

export interface RetryPolicy {
  /** Attempts after the first one. */
  retries: number;
  /** First backoff, doubled each time, with full jitter. */
  baseDelayMs: number;
  /** No single wait is longer than this (Retry-After included). */
  maxDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Called before each wait: for logs and metrics. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

export const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `operation` again on retryable failures (429, 5xx, timeouts), waiting what the server asked
 * for (Retry-After) or an exponential backoff with full jitter, within a bounded number of attempts.
 */
export async function withRetry<T>(operation: (attempt: number) => Promise<T>, policy: RetryPolicy): Promise<T> {
  const sleep = policy.sleep ?? defaultSleep;
  const random = policy.random ?? Math.random;
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (attempt >= policy.retries || !isRetryable(error)) throw error;
      const asked = retryAfterMs(error);
      const backoff = random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
      const delay = Math.min(policy.maxDelayMs, asked ?? backoff);
      policy.onRetry?.(error, attempt + 1, delay);
      await sleep(delay);
    }
  }
}

/** Reads Retry-After as seconds (delta or HTTP date). */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
