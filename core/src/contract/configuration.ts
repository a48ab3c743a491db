/**
 * The `smsc_configuration` row (one per environment) as the product reads it: the columns, what an
 * unset column means (the defaults), and the mapping to settings. The backend, the browser code and
 * the deployment script all read the row through this one mapping.
 */
import type { SendPreferences, SmsTypeName } from '../sending/preferences';
import { choiceName, SmsProvider, SmsType } from './choices';

export type ProviderName = keyof typeof SmsProvider;

/** Columns every reader may select. The API key is not among them: see CONFIGURATION_SECRET_COLUMNS. */
export const CONFIGURATION_COLUMNS = [
  'smsc_configurationid',
  'smsc_name',
  'smsc_provider',
  'smsc_apilogin',
  'smsc_proxy',
  'smsc_defaultcountry',
  'smsc_allowtypechoice',
  'smsc_defaultsmstype',
  'smsc_allowcustomsender',
  'smsc_defaultsender',
  'smsc_campaignallowtypechoice',
  'smsc_campaigndefaultsmstype',
  'smsc_campaignallowcustomsender',
  'smsc_campaigndefaultsender',
  'smsc_credit',
  'smsc_creditunit',
  'smsc_creditcheckedon',
  'smsc_sendwindowend',
] as const;

/** Secured columns (field security): read only by SMS administrators and the backend's application user. */
export const CONFIGURATION_SECRET_COLUMNS = ['smsc_apikey'] as const;

export interface ConfigurationSettings {
  id: string;
  provider: ProviderName;
  apiLogin: string | null;
  /** `host:port` of the proxy the provider calls go through, or null. */
  proxy: string | null;
  /** ISO 3166 country assumed for numbers written without an international prefix. */
  defaultCountry: string | null;
  single: SendPreferences;
  campaign: SendPreferences;
  /** End of the French marketing window ("20:00"; the 2024 af2m charter allows "22:00"). */
  sendWindowEnd: string;
}

/** What an unset column means. */
export const CONFIGURATION_DEFAULTS = {
  provider: 'Octopush' as ProviderName,
  single: { allowTypeChoice: false, defaultType: 'Transactional' as SmsTypeName, allowCustomSender: false, defaultSender: null as string | null },
  campaign: { allowTypeChoice: false, defaultType: 'Marketing' as SmsTypeName, allowCustomSender: false, defaultSender: null as string | null },
  sendWindowEnd: '20:00',
} as const;

type Row = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

function preferences(row: Row, prefix: '' | 'campaign', defaults: SendPreferences): SendPreferences {
  const type = choiceName(SmsType, row[`smsc_${prefix}defaultsmstype`] as number | null);
  return {
    allowTypeChoice: row[`smsc_${prefix}allowtypechoice`] === true,
    defaultType: type ?? defaults.defaultType,
    allowCustomSender: row[`smsc_${prefix}allowcustomsender`] === true,
    defaultSender: text(row[`smsc_${prefix}defaultsender`]) ?? defaults.defaultSender,
  };
}

/** The settings a configuration row (as the Web API returns it) stands for, unset columns taking their defaults. */
export function readConfiguration(row: Row): ConfigurationSettings {
  return {
    id: String(row.smsc_configurationid ?? ''),
    provider: choiceName(SmsProvider, row.smsc_provider as number | null) ?? CONFIGURATION_DEFAULTS.provider,
    apiLogin: text(row.smsc_apilogin),
    proxy: text(row.smsc_proxy),
    defaultCountry: text(row.smsc_defaultcountry)?.toUpperCase() ?? null,
    single: preferences(row, '', CONFIGURATION_DEFAULTS.single),
    campaign: preferences(row, 'campaign', CONFIGURATION_DEFAULTS.campaign),
    sendWindowEnd: text(row.smsc_sendwindowend) ?? CONFIGURATION_DEFAULTS.sendWindowEnd,
  };
}

/** Column values of a new configuration row holding the defaults (no secret). */
export function defaultConfigurationRow(): Row {
  const d = CONFIGURATION_DEFAULTS;
  return {
    smsc_name: 'SMS Connector',
    smsc_provider: SmsProvider[d.provider],
    smsc_allowtypechoice: d.single.allowTypeChoice,
    smsc_defaultsmstype: SmsType[d.single.defaultType],
    smsc_allowcustomsender: d.single.allowCustomSender,
    smsc_campaignallowtypechoice: d.campaign.allowTypeChoice,
    smsc_campaigndefaultsmstype: SmsType[d.campaign.defaultType],
    smsc_campaignallowcustomsender: d.campaign.allowCustomSender,
    smsc_sendwindowend: d.sendWindowEnd,
  };
}
