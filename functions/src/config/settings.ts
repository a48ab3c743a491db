import { ConfigurationError } from '../errors';

export type DataverseAuth =
  | { kind: 'client-secret'; tenantId: string; clientId: string; clientSecret: string; authorityHost: string }
  | { kind: 'managed-identity'; clientId: string | undefined }
  /** A fixed bearer token: the local emulator accepts any. */
  | { kind: 'static-token'; token: string };

export interface OctopushSettings {
  kind: 'octopush';
  baseUrl: string;
  /** When unset, read from the configuration row in Dataverse (secured column). */
  apiLogin: string | undefined;
  apiKey: string | undefined;
  simulationMode: boolean;
  timeoutMs: number;
}

export interface Settings {
  dataverseUrl: string;
  dataverseAuth: DataverseAuth;
  provider: OctopushSettings;
  /** What Dataverse must present: `?code=` (WebhookKey) or the header below (HttpHeader). */
  webhookKey: string;
  webhookHeaderName: string;
  /** Part of the provider callback URL; callbacks without it are refused. */
  callbackSecret: string;
  /** The backend's public base URL, for the callback URL to give the provider. */
  publicBaseUrl: string | undefined;
  /** Azure Storage connection for queues (campaigns). */
  storageConnection: string | undefined;
  /** Used when the configuration row has no default country. */
  defaultCountry: string;
  campaignChunkSize: number;
  /** Seconds between tries of a delivery report that came before its campaign SMS was recorded. */
  reportRetrySeconds: number;
}

/** Every setting the backend reads, with what it is for: the single place names live. */
export const SETTING_NAMES = {
  DATAVERSE_URL: 'Dataverse environment URL, e.g. https://contoso.crm4.dynamics.com',
  DATAVERSE_TENANT_ID: 'Entra ID tenant of the application user (client-secret mode)',
  DATAVERSE_CLIENT_ID: 'Application (client) id of the application user',
  DATAVERSE_CLIENT_SECRET: 'Client secret (client-secret mode; a Key Vault reference in Azure)',
  DATAVERSE_AUTHORITY_HOST: 'Authority host, default https://login.microsoftonline.com',
  DATAVERSE_MANAGED_IDENTITY: '"true" to authenticate with the Function App\'s managed identity',
  DATAVERSE_STATIC_TOKEN: 'A fixed bearer token (local emulator only)',
  OCTOPUSH_BASE_URL: 'Octopush API base, default https://api.octopush.com/v1/public',
  OCTOPUSH_API_LOGIN: 'Octopush login e-mail (else read from the configuration row)',
  OCTOPUSH_API_KEY: 'Octopush API key (else read from the configuration row)',
  OCTOPUSH_SIMULATION_MODE: '"true" sends every request with simulation_mode (nothing is delivered)',
  PROVIDER_TIMEOUT_MS: 'Timeout of one provider call, default 15000',
  WEBHOOK_KEY: 'Key Dataverse presents on webhook calls (?code= or header)',
  WEBHOOK_HEADER_NAME: 'Header carrying the key for HttpHeader endpoints, default x-smsc-webhook-key',
  CALLBACK_SECRET: 'Secret in the provider callback URL',
  PUBLIC_BASE_URL: 'Public URL of this backend, for callback URLs',
  AzureWebJobsStorage: 'Azure Storage connection string (queues)',
  DEFAULT_COUNTRY: 'Country for numbers without prefix when the configuration row has none, default FR',
  CAMPAIGN_CHUNK_SIZE: 'Campaign recipients per provider upload and per CreateMultiple, default 1000',
  REPORT_RETRY_SECONDS: 'Seconds between tries of a delivery report that came before its campaign SMS was recorded (20 tries), default 30',
} as const;

type Env = Readonly<Record<string, string | undefined>>;

function reader(env: Env, problems: string[]) {
  const value = (name: keyof typeof SETTING_NAMES) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const required = (name: keyof typeof SETTING_NAMES) => {
    const v = value(name);
    if (!v) problems.push(`${name} is missing (${SETTING_NAMES[name]}).`);
    return v ?? '';
  };
  const flag = (name: keyof typeof SETTING_NAMES) => /^(1|true|yes)$/i.test(value(name) ?? '');
  return { value, required, flag };
}

/**
 * The one Dataverse authentication mode the environment sets; none or several is a problem
 * (also used by `npm run register`).
 */
