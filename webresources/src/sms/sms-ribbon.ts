/** The SMS form's "Send" command: save, call `smsc_SendSms`, then show what happened. */
import { DeliveryStatus } from '@smsc/core';
import { errorMessage, type Ports, t } from '@smsc/browser-shared';
import { fieldLabel, formNotice, recordLabel, setValue, value } from '../xrm/form';
import { TEXT } from '../forms/common';
import { browserTimeZone, isDraft, lockIfSent, PHONE, STATUS, SUBJECT } from './sms-form';

export const SEND_NOTICE = 'smsc_send';
const FORM_CREATE = 1;
const SUBJECT_LENGTH = 60;

export function canSend(form: Xrm.FormContext): boolean {
  return isDraft(form);
}

export async function send(form: Xrm.FormContext, ports: Ports): Promise<void> {
  const { language } = ports.user;
  const record = () => recordLabel(form, 'table.sms', language);
  formNotice(form, SEND_NOTICE, 'ERROR', null);
  for (const attribute of [TEXT, PHONE]) {
    if (!(value<string>(form, attribute) ?? '').trim()) {
      formNotice(form, SEND_NOTICE, 'ERROR', t('sms.empty_field', language, { field: fieldLabel(form, attribute), record: record() }));
      return;
    }
  }
  // Subject is required on activities; the beginning of the text is what a timeline shows anyway.
  if (!(value<string>(form, SUBJECT) ?? '').trim()) setValue(form, SUBJECT, (value<string>(form, TEXT) ?? '').slice(0, SUBJECT_LENGTH));
  try {
    if (form.ui.getFormType() === FORM_CREATE || form.data.entity.getIsDirty()) await form.data.save();
  } catch (error) {
    formNotice(form, SEND_NOTICE, 'ERROR', t('sms.save_failed', language, { record: record(), error: errorMessage(error) }));
    return;
  }
  const id = form.data.entity.getId();
  ports.dialogs.showProgress(t('sms.sending', language));
  try {
    await ports.data.callCustomApi({ name: 'smsc_SendSms', target: { entityType: 'smsc_sms', id } });
  } catch (error) {
    // The backend writes the reason on the SMS; Dataverse's error for a failed webhook step is generic.
    const reason = await refreshedError(form);
    formNotice(form, SEND_NOTICE, 'ERROR', t('sms.send_failed', language, { record: record(), error: reason ?? errorMessage(error) }));
    return;
  } finally {
    ports.dialogs.closeProgress();
  }
  await form.data.refresh(false);
  const result = outcome(form, ports);
  formNotice(form, SEND_NOTICE, result.level, result.message);
  lockIfSent(form, ports);
}

/** After a failed call: the reason the backend recorded on the SMS, if it recorded one. */
async function refreshedError(form: Xrm.FormContext): Promise<string | null> {
  try {
    await form.data.refresh(false);
  } catch {
    return null;
  }
  return value<number>(form, STATUS) === DeliveryStatus.Failed ? (value<string>(form, 'smsc_error') ?? null) || null : null;
}

/** What the row says after the backend took it: sent, queued, scheduled, or the provider's error. */
function outcome(form: Xrm.FormContext, ports: Ports): { level: Xrm.FormNotificationLevel; message: string } {
  const { language, locale } = ports.user;
  const params = { record: recordLabel(form, 'table.sms', language), number: value<string>(form, PHONE) ?? '' };
  const status = value<number>(form, STATUS);
  if (status === DeliveryStatus.Failed) {
    const error = value<string>(form, 'smsc_error') ?? '';
    return { level: 'ERROR', message: t('sms.send_failed', language, { record: params.record, error }) };
  }
  if (status === DeliveryStatus.Scheduled) {
    const due = value<Date>(form, 'scheduledend');
    const date = due ? new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: browserTimeZone() }).format(due) : '';
    return { level: 'INFO', message: t('sms.scheduled', language, { ...params, date }) };
  }
  const sent = status === DeliveryStatus.Submitted || status === DeliveryStatus.Delivered;
  return { level: 'INFO', message: t(sent ? 'sms.sent' : 'sms.queued', language, params) };
}
