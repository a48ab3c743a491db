import type { Language } from '@smsc/core';
import type { ConfigurationRepository, SmsConfiguration } from '../dataverse/configuration-repository';
import type { SmsProvider } from '../providers/types';
import { say } from './messages';

export type CreditOutcome = { ok: true; amount: number; unit: string; message: string } | { ok: false; message: string };

/** "Afficher le crédit": the provider's balance, saved on the configuration row with its time. */
export class CreditService {
  constructor(private readonly deps: { configuration: ConfigurationRepository; provider: (c: SmsConfiguration) => SmsProvider; now?: () => Date }) {}

  async refresh(language: Language): Promise<CreditOutcome> {
    const configuration = await this.deps.configuration.get();
    if (!configuration) return { ok: false, message: say('notConfigured', language) };
    const balance = await this.deps.provider(configuration).checkBalance();
    await this.deps.configuration.saveCredit(configuration.id, balance.amount, balance.unit, this.deps.now?.() ?? new Date());
    const amount = new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 }).format(balance.amount).replace(/[\u202f\u00a0]/g, ' ');
    return { ok: true, amount: balance.amount, unit: balance.unit, message: `${amount} ${balance.unit}` };
  }
}
