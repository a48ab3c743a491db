import type { Account, SandboxConfig } from '../options';
import { toUnits } from './money';
import type { CampaignParams } from '../api/campaign-params';
import type { Delivery } from '../api/recipients';
import type { CallbackRecord, CampaignRecord, ContactRecord, MessageRecord, RecordedRequest } from './records';

export interface AccountState {
  login: string;
  apiKey: string;
  /** Ten-thousandths of a euro. */
  balance: number;
  blacklist: Set<string>;
  lists: Map<string, Set<string>>;
  contacts: Map<string, ContactRecord>;
  /** request_id → expiry (ms), per endpoint. */
  requestIds: Map<string, number>;
  /** "YYYY-MM" → direct cancellations that month. */
  cancellations: Map<string, number>;
}

/** The sandbox's memory; reset() empties it and restores the configured accounts. */
export class Store {
  accounts = new Map<string, AccountState>();
  messages: MessageRecord[] = [];
  campaigns = new Map<string, CampaignRecord>();
  requests: RecordedRequest[] = [];
  callbacks: CallbackRecord[] = [];
  /** ticket → scheduler id of its pending step (scheduled send, list computation). */
  campaignTimers = new Map<string, number>();
  /** ticket → what a list campaign will send once validated. */
  listPlans = new Map<string, { params: CampaignParams; deliveries: Delivery[] }>();
  private ids = { message: 1, request: 1, callback: 1, ticket: 0 };

  constructor(config: SandboxConfig) {
    this.reset(config);
  }

  reset(config: SandboxConfig): void {
    this.accounts = new Map(config.accounts.map((a) => [a.login, accountState(a, config.blacklist)]));
    this.messages = [];
    this.campaigns = new Map();
    this.requests = [];
    this.callbacks = [];
    this.campaignTimers = new Map();
    this.listPlans = new Map();
    this.ids = { message: 1, request: 1, callback: 1, ticket: 0 };
  }

  /** Keeps balances and memory of accounts that stay, adds new ones, drops removed ones. */
  syncAccounts(accounts: Account[], blacklist: string[]): void {
    const next = new Map<string, AccountState>();
    for (const a of accounts) {
      const existing = this.accounts.get(a.login);
      if (existing) {
        existing.apiKey = a.apiKey;
        next.set(a.login, existing);
      } else {
        next.set(a.login, accountState(a, blacklist));
      }
    }
    this.accounts = next;
  }

  nextMessageId = () => this.ids.message++;
  nextRequestId = () => this.ids.request++;
  nextCallbackId = () => this.ids.callback++;

  /** Octopush-like tickets (`sms_` + 13 hex digits, as uniqid() makes them), unique per sandbox. */
  newTicket(): string {
    const seconds = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0');
    const counter = (this.ids.ticket++ & 0xfffff).toString(16).padStart(5, '0');
    let ticket = `sms_${seconds}${counter}`;
    while (this.campaigns.has(ticket)) ticket = `sms_${seconds}${(this.ids.ticket++ & 0xfffff).toString(16).padStart(5, '0')}`;
    return ticket;
  }
}

function accountState(a: Account, blacklist: string[]): AccountState {
  return {
    login: a.login,
    apiKey: a.apiKey,
    balance: toUnits(a.balance),
    blacklist: new Set(blacklist),
    lists: new Map(),
    contacts: new Map(),
    requestIds: new Map(),
    cancellations: new Map(),
  };
}
