// Test helpers: a started sandbox, raw HTTP calls with fetch, and a callback receiver.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../octopush';
import { merge } from '../../octopush/options';

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

/** Fast defaults: short delays, fixed seed. */
export const FAST: SandboxOptions = {
  seed: 7,
  delivery: { delayMs: 20 },
  listCampaign: { computeMs: 40 },
  // Generous receiver timeout: on a loaded machine a slow answer must not turn into a retry.
  callbacks: { retryDelayMs: 10, timeoutMs: 5000 },
};

export async function sandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox(merge(FAST, options));
}

export function octopush(sb: RunningSandbox) {
  const auth = { 'api-login': sb.login, 'api-key': sb.apiKey };
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = auth): Promise<Reply> => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${sb.apiUrl}${path}`, init);
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
  };
  return {
    call,
    send: (body: Record<string, unknown>) => call('POST', '/sms-campaign/send', body),
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown) => call('POST', path, body),
    del: (path: string, body: unknown) => call('DELETE', path, body),
  };
}

export async function inspect(sb: RunningSandbox, path: string, body?: unknown): Promise<Reply> {
  const init: RequestInit = body === undefined ? {} : { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
  const res = await fetch(`${sb.url}/_sandbox${path}`, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
}

/** A valid transactional send to one French mobile; fields can be overridden. */
export const alert = (overrides: Record<string, unknown> = {}) => ({
  recipients: [{ phone_number: '+33649819006' }],
  text: 'Votre commande est expediee.',
  type: 'sms_premium',
  purpose: 'alert',
  sender: 'MyShop',
  ...overrides,
});

export interface Received {
  at: number;
  path: string;
  headers: IncomingMessage['headers'];
  body: any;
}

/**
 * An HTTP server that records what it receives; `statuses` are answered in turn, then 200, each
 * after `holdMs`. `busiest` is the most requests it held at once.
 */
export async function receiver(statuses: number[] = [], holdMs = 0) {
  const received: Received[] = [];
  let calls = 0;
  let open = 0;
  const stats = { busiest: 0 };
  const server = createServer((req, res) => {
    open++;
    stats.busiest = Math.max(stats.busiest, open);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      received.push({ at: Date.now(), path: req.url ?? '', headers: req.headers, body: text ? JSON.parse(text) : undefined });
      const status = statuses[calls++] ?? 200;
      setTimeout(() => {
        open--;
        res.writeHead(status).end();
      }, holdMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    stats,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Polls until `check` returns something truthy; bounded. */
export async function eventually<T>(check: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
