// Messages leaving: one record per recipient, released at once or at `send_at`, then reported on.
import { scheduleDeliveryReports } from '../callbacks/delivery';
import type { Runtime } from '../runtime';
import { toEuros } from '../state/money';
import type { CampaignRecord, MessageRecord } from '../state/records';
import type { CampaignParams } from './campaign-params';
import type { Delivery } from './recipients';

export function recordMessages(rt: Runtime, campaign: CampaignRecord, params: CampaignParams, deliveries: Delivery[], sendingAt: number): MessageRecord[] {
  const now = new Date(rt.now()).toISOString();
  const status: MessageRecord['status'] = campaign.simulated ? 'simulated' : sendingAt > rt.now() ? 'scheduled' : 'sent';
  const messages = deliveries.map((d): MessageRecord => {
    const message: MessageRecord = {
      id: rt.store.nextMessageId(),
      login: campaign.login,
      ticket: campaign.ticket,
      origin: campaign.kind,
      recipient: d.recipient,
      country: d.country,
      text: d.text,
      sent_text: params.text,
      type: params.type,
      purpose: params.purpose,
      with_replies: params.withReplies,
      auto_optimize_text: params.autoOptimizeText,
      status,
      simulated: campaign.simulated,
      blacklisted: d.blacklisted,
      segments: d.segments,
      encoding: d.encoding,
      cost: toEuros(d.cost),
      unit_price: toEuros(d.unitPrice),
      created_at: now,
      sending_at: new Date(sendingAt).toISOString(),
      delivery_reports: [],
    };
    if (campaign.list_name) message.list_name = campaign.list_name;
    if (params.sender !== undefined) message.sender = params.sender;
    if (params.sendAtText !== undefined) message.send_at = params.sendAtText;
    if (params.requestId !== undefined) message.request_id = params.requestId;
    return message;
  });
  rt.store.messages.push(...messages);
  campaign.message_ids.push(...messages.map((m) => m.id));
  return messages;
}

/** Sends now, or arms the timer of a scheduled campaign. */
export function releaseWhenDue(rt: Runtime, campaign: CampaignRecord, messages: MessageRecord[], sendingAt: number): void {
  if (campaign.simulated) return;
  if (sendingAt <= rt.now()) {
    messages.forEach((m) => scheduleDeliveryReports(rt, m));
    return;
  }
  campaign.state = 'scheduled';
  const timer = rt.scheduler.at(sendingAt, () => {
    rt.store.campaignTimers.delete(campaign.ticket);
    campaign.state = 'sent';
    for (const message of messages) {
      if (message.status !== 'scheduled') continue;
      message.status = 'sent';
      scheduleDeliveryReports(rt, message);
    }
  });
  rt.store.campaignTimers.set(campaign.ticket, timer);
}
