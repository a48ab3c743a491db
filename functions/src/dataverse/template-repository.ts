import type { DynamicsWebApi } from 'dynamics-web-api';
import { TemplateStatus, SmsType, choiceName } from '@smsc/core';
import { dataverse, isNotFound } from './web-api';
import { SETS } from './schema';

export interface SmsTemplate {
  id: string;
  name: string;
  published: boolean;
  /** Logical name of the table the template is written for (contact, lead, account…). */
  entity: string | null;
  text: string;
  type: keyof typeof SmsType | null;
}

export class TemplateRepository {
  constructor(private readonly api: DynamicsWebApi) {}

  async get(id: string): Promise<SmsTemplate | null> {
    try {
      const row = await dataverse(`Reading SMS template ${id}`, () =>
        this.api.retrieve<Record<string, unknown>>({ collection: SETS.template, key: id, select: ['smsc_smstemplateid', 'smsc_name', 'smsc_status', 'smsc_entity', 'smsc_text', 'smsc_smstype'] }),
      );
      return {
        id: String(row.smsc_smstemplateid),
        name: String(row.smsc_name ?? ''),
        published: row.smsc_status === TemplateStatus.Published,
        entity: (row.smsc_entity as string | null) || null,
        text: String(row.smsc_text ?? ''),
        type: (choiceName(SmsType, row.smsc_smstype as number | null) as keyof typeof SmsType | undefined) ?? null,
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }
}
