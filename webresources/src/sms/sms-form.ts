/**
 * SMS main and quick-create form: recipient number, preference-driven type and sender, the live
 * counter, "apply template" and the read-only state of a sent SMS.
 */
import { DeliveryStatus, renderTemplate } from '@smsc/core';
import { loadConfiguration, loadMergeData, errorMessage, bareId, type EntityRef, type Ports, t } from '@smsc/browser-shared';
import { fieldLabel, formNotice, recordLabel, setValue, value } from '../xrm/form';
import { applyPreferences, filterTemplates, showCounter, SMS_TYPE, TEMPLATE, TEXT } from '../forms/common';
import { isRecipientTable, recipientNumber } from './recipient';

export const TO = 'to';
export const PHONE = 'smsc_phonenumber';
export const STATUS = 'smsc_deliverystatus';
export const REGARDING = 'regardingobjectid';
export const SUBJECT = 'subject';
export const NUMBER_NOTICE = 'smsc_number';
export const TEMPLATE_NOTICE = 'smsc_template';
export const LOCK_NOTICE = 'smsc_locked';
export const CONFIG_NOTICE = 'smsc_configuration';

const FORM_READ_ONLY = 3;
const FORM_DISABLED = 4;

type Party = Xrm.LookupValue;

export function recipientOf(form: Xrm.FormContext): Party | null {
  return value<Party[]>(form, TO)?.[0] ?? null;
}

/** Editable while a draft: once the backend has taken it, an SMS is a record of what was sent. */
export function isDraft(form: Xrm.FormContext): boolean {
  const status = value<number>(form, STATUS);
  const formType = form.ui.getFormType();
  return (status === null || status === DeliveryStatus.Draft) && formType !== FORM_READ_ONLY && formType !== FORM_DISABLED;
}

export function lockIfSent(form: Xrm.FormContext, ports: Ports): boolean {
  if (isDraft(form)) return false;
  form.ui.controls.forEach((control) => (control as Xrm.Controls.StandardControl).setDisabled?.(true));
  formNotice(form, LOCK_NOTICE, 'INFO', t('sms.read_only', ports.user.language, { record: recordLabel(form, 'table.sms', ports.user.language) }));
  return true;
}

export async function onLoad(form: Xrm.FormContext, ports: Ports): Promise<void> {
  const { language } = ports.user;
  showCounter(form, ports.user, { cost: costOf(form, ports) });
  if (lockIfSent(form, ports)) return;
  filterTemplates(form, () => recipientOf(form)?.entityType ?? null);

  const configuration = await loadConfiguration(ports.data);
  formNotice(form, CONFIG_NOTICE, 'WARNING', configuration ? null : t('sms.config_missing', language));
  if (configuration) applyPreferences(form, configuration.single, true);

  if (!recipientOf(form)) {
    // "Send SMS" from a contact, lead or account opens this form with that row as regarding.
    const regarding = value<Party[]>(form, REGARDING)?.[0];
    if (regarding && isRecipientTable(regarding.entityType)) setValue(form, TO, [regarding]);
  }
  if (!value<string>(form, PHONE)) await fillNumber(form, ports);
}

export async function onRecipientChange(form: Xrm.FormContext, ports: Ports): Promise<void> {
  if (!isDraft(form)) return;
  await fillNumber(form, ports);
}

export function onTextChange(form: Xrm.FormContext, ports: Ports): void {
  showCounter(form, ports.user, { cost: costOf(form, ports) });
}

