import { loadSettings } from '../src/config/settings';
import { ConfigurationError } from '../src/errors';

const base = { DATAVERSE_URL: 'https://contoso.crm4.dynamics.com/', WEBHOOK_KEY: 'k', CALLBACK_SECRET: 's' };

describe('loadSettings', () => {
  test('client secret mode with defaults', () => {
    const s = loadSettings({ ...base, DATAVERSE_TENANT_ID: 't', DATAVERSE_CLIENT_ID: 'c', DATAVERSE_CLIENT_SECRET: 'x' });
    expect(s.dataverseUrl).toBe('https://contoso.crm4.dynamics.com');
    expect(s.dataverseAuth).toEqual({ kind: 'client-secret', tenantId: 't', clientId: 'c', clientSecret: 'x', authorityHost: 'https://login.microsoftonline.com' });
    expect(s.provider).toMatchObject({ baseUrl: 'https://api.octopush.com/v1/public', simulationMode: false, timeoutMs: 15000 });
    expect(s.webhookHeaderName).toBe('x-smsc-webhook-key');
    expect(s.defaultCountry).toBe('FR');
  });

  test('managed identity and static token modes', () => {
    expect(loadSettings({ ...base, DATAVERSE_MANAGED_IDENTITY: 'true', DATAVERSE_CLIENT_ID: 'uami' }).dataverseAuth).toEqual({ kind: 'managed-identity', clientId: 'uami' });
    expect(loadSettings({ ...base, DATAVERSE_STATIC_TOKEN: 'local' }).dataverseAuth).toEqual({ kind: 'static-token', token: 'local' });
  });

  test('everything missing is named in one message', () => {
    try {
      loadSettings({ DATAVERSE_CLIENT_SECRET: 'x' });
      throw new Error('expected a ConfigurationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      const message = (error as Error).message;
      for (const name of ['DATAVERSE_URL', 'DATAVERSE_TENANT_ID', 'DATAVERSE_CLIENT_ID', 'WEBHOOK_KEY', 'CALLBACK_SECRET']) expect(message).toContain(name);
      expect(message).not.toContain('DATAVERSE_CLIENT_SECRET is missing');
    }
  });

  test('exactly one Dataverse authentication mode', () => {
    expect(() => loadSettings(base)).toThrow(/No Dataverse authentication/);
    expect(() => loadSettings({ ...base, DATAVERSE_STATIC_TOKEN: 'a', DATAVERSE_MANAGED_IDENTITY: 'true' })).toThrow(/Several Dataverse authentication modes are set \(managed-identity, static-token\)/);
  });

  test('malformed values are refused', () => {
    expect(() => loadSettings({ ...base, DATAVERSE_STATIC_TOKEN: 'a', DATAVERSE_URL: 'contoso' })).toThrow(/not an http\(s\) URL/);
    expect(() => loadSettings({ ...base, DATAVERSE_STATIC_TOKEN: 'a', PROVIDER_TIMEOUT_MS: '-1' })).toThrow(/PROVIDER_TIMEOUT_MS/);
    expect(() => loadSettings({ ...base, DATAVERSE_STATIC_TOKEN: 'a', DEFAULT_COUNTRY: 'France' })).toThrow(/DEFAULT_COUNTRY/);
  });
});
