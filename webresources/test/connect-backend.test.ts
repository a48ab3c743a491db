/** @jest-environment jsdom */
import { TextEncoder } from 'node:util';
import { webcrypto } from 'node:crypto';
import { renderPage } from '../src/configuration/page';

// Browsers have both; jest's jsdom environment does not expose them.
Object.assign(globalThis, { TextEncoder });
if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
import { fakeData, fakePorts } from './fakes';

/** An environment right after importing SmsConnector: endpoint with its placeholder URL, the core messages. */
function environment(query: string | undefined, entity: string) {
  if (entity === 'smsc_configuration') return [];
  if (entity === 'serviceendpoint') return [{ serviceendpointid: 'ep-1', url: 'https://backend-not-connected.invalid/api/dataverse/webhook', authtype: 4, description: null }];
  if (entity === 'sdkmessage') {
    const name = /name eq '([^']+)'/.exec(decodeURIComponent(query ?? ''))?.[1];
    return ['smsc_SendSms', 'smsc_SendSmsToRecipient', 'smsc_CheckCredit'].includes(name ?? '') ? [{ sdkmessageid: `msg-${name}`, name }] : [];
  }
  if (entity === 'environmentvariabledefinition') return [{ environmentvariabledefinitionid: 'def-1', environmentvariabledefinition_environmentvariablevalue: [] }];
  return [];
}

async function page(roles: string[]) {
  document.body.innerHTML = '<main id="root"></main>';
  const data = fakeData({ retrieveMultiple: (entity, query) => environment(query, entity) });
  const ports = fakePorts({ data, roles, languageId: 1033 });
  await renderPage({ root: document.getElementById('root') as HTMLElement, ports });
  const input = (id: string) => document.getElementById(id) as HTMLInputElement;
  const connect = async () => {
    (document.getElementById('smsc-connect-backend') as HTMLButtonElement).click();
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
  };
  return { data, input, connect, status: () => document.getElementById('smsc-backend-status')?.textContent ?? '' };
}

describe('Connect backend', () => {
  test('an administrator points the webhook at the backend and registers the Custom API steps', async () => {
    const { data, input, connect, status } = await page(['SMS Administrator']);
    input('smsc-backend-url').value = 'https://contoso-sms.azurewebsites.net/';
    input('smsc-backend-key').value = 'the-function-key';
    await connect();
    const writes = data.calls.filter((c) => c.method !== 'retrieveMultipleRecords' && c.method !== 'retrieveRecord');
    expect(writes[0]).toEqual({
      method: 'updateRecord',
      args: ['serviceendpoint', 'ep-1', expect.objectContaining({ url: 'https://contoso-sms.azurewebsites.net/api/dataverse/webhook', authtype: 4, authvalue: 'the-function-key' })],
    });
    expect(writes.filter((c) => c.method === 'createRecord').map((c) => [c.args[0], (c.args[1] as Record<string, unknown>).name ?? (c.args[1] as Record<string, unknown>).value])).toEqual([
      ['environmentvariablevalue', 'https://contoso-sms.azurewebsites.net'],
      ['sdkmessageprocessingstep', 'smsc_SmsConnectorBackend: smsc_SendSms'],
      ['sdkmessageprocessingstep', 'smsc_SmsConnectorBackend: smsc_SendSmsToRecipient'],
      ['sdkmessageprocessingstep', 'smsc_SmsConnectorBackend: smsc_CheckCredit'],
    ]);
    expect(status()).toMatch(/^Backend connected: 5 change\(s\)\./);
    expect(status()).toContain('Not done: smsc_SimulateCampaign (its Custom API is not in this environment: import SmsConnectorSales)');
    // The key is not kept in the page once written.
    expect(input('smsc-backend-key').value).toBe('');
  });

  test('refuses a URL or key that cannot work, naming the field', async () => {
    const { input, connect, status, data } = await page(['SMS Administrator']);
    input('smsc-backend-url').value = 'contoso';
    input('smsc-backend-key').value = 'k';
    await connect();
    expect(status()).toBe('"Backend URL": an http(s) address is expected.');
    input('smsc-backend-url').value = 'https://x.example';
    input('smsc-backend-key').value = '  ';
    await connect();
    expect(status()).toBe('"Webhook key": required.');
    expect(data.calls.some((c) => c.method === 'updateRecord' || c.method === 'createRecord')).toBe(false);
  });

  test('is for administrators only', async () => {
    const { status } = await page(['SMS User']);
    expect((document.getElementById('smsc-connect-backend') as HTMLButtonElement).disabled).toBe(true);
    expect(status()).toBe('Only SMS administrators can connect the backend.');
  });
});
