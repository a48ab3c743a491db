/**
 * Starts the Dataverse Web API emulator: `startEmulator()` for tests and other parts of the
 * product (free port by default, data in memory unless a folder is given), `server.ts` for
 * `npm run emulator`.
 */
import { readFileSync } from 'node:fs';
import { Server } from 'node:http';
import { Engine } from './engine';
import { ServiceProtection, ProtectionLimits } from './http/protection';
import { portOf, startHttp } from './http/server';
import { DataverseService } from './service';
import { importSolution, ImportReport } from './solution/import';
import { newId } from './util/ids';
import { Delivery, Pipeline } from './webhooks/pipeline';
import { seedDemo, SeedReport } from './seed/demo';
import { Row } from './store/store';

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Folder for the SQLite file; ':memory:' (default) keeps nothing on disk. */
  dataDir?: string;
  reset?: boolean;
  seed?: 'demo';
  /** Solution zips imported at start, in order (SmsConnector before SmsConnectorSales). */
  solutions?: string[];
  requireAuth?: boolean;
  limits?: ProtectionLimits;
  /** Asynchronous webhook steps: attempts and first retry delay (doubled each time). */
  asyncMaxAttempts?: number;
  asyncRetryBaseMs?: number;
  webhookTimeoutMs?: number;
  organizationName?: string;
}

export interface RunningEmulator {
  /** Origin, e.g. http://127.0.0.1:5500: dynamics-web-api's `serverUrl`. */
  serverUrl: string;
  /** Service root, e.g. http://127.0.0.1:5500/api/data/v9.2/. */
  url: string;
  port: number;
  engine: Engine;
  service: DataverseService;
  /** Every webhook call made so far (synchronous and asynchronous, with attempts). */
  webhookDeliveries(): Delivery[];
  /** System jobs (asyncoperation rows) created by asynchronous steps. */
  systemJobs(): Row[];
  /** Resolves when no asynchronous step is waiting, running or scheduled for a retry. */
  waitForSystemJobs(timeoutMs?: number): Promise<void>;
  importSolution(zip: Uint8Array): Promise<ImportReport>;
  seedDemo(): Promise<SeedReport>;
  stop(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const engine = new Engine({ dataDir: options.dataDir ?? ':memory:', reset: options.reset, organizationName: options.organizationName });
  const pipeline = new Pipeline(engine, { asyncMaxAttempts: options.asyncMaxAttempts ?? 4, asyncRetryBaseMs: options.asyncRetryBaseMs ?? 2000, webhookTimeoutMs: options.webhookTimeoutMs ?? 60000 });
  const service = new DataverseService(engine, pipeline);
  const ctx = () => ({ userId: engine.defaultUserId, correlationId: newId(), depth: 1 });
  const doImport = (zip: Uint8Array) => service.write(() => importSolution(service, zip, ctx()));
  for (const file of options.solutions ?? []) await doImport(readFileSync(file));
  if (options.seed === 'demo') await seedDemo(service, ctx());
  const host = options.host ?? '127.0.0.1';
  const server: Server = await startHttp(service, { host, port: options.port ?? 0, requireAuth: !!options.requireAuth, protection: new ServiceProtection(options.limits ?? {}) });
  const port = portOf(server);
  pipeline.resume();
  const serverUrl = `http://${host}:${port}`;
  return {
    serverUrl,
    url: `${serverUrl}/api/data/v9.2/`,
    port,
    engine,
    service,
    webhookDeliveries: () => [...pipeline.deliveries],
    systemJobs: () => engine.store.all('SELECT * FROM "asyncoperation" ORDER BY "createdon"', []).map((r) => engine.store.fromSql(engine.table('asyncoperation'), r)),
    waitForSystemJobs: (timeoutMs) => pipeline.waitForIdle(timeoutMs),
    importSolution: doImport,
    seedDemo: () => seedDemo(service, ctx()),
    stop: async () => {
      pipeline.stop();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      engine.close();
    },
  };
}

export type { Delivery } from './webhooks/pipeline';
export type { ImportReport } from './solution/import';
export type { ProtectionLimits } from './http/protection';
export { stableId } from './util/ids';
