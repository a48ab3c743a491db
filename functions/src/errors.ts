/**
 * Failures that cross a boundary (provider, Dataverse, configuration). Each says whether trying
 * again may succeed, so retries happen only where they are safe. Expected business outcomes
 * (invalid number, opted out, missing merge field) are not errors: they are values.
 */
export abstract class AppError extends Error {
  abstract readonly kind: string;
  constructor(
    message: string,
    /** HTTP status of the failed call, when there was one. */
    readonly status: number | undefined,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ProviderError extends AppError {
  readonly kind = 'provider';
  constructor(
    message: string,
    status: number | undefined,
    /** The provider's own error code (Octopush `code`, Twilio `code`…). */
    readonly vendorCode: string | number | undefined,
    retryable: boolean,
    /** Seconds the provider asked to wait (Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message, status, retryable);
  }
}

export class DataverseError extends AppError {
  readonly kind = 'dataverse';
  constructor(
    message: string,
    status: number | undefined,
    /** Dataverse's hexadecimal error code, e.g. 0x80040217. */
    readonly code: string | undefined,
    retryable: boolean,
    readonly retryAfterSeconds?: number,
  ) {
    super(message, status, retryable);
  }
}

/** A setting is missing or malformed: the app cannot start. */
export class ConfigurationError extends AppError {
  readonly kind = 'configuration';
  constructor(message: string) {
    super(message, undefined, false);
  }
}

export function isRetryable(error: unknown): boolean {
  return error instanceof AppError ? error.retryable : false;
}

export function retryAfterMs(error: unknown): number | undefined {
  if (error instanceof ProviderError || error instanceof DataverseError) {
    return error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : undefined;
  }
  return undefined;
}
