/**
 * Campaign ribbon: Simulate, Prepare, Send SMS, Cancel, Refresh status. Each is enabled only in
 * the states the lifecycle allows (core's allowedCampaignActions) and only for marketers and
 * administrators (Unified Interface hides a command whose enable rule is false). Running one
 * calls its Custom API, then follows `smsc_progress` on the row while the backend works.
 */
import { allowedCampaignActions, campaignStateLabel, campaignTransition, type CampaignAction } from '@smsc/core';
import { errorMessage, bareId, type EntityRef, type Ports, type UserInfo, type WebApiRow, hasAnyRole, MARKETER_ROLES, plural, t, type StringKey } from '@smsc/browser-shared';
import { formNotice, recordLabel } from '../xrm/form';
import { browserTimeZone } from '../sms/sms-form';
import { campaignState, stateOf } from './campaign-state';

export type RibbonAction = 'simulate' | 'prepare' | 'send' | 'cancel' | 'refresh';

export const CUSTOM_APIS: Record<RibbonAction, string> = {
  simulate: 'smsc_SimulateCampaign',
  prepare: 'smsc_PrepareCampaign',
  send: 'smsc_SendCampaign',
  cancel: 'smsc_CancelCampaign',
  refresh: 'smsc_RefreshCampaignStatus',
};

export const RUN_NOTICE = 'smsc_campaign_action';
/** Polls of the row while the backend reports progress: 2 s apart, 2 minutes at most. */
export const POLL_INTERVAL_MS = 2000;
export const MAX_POLLS = 60;
const STATUS_COLUMNS = 'smsc_status,smsc_progress,smsc_lastresult,smsc_recipientcount,smsc_errorcount,othercost,actualstart,name';
const FORMATTED = '@OData.Community.Display.V1.FormattedValue';

export function isRibbonAction(action: string): action is RibbonAction {
  return action in CUSTOM_APIS;
}

export function isEnabled(form: Xrm.FormContext, user: UserInfo, action: string): boolean {
  if (!isRibbonAction(action) || !hasAnyRole(user, MARKETER_ROLES)) return false;
  if (!form.data.entity.getId()) return false;
  return allowedCampaignActions(campaignState(form)).includes(action as CampaignAction);
}

export async function run(form: Xrm.FormContext, ports: Ports, action: string): Promise<void> {
  const { language } = ports.user;
  const record = () => recordLabel(form, 'table.campaign', language);
  if (!isRibbonAction(action)) return;
  const actionLabel = t(`action.${action}` as StringKey, language);
  formNotice(form, RUN_NOTICE, 'INFO', null);
  const allowed = campaignTransition(campaignState(form), action, language);
  if (!allowed.ok) {
    formNotice(form, RUN_NOTICE, 'WARNING', t('campaign.not_allowed', language, { message: allowed.message, record: record() }));
    return;
  }
  try {
    if (form.data.entity.getIsDirty()) await form.data.save();
  } catch (error) {
    formNotice(form, RUN_NOTICE, 'ERROR', t('campaign.failed', language, { action: actionLabel, record: record(), error: errorMessage(error) }));
    return;
  }
  const id = form.data.entity.getId();
  if (!id) {
    formNotice(form, RUN_NOTICE, 'WARNING', t('campaign.save_first', language, { record: record() }));
    return;
  }
  const campaign: EntityRef = { entityType: 'campaign', id };
  let before: WebApiRow | null = null;
  try {
    before = await readStatus(ports, campaign);
    if ((action === 'send' || action === 'cancel') && !(await confirmAction(ports, action, record(), before))) return;
    ports.dialogs.showProgress(t('campaign.working', language, { action: actionLabel, record: record() }));
    await ports.data.callCustomApi({ name: CUSTOM_APIS[action], target: campaign });
    const final = await followProgress(ports, campaign, actionLabel, record());
    ports.dialogs.closeProgress();
    await form.data.refresh(false);
    formNotice(form, RUN_NOTICE, 'INFO', summary(final, actionLabel, record(), language));
  } catch (error) {
    ports.dialogs.closeProgress();
    // A refusal is written on the campaign by the backend, in words a marketer can act on.
    const reason = await refusalReason(ports, campaign, before);
    formNotice(form, RUN_NOTICE, 'ERROR', t('campaign.failed', language, { action: actionLabel, record: record(), error: reason ?? errorMessage(error) }));
  }
  form.ui.refreshRibbon?.();
}

