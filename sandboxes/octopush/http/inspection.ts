// Inspection API for tests, outside Octopush's paths (/_sandbox/...): what was sent and asked,
// inbound replies and STOPs, configuration at run time, reset.
import { receiveInbound, type InboundInput } from '../callbacks/inbound';
import type { Answer } from '../api/context';
import type { ConfigPatch } from '../options';
import type { Runtime } from '../runtime';
import { toEuros } from '../state/money';

export const INSPECTION_PREFIX = '/_sandbox';

export function serveInspection(rt: Runtime, method: string, path: string, query: URLSearchParams, raw: string): Answer {
  const route = `${method} ${path.slice(INSPECTION_PREFIX.length) || '/'}`;
  try {
    switch (route) {
      case 'GET /messages':
        return ok(filter(rt.store.messages, query, { ticket: 'ticket', recipient: 'recipient', status: 'status', login: 'login' }));
      case 'GET /requests':
        return ok(filter(rt.store.requests, query, { path: 'path', method: 'method' }));
      case 'GET /callbacks':
        return ok(filter(rt.store.callbacks, query, { kind: 'kind', state: 'state' }));
      case 'GET /campaigns':
        return ok([...rt.store.campaigns.values()]);
      case 'GET /accounts':
        return ok(accounts(rt));
      case 'GET /config':
        return ok(rt.config);
      case 'POST /config':
        return ok(rt.configure(parse(raw) as ConfigPatch));
      case 'POST /inbound':
        return { status: 202, body: receiveInbound(rt, parse(raw) as InboundInput) };
      case 'POST /reset':
        rt.reset();
        return { status: 204 };
      default:
        return { status: 404, body: { error: `No inspection endpoint ${method} ${path}.` } };
    }
  } catch (error) {
    return { status: 400, body: { error: error instanceof Error ? error.message : String(error) } };
  }
}

const ok = (body: unknown): Answer => ({ status: 200, body });

function filter<T extends object>(items: T[], query: URLSearchParams, fields: Record<string, string>): T[] {
  const wanted = Object.entries(fields).filter(([param]) => query.has(param));
  if (wanted.length === 0) return items;
  return items.filter((item) => wanted.every(([param, field]) => String((item as Record<string, unknown>)[field]) === query.get(param)));
}

function accounts(rt: Runtime) {
  return [...rt.store.accounts.values()].map((a) => ({
    login: a.login,
    balance: toEuros(a.balance),
    blacklist: [...a.blacklist],
    lists: Object.fromEntries([...a.lists].map(([name, members]) => [name, [...members]])),
    contacts: [...a.contacts.values()],
  }));
}

function parse(raw: string): unknown {
  if (raw.trim() === '') return {};
  const value: unknown = JSON.parse(raw);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('the body must be a JSON object');
  return value;
}