/** Puts the recipient's mobile in the number field, or says on the form why it cannot. */
export async function fillNumber(form: Xrm.FormContext, ports: Ports): Promise<void> {
  const { language } = ports.user;
  const recipient = recipientOf(form);
  formNotice(form, NUMBER_NOTICE, 'WARNING', null);
  if (!recipient || !isRecipientTable(recipient.entityType)) return;
  const params = { recipient: recipient.name ?? '', field: fieldLabel(form, PHONE), record: recordLabel(form, 'table.sms', language) };
  try {
    const found = await recipientNumber(ports.data, recipient);
    if (found.ok) {
      setValue(form, PHONE, found.number);
      return;
    }
    setValue(form, PHONE, null);
    const key = found.reason === 'no_primary_contact' ? 'sms.account_no_contact' : 'sms.no_mobile';
    formNotice(form, NUMBER_NOTICE, 'WARNING', t(key, language, { ...params, recipient: found.recipientName || params.recipient }));
  } catch (error) {
    formNotice(form, NUMBER_NOTICE, 'ERROR', t('sms.recipient_read_failed', language, { ...params, error: errorMessage(error) }));
  }
}

/** Renders the chosen template for this recipient into the text, reporting merge fields it could not fill. */
export async function onTemplateChange(form: Xrm.FormContext, ports: Ports): Promise<void> {
  const { language } = ports.user;
  formNotice(form, TEMPLATE_NOTICE, 'WARNING', null);
  const template = value<Xrm.LookupValue[]>(form, TEMPLATE)?.[0];
  if (!template || !isDraft(form)) return;
  const record = recordLabel(form, 'table.sms', language);
  const templateName = template.name ?? '';
  const recipient = recipientOf(form);
  if (!recipient) {
    formNotice(form, TEMPLATE_NOTICE, 'WARNING', t('sms.template_no_recipient', language, { record, template: templateName }));
    return;
  }
  try {
    const row = await ports.data.retrieveRecord('smsc_smstemplate', bareId(template.id), '?$select=smsc_name,smsc_text,smsc_entity,smsc_smstype');
    const table = typeof row.smsc_entity === 'string' ? row.smsc_entity.trim().toLowerCase() : '';
    if (table && table !== recipient.entityType) {
      formNotice(form, TEMPLATE_NOTICE, 'WARNING', t('sms.template_wrong_table', language, { template: templateName, templateTable: table, record, recipientTable: recipient.entityType }));
      return;
    }
    const text = String(row.smsc_text ?? '');
    const regarding = value<Party[]>(form, REGARDING)?.[0] ?? null;
    const data = await loadMergeData(ports.data, ports.metadata, text, recipient as EntityRef, regarding as EntityRef | null);
    const rendered = renderTemplate(text, data, { locale: ports.user.locale, timeZone: browserTimeZone() });
    setValue(form, TEXT, rendered.text);
    if (typeof row.smsc_smstype === 'number' && form.getControl<Xrm.Controls.StandardControl>(SMS_TYPE)?.getVisible()) setValue(form, SMS_TYPE, row.smsc_smstype);
    if (!value<string>(form, SUBJECT)) setValue(form, SUBJECT, String(row.smsc_name ?? templateName));
    const fieldParams = { template: templateName, field: fieldLabel(form, TEXT), record };
    if (rendered.missing.length > 0) {
      formNotice(form, TEMPLATE_NOTICE, 'WARNING', t('sms.template_missing', language, { ...fieldParams, fields: bracketed(rendered.missing) }));
    } else if (rendered.empty.length > 0) {
      formNotice(form, TEMPLATE_NOTICE, 'INFO', t('sms.template_empty', language, { ...fieldParams, fields: bracketed(rendered.empty) }));
    }
    onTextChange(form, ports);
  } catch (error) {
    formNotice(form, TEMPLATE_NOTICE, 'ERROR', t('sms.template_failed', language, { template: templateName, record, error: errorMessage(error) }));
  }
}

export function bracketed(fields: string[]): string {
  return fields.map((f) => `[${f}]`).join(', ');
}

function costOf(form: Xrm.FormContext, ports: Ports): string | null {
  const cost = value<number>(form, 'smsc_cost');
  return cost === null ? null : new Intl.NumberFormat(ports.user.locale, { maximumFractionDigits: 4 }).format(cost);
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
