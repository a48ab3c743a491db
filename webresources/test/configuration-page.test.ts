/** @jest-environment jsdom */
import { SmsProvider, SmsType } from '@smsc/core';
import { renderPage } from '../src/configuration/page';
import * as ConfigurationForm from '../src/configuration/configuration-form';
import { fakeData, fakePorts, mockForm, notice } from './fakes';

const ROW = {
  smsc_configurationid: 'cfg-1',
  smsc_provider: SmsProvider.Octopush,
  smsc_apilogin: 'admin@contoso.fr',
  smsc_proxy: null,
  smsc_defaultcountry: 'FR',
  smsc_allowtypechoice: true,
  smsc_defaultsmstype: SmsType.Transactional,
  smsc_allowcustomsender: false,
  smsc_defaultsender: 'CONTOSO',
  smsc_campaignallowtypechoice: false,
  smsc_campaigndefaultsmstype: SmsType.Marketing,
  smsc_campaignallowcustomsender: true,
  smsc_campaigndefaultsender: null,
  smsc_credit: 1520.5,
  smsc_creditunit: 'SMS',
  smsc_creditcheckedon: '2026-03-02T09:15:00Z',
  smsc_sendwindowend: '20:00',
};

async function page(options: { roles?: string[]; languageId?: number; row?: Record<string, unknown> | null; customApi?: () => Record<string, unknown> } = {}) {
  document.body.innerHTML = '<main id="root"></main>';
  const root = document.getElementById('root') as HTMLElement;
  let row = options.row === undefined ? { ...ROW } : options.row;
  const data = fakeData({ retrieveMultiple: () => (row ? [row] : []), ...(options.customApi ? { customApi: options.customApi } : {}) });
  const ports = fakePorts({ data, roles: options.roles ?? ['SMS Administrator'], languageId: options.languageId ?? 1033 });
  await renderPage({ root, ports });
  const input = (id: string) => document.getElementById(id) as HTMLInputElement;
  const click = async (id: string) => {
    (document.getElementById(id) as HTMLButtonElement).click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  const save = async () => {
    (document.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit', { cancelable: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { root, data, input, click, save, setRow: (r: Record<string, unknown>) => (row = r) };
}

describe('configuration page', () => {
  test('shows the connection and the preferences of the guide, never reading the API key', async () => {
    const { data, input } = await page();
    expect(input('smsc-login').value).toBe('admin@contoso.fr');
    expect(input('smsc-apikey').value).toBe('');
    expect(input('smsc-apikey').type).toBe('password');
    expect(input('single-allowtype').checked).toBe(true);
    expect(input('single-defaultsender').value).toBe('CONTOSO');
    expect(input('campaign-allowsender').checked).toBe(true);
    expect(input('smsc-country').value).toBe('FR');
    expect(document.getElementById('smsc-credit-status')?.textContent).toMatch(/^Credit: 1,520.5 SMS \(checked .+\)\.$/);
    for (const call of data.calls) expect(JSON.stringify(call.args)).not.toContain('smsc_apikey');
  });

  test('is in French for a French user', async () => {
    await page({ languageId: 1036 });
    expect(document.querySelector('h1')?.textContent).toBe('Configuration du connecteur SMS');
    expect(document.querySelector('#smsc-section-single legend')?.textContent).toBe('Préférences : envois unitaires');
    expect(document.querySelector('label[for="smsc-apikey"]')?.textContent).toBe('Clé API');
    expect(document.documentElement.lang).toBe('fr');
  });

  test('saving without typing a key leaves the key alone', async () => {
    const { data, input, save } = await page();
    input('smsc-proxy').value = 'proxy.contoso.fr:8080';
    input('single-allowsender').checked = true;
    input('smsc-country').value = 'be';
    await save();
    const update = data.calls.find((c) => c.method === 'updateRecord');
    expect(update?.args[0]).toBe('smsc_configuration');
    expect(update?.args[1]).toBe('cfg-1');
    expect(update?.args[2]).toEqual({
      smsc_provider: SmsProvider.Octopush,
      smsc_apilogin: 'admin@contoso.fr',
      smsc_proxy: 'proxy.contoso.fr:8080',
      smsc_allowtypechoice: true,
      smsc_defaultsmstype: SmsType.Transactional,
      smsc_allowcustomsender: true,
      smsc_defaultsender: 'CONTOSO',
      smsc_campaignallowtypechoice: false,
      smsc_campaigndefaultsmstype: SmsType.Marketing,
      smsc_campaignallowcustomsender: true,
      smsc_campaigndefaultsender: null,
      smsc_defaultcountry: 'BE',
      smsc_sendwindowend: '20:00',
    });
    expect(document.getElementById('smsc-save-status')?.textContent).toBe('Configuration saved.');
  });

  test('a typed key is written once and cleared from the page', async () => {
    const { data, input, save } = await page();
    input('smsc-apikey').value = ' k3y-s3cret ';
    await save();
    expect((data.calls.find((c) => c.method === 'updateRecord')?.args[2] as Record<string, unknown>).smsc_apikey).toBe('k3y-s3cret');
    expect(input('smsc-apikey').value).toBe('');
  });

  test('invalid values are refused, naming each field', async () => {
    const { data, input, save } = await page({ languageId: 1036 });
    input('smsc-proxy').value = 'proxy without port';
    input('campaign-defaultsender').value = 'Much too long sender';
    input('smsc-windowend').value = '25:00';
    await save();
    expect(data.calls.some((c) => c.method === 'updateRecord')).toBe(false);
    expect(document.getElementById('smsc-save-status')?.textContent).toBe(
      '« Proxy (serveur:port) » : écrivez-le sous la forme serveur:port, par ex. proxy.exemple.fr:8080. « Préférences : campagnes SMS – Émetteur personnalisé » : 3 à 11 lettres ou chiffres, commençant par une lettre. « Fin de la plage d\'envoi marketing (HH:MM) » : une heure comme 20:00.',
    );
  });

  test('the first save creates the configuration row', async () => {
    const { data, save } = await page({ row: null });
    await save();
    const create = data.calls.find((c) => c.method === 'createRecord');
    expect(create?.args[0]).toBe('smsc_configuration');
    expect(create?.args[1]).toMatchObject({ smsc_name: 'SMS Connector', smsc_provider: SmsProvider.Octopush, smsc_sendwindowend: '20:00' });
  });

  test('"Show credit" calls smsc_CheckCredit and shows the refreshed snapshot', async () => {
    const p = await page({ customApi: () => ({}) });
    p.setRow({ ...ROW, smsc_credit: 980, smsc_creditunit: 'EUR' });
    await p.click('smsc-credit');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(p.data.calls.filter((c) => c.method === 'callCustomApi').map((c) => c.args[0])).toEqual([{ name: 'smsc_CheckCredit' }]);
    expect(document.getElementById('smsc-credit-status')?.textContent).toMatch(/^Credit: 980 EUR/);
  });

  test('a test send goes to the typed number through smsc_SendSmsToRecipient', async () => {
    const p = await page();
    await p.click('smsc-test-send');
    expect(document.getElementById('smsc-test-status')?.textContent).toBe('"Mobile number": required.');
    p.input('smsc-test-number').value = '+33649819006';
    await p.click('smsc-test-send');
    expect(p.data.calls.filter((c) => c.method === 'callCustomApi').map((c) => c.args[0])).toEqual([
      {
        name: 'smsc_SendSmsToRecipient',
        parameters: {
          PhoneNumber: { type: 'String', value: '+33649819006' },
          Text: { type: 'String', value: 'SMS Connector test message.' },
          SmsType: { type: 'Integer', value: SmsType.Transactional },
        },
      },
    ]);
    expect(document.getElementById('smsc-test-status')?.textContent).toBe('Test SMS sent to +33649819006.');
  });

  test('a failing test send shows the backend message', async () => {
    const p = await page({
      customApi: () => {
        throw { message: 'Octopush: insufficient credit' };
      },
    });
    p.input('smsc-test-number').value = '+33649819006';
    await p.click('smsc-test-send');
    expect(document.getElementById('smsc-test-status')?.textContent).toBe('The test SMS could not be sent: Octopush: insufficient credit');
    expect(document.getElementById('smsc-test-status')?.dataset.kind).toBe('error');
  });

  test('users who are not SMS administrators see it read-only', async () => {
    await page({ roles: ['SMS Marketer'] });
    expect(document.body.textContent).toContain('Only SMS administrators can change this configuration.');
    expect((document.getElementById('smsc-section-connection') as HTMLFieldSetElement).disabled).toBe(true);
    expect((document.getElementById('smsc-save') as HTMLButtonElement).disabled).toBe(true);
    expect((document.getElementById('smsc-test-send') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('configuration form', () => {
  test('a second configuration row is discouraged', async () => {
    const form = mockForm({ entityName: 'smsc_configuration', formType: 1 });
    await ConfigurationForm.onLoad(form, fakePorts({ data: fakeData({ retrieveMultiple: () => [ROW] }), roles: ['System Administrator'] }));
    expect(notice(form, 'smsc_config_single')?.message).toBe('An SMS configuration already exists: open it instead of creating another one.');
    expect(notice(form, 'smsc_config_role')).toBeUndefined();
  });
});
