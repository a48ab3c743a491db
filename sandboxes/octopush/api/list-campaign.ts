// Campaign on a contact list or tag, Octopush's asynchronous prepare → validate/cancel:
// create (ticket) → status (under_computation, then ready_to_be_sent with cost and
// number_of_contacts, or failed) → send ({ sending_date }) or cancel (204). Send, and status when
// so configured, answer 400 as long as the campaign is not ready.
import { formatIsoWithOffset } from '../rules/dates';
import type { Runtime } from '../runtime';
import { toEuros, toUnits } from '../state/money';
import type { CampaignRecord, ContactRecord } from '../state/records';
import type { AccountState } from '../state/store';
import { readCampaignParams } from './campaign-params';
import type { OctopushHandler } from './context';
import { fail, MESSAGES } from './errors';
import { recordMessages, releaseWhenDue } from './outbox';
import { planDeliveries, requireStopMention } from './recipients';
import { refuseDuplicate, rememberRequestId } from './request-ids';

const SCOPE = 'sms-campaign-on-list/create';

export const createListCampaign: OctopushHandler = ({ rt, account, body }) => {
  const params = readCampaignParams(body, rt.config);
  const listName = typeof body.list_name === 'string' && body.list_name !== '' ? body.list_name : undefined;
  const tagName = typeof body.tag_name === 'string' && body.tag_name !== '' ? body.tag_name : undefined;
  if (!listName && !tagName) fail(125, 'list_name or tag_name is required.');
  const contacts = audience(account, listName, tagName);
  const now = rt.now();
  if (!params.simulation) {
    refuseDuplicate(account, SCOPE, params.requestId, now);
    if (rt.config.listCampaign.singlePending) refuseSecondPending(rt, account);
  }
  const plan = planDeliveries(rt, account, params, contacts);
  if (!params.simulation || rt.config.send.simulationValidation === 'full') requireStopMention(rt, params, plan.deliveries);

  const campaign: CampaignRecord = {
    ticket: rt.store.newTicket(),
    login: account.login,
    kind: 'list',
    state: 'under_computation',
    simulated: params.simulation,
    number_of_contacts: 0,
    number_of_sms_needed: 0,
    total_cost: 0,
    message_ids: [],
    rejected: plan.rejected,
    created_at: new Date(now).toISOString(),
  };
  if (listName) campaign.list_name = listName;
  if (tagName) campaign.tag_name = tagName;
  if (params.requestId !== undefined) campaign.request_id = params.requestId;
  if (params.sendAtMs !== undefined) campaign.send_at_ms = params.sendAtMs;
  rt.store.campaigns.set(campaign.ticket, campaign);
  rt.store.listPlans.set(campaign.ticket, { params, deliveries: plan.deliveries });
  if (!params.simulation) rememberRequestId(account, SCOPE, params.requestId, now, rt.config.send.requestIdTtlMs);

  const timer = rt.scheduler.after(rt.config.listCampaign.computeMs, () => {
    rt.store.campaignTimers.delete(campaign.ticket);
    finishComputation(rt, account, campaign, plan.cost, plan.numberOfSms, plan.deliveries.length, plan.removed.length);
  });
  rt.store.campaignTimers.set(campaign.ticket, timer);

  const field = rt.config.listCampaign.ticketField;
  const answer: Record<string, string> = {};
  if (field === 'ticket_number' || field === 'both') answer.ticket_number = campaign.ticket;
  if (field === 'sms_ticket' || field === 'both') answer.sms_ticket = campaign.ticket;
  return { status: 201, body: answer };
};

export const listCampaignStatus: OctopushHandler = ({ rt, account, query }) => {
  const campaign = findListCampaign(rt, account, query.get('ticket_number'));
  if (campaign.state === 'sent' || campaign.state === 'scheduled' || campaign.state === 'simulated') fail(132);
  if (campaign.state === 'under_computation') {
    if (rt.config.listCampaign.statusWhileComputing === 'error') fail(129);
    return { status: 200, body: { number_of_contacts: 0, cost: 0, status: 'under_computation' } };
  }
  if (campaign.state === 'failed') {
    return { status: 200, body: { number_of_contacts: campaign.number_of_contacts, cost: campaign.total_cost, status: 'failed', ...campaign.failure } };
  }
  return { status: 200, body: { number_of_contacts: campaign.number_of_contacts, cost: campaign.total_cost, status: rt.config.listCampaign.readyStatus } };
};

