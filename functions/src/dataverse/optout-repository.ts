import type { DynamicsWebApi } from 'dynamics-web-api';
import { OptOutSource } from '@smsc/core';
import { dataverse } from './web-api';
import { SETS } from './schema';
import { escape } from './sms-repository';

export class OptOutRepository {
  constructor(private readonly api: DynamicsWebApi) {}

  async isOptedOut(e164: string): Promise<boolean> {
    const response = await dataverse('Checking opt-outs', () =>
      this.api.retrieveMultiple({ collection: SETS.optOut, select: ['smsc_optoutid'], filter: `smsc_phonenumber eq '${escape(e164)}' and statecode eq 0`, top: 1 }),
    );
    return response.value.length > 0;
  }

  /** All active opted-out numbers (for campaigns, read once per run). */
  async all(): Promise<Set<string>> {
    const response = await dataverse('Reading opt-outs', () =>
      this.api.retrieveAll<{ smsc_phonenumber: string | null }>({ collection: SETS.optOut, select: ['smsc_phonenumber'], filter: 'statecode eq 0', maxPageSize: 5000 }),
    );
    return new Set(response.value.map((r) => r.smsc_phonenumber).filter((n): n is string => !!n));
  }

  /** Records an opt-out once per number: a repeated STOP changes nothing. */
  async record(e164: string, source: keyof typeof OptOutSource, at: Date, reason: string): Promise<'created' | 'existing'> {
    if (await this.isOptedOut(e164)) return 'existing';
    await dataverse(`Recording the opt-out of ${e164}`, () =>
      this.api.create({
        collection: SETS.optOut,
        data: { smsc_name: e164, smsc_phonenumber: e164, smsc_source: OptOutSource[source], smsc_optedouton: at.toISOString(), smsc_reason: reason.slice(0, 2000) },
      }),
    );
    return 'created';
  }
}
