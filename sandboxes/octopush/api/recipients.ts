// Turns recipients (direct send) or contacts (list campaign) into priced deliveries: numbers in
// international format, a price for the country and type, blacklist, personalisation
// ({first_name}, {last_name}, {param1}…{param5}, values cut at 50 characters) and parts counted
// on the text each recipient gets.
import type { SmsType } from '../options';
import { countParts, type Encoding } from '../rules/gsm';
import { checkInternationalNumber } from '../rules/phone';
import { hasStopMention, needsStopMention } from '../rules/stop-mention';
import type { Runtime } from '../runtime';
import { toUnits } from '../state/money';
import type { RejectedRecipient } from '../state/records';
import type { AccountState } from '../state/store';
import type { CampaignParams } from './campaign-params';
import { fail } from './errors';

const FIELDS = ['first_name', 'last_name', 'param1', 'param2', 'param3', 'param4', 'param5'] as const;
const MAX_FIELD_LENGTH = 50;

export interface Delivery {
  recipient: string;
  country: string;
  text: string;
  segments: number;
  encoding: Encoding;
  /** Ten-thousandths of a euro. */
  unitPrice: number;
  cost: number;
  blacklisted: boolean;
}

export interface DeliveryPlan {
  deliveries: Delivery[];
  rejected: RejectedRecipient[];
  /** Blacklisted numbers left out at the client's request. */
  removed: string[];
  numberOfSms: number;
  /** Ten-thousandths of a euro, blacklist-filter fee included. */
  cost: number;
}

export function planDeliveries(rt: Runtime, account: AccountState, params: CampaignParams, recipients: unknown[]): DeliveryPlan {
  const plan: DeliveryPlan = { deliveries: [], rejected: [], removed: [], numberOfSms: 0, cost: 0 };
  for (const raw of recipients) {
    const entry = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : { phone_number: raw };
    const phone = checkInternationalNumber(entry.phone_number, rt.config.callingCodes);
    if (!phone.ok) {
      plan.rejected.push({ phone_number: entry.phone_number, code: phone.code, reason: phone.reason });
      continue;
    }
    const price = priceOf(rt, phone.country, params.type);
    if (typeof price !== 'number') {
      plan.rejected.push({ phone_number: phone.number, code: price.code, reason: price.reason });
      continue;
    }
    const blacklisted = account.blacklist.has(phone.number);
    if (blacklisted && params.autoRemoveBlacklisted) {
      plan.removed.push(phone.number);
      continue;
    }
    const text = render(params.text, entry, rt.config.send.stopShortCode);
    const parts = countParts(text);
    const cost = price * parts.segments;
    plan.deliveries.push({
      recipient: phone.number, country: phone.country, text, segments: parts.segments, encoding: parts.encoding, unitPrice: price, cost, blacklisted,
    });
    plan.numberOfSms += parts.segments;
    plan.cost += cost;
  }
  if (params.autoRemoveBlacklisted) plan.cost += toUnits(rt.config.send.blacklistFilterFee);
  return plan;
}

/** Applies the invalid-number policy and fails when nobody is left to send to. */
export function requireDeliveries(rt: Runtime, plan: DeliveryPlan): void {
  const firstRejected = plan.rejected[0];
  if (firstRejected && rt.config.send.invalidNumbers === 'reject') fail(firstRejected.code, `(${firstRejected.reason}.)`);
  if (plan.deliveries.length > 0) return;
  if (!firstRejected) fail(103, plan.removed.length > 0 ? '(every recipient is blacklisted and was removed.)' : undefined);
  const sameCode = plan.rejected.every((r) => r.code === firstRejected!.code);
  fail(sameCode ? firstRejected!.code : 117, `(${plan.rejected.map((r) => r.reason).join('; ')}.)`);
}

export function requireStopMention(rt: Runtime, params: CampaignParams, deliveries: Delivery[]): void {
  const rule = rt.config.stopMention;
  if (needsStopMention(rule, params.purpose, params.type, deliveries.map((d) => d.country)) && !hasStopMention(rule, params.text)) fail(121);
}

function priceOf(rt: Runtime, country: string, type: SmsType): number | { code: number; reason: string } {
  const entry = rt.config.prices[country] ?? rt.config.prices['*'];
  if (!entry) return { code: 151, reason: `${country} is not served` };
  const euros = entry[type];
  if (typeof euros !== 'number') {
    return type === 'sms_low_cost'
      ? { code: 152, reason: `low cost SMS cannot be sent to ${country}` }
      : { code: 151, reason: `${type} is not served in ${country}` };
  }
  return toUnits(euros);
}

function render(template: string, entry: Record<string, unknown>, shortCode: string): string {
  let text = template.replaceAll('STOP au XXXXX', `STOP au ${shortCode}`);
  for (const field of FIELDS) {
    const value = entry[field];
    const shown = value === undefined || value === null ? '' : String(value).slice(0, MAX_FIELD_LENGTH);
    text = text.replaceAll(`{${field}}`, shown);
  }
  return text;
}