export const sendListCampaign: OctopushHandler = ({ rt, account, body }) => {
  const campaign = findListCampaign(rt, account, body.ticket_number);
  if (campaign.state === 'under_computation') fail(129);
  if (campaign.state === 'failed') fail(campaign.failure?.code ?? 125);
  if (campaign.state !== 'ready') fail(132);
  const plan = rt.store.listPlans.get(campaign.ticket)!;
  const cost = toUnits(campaign.total_cost);
  if (!campaign.simulated && cost > account.balance) fail(104, `(cost ${campaign.total_cost} €, balance ${toEuros(account.balance)} €.)`);

  const now = rt.now();
  if (!campaign.simulated) account.balance -= cost;
  campaign.state = campaign.simulated ? 'simulated' : 'sent';
  const sendingAt = Math.max(campaign.send_at_ms ?? now, now);
  const messages = recordMessages(rt, campaign, plan.params, plan.deliveries, sendingAt);
  releaseWhenDue(rt, campaign, messages, sendingAt);
  return { status: 200, body: { sending_date: formatIsoWithOffset(sendingAt, rt.config.timeZone) } };
};

export const cancelListCampaign: OctopushHandler = ({ rt, account, body }) => {
  const campaign = findListCampaign(rt, account, body.ticket_number);
  if (campaign.state !== 'under_computation' && campaign.state !== 'ready' && campaign.state !== 'failed') fail(132);
  rt.scheduler.cancel(rt.store.campaignTimers.get(campaign.ticket));
  rt.store.campaignTimers.delete(campaign.ticket);
  campaign.state = 'cancelled';
  return { status: 204 };
};

function finishComputation(rt: Runtime, account: AccountState, campaign: CampaignRecord, cost: number, sms: number, contacts: number, removed: number): void {
  campaign.number_of_contacts = contacts;
  campaign.number_of_sms_needed = sms;
  campaign.total_cost = toEuros(cost);
  const failure = (code: number, detail?: string) => ({ code, message: detail ? `${MESSAGES[code]} ${detail}` : MESSAGES[code]! });
  if (rt.config.listCampaign.outcome === 'failed') campaign.failure = failure(125, 'The campaign could not be computed.');
  else if (contacts === 0) campaign.failure = failure(103, removed > 0 ? '(every contact is blacklisted.)' : undefined);
  else if (!campaign.simulated && cost > account.balance) campaign.failure = failure(104);
  campaign.state = campaign.failure ? 'failed' : 'ready';
}

function audience(account: AccountState, listName: string | undefined, tagName: string | undefined): ContactRecord[] {
  if (listName) {
    const members = account.lists.get(listName);
    if (!members) fail(303, `(${listName})`);
    return [...members!].map((n) => account.contacts.get(n)).filter((c): c is ContactRecord => c !== undefined);
  }
  const tagged = [...account.contacts.values()].filter((c) => c.tags.includes(tagName!));
  if (tagged.length === 0) fail(303, `(no contact has the tag ${tagName}.)`);
  return tagged;
}

function refuseSecondPending(rt: Runtime, account: AccountState): void {
  for (const c of rt.store.campaigns.values()) {
    if (c.login !== account.login || c.kind !== 'list' || c.simulated) continue;
    if (c.state === 'under_computation') fail(127, `(ticket ${c.ticket})`);
    if (c.state === 'ready') fail(126, `(ticket ${c.ticket})`);
  }
}

function findListCampaign(rt: Runtime, account: AccountState, ticket: unknown): CampaignRecord {
  const campaign = typeof ticket === 'string' ? rt.store.campaigns.get(ticket) : undefined;
  if (!campaign || campaign.kind !== 'list' || campaign.login !== account.login || campaign.state === 'cancelled') {
    fail(131, typeof ticket === 'string' ? `(ticket_number ${JSON.stringify(ticket)})` : '(ticket_number is missing.)');
  }
  return campaign!;
}