export function readDataverseAuth(env: Env, problems: string[]): DataverseAuth {
  const { value, required, flag } = reader(env, problems);
  const modes = [
    value('DATAVERSE_CLIENT_SECRET') ? 'client-secret' : null,
    flag('DATAVERSE_MANAGED_IDENTITY') ? 'managed-identity' : null,
    value('DATAVERSE_STATIC_TOKEN') ? 'static-token' : null,
  ].filter((m): m is string => m !== null);
  let dataverseAuth: DataverseAuth = { kind: 'static-token', token: '' };
  if (modes.length !== 1) {
    problems.push(
      modes.length === 0
        ? 'No Dataverse authentication: set DATAVERSE_CLIENT_SECRET (with DATAVERSE_TENANT_ID and DATAVERSE_CLIENT_ID), DATAVERSE_MANAGED_IDENTITY=true, or DATAVERSE_STATIC_TOKEN for the local emulator.'
        : `Several Dataverse authentication modes are set (${modes.join(', ')}): keep exactly one.`,
    );
  } else if (modes[0] === 'client-secret') {
    dataverseAuth = {
      kind: 'client-secret',
      tenantId: required('DATAVERSE_TENANT_ID'),
      clientId: required('DATAVERSE_CLIENT_ID'),
      clientSecret: required('DATAVERSE_CLIENT_SECRET'),
      authorityHost: value('DATAVERSE_AUTHORITY_HOST') ?? 'https://login.microsoftonline.com',
    };
  } else if (modes[0] === 'managed-identity') {
    dataverseAuth = { kind: 'managed-identity', clientId: value('DATAVERSE_CLIENT_ID') };
  } else {
    dataverseAuth = { kind: 'static-token', token: value('DATAVERSE_STATIC_TOKEN') ?? '' };
  }

  return dataverseAuth;
}

/**
 * Reads and checks the settings once, at start. Everything missing is reported in one message
 * that names each variable, so a deployment is fixed in one pass.
 */
export function loadSettings(env: Env): Settings {
  const problems: string[] = [];
  const { value, required, flag } = reader(env, problems);

  const dataverseUrl = required('DATAVERSE_URL').replace(/\/+$/, '');
  if (dataverseUrl && !/^https?:\/\//.test(dataverseUrl)) problems.push(`DATAVERSE_URL "${dataverseUrl}" is not an http(s) URL.`);

  const dataverseAuth = readDataverseAuth(env, problems);

  const timeout = Number(value('PROVIDER_TIMEOUT_MS') ?? 15000);
  if (!Number.isFinite(timeout) || timeout <= 0) problems.push('PROVIDER_TIMEOUT_MS must be a positive number of milliseconds.');
  const defaultCountry = (value('DEFAULT_COUNTRY') ?? 'FR').toUpperCase();
  if (!/^[A-Z]{2}$/.test(defaultCountry)) problems.push(`DEFAULT_COUNTRY "${defaultCountry}" is not a two-letter country code.`);

  const chunkSize = Number(value('CAMPAIGN_CHUNK_SIZE') ?? 1000);
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > 1000) problems.push('CAMPAIGN_CHUNK_SIZE must be a whole number from 1 to 1000 (CreateMultiple takes at most 1,000 rows).');

  const reportRetrySeconds = Number(value('REPORT_RETRY_SECONDS') ?? 30);
  if (!Number.isInteger(reportRetrySeconds) || reportRetrySeconds < 1 || reportRetrySeconds > 3600) problems.push('REPORT_RETRY_SECONDS must be a whole number of seconds from 1 to 3600.');

  const settings: Settings = {
    dataverseUrl,
    dataverseAuth,
    provider: {
      kind: 'octopush',
      baseUrl: (value('OCTOPUSH_BASE_URL') ?? 'https://api.octopush.com/v1/public').replace(/\/+$/, ''),
      apiLogin: value('OCTOPUSH_API_LOGIN'),
      apiKey: value('OCTOPUSH_API_KEY'),
      simulationMode: flag('OCTOPUSH_SIMULATION_MODE'),
      timeoutMs: timeout,
    },
    webhookKey: required('WEBHOOK_KEY'),
    webhookHeaderName: (value('WEBHOOK_HEADER_NAME') ?? 'x-smsc-webhook-key').toLowerCase(),
    callbackSecret: required('CALLBACK_SECRET'),
    publicBaseUrl: value('PUBLIC_BASE_URL')?.replace(/\/+$/, ''),
    storageConnection: value('AzureWebJobsStorage'),
    defaultCountry,
    campaignChunkSize: chunkSize,
    reportRetrySeconds,
  };
  if (problems.length > 0) throw new ConfigurationError(`The backend cannot start:\n- ${problems.join('\n- ')}`);
  return settings;
}
