import { CampaignSmsStatus, choiceName, type CampaignState } from '@smsc/core';
import { value } from '../xrm/form';

export const CAMPAIGN_STATUS = 'smsc_status';

/** The lifecycle state the campaign row is in; an empty status is a new campaign. */
export function campaignState(form: Xrm.FormContext): CampaignState {
  return stateOf(value<number>(form, CAMPAIGN_STATUS));
}

export function stateOf(status: unknown): CampaignState {
  return (choiceName(CampaignSmsStatus, typeof status === 'number' ? status : null) as CampaignState | undefined) ?? 'NotTransmitted';
}

/** The SMS section can change only before the campaign is transmitted (or after it failed). */
export function isComposable(state: CampaignState): boolean {
  return state === 'NotTransmitted' || state === 'Failed';
}
