import { fromWallClock, type Language } from '@smsc/core';
import { ProviderError } from '../../errors';
import { parseRetryAfter } from '../../http/retry';
import type { Balance, CampaignProvider, ListCampaignRequest, ListCampaignStatus, ListContact, ProviderCapabilities, ProviderCredentials, ProviderEvent, SendRequest, SendResult, SmsProvider } from '../types';
import { CAMPAIGN_NOT_FOUND, CAMPAIGN_NOT_READY, CAMPAIGN_SENT, DUPLICATE_REQUEST_CODE, LIST_EXISTS, octopushError } from './errors';
import { octopushDeliveryState } from './statuses';

export interface OctopushOptions {
  baseUrl: string;
  /** Read before every call: the configuration row holds them and may change. */
  credentials: () => Promise<ProviderCredentials>;
  simulationMode: boolean;
  timeoutMs: number;
  /** Language of error messages written on SMS records. */
  language?: Language;
  fetch?: typeof fetch;
}

type Json = Record<string, unknown>;

/** Octopush API v1 (https://api.octopush.com/v1/public), JSON with `api-login`/`api-key` headers. */
export class OctopushProvider implements SmsProvider, CampaignProvider {
  readonly capabilities: ProviderCapabilities = { name: 'Octopush', maxRecipientsPerRequest: 500, maxTextLength: 1224, scheduling: true };
  /** Octopush documents no limit; contacts go in batches of this size. */
  readonly maxContactsPerRequest = 1000;
  readonly maxFieldLength = 50;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: OctopushOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  async send(request: SendRequest): Promise<SendResult> {
    if (request.to.length === 0 || request.to.length > this.capabilities.maxRecipientsPerRequest) {
      throw new RangeError(`OctopushProvider.send: ${request.to.length} recipients; 1 to ${this.capabilities.maxRecipientsPerRequest} per request.`);
    }
    const body: Json = { recipients: request.to.map((phone_number) => ({ phone_number })), ...this.messageFields(request) };
    try {
      const answer = await this.call('POST', '/sms-campaign/send', body);
      return {
        ticket: String(answer.sms_ticket ?? answer.ticket ?? ''),
        messageIds: {},
        recipients: numberOr(answer.number_of_contacts, request.to.length),
        parts: numberOr(answer.number_of_sms_needed, 0),
        cost: optionalNumber(answer.total_cost),
        currency: 'EUR',
        residualCredit: optionalNumber(answer.residual_credit),
        simulated: this.options.simulationMode,
        duplicate: false,
      };
    } catch (error) {
      // Same request_id within 24 h: the first attempt reached Octopush; never send again.
      if (error instanceof ProviderError && error.vendorCode === DUPLICATE_REQUEST_CODE) {
        return { ticket: '', messageIds: {}, recipients: request.to.length, parts: 0, cost: undefined, currency: undefined, residualCredit: undefined, simulated: this.options.simulationMode, duplicate: true };
      }
      throw error;
    }
  }

  /**
   * What a direct send and a list campaign share: premium SMS (delivery reports, custom sender),
   * purpose, idempotency key, text kept as written (no server-side "optimisation" that would change
   * what the user saw), sender and send time when given, simulation when configured.
   */
  private messageFields(request: Pick<SendRequest, 'text' | 'purpose' | 'sender' | 'sendAt' | 'idempotencyKey'>): Json {
    const fields: Json = {
      text: request.text,
      type: 'sms_premium',
      purpose: request.purpose === 'marketing' ? 'wholesale' : 'alert',
      request_id: request.idempotencyKey,
      auto_optimize_text: false,
    };
    if (request.sender) fields.sender = request.sender;
    if (request.sendAt) fields.send_at = isoWithOffset(request.sendAt);
    if (this.options.simulationMode) fields.simulation_mode = true;
    return fields;
  }

  async cancelScheduled(ticket: string): Promise<void> {
    await this.call('DELETE', '/sms-campaign/cancel', { ticket_number: ticket });
  }

  async checkBalance(): Promise<Balance> {
    const answer = await this.call('GET', '/wallet/check-balance');
    return { amount: numberOr(answer.amount, 0), unit: String(answer.unit ?? 'euros') };
  }

  async createList(name: string): Promise<void> {
    try {
      await this.call('POST', '/contact-list/create', { list_name: name });
    } catch (error) {
      // 302: the list exists already (a retried step): nothing to do.
      if (error instanceof ProviderError && error.vendorCode === LIST_EXISTS) return;
      throw error;
    }
  }

  async addContacts(listName: string, contacts: ListContact[]): Promise<void> {
    if (contacts.length === 0) return;
    // Contacts are keyed by number at Octopush: sending the same batch again changes nothing.
    await this.call('POST', '/contact/create', { list_name: listName, contacts: contacts.map((c) => ({ phone_number: c.phone, ...c.fields })) });
  }

  async createListCampaign(request: ListCampaignRequest): Promise<{ ticket: string }> {
    const answer = await this.call('POST', '/sms-campaign-on-list/create', { list_name: request.listName, ...this.messageFields(request) });
    const ticket = answer.ticket_number ?? answer.sms_ticket ?? answer.ticket;
    if (ticket === undefined || ticket === null || ticket === '') throw new ProviderError('Octopush created the campaign but returned no ticket.', 200, undefined, false);
    return { ticket: String(ticket) };
  }

