import type { DynamicsWebApi } from 'dynamics-web-api';
import { SmsProvider, SmsType, choiceName } from '@smsc/core';
import { dataverse } from './web-api';
import { SETS } from './schema';

export interface SendPreferences {
  allowTypeChoice: boolean;
  defaultType: keyof typeof SmsType;
  allowCustomSender: boolean;
  defaultSender: string | null;
}

export interface SmsConfiguration {
  id: string;
  provider: keyof typeof SmsProvider;
  apiLogin: string | null;
  /** Only readable by the integration user and SMS administrators (column security). */
  apiKey: string | null;
  proxy: string | null;
  defaultCountry: string | null;
  single: SendPreferences;
  campaign: SendPreferences;
  /** End of the French marketing window ("20:00"; the 2024 af2m charter allows "22:00"). */
  sendWindowEnd: string | null;
}

const SELECT = [
  'smsc_configurationid', 'smsc_provider', 'smsc_apilogin', 'smsc_apikey', 'smsc_proxy', 'smsc_defaultcountry',
  'smsc_allowtypechoice', 'smsc_defaultsmstype', 'smsc_allowcustomsender', 'smsc_defaultsender',
  'smsc_campaignallowtypechoice', 'smsc_campaigndefaultsmstype', 'smsc_campaignallowcustomsender', 'smsc_campaigndefaultsender',
  'smsc_sendwindowend',
];

type Row = Record<string, unknown>;

function preferences(row: Row, prefix: '' | 'campaign'): SendPreferences {
  const type = choiceName(SmsType, row[`smsc_${prefix}defaultsmstype`] as number | null) as keyof typeof SmsType | undefined;
  return {
    allowTypeChoice: row[`smsc_${prefix}allowtypechoice`] === true,
    defaultType: type ?? (prefix === 'campaign' ? 'Marketing' : 'Transactional'),
    allowCustomSender: row[`smsc_${prefix}allowcustomsender`] === true,
    defaultSender: (row[`smsc_${prefix}defaultsender`] as string | null) || null,
  };
}

/** The single configuration row, re-read after a short time so that admins' changes apply quickly. */
export class ConfigurationRepository {
  private cached: { at: number; value: SmsConfiguration | null } | undefined;

  constructor(
    private readonly api: DynamicsWebApi,
    private readonly maxAgeMs = 15_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<SmsConfiguration | null> {
    if (this.cached && this.now() - this.cached.at < this.maxAgeMs) return this.cached.value;
    const response = await dataverse('Reading the SMS configuration', () =>
      this.api.retrieveMultiple<Row>({ collection: SETS.configuration, select: SELECT, filter: 'statecode eq 0', orderBy: ['createdon asc'], top: 1 }),
    );
    const row = response.value[0];
    const value: SmsConfiguration | null = row
      ? {
          id: String(row.smsc_configurationid),
          provider: (choiceName(SmsProvider, row.smsc_provider as number | null) as keyof typeof SmsProvider | undefined) ?? 'Octopush',
          apiLogin: (row.smsc_apilogin as string | null) || null,
          apiKey: (row.smsc_apikey as string | null) || null,
          proxy: (row.smsc_proxy as string | null) || null,
          defaultCountry: ((row.smsc_defaultcountry as string | null) || '').toUpperCase() || null,
          single: preferences(row, ''),
          campaign: preferences(row, 'campaign'),
          sendWindowEnd: (row.smsc_sendwindowend as string | null) || null,
        }
      : null;
    this.cached = { at: this.now(), value };
    return value;
  }

  async saveCredit(id: string, amount: number, unit: string, checkedOn: Date): Promise<void> {
    await dataverse('Saving the credit on the configuration', () =>
      this.api.update({ collection: SETS.configuration, key: id, data: { smsc_credit: amount, smsc_creditunit: unit.slice(0, 20), smsc_creditcheckedon: checkedOn.toISOString() } }),
    );
  }
}
