/**
 * "Campaign (SMS)" form: recipient type derived from the marketing lists, preference-driven type
 * and sender, the counter with the campaign maximum, templates of the recipient table, and the
 * SMS section locked once the campaign is transmitted.
 */
import { campaignStateLabel, MAX_CAMPAIGN_LENGTH } from '@smsc/core';
import { loadConfiguration, errorMessage, bareId, type Ports, t } from '@smsc/browser-shared';
import { formNotice, recordLabel, setControlsDisabled, setValue, value } from '../xrm/form';
import { applyPreferences, filterTemplates, SENDER, showCounter, SMS_TYPE, TEMPLATE, TEXT } from '../forms/common';
import { campaignState, isComposable } from './campaign-state';
import { campaignListTables, tableOfRecipientType } from './recipient-type';

export const RECIPIENT_TYPE = 'smsc_recipienttype';
export const LISTS_NOTICE = 'smsc_lists';
export const LOCK_NOTICE = 'smsc_locked';
export const TEMPLATE_NOTICE = 'smsc_template';
const SMS_SECTION = [TEXT, SMS_TYPE, SENDER, TEMPLATE, RECIPIENT_TYPE, 'actualstart'];
const FORM_READ_ONLY = 3;
const FORM_DISABLED = 4;

export async function onLoad(form: Xrm.FormContext, ports: Ports): Promise<void> {
  const { language } = ports.user;
  const record = recordLabel(form, 'table.campaign', language);
  const state = campaignState(form);
  const formType = form.ui.getFormType();
  const composable = isComposable(state) && formType !== FORM_READ_ONLY && formType !== FORM_DISABLED;
  showCounter(form, ports.user, { maxLength: MAX_CAMPAIGN_LENGTH });
  setControlsDisabled(form, SMS_SECTION, !composable);
  // The recipient type is derived, never typed.
  setControlsDisabled(form, [RECIPIENT_TYPE], true);
  formNotice(form, LOCK_NOTICE, 'INFO', composable ? null : t('campaign.locked', language, { record, state: campaignStateLabel(state, language) }));
  filterTemplates(form, () => tableOfRecipientType(value<number>(form, RECIPIENT_TYPE)));

  const configuration = await loadConfiguration(ports.data);
  formNotice(form, 'smsc_configuration', 'WARNING', configuration ? null : t('sms.config_missing', language));
  if (configuration) applyPreferences(form, configuration.campaign, composable);

  const id = form.data.entity.getId();
  if (!id) return;
  try {
    const tables = await campaignListTables(ports.data, id);
    if (tables.kind === 'none') formNotice(form, LISTS_NOTICE, 'WARNING', t('campaign.no_lists', language, { record }));
    else if (tables.kind === 'mixed') formNotice(form, LISTS_NOTICE, 'ERROR', t('campaign.mixed_lists', language, { record, tables: tables.tables.join(', ') }));
    else {
      formNotice(form, LISTS_NOTICE, 'WARNING', null);
      if (composable && value<number>(form, RECIPIENT_TYPE) !== tables.recipientType) setValue(form, RECIPIENT_TYPE, tables.recipientType);
    }
  } catch (error) {
    formNotice(form, LISTS_NOTICE, 'ERROR', errorMessage(error));
  }
}

export function onTextChange(form: Xrm.FormContext, ports: Ports): void {
  showCounter(form, ports.user, { maxLength: MAX_CAMPAIGN_LENGTH });
}

/** Copies the template's text as written: its merge fields are filled per recipient when sending. */
export async function onTemplateChange(form: Xrm.FormContext, ports: Ports): Promise<void> {
  const { language } = ports.user;
  formNotice(form, TEMPLATE_NOTICE, 'WARNING', null);
  const template = value<Xrm.LookupValue[]>(form, TEMPLATE)?.[0];
  if (!template || !isComposable(campaignState(form))) return;
  const record = recordLabel(form, 'table.campaign', language);
  try {
    const row = await ports.data.retrieveRecord('smsc_smstemplate', bareId(template.id), '?$select=smsc_name,smsc_text,smsc_entity,smsc_smstype');
    const templateTable = typeof row.smsc_entity === 'string' ? row.smsc_entity.trim().toLowerCase() : '';
    const recipientTable = tableOfRecipientType(value<number>(form, RECIPIENT_TYPE));
    if (templateTable && recipientTable && templateTable !== recipientTable) {
      formNotice(form, TEMPLATE_NOTICE, 'WARNING', t('campaign.template_wrong_table', language, { template: template.name ?? '', templateTable, record, recipientTable }));
      return;
    }
    setValue(form, TEXT, String(row.smsc_text ?? ''));
    if (typeof row.smsc_smstype === 'number' && form.getControl<Xrm.Controls.StandardControl>(SMS_TYPE)?.getVisible()) setValue(form, SMS_TYPE, row.smsc_smstype);
    onTextChange(form, ports);
  } catch (error) {
    formNotice(form, TEMPLATE_NOTICE, 'ERROR', t('sms.template_failed', language, { template: template.name ?? '', record, error: errorMessage(error) }));
  }
}
