// Webhook in → provider request out, for 1,000 single sends through the whole local stack
// (Dataverse emulator → service endpoint → backend on the local Functions host → Octopush sandbox).
// A recording proxy in front of the backend stamps when each webhook arrives; the sandbox stamps
// when the provider request arrives. Baseline: the same provider request sent directly.
import { createServer, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { startEmulator, stableId } = require('../../emulator/dist/index.js');
const { startSandbox } = require('../../sandboxes/dist/octopush/index.js');
const { zipSolution } = require('../../solution/dist/packer/pack.js');
const { packRepositorySolution } = require('../../solution/dist/packer/build.js');
const { loadSettings } = require('../dist/config/settings.js');
const { createServices, useServices } = require('../dist/composition.js');
const { startLocalHost } = require('../dist/host/local-host.js');
const { registerBackend } = require('../../plugins-proxy/dist/registration.js');
const { registrationApiFromDynamicsWebApi } = require('../../plugins-proxy/dist/dynamics-adapter.js');
const { DynamicsWebApi } = require('dynamics-web-api');
const { SmsProvider, SmsType, DeliveryStatus, SmsDirection } = require('@smsc/core');

const COUNT = Number(process.env.BENCH_SENDS ?? 1000);
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(2));
};

const emulator = await startEmulator({ port: 0 });
await emulator.importSolution(zipSolution(packRepositorySolution('SmsConnector', true)));
await emulator.seedDemo();
const sandbox = await startSandbox({ port: 0, delivery: { delayMs: 3_600_000 } });
useServices(createServices(loadSettings({ DATAVERSE_URL: emulator.serverUrl, DATAVERSE_STATIC_TOKEN: 'bench', OCTOPUSH_BASE_URL: sandbox.apiUrl, WEBHOOK_KEY: 'bench-key', CALLBACK_SECRET: 'bench-secret' })));
const host = await startLocalHost({ port: 0, log: () => undefined });
const target = new URL(host.url);

// Recording proxy: webhook arrival time per SMS id.
const arrivals = new Map();
const proxy = createServer((req, res) => {
  const at = performance.timeOrigin + performance.now();
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    try {
      const context = JSON.parse(body.toString());
      if (context.MessageName === 'smsc_SendSms') arrivals.set(String(context.PrimaryEntityId).toLowerCase(), at);
    } catch {}
    const forward = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.end(body);
  });
});
await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
const proxyUrl = `http://127.0.0.1:${proxy.address().port}`;

const api = new DynamicsWebApi({ serverUrl: emulator.serverUrl, dataApi: { version: '9.2' }, onTokenRefresh: async () => 'bench' });
await registerBackend(registrationApiFromDynamicsWebApi(api), { backendUrl: proxyUrl, webhookKey: 'bench-key' });
await api.create({ collection: 'smsc_configurations', data: { smsc_name: 'bench', smsc_provider: SmsProvider.Octopush, smsc_apilogin: sandbox.login, smsc_apikey: sandbox.apiKey, smsc_defaultcountry: 'FR', smsc_defaultsmstype: SmsType.Transactional } });

const david = stableId('demo:contact:david');
const ids = [];
for (let i = 0; i < COUNT; i++) {
  ids.push(await api.create({ collection: 'smsc_smses', data: { subject: `Bench ${i}`, smsc_text: `Bonjour [firstname], code ${i}`, smsc_direction: SmsDirection.Outbound, smsc_deliverystatus: DeliveryStatus.Draft, smsc_sms_activity_parties: [{ participationtypemask: 2, 'partyid_contact@odata.bind': `/contacts(${david})` }] } }));
}

const started = performance.now();
for (const id of ids) await api.callAction({ actionName: 'Microsoft.Dynamics.CRM.smsc_SendSms', collection: 'smsc_smses', key: id });
const wall = (performance.now() - started) / 1000;

const providerAt = new Map();
for (const r of sandbox.requests()) {
  if (!r.path.endsWith('/sms-campaign/send') || !r.json?.request_id) continue;
  const hex = String(r.json.request_id).split('-')[1];
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  providerAt.set(id, Date.parse(r.at));
}
const latencies = ids.map((id) => providerAt.get(id.toLowerCase()) - arrivals.get(id.toLowerCase())).filter((v) => Number.isFinite(v));

// Baseline: the provider request alone, sent directly.
const direct = [];
for (let i = 0; i < COUNT; i++) {
  const t = performance.now();
  await fetch(`${sandbox.apiUrl}/sms-campaign/send`, { method: 'POST', headers: { 'api-login': sandbox.login, 'api-key': sandbox.apiKey, 'content-type': 'application/json' }, body: JSON.stringify({ recipients: [{ phone_number: '+33649819006' }], text: `Direct ${i}`, type: 'sms_premium', purpose: 'alert' }) });
  direct.push(performance.now() - t);
}

console.log(JSON.stringify({ bench: 'webhookToProvider', sends: latencies.length, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95), unit: 'ms (webhook arrival → provider request)', sendsPerSecond: Math.round(COUNT / wall), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
console.log(JSON.stringify({ bench: 'webhookToProvider.baseline', what: 'the provider request alone, sent directly', p50Ms: percentile(direct, 50), p95Ms: percentile(direct, 95), unit: 'ms' }));

await new Promise((r) => proxy.close(r));
await host.stop();
await sandbox.stop();
await emulator.stop();