  async listCampaignStatus(ticket: string): Promise<ListCampaignStatus> {
    try {
      const answer = await this.call('GET', '/sms-campaign-on-list/status', undefined, { ticket_number: ticket });
      const status = String(answer.status ?? '').toLowerCase();
      if (status === 'under_computation') return { state: 'computing' };
      // Octopush's pages spell it both "ready_to_be_sent" and "ready_to_be_send".
      if (status.startsWith('ready_to_be_sen')) return { state: 'ready', cost: numberOr(answer.cost, 0), contacts: numberOr(answer.number_of_contacts, 0) };
      if (status === 'failed') return { state: 'failed', reason: String(answer.message ?? 'failed'), code: typeof answer.code === 'number' ? answer.code : undefined };
      return { state: 'unknown' };
    } catch (error) {
      if (error instanceof ProviderError && error.vendorCode === CAMPAIGN_NOT_READY) return { state: 'computing' };
      if (error instanceof ProviderError && error.vendorCode === CAMPAIGN_SENT) return { state: 'sent' };
      throw error;
    }
  }

  async sendListCampaign(ticket: string): Promise<{ sendingDate: Date | undefined }> {
    try {
      const answer = await this.call('POST', '/sms-campaign-on-list/send', { ticket_number: ticket });
      const date = typeof answer.sending_date === 'string' ? new Date(answer.sending_date) : undefined;
      return { sendingDate: date && !Number.isNaN(date.getTime()) ? date : undefined };
    } catch (error) {
      // Already sent (a retried step): the campaign left once, which is what was asked.
      if (error instanceof ProviderError && error.vendorCode === CAMPAIGN_SENT) return { sendingDate: undefined };
      throw error;
    }
  }

  async cancelListCampaign(ticket: string): Promise<void> {
    try {
      await this.call('DELETE', '/sms-campaign-on-list/cancel', { ticket_number: ticket });
    } catch (error) {
      // Unknown ticket: cancelled already, or never created; either way nothing is pending.
      if (error instanceof ProviderError && error.vendorCode === CAMPAIGN_NOT_FOUND) return;
      throw error;
    }
  }

  parseCallback(body: unknown): ProviderEvent[] {
    const items = Array.isArray(body) ? body : [body];
    const events: ProviderEvent[] = [];
    for (const item of items) {
      if (!item || typeof item !== 'object') continue;
      const b = item as Json;
      const number = normaliseNumber(b.number);
      if (!number) continue;
      const ticket = b.message_id !== undefined && b.message_id !== null ? String(b.message_id) : undefined;
      if (b.delivery_date !== undefined || (b.status !== undefined && b.text === undefined)) {
        if (!ticket) continue;
        const rawStatus = String(b.status ?? 'UNDEFINED');
        events.push({ kind: 'delivery', ticket, to: number, state: octopushDeliveryState(rawStatus), rawStatus, at: parisTime(b.delivery_date) });
      } else if (b.stop_date !== undefined) {
        events.push({ kind: 'optout', ticket, from: number, text: String(b.text ?? 'STOP'), at: parisTime(b.stop_date) });
      } else if (b.reception_date !== undefined || b.answer_date !== undefined || b.text !== undefined) {
        events.push({ kind: 'inbound', ticket, from: number, text: String(b.text ?? ''), at: parisTime(b.reception_date ?? b.answer_date) });
      }
    }
    return events;
  }

  /** One HTTP call; any 2xx is success (Octopush documents 201 but answers 200 too). */
  async call(method: 'GET' | 'POST' | 'DELETE', path: string, body?: Json, query?: Record<string, string>): Promise<Json> {
    const { login, apiKey } = await this.options.credentials();
    const url = new URL(this.options.baseUrl + path);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers: { 'api-login': login, 'api-key': apiKey, 'content-type': 'application/json', accept: 'application/json', 'cache-control': 'no-cache' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      throw octopushError(undefined, { message: error instanceof Error ? error.message : String(error) }, undefined, this.options.language ?? 'en');
    }
    const text = await response.text();
    let parsed: unknown = {};
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = { message: text.slice(0, 200) };
      }
    }
    if (!response.ok) {
      throw octopushError(response.status, parsed, parseRetryAfter(response.headers.get('retry-after')), this.options.language ?? 'en');
    }
    return (parsed && typeof parsed === 'object' ? parsed : {}) as Json;
  }
}

function isoWithOffset(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

function numberOr(value: unknown, fallback: number): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : fallback;
}

function optionalNumber(value: unknown): number | undefined {
  const n = numberOr(value, Number.NaN);
  return Number.isNaN(n) ? undefined : n;
}

function normaliseNumber(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const digits = String(value).trim().replace(/[\s.\-()]/g, '');
  if (!digits) return undefined;
  if (digits.startsWith('+')) return digits;
  if (digits.startsWith('00')) return '+' + digits.slice(2);
  return '+' + digits;
}

/** Octopush dates are "Y-m-d H:i:s" in French time; ISO strings are read as given. */
function parisTime(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (match) {
    const [, y, mo, d, h, mi, s] = match;
    const at = fromWallClock(Number(y), Number(mo), Number(d), Number(h), Number(mi), 'Europe/Paris');
    return new Date(at.getTime() + Number(s ?? 0) * 1000);
  }
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : new Date(parsed);
}
