// Delivery reports ("acknowledgements of receipt"): one POST per report with channel, message_id
// (the campaign's ticket), number, status, delivery_date ("Y-m-d H:i:s"), meta_data, and in
// newer payloads unit_price and list_name.
import type { DeliveryStatus } from '../options';
import { pickWeighted } from '../state/random';
import type { MessageRecord } from '../state/records';
import { formatCallbackDate } from '../rules/dates';
import type { Runtime } from '../runtime';
import { dispatchCallback } from './dispatcher';

/** Schedules the reports of a message that has just left. */
export function scheduleDeliveryReports(rt: Runtime, message: MessageRecord): void {
  if (message.type === 'sms_low_cost' && !rt.config.delivery.lowCostReports) return;
  const statuses = reportsFor(rt, message);
  statuses.forEach((status, index) => {
    rt.scheduler.after(rt.config.delivery.delayMs * (index + 1), () => report(rt, message, status));
  });
}

function reportsFor(rt: Runtime, message: MessageRecord): DeliveryStatus[] {
  const { byNumber, distribution, status } = rt.config.delivery;
  if (Object.prototype.hasOwnProperty.call(byNumber, message.recipient)) {
    const configured = byNumber[message.recipient];
    if (configured === null || configured === undefined) return [];
    return Array.isArray(configured) ? configured : [configured];
  }
  if (message.blacklisted) return ['BLACKLISTED_NUMBER'];
  return [pickWeighted(distribution, rt.random) ?? status];
}

function report(rt: Runtime, message: MessageRecord, status: DeliveryStatus): void {
  if (message.status === 'cancelled') return;
  message.status = status;
  message.delivery_reports.push(status);
  const payload: Record<string, unknown> = {
    channel: 'sms',
    message_id: message.ticket,
    number: message.recipient,
    status,
    delivery_date: formatCallbackDate(rt.now(), rt.config.callbacks.timeZone),
    unit_price: message.unit_price,
    meta_data: {},
  };
  if (message.list_name) payload.list_name = message.list_name;
  dispatchCallback(rt, 'delivery', rt.config.callbacks.deliveryUrl, payload);
}
