// The fields sms-campaign/send and sms-campaign-on-list/create share, checked as Octopush
// documents them: text 1..1224 characters, type sms_premium|sms_low_cost, purpose alert|wholesale
// (wholesale by default), sender 3–11 alphanumeric, send_at ISO 8601, booleans, request_id.
import { SMS_TYPES, type SandboxConfig, type SmsType } from '../options';
import { parseSendAt } from '../rules/dates';
import { fail } from './errors';

export interface CampaignParams {
  text: string;
  type: SmsType;
  purpose: 'alert' | 'wholesale';
  sender?: string;
  sendAtText?: string;
  sendAtMs?: number;
  withReplies: boolean;
  simulation: boolean;
  requestId?: string;
  autoRemoveBlacklisted: boolean;
  autoOptimizeText: boolean;
}

export function readCampaignParams(body: Record<string, unknown>, config: SandboxConfig): CampaignParams {
  const simulation = readBoolean(body.simulation_mode, false);
  const full = !simulation || config.send.simulationValidation === 'full';

  const text = body.text;
  if (typeof text !== 'string' || text.length === 0) fail(107);
  const textValue = text as string;
  const characters = Array.from(textValue).length;
  if (characters > config.send.maxTextLength) fail(102, `(${characters} characters; at most ${config.send.maxTextLength}.)`);

  const type = body.type;
  if (typeof type !== 'string' || !(SMS_TYPES as readonly string[]).includes(type)) {
    fail(112, `type must be one of ${SMS_TYPES.join(', ')}${type === undefined ? '' : ` (got ${JSON.stringify(type)})`}.`);
  }

  const purpose = body.purpose ?? 'wholesale';
  if (purpose !== 'alert' && purpose !== 'wholesale') fail(125, `purpose must be "alert" or "wholesale" (got ${JSON.stringify(purpose)}).`);

  let sender: string | undefined;
  if (body.sender !== undefined && body.sender !== null && body.sender !== '') {
    const pattern = config.send.senderAllowsSpaces ? /^[a-zA-Z0-9 ]{3,11}$/ : /^[a-zA-Z0-9]{3,11}$/;
    if (full && (typeof body.sender !== 'string' || !pattern.test(body.sender))) fail(106, `(got ${JSON.stringify(body.sender)})`);
    sender = String(body.sender);
  }

  let sendAtText: string | undefined;
  let sendAtMs: number | undefined;
  if (body.send_at !== undefined && body.send_at !== null && body.send_at !== '') {
    sendAtText = String(body.send_at);
    sendAtMs = parseSendAt(sendAtText, config.timeZone);
    if (sendAtMs === undefined) fail(125, `send_at must be an ISO 8601 date and time such as 2018-10-03T07:42:39-07:00 (got ${JSON.stringify(body.send_at)}).`);
  }

  let requestId: string | undefined;
  if (body.request_id !== undefined && body.request_id !== null && body.request_id !== '') {
    if (typeof body.request_id !== 'string' && typeof body.request_id !== 'number') fail(125, 'request_id must be a string.');
    requestId = String(body.request_id);
  }

  const params: CampaignParams = {
    text: textValue,
    type: type as SmsType,
    purpose: purpose as CampaignParams['purpose'],
    withReplies: readBoolean(body.with_replies, false),
    simulation,
    autoRemoveBlacklisted: readBoolean(body.auto_remove_blacklisted_numbers, false),
    autoOptimizeText: readBoolean(body.auto_optimize_text, true),
  };
  if (sender !== undefined) params.sender = sender;
  if (sendAtText !== undefined) params.sendAtText = sendAtText;
  if (sendAtMs !== undefined) params.sendAtMs = sendAtMs;
  if (requestId !== undefined) params.requestId = requestId;
  return params;
}

/** Octopush casts what it can ("true", 1) rather than refusing; anything else keeps the default. */
export function readBoolean(value: unknown, fallback: boolean): boolean {
  if (value === true || value === 'true' || value === 1 || value === '1') return true;
  if (value === false || value === 'false' || value === 0 || value === '0') return false;
  return fallback;
}
