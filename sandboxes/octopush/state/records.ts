// What the sandbox remembers; every record is also what the inspection API returns.
import type { DeliveryStatus, SmsType } from '../options';
import type { Encoding } from '../rules/gsm';

export type MessageStatus = 'simulated' | 'scheduled' | 'sent' | 'cancelled' | DeliveryStatus;

export interface MessageRecord {
  id: number;
  login: string;
  ticket: string;
  origin: 'direct' | 'list';
  list_name?: string;
  recipient: string;
  country: string;
  /** Text as this recipient gets it (personalisation and STOP short code applied). */
  text: string;
  /** Text as the client sent it. */
  sent_text: string;
  sender?: string;
  type: SmsType;
  purpose: 'alert' | 'wholesale';
  /** `send_at` exactly as the client sent it. */
  send_at?: string;
  request_id?: string;
  with_replies: boolean;
  auto_optimize_text: boolean;
  status: MessageStatus;
  simulated: boolean;
  blacklisted: boolean;
  segments: number;
  encoding: Encoding;
  /** Euros: price of one part × segments. */
  cost: number;
  unit_price: number;
  created_at: string;
  /** When the message leaves (now, or the scheduled time). */
  sending_at: string;
  delivery_reports: DeliveryStatus[];
}

export interface RejectedRecipient {
  phone_number: unknown;
  code: number;
  reason: string;
}

export interface CampaignRecord {
  ticket: string;
  login: string;
  kind: 'direct' | 'list';
  state: 'simulated' | 'scheduled' | 'sent' | 'cancelled' | 'under_computation' | 'ready' | 'failed';
  simulated: boolean;
  list_name?: string;
  tag_name?: string;
  request_id?: string;
  send_at_ms?: number;
  number_of_contacts: number;
  number_of_sms_needed: number;
  /** Euros, fee included. */
  total_cost: number;
  failure?: { code: number; message: string };
  message_ids: number[];
  rejected: RejectedRecipient[];
  created_at: string;
}

export interface ContactRecord {
  phone_number: string;
  country: string;
  first_name?: string;
  last_name?: string;
  param1?: string;
  param2?: string;
  param3?: string;
  param4?: string;
  param5?: string;
  lists: string[];
  tags: string[];
}

export interface RecordedRequest {
  id: number;
  at: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string | string[] | undefined>;
  /** Raw body text. */
  body: string;
  /** Parsed JSON body, or null when absent or not JSON. */
  json: unknown;
  response?: { status: number; body: unknown; fault?: string };
}

export interface CallbackAttempt {
  at: string;
  status?: number;
  error?: string;
}

export interface CallbackRecord {
  id: number;
  kind: 'delivery' | 'inbound' | 'optout';
  url?: string;
  payload: Record<string, unknown>;
  attempts: CallbackAttempt[];
  state: 'pending' | 'delivered' | 'failed' | 'no-url';
}
