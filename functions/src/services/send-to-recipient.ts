import { SmsType, choiceName, type SmsTypeName } from '@smsc/core';
import type { SmsRepository } from '../dataverse/sms-repository';
import type { TemplateRepository } from '../dataverse/template-repository';
import type { UserLanguage } from '../dataverse/user-language';
import { isEntityReference, type EntityReference } from '../dataverse/remote-context';
import { say } from './messages';
import { GENERATED_SUBJECT, type SendOutcome, type SmsSendService } from './send-sms';

/** smsc_SendSmsToRecipient's inputs, as the Custom API defines them. */
export interface SendToRecipientInputs {
  Contact?: unknown;
  Lead?: unknown;
  Account?: unknown;
  PhoneNumber?: unknown;
  Template?: unknown;
  Text?: unknown;
  Regarding?: unknown;
  SmsType?: unknown;
  Sender?: unknown;
  DueDate?: unknown;
}

export type RecipientRequestOutcome = SendOutcome | { ok: false; smsId: null; retryable: false; message: string };

/**
 * Creates the SMS activity for a recipient (the way code, flows and the configuration page's test
 * send call it) and sends it, so that every send leaves the same trace in the timeline.
 */
export class SendToRecipientService {
  constructor(
    private readonly deps: { sms: SmsRepository; templates: TemplateRepository; languages: UserLanguage; sender: SmsSendService },
  ) {}

  async run(inputs: SendToRecipientInputs, userId?: string): Promise<RecipientRequestOutcome> {
    const language = await this.deps.languages.of(userId);
    const refuse = (message: string): RecipientRequestOutcome => ({ ok: false, smsId: null, retryable: false, message });

    const records = (['Contact', 'Lead', 'Account'] as const).map((k) => inputs[k]).filter(isEntityReference);
    const phone = typeof inputs.PhoneNumber === 'string' && inputs.PhoneNumber.trim() ? inputs.PhoneNumber.trim() : null;
    const given = records.length + (phone ? 1 : 0);
    if (given !== 1) return refuse(say('exactlyOneRecipient', language, { count: given }));

    const to = records[0] ?? null;
    // Entity references from a Custom API may omit the table: the parameter name says it.
    const typedTo: EntityReference | null = to ? { ...to, logicalName: to.logicalName || this.tableOf(inputs, to) } : null;

    let text = typeof inputs.Text === 'string' ? inputs.Text : '';
    let type = this.smsType(inputs.SmsType);
    let templateName: string | null = null;
    if (isEntityReference(inputs.Template)) {
      const template = await this.deps.templates.get(inputs.Template.id);
      if (!template) return refuse(say('templateMissing', language, { subject: 'SMS' }));
      if (!template.published) return refuse(say('templateNotPublished', language, { subject: 'SMS', name: template.name }));
      if (!text.trim()) text = template.text;
      type = type ?? template.type;
      templateName = template.name;
    }
    if (!text.trim()) return refuse(say('textOrTemplate', language));

    const smsId = await this.deps.sms.create({
      to: typedTo,
      phone,
      text,
      subject: templateName ?? `${GENERATED_SUBJECT}${text.replace(/\s+/g, ' ').slice(0, 60)}`,
      ...(type ? { type } : {}),
      sender: typeof inputs.Sender === 'string' && inputs.Sender.trim() ? inputs.Sender.trim() : null,
      dueDate: inputs.DueDate instanceof Date ? inputs.DueDate : typeof inputs.DueDate === 'string' ? new Date(inputs.DueDate) : null,
      direction: 'Outbound',
      status: 'Draft',
      regarding: isEntityReference(inputs.Regarding) ? inputs.Regarding : null,
    });
    return this.deps.sender.send(smsId, 'api', userId);
  }

  private tableOf(inputs: SendToRecipientInputs, ref: EntityReference): string {
    if (inputs.Contact === ref) return 'contact';
    if (inputs.Lead === ref) return 'lead';
    return 'account';
  }

  private smsType(value: unknown): SmsTypeName | null {
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
    return (choiceName(SmsType, n) as SmsTypeName | undefined) ?? null;
  }
}
