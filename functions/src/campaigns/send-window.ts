import { nextAllowedSendTime } from '@smsc/core';
import type { CampaignRun } from './run';

/**
 * When a prepared campaign may leave: marketing SMS to French numbers only in the legal hours.
 * A deferred campaign carries its (already held) send time at the provider, so it needs no hold.
 */
export function holdUntil(run: Pick<CampaignRun, 'type' | 'french' | 'sendAt'>, now: Date, windowEnd: string | null): Date | null {
  if (run.type !== 'Marketing' || !run.french || run.sendAt) return null;
  const allowed = nextAllowedSendTime(now, { purpose: 'marketing', country: 'FR', ...(windowEnd ? { window: { end: windowEnd } } : {}) });
  return allowed.getTime() > now.getTime() ? allowed : null;
}

/** The provider-side send time of a deferred marketing campaign, moved into the legal hours. */
export function heldSendAt(sendAt: Date, french: boolean, marketing: boolean, windowEnd: string | null): Date {
  if (!french || !marketing) return sendAt;
  return nextAllowedSendTime(sendAt, { purpose: 'marketing', country: 'FR', ...(windowEnd ? { window: { end: windowEnd } } : {}) });
}
