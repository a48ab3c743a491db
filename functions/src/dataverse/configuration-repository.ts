import type { DynamicsWebApi } from 'dynamics-web-api';
import { CONFIGURATION_COLUMNS, CONFIGURATION_SECRET_COLUMNS, readConfiguration, type ConfigurationSettings } from '@smsc/core';
import { dataverse } from './web-api';
import { SETS } from './schema';

export type { SendPreferences } from '@smsc/core';

/** The configuration's settings (core's one mapping) and the secured API key, which only the backend reads. */
export interface SmsConfiguration extends ConfigurationSettings {
  /** Only readable by the integration user and SMS administrators (column security). */
  apiKey: string | null;
}

const SELECT = [...CONFIGURATION_COLUMNS, ...CONFIGURATION_SECRET_COLUMNS];

type Row = Record<string, unknown>;

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
    const value: SmsConfiguration | null = row ? { ...readConfiguration(row), apiKey: typeof row.smsc_apikey === 'string' && row.smsc_apikey ? row.smsc_apikey : null } : null;
    this.cached = { at: this.now(), value };
    return value;
  }

  async saveCredit(id: string, amount: number, unit: string, checkedOn: Date): Promise<void> {
    await dataverse('Saving the credit on the configuration', () =>
      this.api.update({ collection: SETS.configuration, key: id, data: { smsc_credit: amount, smsc_creditunit: unit.slice(0, 20), smsc_creditcheckedon: checkedOn.toISOString() } }),
    );
  }
}
