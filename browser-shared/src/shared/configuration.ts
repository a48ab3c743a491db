/**
 * The one `smsc_configuration` row, read without its secured API key: the key is written from
 * the configuration page and read only by the backend, never by the browser.
 */
import type { DataPort, WebApiRow } from '../xrm/ports';

export const CONFIGURATION_SET = 'smsc_configuration';

/** Every column the browser reads. `smsc_apikey` is deliberately absent. */
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

export interface SendPreferences {
  allowTypeChoice: boolean;
  defaultType: number | null;
  allowCustomSender: boolean;
  defaultSender: string | null;
}

export interface Configuration {
  id: string;
  row: WebApiRow;
  single: SendPreferences;
  campaign: SendPreferences;
  defaultCountry: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const choice = (value: unknown): number | null => (typeof value === 'number' ? value : null);

export function toConfiguration(row: WebApiRow): Configuration {
  return {
    id: String(row.smsc_configurationid ?? ''),
    row,
    single: {
      allowTypeChoice: row.smsc_allowtypechoice === true,
      defaultType: choice(row.smsc_defaultsmstype),
      allowCustomSender: row.smsc_allowcustomsender === true,
      defaultSender: text(row.smsc_defaultsender),
    },
    campaign: {
      allowTypeChoice: row.smsc_campaignallowtypechoice === true,
      defaultType: choice(row.smsc_campaigndefaultsmstype),
      allowCustomSender: row.smsc_campaignallowcustomsender === true,
      defaultSender: text(row.smsc_campaigndefaultsender),
    },
    defaultCountry: text(row.smsc_defaultcountry)?.toUpperCase() ?? null,
  };
}

/** The configuration row, or null before an administrator has created it. */
export async function loadConfiguration(data: DataPort): Promise<Configuration | null> {
  const result = await data.retrieveMultipleRecords(CONFIGURATION_SET, `?$select=${CONFIGURATION_COLUMNS.join(',')}&$top=1`);
  const row = result.entities[0];
  return row ? toConfiguration(row) : null;
}
