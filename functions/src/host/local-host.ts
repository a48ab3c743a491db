import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { HttpRequest, InvocationContext, type HttpResponseInit, type HttpHandler } from '@azure/functions';
import '../index';
import { registrations, type Registration } from '../registry';
import { compileRoute } from './routes';
import { parseCron } from './cron';
import { QueuePoller } from './queue-poller';

export interface LocalHostOptions {
  port?: number;
  host?: string;
  /** Key for authLevel "function" routes (Functions' `code` / x-functions-key). */
  functionsKey?: string;
  /** Azure Storage connection string for queue triggers (Azurite locally); none = queues off. */
  storageConnection?: string;
  /** Queue polling interval when idle, in ms. */
  queuePollMs?: number;
  log?: (line: string) => void;
}

export interface LocalHost {
  url: string;
  stop(): Promise<void>;
  /** Runs every queue trigger until its queue is empty (tests). */
  drainQueues(timeoutMs?: number): Promise<void>;
}

type HttpRegistration = Extract<Registration, { kind: 'http' }>;

function context(name: string, log: (line: string) => void): InvocationContext {
  return new InvocationContext({
    functionName: name,
    invocationId: randomUUID(),
    logHandler: (level, ...args) => log(`[${name}] ${level}: ${args.map((a) => (a instanceof Error ? a.stack ?? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`),
  });
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function writeResponse(res: ServerResponse, result: HttpResponseInit | void): Promise<void> {
  const init = result ?? { status: 204 };
  const headers = new Headers(init.headers as ConstructorParameters<typeof Headers>[0]);
  let body: Buffer | undefined;
  if (init.jsonBody !== undefined) {
    body = Buffer.from(JSON.stringify(init.jsonBody));
    if (!headers.has('content-type')) headers.set('content-type', 'application/json; charset=utf-8');
  } else if (typeof init.body === 'string') {
    body = Buffer.from(init.body);
  } else if (init.body instanceof Uint8Array) {
    body = Buffer.from(init.body);
  }
  res.statusCode = init.status ?? 200;
  headers.forEach((value, key) => res.setHeader(key, value));
  res.end(body);
}

/**
 * Serves the app's registered triggers the way the Functions host does, for `npm start` and the
 * integration tests: HTTP routes under /api, queue triggers polled from Azure Storage (Azurite),
 * timers on their NCRONTAB schedule. The handlers are the same objects Azure runs.
 */
export async function startLocalHost(options: LocalHostOptions = {}): Promise<LocalHost> {
  const log = options.log ?? ((line: string) => console.log(line));
  const https = registrations.filter((r): r is HttpRegistration => r.kind === 'http').map((r) => ({ r, route: compileRoute(r.options.route ?? r.name) }));

  const server: Server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
      if (!url.pathname.startsWith('/api/')) return writeResponse(res, { status: 404, jsonBody: { message: 'Not found' } });
      const path = url.pathname.slice(5);
      const method = (req.method ?? 'GET').toUpperCase();
      const found = https.map(({ r, route }) => ({ r, params: route.match(path) })).find((x) => x.params && (x.r.options.methods ?? ['GET', 'POST']).includes(method as never));
      if (!found || !found.params) return writeResponse(res, { status: 404, jsonBody: { message: `No function for ${method} /api/${path}` } });
      const { r, params } = found;
      if ((r.options.authLevel ?? 'function') !== 'anonymous') {
        const key = url.searchParams.get('code') ?? (req.headers['x-functions-key'] as string | undefined);
        if (!options.functionsKey || key !== options.functionsKey) return writeResponse(res, { status: 401 });
      }
      const body = await readBody(req);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      const request = new HttpRequest({ method, url: url.toString(), headers, params, query: Object.fromEntries(url.searchParams), ...(body.length ? { body: { bytes: body } } : {}) });
      const result = await (r.options.handler as HttpHandler)(request, context(r.name, log));
      await writeResponse(res, result);
    } catch (error) {
      log(`local host: ${error instanceof Error ? error.stack : String(error)}`);
      if (!res.headersSent) await writeResponse(res, { status: 500, jsonBody: { message: 'Internal error in the function.' } });
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 7071, options.host ?? '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port ?? 7071;

  const pollers = options.storageConnection
    ? registrations
        .filter((r): r is Extract<Registration, { kind: 'queue' }> => r.kind === 'queue')
        .map((r) => new QueuePoller(options.storageConnection as string, r, (name) => context(name, log), log, options.queuePollMs ?? 500))
    : [];
  for (const poller of pollers) await poller.start();

  const timers = registrations
    .filter((r): r is Extract<Registration, { kind: 'timer' }> => r.kind === 'timer')
    .map((r) => {
      const cron = parseCron(r.options.schedule);
      let handle: NodeJS.Timeout | undefined;
      const arm = () => {
        const next = cron.next(new Date());
        handle = setTimeout(async () => {
          try {
            await r.options.handler({ isPastDue: false, scheduleStatus: {} } as never, context(r.name, log));
          } catch (error) {
            log(`[${r.name}] timer failed: ${String(error)}`);
          }
          arm();
        }, next.getTime() - Date.now());
        handle.unref();
      };
      arm();
      return () => handle && clearTimeout(handle);
    });

  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      for (const stopTimer of timers) stopTimer();
      await Promise.all(pollers.map((p) => p.stop()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
    },
    async drainQueues(timeoutMs = 30_000) {
      await Promise.all(pollers.map((p) => p.drain(timeoutMs)));
    },
  };
}

if (require.main === module) {
  const env = process.env;
  startLocalHost({ port: Number(env.FUNCTIONS_PORT ?? 7071), functionsKey: env.FUNCTIONS_KEY, storageConnection: env.AzureWebJobsStorage })
    .then((host) => console.log(`Functions local host on ${host.url}/api (${registrations.map((r) => r.name).join(', ')})`))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
