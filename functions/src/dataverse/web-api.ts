import { DynamicsWebApi } from 'dynamics-web-api';
import { DataverseError } from '../errors';
import { withRetry, type RetryPolicy } from '../http/retry';
import type { TokenProvider } from './token';

export const DATAVERSE_RETRY: RetryPolicy = { retries: 5, baseDelayMs: 250, maxDelayMs: 30_000 };

export function createWebApi(serverUrl: string, token: TokenProvider): DynamicsWebApi {
  return new DynamicsWebApi({
    serverUrl,
    dataApi: { version: '9.2' },
    onTokenRefresh: token,
    // update/upsert/delete report failures as errors rather than swallowing them
    propagateErrors: true,
  });
}

interface WebApiFailure {
  status?: number;
  message?: string;
  code?: string;
  headers?: Record<string, string> | { get?(name: string): string | null };
  innererror?: { message?: string };
  error?: { code?: string; message?: string };
}

function header(headers: WebApiFailure['headers'], name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as { get?: unknown }).get === 'function') return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  const record = headers as Record<string, string>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  return key ? record[key] : undefined;
}

/** dynamics-web-api's RequestError (or a network failure) as a typed, retry-aware error. */
export function toDataverseError(error: unknown, what: string): DataverseError {
  if (error instanceof DataverseError) return error;
  const e = (error ?? {}) as WebApiFailure;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const code = e.code ?? e.error?.code;
  const message = e.message ?? e.error?.message ?? String(error);
  const retryAfter = Number(header(e.headers, 'retry-after'));
  const retryable = status === undefined || status === 429 || status >= 500;
  return new DataverseError(`${what}: ${message}`, status, code, retryable, Number.isFinite(retryAfter) ? retryAfter : undefined);
}

/**
 * Runs one Dataverse operation with typed errors and retries on 429 (honouring Retry-After, as
 * Dataverse's service protection asks) and transient 5xx, with jittered backoff.
 */
export function dataverse<T>(what: string, operation: () => Promise<T>, policy: RetryPolicy = DATAVERSE_RETRY): Promise<T> {
  return withRetry(async () => {
    try {
      return await operation();
    } catch (error) {
      throw toDataverseError(error, what);
    }
  }, policy);
}

export function isNotFound(error: unknown): boolean {
  return error instanceof DataverseError && error.status === 404;
}

export function isConcurrencyConflict(error: unknown): boolean {
  return error instanceof DataverseError && error.status === 412;
}
