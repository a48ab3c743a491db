/** What the SMS and campaign forms share: preferences, the template filter and the counter. */
import { SmsType, TemplateStatus } from '@smsc/core';
import { type SendPreferences, describeText, type CounterOptions, type UserInfo, t } from '@smsc/browser-shared';
import { fieldLabel, fieldNotice, formNotice, setValue, setVisible, value } from '../xrm/form';

export const TEXT = 'smsc_text';
export const SMS_TYPE = 'smsc_smstype';
export const SENDER = 'smsc_sender';
export const TEMPLATE = 'smsc_templateid';
export const COUNTER_NOTICE = 'smsc_counter';
export const UCS2_NOTICE = 'smsc_ucs2';

/**
 * Shows SMS type and sender only when the configuration lets users choose, and puts the
 * configured defaults in: on an editable row, a hidden choice always takes the default.
 */
export function applyPreferences(form: Xrm.FormContext, preferences: SendPreferences, editable: boolean): void {
  setVisible(form, SMS_TYPE, preferences.allowTypeChoice);
  setVisible(form, SENDER, preferences.allowCustomSender);
  if (!editable) return;
  const type = value<number>(form, SMS_TYPE);
  if (!preferences.allowTypeChoice || type === null) setValue(form, SMS_TYPE, SmsType[preferences.defaultType]);
  const sender = value<string>(form, SENDER);
  if (!preferences.allowCustomSender) setValue(form, SENDER, preferences.defaultSender);
  else if (!sender && preferences.defaultSender) setValue(form, SENDER, preferences.defaultSender);
}

const filtered = new WeakSet<object>();

/** Restricts the template lookup to published templates of the table that `table()` names at search time. */
export function filterTemplates(form: Xrm.FormContext, table: () => string | null): void {
  const control = form.getControl<Xrm.Controls.LookupControl>(TEMPLATE);
  if (!control || filtered.has(control)) return;
  filtered.add(control);
  control.addPreSearch(() => {
    control.addCustomFilter(templateFilter(table()), 'smsc_smstemplate');
  });
}

export function templateFilter(table: string | null): string {
  const published = `<condition attribute="smsc_status" operator="eq" value="${TemplateStatus.Published}" />`;
  const forTable = table ? `<condition attribute="smsc_entity" operator="eq" value="${escapeXml(table)}" />` : '';
  return `<filter type="and">${published}${forTable}</filter>`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The counter as a form notification naming the field, and the UCS-2 warning under the field. */
export function showCounter(form: Xrm.FormContext, user: UserInfo, options: CounterOptions = {}): void {
  const text = value<string>(form, TEXT) ?? '';
  const counter = describeText(text, user.language, options);
  const label = fieldLabel(form, TEXT);
  formNotice(form, COUNTER_NOTICE, counter.error ? 'ERROR' : 'INFO', t('counter.field', user.language, { field: label, text: counter.error ?? counter.summary }));
  fieldNotice(form, TEXT, UCS2_NOTICE, counter.warning);
}
