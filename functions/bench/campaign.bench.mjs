// A 100,000-recipient campaign through the whole local stack: prepare (read the list, check every
// recipient, upload to the provider, build) then send (confirm, record one SMS activity each).
// A counting proxy in front of the Dataverse emulator counts the backend's requests; the sandbox
// counts provider calls. Baseline: the naive design, one provider send and one activity create
// per recipient (2 requests each), computed for the same recipients.
import { createServer, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { startEmulator } = require('../../emulator/dist/index.js');
const { startSandbox } = require('../../sandboxes/dist/octopush/index.js');
const { zipSolution } = require('../../solution/dist/packer/pack.js');
const { packRepositorySolution } = require('../../solution/dist/packer/build.js');
const { loadSettings } = require('../dist/config/settings.js');
const { createServices, useServices } = require('../dist/composition.js');
const { startLocalHost } = require('../dist/host/local-host.js');
const { registerBackend } = require('../../plugins-proxy/dist/registration.js');
const { registrationApiFromDynamicsWebApi } = require('../../plugins-proxy/dist/dynamics-adapter.js');
const { startAzurite } = require('../dist/host/azurite.js');
const { DynamicsWebApi } = require('dynamics-web-api');
const { SmsProvider, SmsType, CampaignSmsStatus } = require('@smsc/core');

const COUNT = Number(process.env.BENCH_CAMPAIGN_RECIPIENTS ?? 100000);
// A failed run says what failed in one line, with the server's answer, rather than a dump.
process.on('uncaughtException', (error) => {
  console.log(JSON.stringify({ bench: 'campaign', failed: error?.message ?? String(error), status: error?.status, code: error?.code, stack: error?.stack?.split('\n').slice(1, 4).map((l) => l.trim()) }));
  process.exit(1);
});
const azurite = await startAzurite();
const storage = azurite.connectionString;

const emulator = await startEmulator({ port: 0 });
for (const name of ['SmsConnector', 'SmsConnectorSales']) await emulator.importSolution(zipSolution(packRepositorySolution(name, true)));
const sandbox = await startSandbox({ port: 0, delivery: { delayMs: 3_600_000 }, listCampaign: { computeMs: 200 } });
sandbox.configure({ credit: 1_000_000 });
const admin = new DynamicsWebApi({ serverUrl: emulator.serverUrl, dataApi: { version: '9.2' }, onTokenRefresh: async () => 'bench', timeout: 600_000 });

// Recipients: COUNT contacts with French mobiles, one static list, one campaign.
const loadStarted = performance.now();
const ids = [];
for (let start = 0; start < COUNT; start += 1000) {
  const targets = [];
  for (let i = start; i < Math.min(COUNT, start + 1000); i++) {
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    ids.push(id);
    targets.push({ '@odata.type': 'Microsoft.Dynamics.CRM.contact', contactid: id, firstname: `Prénom${i}`, lastname: `Nom${i}`, mobilephone: `06 ${String(10000000 + i).replace(/(\d{2})(?=\d)/g, '$1 ')}` });
  }
  await admin.callAction({ actionName: 'Microsoft.Dynamics.CRM.CreateMultiple', collection: 'contacts', action: { Targets: targets } });
}
const listId = await admin.create({ collection: 'lists', data: { listname: 'Bench list', type: false, createdfromcode: 2 } });
for (let start = 0; start < ids.length; start += 5000) {
  await admin.callAction({ actionName: 'AddListMembersList', action: { List: { '@odata.type': 'Microsoft.Dynamics.CRM.list', listid: listId }, Members: ids.slice(start, start + 5000).map((contactid) => ({ '@odata.type': 'Microsoft.Dynamics.CRM.contact', contactid })) } });
}
const sendAt = new Date(Date.now() + 3 * 24 * 3600_000);
while (sendAt.getUTCDay() !== 2) sendAt.setUTCDate(sendAt.getUTCDate() + 1);
sendAt.setUTCHours(9, 0, 0, 0);
const campaignId = await admin.create({ collection: 'campaigns', data: { name: 'Bench campaign', smsc_smstype: SmsType.Marketing, smsc_text: 'Bonjour [firstname], -20% ce week-end. STOP au XXXXX', actualstart: sendAt.toISOString() } });
await admin.associate({ collection: 'campaigns', primaryKey: campaignId, relationshipName: 'campaignlist_association', relatedCollection: 'lists', relatedKey: listId });
const loadSeconds = (performance.now() - loadStarted) / 1000;

// The backend reaches Dataverse through a counting proxy.
let dataverseRequests = 0;
const target = new URL(emulator.serverUrl);
const proxy = createServer((req, res) => {
  dataverseRequests++;
  const forward = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => { res.writeHead(answer.statusCode ?? 502, answer.headers); answer.pipe(res); });
  req.pipe(forward);
});
await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
useServices(createServices(loadSettings({ DATAVERSE_URL: `http://127.0.0.1:${proxy.address().port}`, DATAVERSE_STATIC_TOKEN: 'bench', OCTOPUSH_BASE_URL: sandbox.apiUrl, WEBHOOK_KEY: 'bench-key', CALLBACK_SECRET: 'bench-secret', AzureWebJobsStorage: storage })));
const host = await startLocalHost({ port: 0, log: () => undefined, storageConnection: storage, queuePollMs: 100 });
await registerBackend(registrationApiFromDynamicsWebApi(admin), { backendUrl: host.url, webhookKey: 'bench-key' });
await admin.create({ collection: 'smsc_configurations', data: { smsc_name: 'bench', smsc_provider: SmsProvider.Octopush, smsc_apilogin: sandbox.login, smsc_apikey: sandbox.apiKey, smsc_defaultcountry: 'FR', smsc_campaignallowtypechoice: true, smsc_campaigndefaultsmstype: SmsType.Marketing } });
const requestsBefore = dataverseRequests;
const providerBefore = sandbox.requests().length;

