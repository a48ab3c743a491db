/**
 * The HTTP front: `/api/data/v9.x/` on 127.0.0.1, bearer tokens (required with requireAuth),
 * service protection, and the hand-over to the Web API service.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import type { DataverseService } from '../service';
import { newId, parseGuid } from '../util/ids';
import { bypassFromHeaders } from '../engine';
import { DataverseError, errors } from './errors';
import { ServiceProtection } from './protection';
import { ApiResponse, json } from './request';

export interface HttpOptions {
  host: string;
  port: number;
  requireAuth: boolean;
  protection: ServiceProtection;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: ApiResponse): void {
  res.writeHead(response.status, response.headers);
  res.end(response.body ?? '');
}

/** The caller: the systemuser whose Entra object id is the token's `oid`, else the integration user. */
function callerOf(service: DataverseService, token: string | undefined, impersonate: string | undefined): string {
  const engine = service.engine;
  const byId = parseGuid(impersonate);
  if (byId && engine.store.get(engine.table('systemuser'), byId)) return byId;
  const payload = token?.split('.')[1];
  if (payload) {
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { oid?: string };
      const oid = parseGuid(claims.oid);
      const user = oid ? engine.store.all('SELECT "systemuserid" FROM "systemuser" WHERE "azureactivedirectoryobjectid" = ?', [oid])[0] : undefined;
      if (user) return user.systemuserid as string;
    } catch {
      // Not a JWT: any bearer token is accepted as the integration user.
    }
  }
  return engine.defaultUserId;
}

export function startHttp(service: DataverseService, options: HttpOptions): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const m = /^\/api\/data\/v9\.[0-2]\/(.*)$/.exec(url.pathname);
      if (!m) return send(res, json(404, errors.resourceNotFound(url.pathname).toBody()));
      const auth = req.headers.authorization;
      const token = auth && /^Bearer\s+\S+/i.test(auth) ? auth.replace(/^Bearer\s+/i, '') : undefined;
      if (options.requireAuth && !token) {
        return send(res, { status: 401, headers: { 'WWW-Authenticate': `Bearer authorization_uri=https://login.microsoftonline.com/common/oauth2/authorize, resource_id=http://${req.headers.host}/` }, body: '' });
      }
      let release: (() => void) | undefined;
      const user = token ?? 'anonymous';
      try {
        release = options.protection.admit(user);
      } catch (error) {
        if (error instanceof DataverseError) return send(res, json(error.status, error.toBody(), error.headers));
        throw error;
      }
      try {
        const body = await readBody(req);
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
        const host = req.headers.host ?? `${options.host}:${options.port}`;
        const response = await service.handle({
          method: req.method ?? 'GET',
          path: m[1]!,
          query: url.search.slice(1),
          headers,
          body,
          root: `http://${host}/api/data/${url.pathname.split('/')[3]}/`,
          ctx: { userId: callerOf(service, token, headers['mscrmcallerid']), correlationId: newId(), depth: 1, bypass: bypassFromHeaders(headers) },
        });
        const remaining = options.protection.remaining(user);
        if (remaining !== undefined) response.headers['x-ms-ratelimit-burst-remaining-xrm-requests'] = String(remaining);
        send(res, response);
      } finally {
        release();
      }
    })().catch((error: unknown) => send(res, json(500, { error: { code: '0x80040216', message: String(error) } })));
  });
  // Keep idle connections for minutes, not Node's 5 s: clients such as dynamics-web-api reuse
  // pooled sockets without retrying, and would otherwise hit a reset after a pause.
  server.keepAliveTimeout = 120_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve(server));
  });
}

export function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}
