// A recipient writes back: a STOP goes to the opt-out callback (message_id, number, text,
// stop_date) and blacklists the number; anything else goes to the inbound callback (message_id,
// number, text, sim_card_number, reception_date). message_id is the ticket of the last message
// sent to that number, when there is one.
import { formatCallbackDate } from '../rules/dates';
import type { Runtime } from '../runtime';
import type { CallbackRecord } from '../state/records';
import { dispatchCallback } from './dispatcher';

export interface InboundInput {
  number: string;
  text: string;
  /** Ticket of the message answered; found from the number when absent. */
  message_id?: string;
  /** Forces the kind; by default a text starting with the word STOP (any case) is an opt-out. */
  kind?: 'reply' | 'stop';
}

export interface InboundResult {
  kind: 'reply' | 'stop';
  message_id: string | null;
  callback: CallbackRecord;
}

export function receiveInbound(rt: Runtime, input: InboundInput): InboundResult {
  if (typeof input.number !== 'string' || !/^\+[1-9][0-9]{5,14}$/.test(input.number)) {
    throw new Error('inbound: number must be an international number such as +33600000000');
  }
  if (typeof input.text !== 'string') throw new Error('inbound: text is required');
  if (input.kind !== undefined && input.kind !== 'reply' && input.kind !== 'stop') throw new Error('inbound: kind must be "reply" or "stop"');
  const kind = input.kind ?? (/^\s*stop\b/i.test(input.text) ? 'stop' : 'reply');
  const original = [...rt.store.messages].reverse().find((m) => m.recipient === input.number && !m.simulated && m.status !== 'cancelled' && m.status !== 'scheduled');
  const messageId = input.message_id ?? original?.ticket ?? null;
  const date = formatCallbackDate(rt.now(), rt.config.callbacks.timeZone);
  if (kind === 'stop') {
    const account = (original && rt.store.accounts.get(original.login)) ?? rt.store.accounts.values().next().value;
    account?.blacklist.add(input.number);
    const payload = { message_id: messageId, number: input.number, text: input.text, stop_date: date };
    return { kind, message_id: messageId, callback: dispatchCallback(rt, 'optout', rt.config.callbacks.optoutUrl, payload) };
  }
  const payload = {
    message_id: messageId, number: input.number, text: input.text, sim_card_number: rt.config.callbacks.simCardNumber, reception_date: date,
  };
  return { kind, message_id: messageId, callback: dispatchCallback(rt, 'inbound', rt.config.callbacks.inboundUrl, payload) };
}
