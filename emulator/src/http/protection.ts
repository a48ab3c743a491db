/**
 * Service protection limits (powerapps-docs api-limits.md): per user, a number of requests in a
 * sliding window and a number of concurrent requests; past either, 429 Too Many Requests with
 * Retry-After in seconds and Dataverse's error codes. Off unless configured.
 */
import { DataverseError } from './errors';

export interface ProtectionLimits {
  /** Requests allowed per window (Dataverse: 6000 per 300 s per web server). */
  requestsPerWindow?: number;
  windowSeconds?: number;
  /** Concurrent requests allowed (Dataverse: 52). */
  maxConcurrent?: number;
}

export class ServiceProtection {
  private requests = new Map<string, number[]>();
  private inFlight = new Map<string, number>();

  constructor(private readonly limits: ProtectionLimits) {}

  get enabled(): boolean {
    return !!(this.limits.requestsPerWindow || this.limits.maxConcurrent);
  }

  /** Admits a request or throws the 429 error; returns the function that ends it. */
  admit(user: string): () => void {
    const now = Date.now();
    const { requestsPerWindow, maxConcurrent } = this.limits;
    const windowMs = (this.limits.windowSeconds ?? 300) * 1000;
    if (maxConcurrent && (this.inFlight.get(user) ?? 0) >= maxConcurrent) {
      throw new DataverseError(429, '0x80072326', `Number of concurrent requests exceeded the limit of ${maxConcurrent}.`, { 'Retry-After': '1' });
    }
    if (requestsPerWindow) {
      const times = (this.requests.get(user) ?? []).filter((t) => t > now - windowMs);
      if (times.length >= requestsPerWindow) {
        const retryAfter = Math.max(1, Math.ceil((times[0]! + windowMs - now) / 1000));
        this.requests.set(user, times);
        throw new DataverseError(429, '0x80072322', `Number of requests exceeded the limit of ${requestsPerWindow} over time window of ${windowMs / 1000} seconds.`, { 'Retry-After': String(retryAfter) });
      }
      times.push(now);
      this.requests.set(user, times);
    }
    this.inFlight.set(user, (this.inFlight.get(user) ?? 0) + 1);
    return () => this.inFlight.set(user, (this.inFlight.get(user) ?? 1) - 1);
  }

  remaining(user: string): number | undefined {
    if (!this.limits.requestsPerWindow) return undefined;
    const windowMs = (this.limits.windowSeconds ?? 300) * 1000;
    const used = (this.requests.get(user) ?? []).filter((t) => t > Date.now() - windowMs).length;
    return Math.max(0, this.limits.requestsPerWindow - used);
  }
}