async function refusalReason(ports: Ports, campaign: EntityRef, before: WebApiRow | null): Promise<string | null> {
  if (!before) return null;
  try {
    const after = await readStatus(ports, campaign);
    const result = typeof after.smsc_lastresult === 'string' ? after.smsc_lastresult.trim() : '';
    return result && result !== before.smsc_lastresult ? result : null;
  } catch {
    return null;
  }
}

function readStatus(ports: Ports, campaign: EntityRef): Promise<WebApiRow> {
  return ports.data.retrieveRecord('campaign', bareId(campaign.id), `?$select=${STATUS_COLUMNS}`);
}

const progressOf = (row: WebApiRow): number | null => (typeof row.smsc_progress === 'number' ? row.smsc_progress : null);

/** Re-reads the row while the backend reports progress below 100 %, bounded by MAX_POLLS. */
async function followProgress(ports: Ports, campaign: EntityRef, actionLabel: string, record: string): Promise<WebApiRow> {
  let row = await readStatus(ports, campaign);
  for (let poll = 0; poll < MAX_POLLS; poll++) {
    const progress = progressOf(row);
    if (progress === null || progress >= 100) break;
    ports.dialogs.showProgress(t('campaign.progress', ports.user.language, { action: actionLabel, record, progress }));
    await ports.sleep(POLL_INTERVAL_MS);
    row = await readStatus(ports, campaign);
  }
  return row;
}

function summary(row: WebApiRow, actionLabel: string, record: string, language: UserInfo['language']): string {
  const progress = progressOf(row);
  if (progress !== null && progress < 100) return t('campaign.still_working', language, { action: actionLabel, record, progress });
  const result = typeof row.smsc_lastresult === 'string' ? row.smsc_lastresult.trim() : '';
  if (result) return t('campaign.done', language, { action: actionLabel, record, result });
  return t('campaign.done_no_result', language, { action: actionLabel, record, state: campaignStateLabel(stateOf(row.smsc_status), language) });
}

/** "Send Campaign "Spring" to 1,250 recipients for €37.50 on 12/05/2025 14:00? This cannot be undone." */
async function confirmAction(ports: Ports, action: 'send' | 'cancel', record: string, row: WebApiRow): Promise<boolean> {
  const { language, locale } = ports.user;
  const count = typeof row.smsc_recipientcount === 'number' ? row.smsc_recipientcount : null;
  const recipients = count === null ? t('campaign.recipients_unknown', language) : plural('campaign.recipients', language, count, { count: new Intl.NumberFormat(locale).format(count) });
  const costText = typeof row[`othercost${FORMATTED}`] === 'string' ? (row[`othercost${FORMATTED}`] as string) : typeof row.othercost === 'number' ? new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(row.othercost) : '';
  const start = typeof row.actualstart === 'string' ? new Date(row.actualstart) : null;
  const when = start && start.getTime() > Date.now() ? t('campaign.deferred', language, { date: new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: browserTimeZone() }).format(start) }) : '';
  if (action === 'send') {
    const cost = costText ? t('campaign.cost', language, { cost: costText }) : '';
    return ports.dialogs.confirm(t('campaign.confirm_send.title', language), t('campaign.confirm_send.text', language, { record, recipients, cost, when }), t('dialog.yes_send', language), t('dialog.no', language));
  }
  const cost = costText ? t('campaign.cost_short', language, { cost: costText }) : '';
  return ports.dialogs.confirm(t('campaign.confirm_cancel.title', language), t('campaign.confirm_cancel.text', language, { record, recipients, cost, state: campaignStateLabel('NotTransmitted', language) }), t('dialog.yes_cancel', language), t('dialog.no', language));
}
