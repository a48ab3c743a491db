#!/usr/bin/env node
// `npm start`: the whole product on this machine, on embedded defaults. Packs the solutions,
// starts the Dataverse emulator (imports the solutions, seeds demo data on first run), Azurite
// for queues, the Octopush sandbox and the backend on the local Functions host, wires the
// webhook as an admin would after import, and prints where everything is. Ctrl-C stops it all.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const env = process.env;
const ports = {
  emulator: Number(env.EMULATOR_PORT ?? 5500),
  functions: Number(env.FUNCTIONS_PORT ?? 7071),
  sandbox: Number(env.SANDBOX_PORT ?? 5600),
  queue: Number(env.AZURITE_QUEUE_PORT ?? 10001),
  blob: Number(env.AZURITE_BLOB_PORT ?? 10000),
};
const dataDir = join(root, env.SMSC_DATA_DIR ?? '.data');
if (process.argv.includes('--reset')) rmSync(dataDir, { recursive: true, force: true });
mkdirSync(join(dataDir, 'dataverse'), { recursive: true });
mkdirSync(join(dataDir, 'azurite'), { recursive: true });

const { startEmulator, stableId } = require('../emulator/dist/index.js');
const { startSandbox } = require('../sandboxes/dist/octopush/index.js');
const { packAll } = require('../solution/dist/packer/build.js');
const { zipSolution } = require('../solution/dist/packer/pack.js');
const { packRepositorySolution } = require('../solution/dist/packer/build.js');
const { loadSettings } = require('../functions/dist/config/settings.js');
const { createServices, useServices } = require('../functions/dist/composition.js');
const { startLocalHost } = require('../functions/dist/host/local-host.js');
const { registerBackend } = require('../plugins-proxy/dist/registration.js');
const { startAzurite } = require('../functions/dist/host/azurite.js');
const { registrationApiFromDynamicsWebApi } = require('../plugins-proxy/dist/dynamics-adapter.js');
const { DynamicsWebApi } = require('dynamics-web-api');
const { SmsProvider, SmsType } = require('@smsc/core');

const stops = [];
async function stopAll(code = 0) {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  process.exit(code);
}
process.on('SIGINT', () => {
  console.log('\nStopping…');
  stopAll(0);
});
process.on('SIGTERM', () => stopAll(0));

async function main() {
  // 1. The solution zips admins import, built from the current sources.
  const zips = packAll(join(root, 'dist', 'solution'));

  // 2. Azurite (queues and blobs for campaigns), with its data under .data/azurite.
  const azurite = await startAzurite({ queuePort: ports.queue, blobPort: ports.blob, location: join(dataDir, 'azurite') });
  stops.push(() => azurite.stop());
  const storage = azurite.connectionString;

  // 3. Dataverse: the solutions imported (an upgrade when they already are), demo data once.
  const emulator = await startEmulator({ port: ports.emulator, dataDir: join(dataDir, 'dataverse') });
  stops.push(() => emulator.stop());
  for (const name of ['SmsConnector', 'SmsConnectorSales', 'SmsConnectorService']) await emulator.importSolution(zipSolution(packRepositorySolution(name, true)));
  await emulator.seedDemo();

  // 4. The Octopush sandbox and the backend on the local Functions host.
  const sandbox = await startSandbox({ port: ports.sandbox, seed: 1 });
  stops.push(() => sandbox.stop());
  const webhookKey = env.WEBHOOK_KEY ?? 'local-webhook-key';
  const callbackSecret = env.CALLBACK_SECRET ?? 'local-callback-secret';
  const settings = loadSettings({
    DATAVERSE_URL: emulator.serverUrl,
    DATAVERSE_STATIC_TOKEN: 'local-development-token',
    OCTOPUSH_BASE_URL: sandbox.apiUrl,
    WEBHOOK_KEY: webhookKey,
    CALLBACK_SECRET: callbackSecret,
    AzureWebJobsStorage: storage,
    DEFAULT_COUNTRY: env.DEFAULT_COUNTRY ?? 'FR',
  });
  useServices(createServices(settings, (line) => console.log(line)));
  const host = await startLocalHost({ port: ports.functions, storageConnection: storage, log: (line) => console.log(line) });
  stops.push(() => host.stop());
  const callbackUrl = `${host.url}/api/provider/octopush/callback/${callbackSecret}`;
  sandbox.configure({ callbacks: { deliveryUrl: callbackUrl, inboundUrl: callbackUrl, optoutUrl: callbackUrl }, delivery: { delayMs: 2000 } });

  // 5. What an admin does after import: connect the backend, fill in the configuration.
  const api = new DynamicsWebApi({ serverUrl: emulator.serverUrl, dataApi: { version: '9.2' }, onTokenRefresh: async () => 'local-development-token' });
  await registerBackend(registrationApiFromDynamicsWebApi(api), { backendUrl: host.url, webhookKey });
  const existing = await api.retrieveMultiple({ collection: 'smsc_configurations', select: ['smsc_configurationid'], top: 1 });
  if (existing.value.length === 0) {
    await api.create({
      collection: 'smsc_configurations',
      data: {
        smsc_name: 'SMS Connector', smsc_provider: SmsProvider.Octopush, smsc_apilogin: sandbox.login, smsc_apikey: sandbox.apiKey, smsc_defaultcountry: 'FR',
        smsc_allowtypechoice: true, smsc_defaultsmstype: SmsType.Transactional, smsc_allowcustomsender: true, smsc_defaultsender: 'Contoso',
        smsc_campaignallowtypechoice: true, smsc_campaigndefaultsmstype: SmsType.Marketing, smsc_campaignallowcustomsender: false,
      },
    });
  }

  const david = stableId('demo:contact:david');
  const body = JSON.stringify({ Contact: { '@odata.type': 'Microsoft.Dynamics.CRM.contact', contactid: david }, Text: 'Bonjour [firstname], votre commande est prête.' });
  console.log(`
SMS Connector is running on this machine.

  Dataverse emulator   ${emulator.url}   (data in ${relative(root, join(dataDir, 'dataverse'))})
  Backend (Functions)  ${host.url}/api   webhook ${host.url}/api/dataverse/webhook, health ${host.url}/api/health
  Octopush sandbox     ${sandbox.apiUrl}   sent messages: ${sandbox.url}/_sandbox/messages
  Azurite              queues http://127.0.0.1:${ports.queue}/devstoreaccount1, blobs http://127.0.0.1:${ports.blob}/devstoreaccount1
  Solution zips        ${zips.map((z) => relative(root, z)).filter((z) => !z.includes('_managed')).join(', ')} (and _managed)

Demo records: contact David Smith (${david}, mobile "06 49 81 90 06"), account Boulangerie Dupont,
leads, marketing lists, a campaign, order SO-1001, a case, the template "Order fulfilled".

Send a demo SMS, then see it at the provider:
  curl -s -X POST ${emulator.url}smsc_SendSmsToRecipient -H 'Content-Type: application/json' -d '${body}' && curl -s ${sandbox.url}/_sandbox/messages

Ctrl-C stops everything.`);
}

main().catch(async (error) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll(1);
});
