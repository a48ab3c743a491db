// DELETE /sms-campaign/cancel { ticket_number } → 204. Documented limits: a waiting or scheduled
// campaign only, "fewer than 3 recipients", still more than 10 minutes ahead, 1000 a month.
import { toUnits } from '../state/money';
import type { OctopushHandler } from './context';
import { fail } from './errors';

export const cancelSmsCampaign: OctopushHandler = ({ rt, account, body }) => {
  const ticket = body.ticket_number;
  const campaign = typeof ticket === 'string' ? rt.store.campaigns.get(ticket) : undefined;
  if (!campaign || campaign.login !== account.login || campaign.kind !== 'direct' || campaign.simulated || campaign.state === 'cancelled') {
    fail(131, typeof ticket === 'string' ? `(ticket_number ${JSON.stringify(ticket)})` : '(ticket_number is missing.)');
  }
  const found = campaign!;
  if (found.state !== 'scheduled') fail(132);
  const limits = rt.config.directCancel;
  if (found.number_of_contacts > limits.maxRecipients) {
    fail(125, `Cancellation is only allowed when the campaign has fewer than ${limits.maxRecipients + 1} recipients.`);
  }
  if ((found.send_at_ms ?? 0) - rt.now() <= limits.minLeadMs) {
    fail(125, `Waiting campaigns must still be scheduled more than ${Math.round(limits.minLeadMs / 60_000)} minutes in the future.`);
  }
  const month = new Date(rt.now()).toISOString().slice(0, 7);
  const used = account.cancellations.get(month) ?? 0;
  if (used >= limits.monthlyLimit) fail(128, `(at most ${limits.monthlyLimit} cancellations a month.)`);

  account.cancellations.set(month, used + 1);
  rt.scheduler.cancel(rt.store.campaignTimers.get(found.ticket));
  rt.store.campaignTimers.delete(found.ticket);
  found.state = 'cancelled';
  account.balance += toUnits(found.total_cost);
  for (const message of rt.store.messages) if (message.ticket === found.ticket) message.status = 'cancelled';
  return { status: 204 };
};
