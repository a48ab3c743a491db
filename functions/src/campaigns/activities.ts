import type { DynamicsWebApi } from 'dynamics-web-api';
import { DeliveryStatus, SmsDirection, SmsType } from '@smsc/core';
import { dataverse, toDataverseError } from '../dataverse/web-api';
import type { PlannedRecipient } from './plan';
import { nameGuid, type CampaignRun } from './run';

const REGARDING_SETS: Record<string, string> = { contact: 'contacts', lead: 'leads', account: 'accounts' };

/** The SMS activity of one campaign recipient: its id depends only on the run and the number. */
export function campaignActivityId(runId: string, e164: string): string {
  return nameGuid(`${runId}:${e164}`);
}

function activity(run: CampaignRun, recipient: PlannedRecipient): Record<string, unknown> {
  return {
    '@odata.type': 'Microsoft.Dynamics.CRM.smsc_sms',
    activityid: campaignActivityId(run.runId, recipient.e164),
    subject: run.campaignName.slice(0, 200),
    smsc_text: recipient.text,
    smsc_phonenumber: recipient.e164,
    smsc_smstype: SmsType[run.type],
    ...(run.sender ? { smsc_sender: run.sender } : {}),
    smsc_direction: SmsDirection.Outbound,
    smsc_deliverystatus: DeliveryStatus.Submitted,
    smsc_providermessageid: run.ticket,
    smsc_segments: recipient.segments,
    smsc_encoding: recipient.encoding,
    statecode: 1,
    statuscode: 2,
    [`regardingobjectid_${recipient.table}_smsc_sms@odata.bind`]: `/${REGARDING_SETS[recipient.table] ?? `${recipient.table}s`}(${recipient.id})`,
    'smsc_campaignid@odata.bind': `/campaigns(${run.campaignId})`,
  };
}

/**
 * Campaign SMS are already sent: the asynchronous "send Queued SMS" step has nothing to do for
 * them, and 100,000 system jobs would only slow Dataverse down. The application user needs the
 * prvBypassCustomBusinessLogic privilege (the SMS Administrator role carries it).
 */
const SKIP_ASYNC_LOGIC = { 'MSCRM.BypassBusinessLogicExecution': 'CustomAsync' };

/**
 * One completed SMS activity per recipient, linked to the campaign and regarding the recipient,
 * carrying the provider's ticket so that delivery reports find it. Written with CreateMultiple;
 * a chunk written before (a retried step) is completed with what is missing only.
 */
export async function recordCampaignActivities(api: DynamicsWebApi, run: CampaignRun, recipients: PlannedRecipient[]): Promise<number> {
  if (recipients.length === 0) return 0;
  const targets = recipients.map((r) => activity(run, r));
  try {
    await dataverse(`Recording ${targets.length} SMS activities of campaign "${run.campaignName}"`, () =>
      api.callAction({ actionName: 'Microsoft.Dynamics.CRM.CreateMultiple', collection: 'smsc_smses', action: { Targets: targets }, headers: SKIP_ASYNC_LOGIC }),
    );
    return targets.length;
  } catch (error) {
    const failure = toDataverseError(error, 'CreateMultiple');
    if (failure.retryable) throw failure;
  }
  // Some already exist: create the others.
  const ids = targets.map((t) => String(t.activityid));
  const existing = new Set<string>();
  for (let i = 0; i < ids.length; i += 200) {
    const slice = ids.slice(i, i + 200);
    const found = await dataverse('Finding SMS activities already recorded', () =>
      api.retrieveMultiple<{ activityid: string }>({ collection: 'smsc_smses', select: ['activityid'], filter: `Microsoft.Dynamics.CRM.In(PropertyName='activityid',PropertyValues=[${slice.map((id) => `'${id}'`).join(',')}])` }),
    );
    for (const row of found.value) existing.add(row.activityid.toLowerCase());
  }
  const missing = targets.filter((t) => !existing.has(String(t.activityid)));
  if (missing.length > 0) {
    await dataverse(`Recording ${missing.length} missing SMS activities of campaign "${run.campaignName}"`, () =>
      api.callAction({ actionName: 'Microsoft.Dynamics.CRM.CreateMultiple', collection: 'smsc_smses', action: { Targets: missing }, headers: SKIP_ASYNC_LOGIC }),
    );
  }
  return missing.length;
}
