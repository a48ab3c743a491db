import { DynamicsWebApi } from 'dynamics-web-api';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index';
import { packRepositorySolution } from '../../solution/packer/build';
import { zipSolution } from '../../solution/packer/pack';
import { registerBackend as register, keyFingerprint, type RegistrationInput } from '../src/registration';
import { registrationApiFromDynamicsWebApi } from '../src/dynamics-adapter';
import { main } from '../src/cli';

type Row = Record<string, unknown>;
let emulator: RunningEmulator;
let api: DynamicsWebApi;
const registerBackend = (client: DynamicsWebApi, input: RegistrationInput) => register(registrationApiFromDynamicsWebApi(client), input);

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  await emulator.importSolution(zipSolution(packRepositorySolution('SmsConnector', true)));
  api = new DynamicsWebApi({ serverUrl: emulator.serverUrl, dataApi: { version: '9.2' }, onTokenRefresh: async () => 'admin' });
}, 60_000);
afterAll(() => emulator?.stop());

test('wires a freshly imported environment; a second run changes nothing', async () => {
  const first = await registerBackend(api, { backendUrl: 'https://contoso-sms.azurewebsites.net/', webhookKey: 'key-1' });
  expect(first.changes).toEqual([
    'service endpoint smsc_SmsConnectorBackend now calls https://contoso-sms.azurewebsites.net/api/dataverse/webhook',
    'environment variable smsc_BackendUrl = https://contoso-sms.azurewebsites.net',
    'step smsc_SmsConnectorBackend: smsc_SendSms registered',
    'step smsc_SmsConnectorBackend: smsc_SendSmsToRecipient registered',
    'step smsc_SmsConnectorBackend: smsc_CheckCredit registered',
  ]);
  // Campaign messages come with the Sales solution, not imported here.
  expect(first.skipped).toHaveLength(5);
  expect(first.skipped[0]).toMatch(/^smsc_SimulateCampaign \(its Custom API is not in this environment: import SmsConnectorSales\)$/);

  const endpoint = (await api.retrieveMultiple<Row>({ collection: 'serviceendpoints', select: ['url', 'authtype', 'description'], filter: "name eq 'smsc_SmsConnectorBackend'" })).value;
  expect(endpoint).toEqual([expect.objectContaining({ url: 'https://contoso-sms.azurewebsites.net/api/dataverse/webhook', authtype: 4, description: expect.stringContaining(await keyFingerprint('key-1')) })]);
  const steps = (await api.retrieveMultiple<Row>({ collection: 'sdkmessageprocessingsteps', select: ['name', 'mode', 'stage'], filter: "startswith(name,'smsc_SmsConnectorBackend: smsc_')" })).value;
  expect(steps.map((s) => [s.name, s.mode, s.stage]).sort()).toEqual([
    ['smsc_SmsConnectorBackend: smsc_CheckCredit', 0, 40],
    ['smsc_SmsConnectorBackend: smsc_SendSms', 0, 40],
    ['smsc_SmsConnectorBackend: smsc_SendSmsToRecipient', 0, 40],
  ]);

  const second = await registerBackend(api, { backendUrl: 'https://contoso-sms.azurewebsites.net', webhookKey: 'key-1' });
  expect(second.changes).toEqual([]);
  expect(second.unchanged).toHaveLength(5);

  // A new key is a change, and only that.
  const third = await registerBackend(api, { backendUrl: 'https://contoso-sms.azurewebsites.net', webhookKey: 'key-2' });
  expect(third.changes).toEqual(['service endpoint smsc_SmsConnectorBackend now calls https://contoso-sms.azurewebsites.net/api/dataverse/webhook']);
});

test('refuses a backend URL or key that cannot work', async () => {
  await expect(registerBackend(api, { backendUrl: 'contoso', webhookKey: 'k' })).rejects.toThrow(/is not an http\(s\) URL/);
  await expect(registerBackend(api, { backendUrl: 'https://x.example', webhookKey: ' ' })).rejects.toThrow(/webhookKey is empty/);
});

test('the command line names what is missing and runs the registration', async () => {
  const errors: string[] = [];
  const logs: string[] = [];
  const error = jest.spyOn(console, 'error').mockImplementation((m) => void errors.push(String(m)));
  const log = jest.spyOn(console, 'log').mockImplementation((m) => void logs.push(String(m)));
  try {
    expect(await main([], {})).toBe(2);
    expect(errors[0]).toMatch(/Missing: --dataverse-url \(or DATAVERSE_URL\), --backend-url \(or BACKEND_URL\), --key \(or WEBHOOK_KEY\)/);
    expect(await main(['--dataverse-url', emulator.serverUrl, '--backend-url', 'https://contoso-sms.azurewebsites.net', '--key', 'key-2', '--token', 'admin'], {})).toBe(0);
    expect(logs.at(-1)).toBe('Nothing to change: the environment was already wired.');
  } finally {
    error.mockRestore();
    log.mockRestore();
  }
});
