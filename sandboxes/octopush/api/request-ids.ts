// request_id: "To avoid sending same request multiple times … In case the duplication will be
// detected, a validation error will be returned. A request_id will expire after 24 hours."
import type { AccountState } from '../state/store';
import { fail } from './errors';

export function refuseDuplicate(account: AccountState, scope: string, requestId: string | undefined, now: number): void {
  if (requestId === undefined) return;
  const expiry = account.requestIds.get(`${scope}\n${requestId}`);
  if (expiry !== undefined && expiry > now) fail(120, `(request_id ${JSON.stringify(requestId)})`);
}

export function rememberRequestId(account: AccountState, scope: string, requestId: string | undefined, now: number, ttlMs: number): void {
  if (requestId === undefined) return;
  account.requestIds.set(`${scope}\n${requestId}`, now + ttlMs);
}
