// POST /sms-campaign/send: 1 to 500 recipients, now or at send_at. Success answers sms_ticket,
// number_of_contacts, number_of_sms_needed, total_cost and residual_credit (Octopush's README).
import { toEuros } from '../state/money';
import type { CampaignRecord } from '../state/records';
import { readCampaignParams } from './campaign-params';
import type { OctopushHandler } from './context';
import { fail } from './errors';
import { planDeliveries, requireDeliveries, requireStopMention } from './recipients';
import { recordMessages, releaseWhenDue } from './outbox';
import { refuseDuplicate, rememberRequestId } from './request-ids';

const SCOPE = 'sms-campaign/send';

export const sendSmsCampaign: OctopushHandler = ({ rt, account, body }) => {
  const params = readCampaignParams(body, rt.config);
  const recipients = body.recipients;
  if (!Array.isArray(recipients)) fail(110);
  const list = recipients as unknown[];
  if (list.length === 0) fail(103);
  if (list.length > rt.config.send.maxRecipients) fail(305, `(${list.length} recipients; at most ${rt.config.send.maxRecipients} per request.)`);

  const full = !params.simulation || rt.config.send.simulationValidation === 'full';
  const now = rt.now();
  if (!params.simulation) refuseDuplicate(account, SCOPE, params.requestId, now);
  const plan = planDeliveries(rt, account, params, list);
  requireDeliveries(rt, plan);
  if (full) requireStopMention(rt, params, plan.deliveries);
  if (full && !params.simulation && plan.cost > account.balance) {
    fail(104, `(cost ${toEuros(plan.cost)} €, balance ${toEuros(account.balance)} €.)`);
  }

  const campaign: CampaignRecord = {
    ticket: rt.store.newTicket(),
    login: account.login,
    kind: 'direct',
    state: params.simulation ? 'simulated' : 'sent',
    simulated: params.simulation,
    number_of_contacts: plan.deliveries.length,
    number_of_sms_needed: plan.numberOfSms,
    total_cost: toEuros(plan.cost),
    message_ids: [],
    rejected: plan.rejected,
    created_at: new Date(now).toISOString(),
  };
  if (params.requestId !== undefined) campaign.request_id = params.requestId;
  if (params.sendAtMs !== undefined) campaign.send_at_ms = params.sendAtMs;
  rt.store.campaigns.set(campaign.ticket, campaign);

  if (!params.simulation) {
    account.balance -= plan.cost;
    rememberRequestId(account, SCOPE, params.requestId, now, rt.config.send.requestIdTtlMs);
  }
  const sendingAt = Math.max(params.sendAtMs ?? now, now);
  const messages = recordMessages(rt, campaign, params, plan.deliveries, sendingAt);
  releaseWhenDue(rt, campaign, messages, sendingAt);

  return {
    status: rt.config.send.successStatus,
    body: {
      sms_ticket: campaign.ticket,
      number_of_contacts: campaign.number_of_contacts,
      number_of_sms_needed: campaign.number_of_sms_needed,
      total_cost: campaign.total_cost,
      residual_credit: toEuros(account.balance),
    },
  };
};
