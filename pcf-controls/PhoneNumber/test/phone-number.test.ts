/** @jest-environment jsdom */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPhone, PhoneField } from '../PhoneNumber/phone-field';
import { PhoneNumber } from '../PhoneNumber/index';

describe('checkPhone', () => {
  test('a French mobile written the French way becomes E.164, with its country and type', () => {
    expect(checkPhone('06 49 81 90 06', 'FR', 'fr')).toEqual({ value: '+33649819006', level: 'ok', status: 'France · mobile' });
    expect(checkPhone('0033 6.49.81.90.06', null, 'en')).toEqual({ value: '+33649819006', level: 'ok', status: 'France · mobile' });
  });

  test('a landline is flagged: it cannot receive SMS', () => {
    expect(checkPhone('01 42 68 53 00', 'FR', 'en')).toEqual({ value: '+33142685300', level: 'warning', status: 'France · landline: cannot receive SMS' });
  });

  test('a number that cannot be valid keeps what was typed and says why', () => {
    expect(checkPhone('06 49 81', 'FR', 'fr')).toEqual({ value: '06 49 81', level: 'error', status: 'Le numéro « 06 49 81 » est trop court pour le pays France.' });
    expect(checkPhone('0649819006', null, 'en')).toMatchObject({ level: 'error', status: expect.stringContaining('has no country code') });
  });

  test('empty is nothing to say', () => {
    expect(checkPhone('  ', 'FR', 'en')).toEqual({ value: null, level: 'none', status: '' });
  });
});

function pcfContext(options: { phone?: string | null; defaultCountry?: string | null; configurationCountry?: string | null; disabled?: boolean } = {}) {
  const queries: string[] = [];
  return {
    queries,
    context: {
      parameters: {
        value: { raw: options.phone ?? null, security: { editable: true, readable: true, secured: false } },
        defaultCountry: { raw: options.defaultCountry ?? null },
      },
      mode: { isControlDisabled: options.disabled ?? false },
      userSettings: { languageId: 1036 },
      webAPI: {
        retrieveMultipleRecords: async (entity: string, query: string) => {
          queries.push(`${entity}${query}`);
          return { entities: options.configurationCountry ? [{ smsc_configurationid: 'c', smsc_defaultcountry: options.configurationCountry }] : [] };
        },
      },
    } as unknown as ComponentFramework.Context<never>,
  };
}

describe('PhoneNumber control', () => {
  test('normalises on change and hands E.164 to the form', () => {
    const container = document.createElement('div');
    const changes: Array<string | null> = [];
    const field = new PhoneField(container, 'en', (v) => changes.push(v));
    field.update({ value: null, defaultCountry: 'GB', disabled: false });
    const input = container.querySelector('input') as HTMLInputElement;
    input.value = '07400 123456';
    input.dispatchEvent(new Event('change'));
    expect(input.value).toBe('+447400123456');
    expect(changes).toEqual(['+447400123456']);
    expect(container.querySelector('.smsc-phone-status')?.textContent).toBe('United Kingdom · mobile');
    input.value = '07400';
    input.dispatchEvent(new Event('change'));
    expect(input.value).toBe('07400');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(changes).toEqual(['+447400123456', '07400']);
  });

  test('without a default country property it uses the SMS configuration one', async () => {
    const { context, queries } = pcfContext({ phone: '06 49 81 90 06', configurationCountry: 'fr' });
    const control = new PhoneNumber();
    const container = document.createElement('div');
    control.init(context as never, () => undefined, {}, container);
    expect(container.querySelector('.smsc-phone-status')?.getAttribute('data-level')).toBe('error');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(queries[0]).toMatch(/^smsc_configuration\?\$select=.*smsc_defaultcountry/);
    expect(queries[0]).not.toContain('smsc_apikey');
    expect(container.querySelector('.smsc-phone-status')?.textContent).toBe('France · mobile');
  });

  test('the default country property wins and the configuration is not read', () => {
    const { context, queries } = pcfContext({ phone: '+33649819006', defaultCountry: 'BE' });
    const control = new PhoneNumber();
    const container = document.createElement('div');
    control.init(context as never, () => undefined, {}, container);
    expect(queries).toEqual([]);
    expect(control.getOutputs()).toEqual({ value: '+33649819006' });
  });
});

describe('PhoneNumber build output', () => {
  const root = join(__dirname, '..');
  const out = join(root, 'out', 'controls', 'PhoneNumber');
  beforeAll(() => {
    if (!existsSync(join(out, 'bundle.js'))) execFileSync(process.execPath, [join(root, '..', 'build-control.mjs')], { cwd: root, stdio: 'ignore' });
  });

  test('the manifest binds a text or phone column and ships English and French strings', () => {
    const manifest = readFileSync(join(out, 'ControlManifest.xml'), 'utf8');
    expect(manifest).toMatch(/<control namespace="SmsConnector" constructor="PhoneNumber"/);
    expect(manifest).toMatch(/<property name="value"[^>]*of-type-group="text"[^>]*usage="bound"/);
    expect(readFileSync(join(out, 'strings', 'PhoneNumber.1036.resx'), 'utf8')).toContain('<value>Numéro de mobile (E.164)</value>');
    expect(existsSync(join(out, 'strings', 'PhoneNumber.1033.resx'))).toBe(true);
  });

  test('bundle.js registers SmsConnector.PhoneNumber and validates numbers', () => {
    const registered: Record<string, new () => PhoneNumber> = {};
    (window as unknown as { ComponentFramework: unknown }).ComponentFramework = { registerControl: (name: string, ctor: new () => PhoneNumber) => (registered[name] = ctor) };
    const script = document.createElement('script');
    script.textContent = readFileSync(join(out, 'bundle.js'), 'utf8');
    document.head.append(script);
    const Control = registered['SmsConnector.PhoneNumber'] as new () => PhoneNumber;
    const control = new Control();
    const container = document.createElement('div');
    control.init(pcfContext({ phone: '+33 6 49 81 90 06', defaultCountry: 'FR' }).context as never, () => undefined, {}, container);
    expect(container.querySelector('.smsc-phone-status')?.textContent).toBe('France · mobile');
  });
});
