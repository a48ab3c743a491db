// Everything the sandbox can be told, with defaults chosen from Octopush's documentation; each
// default that settles an open question of the reference says so.
import { DEFAULT_CALLING_CODES, type CallingCode } from './rules/phone';
import type { StopMentionRule } from './rules/stop-mention';

export const DELIVERY_STATUSES = [
  'ACK', 'DELIVERED', 'NOT_DELIVERED', 'NOT_ALLOWED', 'UNKNOWN_DELIVERY', 'BAD_DESTINATION', 'BLACKLISTED_NUMBER', 'UNDEFINED',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const SMS_TYPES = ['sms_premium', 'sms_low_cost'] as const;
export type SmsType = (typeof SMS_TYPES)[number];

export interface Account {
  login: string;
  apiKey: string;
  /** Credit in euros. */
  balance: number;
}

/** Price of one SMS part in euros, per country (ISO code, or "*" for any other country). */
export type PriceTable = Record<string, Partial<Record<SmsType, number>>>;

export interface FaultRule {
  /** Octopush path with or without "/v1/public" (e.g. "sms-campaign/send"); absent = every path. */
  path?: string;
  method?: string;
  /** HTTP status to answer (default 500); absent with `delayMs` alone = a slow but normal answer. */
  status?: number;
  /** Probability (0..1) that a matching request fails; drawn from the seeded generator. */
  rate?: number;
  /** The next N matching requests fail; the rule is spent afterwards. */
  count?: number;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Never answer (the connection stays open until the client gives up or the sandbox stops). */
  hang?: boolean;
  /** Close the connection without an answer. */
  drop?: boolean;
  /** "before": nothing is processed; "after": the request is processed, then the answer is lost. */
  phase?: 'before' | 'after';
  body?: unknown;
  headers?: Record<string, string>;
}

export interface DeliveryOptions {
  /** Delay between a message leaving and its delivery report. */
  delayMs: number;
  /** Status (or sequence of statuses, one report each) per recipient number; null = no report. */
  byNumber: Record<string, DeliveryStatus | DeliveryStatus[] | null>;
  /** Weights of statuses drawn for other numbers (seeded); empty = always `status`. */
  distribution: Partial<Record<DeliveryStatus, number>>;
  status: DeliveryStatus;
  /** Octopush promises delivery reports "if you use SMS Premium"; low cost gets none by default. */
  lowCostReports: boolean;
}

export interface CallbackOptions {
  deliveryUrl?: string;
  inboundUrl?: string;
  optoutUrl?: string;
  /** Attempts after the first one when the receiver fails (non-2xx, error, timeout). */
  retries: number;
  retryDelayMs: number;
  timeoutMs: number;
  /** Callback POSTs in flight at once; the others wait their turn. */
  concurrency: number;
  /** Time zone of the "Y-m-d H:i:s" dates in callbacks. */
  timeZone: string;
  /** `sim_card_number` of inbound replies (the short number replies reach). */
  simCardNumber: string;
}

export interface SendOptions {
  /** HTTP status of a successful sms-campaign/send: 201 in the docs, 200 observed in practice. */
  successStatus: number;
  maxRecipients: number;
  maxTextLength: number;
  /** "skip": bad numbers are left out (error only when none is left); "reject": one bad number fails the call. */
  invalidNumbers: 'skip' | 'reject';
  /** "full": simulations are validated like real sends; "minimal": only credentials and body shape. */
  simulationValidation: 'full' | 'minimal';
  requestIdTtlMs: number;
  senderAllowsSpaces: boolean;
  /** Euros per request that asks for auto_remove_blacklisted_numbers (one Octopush page: €0.01). */
  blacklistFilterFee: number;
  /** Replaces "XXXXX" in the STOP mention, as Octopush does with the operator's short code. */
  stopShortCode: string;
}

export interface ListCampaignOptions {
  /** Time a list campaign stays `under_computation`. */
  computeMs: number;
  /** Outcome of the computation when nothing else makes it fail. */
  outcome: 'ready' | 'failed';
  /** "ok": status answers 200 with `under_computation`; "error": 400 code 129 while not ready. */
  statusWhileComputing: 'ok' | 'error';
  /** Value of `status` when ready (documented list: ready_to_be_sent; one example: ready_to_be_send). */
  readyStatus: string;
  /** Field carrying the ticket in the create answer (undocumented; later calls take ticket_number). */
  ticketField: 'ticket_number' | 'sms_ticket' | 'both';
  /** Old API rule 126/127: one campaign at a time may wait for validation or be computed. */
  singlePending: boolean;
  maxContactsPerRequest?: number;
}

export interface DirectCancelOptions {
  /** Documented: "only allowed when the campaign has fewer than 3 recipients". */
  maxRecipients: number;
  /** Documented: waiting campaigns must still be scheduled more than 10 minutes ahead. */
  minLeadMs: number;
  /** Documented: 1000 cancellations per month and API user. */
  monthlyLimit: number;
}

export interface SandboxConfig {
  accounts: Account[];
  prices: PriceTable;
  callingCodes: Record<string, CallingCode>;
  blacklist: string[];
  callbacks: CallbackOptions;
  delivery: DeliveryOptions;
  send: SendOptions;
  stopMention: StopMentionRule;
  listCampaign: ListCampaignOptions;
  directCancel: DirectCancelOptions;
  faults: FaultRule[];
  /** Seed of every random draw (fault rates, status distribution); absent = random. */
  seed?: number;
  /** Time zone of `send_at` without offset and of `sending_date`. */
  timeZone: string;
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type SandboxOptions = DeepPartial<SandboxConfig> & { host?: string; port?: number };
export type ConfigPatch = DeepPartial<SandboxConfig> & { credit?: number | Record<string, number> };

export function defaultConfig(): SandboxConfig {
  return {
    accounts: [{ login: 'sandbox@example.com', apiKey: 'sandbox-api-key', balance: 100 }],
    prices: {
      FR: { sms_premium: 0.045, sms_low_cost: 0.035 },
      '*': { sms_premium: 0.08, sms_low_cost: 0.06 },
    },
    callingCodes: { ...DEFAULT_CALLING_CODES },
    blacklist: [],
    callbacks: { retries: 3, retryDelayMs: 500, timeoutMs: 2000, concurrency: 16, timeZone: 'Europe/Paris', simCardNumber: '12345' },
    delivery: { delayMs: 1000, byNumber: {}, distribution: {}, status: 'DELIVERED', lowCostReports: false },
    send: {
      successStatus: 200, maxRecipients: 500, maxTextLength: 1224, invalidNumbers: 'skip', simulationValidation: 'full',
      requestIdTtlMs: 24 * 3600_000, senderAllowsSpaces: false, blacklistFilterFee: 0.01, stopShortCode: '30101',
    },
    stopMention: {
      accepted: ['STOP au XXXXX', 'STOP au 30101'], caseSensitive: true,
      countries: ['FR', 'RE', 'GP', 'GF', 'MQ', 'PM'], types: ['sms_premium', 'sms_low_cost'],
    },
    listCampaign: {
      computeMs: 1000, outcome: 'ready', statusWhileComputing: 'ok', readyStatus: 'ready_to_be_sent', ticketField: 'ticket_number', singlePending: true,
    },
    directCancel: { maxRecipients: 2, minLeadMs: 10 * 60_000, monthlyLimit: 1000 },
    faults: [],
    timeZone: 'Europe/Paris',
  };
}

// A price table and status weights are each one whole: a patch replaces them rather than adding to them.
const REPLACED_WHOLE = new Set(['distribution', 'prices']);

/** Objects merge key by key; arrays, plain values, prices and status weights replace. */
export function merge<T>(base: T, patch: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(patch)) return (patch === undefined ? base : patch) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = isPlainObject(out[key]) && isPlainObject(value) && !REPLACED_WHOLE.has(key) ? merge(out[key], value) : value;
  }
  return out as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function configFrom(options: SandboxOptions = {}): SandboxConfig {
  const { host: _host, port: _port, ...rest } = options;
  const config = merge(defaultConfig(), rest);
  validateConfig(config);
  return config;
}

/** Guards against patches that would make the sandbox misbehave silently. */
export function validateConfig(config: SandboxConfig): void {
  if (!Array.isArray(config.accounts) || config.accounts.length === 0) throw new Error('accounts: at least one account is required');
  for (const a of config.accounts) {
    if (!a.login || !a.apiKey || typeof a.balance !== 'number') throw new Error('accounts: each needs login, apiKey and a numeric balance');
  }
  if (!Array.isArray(config.faults)) throw new Error('faults must be an array');
  for (const f of config.faults) {
    if (f.rate !== undefined && (f.rate < 0 || f.rate > 1)) throw new Error('faults: rate must be between 0 and 1');
    if (f.phase !== undefined && f.phase !== 'before' && f.phase !== 'after') throw new Error('faults: phase must be "before" or "after"');
  }
  const statuses = new Set<string>(DELIVERY_STATUSES);
  const check = (s: unknown) => {
    if (s !== null && !statuses.has(s as string)) throw new Error(`delivery: unknown status ${JSON.stringify(s)} (one of ${DELIVERY_STATUSES.join(', ')})`);
  };
  check(config.delivery.status);
  for (const v of Object.values(config.delivery.byNumber)) (Array.isArray(v) ? v : [v]).forEach(check);
  Object.keys(config.delivery.distribution).forEach(check);
}