const status = async () => admin.retrieve({ collection: 'campaigns', key: campaignId, select: ['smsc_status', 'smsc_progress', 'smsc_lastresult', 'smsc_providercampaignid'] });
async function waitFor(check, label, timeoutMs = 1_800_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const row = await status();
    if (check(row)) return row;
    if (Date.now() > until) throw new Error(`${label}: ${JSON.stringify(row)}`);
    if (row.smsc_status === CampaignSmsStatus.Building && row.smsc_providercampaignid) await admin.callAction({ actionName: 'Microsoft.Dynamics.CRM.smsc_RefreshCampaignStatus', collection: 'campaigns', key: campaignId });
    await new Promise((r) => setTimeout(r, 500));
  }
}

const started = performance.now();
await admin.callAction({ actionName: 'Microsoft.Dynamics.CRM.smsc_PrepareCampaign', collection: 'campaigns', key: campaignId });
const afterPrepare = await waitFor((r) => r.smsc_status === CampaignSmsStatus.Ready || r.smsc_status === CampaignSmsStatus.Failed, 'prepare');
if (afterPrepare.smsc_status !== CampaignSmsStatus.Ready) throw new Error(`Preparation failed: ${afterPrepare.smsc_lastresult}`);
const prepared = performance.now();
await admin.callAction({ actionName: 'Microsoft.Dynamics.CRM.smsc_SendCampaign', collection: 'campaigns', key: campaignId });
await waitFor((r) => r.smsc_status === CampaignSmsStatus.Sent && r.smsc_progress === 100, 'send');
const finished = performance.now();

const messages = sandbox.messages();
const unique = new Set(messages.map((m) => m.recipient)).size;
// Counted by paging: Dataverse refuses aggregates over 50,000 rows.
const activities = await admin.retrieveAll({ collection: 'smsc_smses', select: ['activityid'], filter: `_smsc_campaignid_value eq ${campaignId}`, maxPageSize: 5000 });
const recorded = activities.value.length;
const usedDataverse = dataverseRequests - requestsBefore;
const usedProvider = sandbox.requests().length - providerBefore;

console.log(JSON.stringify({ bench: 'campaign', recipients: COUNT, wallSeconds: Number(((finished - started) / 1000).toFixed(1)), prepareSeconds: Number(((prepared - started) / 1000).toFixed(1)), sendSeconds: Number(((finished - prepared) / 1000).toFixed(1)), dataverseRequests: usedDataverse, dataverseGoal: 250, providerCalls: usedProvider, providerGoal: 200, sent: messages.length, activities: recorded, duplicates: messages.length - unique + Math.max(0, recorded - unique), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), setupSeconds: Number(loadSeconds.toFixed(1)) }));
console.log(JSON.stringify({ bench: 'campaign.naive', what: 'one provider send and one activity create per recipient', dataverseRequests: COUNT, providerCalls: COUNT }));

await host.stop();
await new Promise((r) => proxy.close(r));
await sandbox.stop();
await emulator.stop();
await azurite.stop();
