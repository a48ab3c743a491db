/**
 * The whole product on loopback for integration tests: the Dataverse emulator with the packed
 * solutions imported and the demo data, the Octopush sandbox, and the backend served by the local
 * Functions host, wired together by the registration script as an admin would after import.
 */
import { DynamicsWebApi } from 'dynamics-web-api';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import { startSandbox, type SandboxOptions } from '../../../sandboxes/octopush/index';
import { packRepositorySolution } from '../../../solution/packer/build';
import { zipSolution } from '../../../solution/packer/pack';
import { registerBackend } from '../../../plugins-proxy/src/registration';
import { registrationApiFromDynamicsWebApi } from '../../../plugins-proxy/src/dynamics-adapter';
import { createServices, useServices, type Services } from '../../src/composition';
import { loadSettings } from '../../src/config/settings';
import { startLocalHost, type LocalHost } from '../../src/host/local-host';
import { SmsProvider, SmsType } from '@smsc/core';
import { startAzurite, type RunningAzurite } from '../../src/host/azurite';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

export interface Stack {
  emulator: RunningEmulator;
  azurite: RunningAzurite | null;
  sandbox: Sandbox;
  host: LocalHost;
  services: Services;
  /** A client as a Dataverse user would use it (the webhooks run as the initiating user). */
  api: DynamicsWebApi;
  webhookKey: string;
  callbackSecret: string;
  callbackUrl: string;
  configurationId: string;
  stop(): Promise<void>;
}

export interface StackOptions {
  solutions?: string[];
  sandbox?: SandboxOptions;
  /** Extra environment for the backend settings. */
  env?: Record<string, string>;
  /** Start Azurite (queues and blobs) for campaigns. */
  storage?: boolean;
  log?: (line: string) => void;
}

const zips = new Map<string, Uint8Array>();

function packed(name: string): Uint8Array {
  let zip = zips.get(name);
  if (!zip) {
    zip = zipSolution(packRepositorySolution(name, true));
    zips.set(name, zip);
  }
  return zip;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const log = options.log ?? (() => undefined);
  const emulator = await startEmulator({ port: 0, asyncRetryBaseMs: 200, webhookTimeoutMs: 30_000 });
  for (const name of options.solutions ?? ['SmsConnector']) {
    const report = await emulator.importSolution(packed(name));
    log(`imported ${name}: ${JSON.stringify(report).slice(0, 300)}`);
  }
  await emulator.seedDemo();

  const sandbox = await startSandbox({ port: 0, ...(options.sandbox ?? {}) });
  const azurite = options.storage ? await startAzurite() : null;
  const webhookKey = 'integration-webhook-key';
  const callbackSecret = 'integration-callback-secret';
  const settings = loadSettings({
    DATAVERSE_URL: emulator.serverUrl,
    DATAVERSE_STATIC_TOKEN: 'integration-token',
    OCTOPUSH_BASE_URL: sandbox.apiUrl,
    WEBHOOK_KEY: webhookKey,
    CALLBACK_SECRET: callbackSecret,
    PROVIDER_TIMEOUT_MS: '5000',
    ...(azurite ? { AzureWebJobsStorage: azurite.connectionString } : {}),
    ...(options.env ?? {}),
  });
  const services = createServices(settings, log);
  useServices(services);
  const host = await startLocalHost({ port: 0, log, ...(azurite ? { storageConnection: azurite.connectionString, queuePollMs: 50 } : {}) });
  const callbackUrl = `${host.url}/api/provider/octopush/callback/${callbackSecret}`;
  sandbox.configure({ callbacks: { deliveryUrl: callbackUrl, inboundUrl: callbackUrl, optoutUrl: callbackUrl } });

  const api = new DynamicsWebApi({ serverUrl: emulator.serverUrl, dataApi: { version: '9.2' }, onTokenRefresh: async () => 'integration-user-token' });
  await registerBackend(registrationApiFromDynamicsWebApi(api), { backendUrl: host.url, webhookKey });
  const configurationId = await api.create<Record<string, unknown>, string>({
    collection: 'smsc_configurations',
    data: {
      smsc_name: 'SMS Connector',
      smsc_provider: SmsProvider.Octopush,
      smsc_apilogin: sandbox.login,
      smsc_apikey: sandbox.apiKey,
      smsc_defaultcountry: 'FR',
      smsc_allowtypechoice: true,
      smsc_defaultsmstype: SmsType.Transactional,
      smsc_allowcustomsender: true,
      smsc_defaultsender: 'Contoso',
      smsc_campaignallowtypechoice: true,
      smsc_campaigndefaultsmstype: SmsType.Marketing,
      smsc_campaignallowcustomsender: false,
    },
  });
  return {
    emulator,
    azurite,
    sandbox,
    host,
    services,
    api,
    webhookKey,
    callbackSecret,
    callbackUrl,
    configurationId,
    async stop() {
      await host.stop();
      await sandbox.stop();
      await emulator.stop();
      await azurite?.stop();
      useServices(undefined);
    },
  };
}

/** Polls until `check` gives a truthy value; bounded so that a broken test ends by itself. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) throw new Error(`${what} not met within ${timeoutMs} ms (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
