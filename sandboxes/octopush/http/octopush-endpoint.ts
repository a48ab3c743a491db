// One Octopush request: recorded as received, faults applied, routed, authenticated, answered.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Answer } from '../api/context';
import { OctopushError } from '../api/errors';
import { API_PREFIX, ROUTES } from '../api/routes';
import type { Runtime } from '../runtime';
import type { RecordedRequest } from '../state/records';
import { breaksAnswer, faultBody, pickFault } from './faults';
import { queryObject, sleep, writeJson } from './io';

export async function serveOctopush(rt: Runtime, req: IncomingMessage, res: ServerResponse, url: URL, raw: string): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const route = url.pathname.slice(API_PREFIX.length);
  const record: RecordedRequest = {
    id: rt.store.nextRequestId(),
    at: new Date(rt.now()).toISOString(),
    method,
    path: url.pathname,
    query: queryObject(url.searchParams),
    headers: { ...req.headers },
    body: raw,
    json: parseJson(raw),
  };
  rt.store.requests.push(record);

  const stopped = rt.abort.signal;
  const fault = pickFault(rt, method, route);
  if (fault?.delayMs) await sleep(fault.delayMs, stopped);
  if (stopped.aborted) return;
  const phase = fault?.phase ?? 'before';
  if (breaksAnswer(fault) && phase === 'before') return injectFault(res, req, record, fault);

  const answer = process(rt, req, method, route, url, raw, record.json);
  if (breaksAnswer(fault)) return injectFault(res, req, record, fault);
  record.response = { status: answer.status, body: answer.body ?? null };
  writeJson(res, answer.status, answer.body, answer.status === 405 ? { allow: Object.keys(ROUTES[route] ?? {}).join(', ') } : {});
}

function process(rt: Runtime, req: IncomingMessage, method: string, route: string, url: URL, raw: string, json: unknown): Answer {
  const handlers = ROUTES[route];
  if (!handlers) return { status: 404, body: { code: 404, message: `No Octopush endpoint ${url.pathname}.` } };
  const handler = handlers[method];
  if (!handler) return { status: 405, body: { code: 405, message: `${method} is not allowed on ${url.pathname}.` } };
  try {
    const account = authenticate(rt, req);
    const body = method === 'GET' ? {} : readJsonBody(req, raw, json);
    return handler({ rt, account, body, query: url.searchParams });
  } catch (error) {
    if (error instanceof OctopushError) return { status: error.httpStatus, body: error.body };
    throw error;
  }
}

// Credentials travel in the api-login and api-key headers; anything else is 401.
function authenticate(rt: Runtime, req: IncomingMessage) {
  const login = header(req, 'api-login');
  const key = header(req, 'api-key');
  if (!login) throw new OctopushError(108, undefined, 401);
  if (!key) throw new OctopushError(109, undefined, 401);
  const account = rt.store.accounts.get(login);
  if (!account || account.apiKey !== key) throw new OctopushError(101, undefined, 401);
  return account;
}

// The body was parsed once when recorded; a large contact upload is not parsed twice.
function readJsonBody(req: IncomingMessage, raw: string, json: unknown): Record<string, unknown> {
  if (raw.trim() === '') throw new OctopushError(100, '(the body is empty; send JSON.)');
  const type = header(req, 'content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new OctopushError(100, `(Content-Type must be application/json, got ${JSON.stringify(type)}.)`);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new OctopushError(100, '(the body is not a JSON object.)');
  return json as Record<string, unknown>;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text.trim() === '' ? undefined : text.trim();
}

function parseJson(raw: string): unknown {
  if (raw === '') return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

function injectFault(res: ServerResponse, req: IncomingMessage, record: RecordedRequest, fault: Parameters<typeof faultBody>[0]): void {
  if (fault.hang) {
    record.response = { status: 0, body: null, fault: 'hang' };
    return;
  }
  if (fault.drop) {
    record.response = { status: 0, body: null, fault: 'drop' };
    req.socket.destroy();
    return;
  }
  const status = fault.status ?? 500;
  const body = faultBody(fault);
  record.response = { status, body, fault: fault.phase ?? 'before' };
  writeJson(res, status, body, fault.headers ?? {});
}
