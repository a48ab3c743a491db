import { CampaignSmsStatusLabels } from '../contract/choice-labels';
import { message } from '../i18n/messages';
import type { Language } from '../i18n/language';

/** The SMS lifecycle of a campaign, as the guide's "Statut de la campagne" describes it. */
export type CampaignState = 'NotTransmitted' | 'Building' | 'Ready' | 'Sent' | 'Failed';

export type CampaignAction =
  | 'simulate'
  | 'prepare'
  | 'providerReady'
  | 'providerFailed'
  | 'send'
  | 'cancel'
  | 'refresh';

export type TransitionResult =
  | { ok: true; state: CampaignState }
  | { ok: false; state: CampaignState; action: CampaignAction; code: 'transition_not_allowed'; message: string };

/** For each state, what each allowed action leads to. Anything absent is refused. */
const TRANSITIONS: Record<CampaignState, Partial<Record<CampaignAction, CampaignState>>> = {
  NotTransmitted: { simulate: 'NotTransmitted', prepare: 'Building' },
  Building: { providerReady: 'Ready', providerFailed: 'Failed', cancel: 'NotTransmitted', refresh: 'Building' },
  Ready: { send: 'Sent', cancel: 'NotTransmitted', refresh: 'Ready' },
  Sent: { refresh: 'Sent' },
  Failed: { simulate: 'Failed', prepare: 'Building' },
};


const ACTION_LABELS: Record<CampaignAction, Record<Language, string>> = {
  simulate: { en: 'Simulate', fr: 'Tester la campagne' },
  prepare: { en: 'Prepare', fr: 'Préparer la campagne' },
  providerReady: { en: 'Provider ready', fr: 'Campagne prête' },
  providerFailed: { en: 'Provider failed', fr: 'Échec chez le fournisseur' },
  send: { en: 'Send SMS', fr: 'Envoyer les SMS' },
  cancel: { en: 'Cancel', fr: 'Annuler la campagne' },
  refresh: { en: 'Refresh status', fr: 'Rafraîchir le statut' },
};

export function campaignStateLabel(state: CampaignState, language: Language = 'en'): string {
  return CampaignSmsStatusLabels[state][language];
}

export function campaignTransition(state: CampaignState, action: CampaignAction, language: Language = 'en'): TransitionResult {
  const next = TRANSITIONS[state]?.[action];
  if (next) return { ok: true, state: next };
  return {
    ok: false,
    state,
    action,
    code: 'transition_not_allowed',
    message: message('campaign.transition', language, {
      action: ACTION_LABELS[action]?.[language] ?? action,
      state: CampaignSmsStatusLabels[state]?.[language] ?? state,
    }),
  };
}

/** Actions a user may start in a state (what the ribbon enables). */
export function allowedCampaignActions(state: CampaignState): CampaignAction[] {
  return (Object.keys(TRANSITIONS[state] ?? {}) as CampaignAction[]).filter((a) => a !== 'providerReady' && a !== 'providerFailed');
}
