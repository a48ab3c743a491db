// Programmatic start: several sandboxes can run side by side on free ports (port 0).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { receiveInbound, type InboundInput, type InboundResult } from './callbacks/inbound';
import { INSPECTION_PREFIX, serveInspection } from './http/inspection';
import { BodyTooLarge, readBody, writeJson } from './http/io';
import { serveOctopush } from './http/octopush-endpoint';
import { API_PREFIX } from './api/routes';
import type { ConfigPatch, SandboxConfig, SandboxOptions } from './options';
import { Runtime } from './runtime';
import type { CallbackRecord, CampaignRecord, MessageRecord, RecordedRequest } from './state/records';

export interface RunningSandbox {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Octopush base URL to give a client: `${url}/v1/public`. */
  apiUrl: string;
  port: number;
  /** The first configured account's credentials. */
  login: string;
  apiKey: string;
  stop(): Promise<void>;
  reset(): void;
  configure(patch: ConfigPatch): SandboxConfig;
  messages(): MessageRecord[];
  requests(): RecordedRequest[];
  callbacks(): CallbackRecord[];
  campaigns(): CampaignRecord[];
  inbound(input: InboundInput): InboundResult;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const rt = new Runtime(options);
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(rt, req, res).catch((error: unknown) => {
      writeJson(res, 500, { code: 500, message: `Sandbox failure: ${error instanceof Error ? error.message : String(error)}` });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('sandbox: no TCP address');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  const first = rt.config.accounts[0]!;

  let stopping: Promise<void> | undefined;
  return {
    url,
    apiUrl: `${url}${API_PREFIX}`,
    port: address.port,
    login: first.login,
    apiKey: first.apiKey,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        rt.stop();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return stopping;
    },
    reset: () => rt.reset(),
    configure: (patch) => rt.configure(patch),
    messages: () => rt.store.messages,
    requests: () => rt.store.requests,
    callbacks: () => rt.store.callbacks,
    campaigns: () => [...rt.store.campaigns.values()],
    inbound: (input) => receiveInbound(rt, input),
  };
}

async function handle(rt: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  let raw: string;
  try {
    raw = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLarge) return writeJson(res, 413, { code: 413, message: error.message });
    throw error;
  }
  const method = (req.method ?? 'GET').toUpperCase();
  if (url.pathname === INSPECTION_PREFIX || url.pathname.startsWith(`${INSPECTION_PREFIX}/`)) {
    const answer = serveInspection(rt, method, url.pathname, url.searchParams, raw);
    return writeJson(res, answer.status, answer.body);
  }
  if (url.pathname.startsWith(`${API_PREFIX}/`)) return serveOctopush(rt, req, res, url, raw);
  writeJson(res, 404, { code: 404, message: `Nothing at ${url.pathname}; Octopush endpoints are under ${API_PREFIX}.` });
}
