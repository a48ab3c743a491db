/**
 * What the backend needs from an SMS provider. Octopush implements it first; the shapes are
 * chosen so that Twilio (one message per request, per-message ids, status callbacks) and Azure
 * Communication Services (100 recipients per request, Event Grid reports) fit as well.
 */
export type SmsPurpose = 'marketing' | 'transactional';

export interface SendRequest {
  /** E.164 numbers, at most `capabilities.maxRecipientsPerRequest`. */
  to: string[];
  text: string;
  purpose: SmsPurpose;
  /** Alphanumeric sender (3–11 characters); the account default when absent. */
  sender?: string;
  /** Provider-side scheduling; now when absent. */
  sendAt?: Date;
  /** Same key, same request: a retry after a lost answer is recognised, never sent twice. */
  idempotencyKey: string;
}

export interface SendResult {
  /** Reference of the request at the provider (Octopush sms_ticket); delivery reports carry it. */
  ticket: string;
  /** Per-recipient message ids where the provider has them (Twilio, ACS); Octopush uses the ticket. */
  messageIds: Record<string, string>;
  recipients: number;
  /** Parts billed in total (segments × recipients). */
  parts: number;
  cost: number | undefined;
  currency: string | undefined;
  residualCredit: number | undefined;
  simulated: boolean;
  /** The provider already had this idempotency key: accepted earlier, the reference may be unknown. */
  duplicate: boolean;
}

export interface Balance {
  amount: number;
  unit: string;
}

/** Our delivery statuses (smsc_deliverystatus names). */
export type DeliveryState = 'Submitted' | 'Delivered' | 'Failed';

export type ProviderEvent =
  | { kind: 'delivery'; ticket: string; to: string; state: DeliveryState; rawStatus: string; at: Date | undefined }
  | { kind: 'inbound'; ticket: string | undefined; from: string; text: string; at: Date | undefined }
  | { kind: 'optout'; ticket: string | undefined; from: string; text: string; at: Date | undefined };

export interface ProviderCapabilities {
  name: string;
  maxRecipientsPerRequest: number;
  maxTextLength: number;
  scheduling: boolean;
}

export interface SmsProvider {
  readonly capabilities: ProviderCapabilities;
  send(request: SendRequest): Promise<SendResult>;
  /** Cancels a scheduled send. */
  cancelScheduled(ticket: string): Promise<void>;
  checkBalance(): Promise<Balance>;
  /** Reads a callback body into events; unknown shapes give an empty list. */
  parseCallback(body: unknown): ProviderEvent[];
}

/** Credentials read at call time: the configuration row may change between calls. */
export interface ProviderCredentials {
  login: string;
  apiKey: string;
}

/** A contact of a provider-side list, with up to seven personalised values. */
export interface ListContact {
  phone: string;
  /** Values for the provider's placeholders, keyed by slot (first_name, last_name, param1…param5). */
  fields: Partial<Record<PersonalisationSlot, string>>;
}

export type PersonalisationSlot = 'first_name' | 'last_name' | 'param1' | 'param2' | 'param3' | 'param4' | 'param5';

/** Slots in the order they are given to merge fields. */
export const PERSONALISATION_SLOTS: readonly PersonalisationSlot[] = ['param1', 'param2', 'param3', 'param4', 'param5', 'first_name', 'last_name'];

export interface ListCampaignRequest {
  listName: string;
  /** Text with {param1}… placeholders. */
  text: string;
  purpose: SmsPurpose;
  sender?: string;
  sendAt?: Date;
  idempotencyKey: string;
}

export type ListCampaignStatus =
  | { state: 'computing' }
  | { state: 'ready'; cost: number; contacts: number }
  | { state: 'failed'; reason: string; code: number | undefined }
  | { state: 'sent' }
  | { state: 'unknown' };

/**
 * The provider-side campaign flow the guide's "Préparer / Envoyer / Annuler" needs: contacts in a
 * list, a campaign computed on it (cost), then confirmed or cancelled.
 */
export interface CampaignProvider {
  readonly maxContactsPerRequest: number;
  /** Values longer than this do not fit a placeholder. */
  readonly maxFieldLength: number;
  createList(name: string): Promise<void>;
  addContacts(listName: string, contacts: ListContact[]): Promise<void>;
  createListCampaign(request: ListCampaignRequest): Promise<{ ticket: string }>;
  listCampaignStatus(ticket: string): Promise<ListCampaignStatus>;
  sendListCampaign(ticket: string): Promise<{ sendingDate: Date | undefined }>;
  cancelListCampaign(ticket: string): Promise<void>;
}
