import { campaignTransition, allowedCampaignActions, type CampaignAction, type CampaignState } from '@smsc/core';

const states: CampaignState[] = ['NotTransmitted', 'Building', 'Ready', 'Sent', 'Failed'];
const actions: CampaignAction[] = ['simulate', 'prepare', 'providerReady', 'providerFailed', 'send', 'cancel', 'refresh'];

/** DESIGN.md's lifecycle, written out as the full table of allowed moves. */
const allowed: Record<string, CampaignState> = {
  'NotTransmitted/simulate': 'NotTransmitted',
  'NotTransmitted/prepare': 'Building',
  'Building/providerReady': 'Ready',
  'Building/providerFailed': 'Failed',
  'Building/cancel': 'NotTransmitted',
  'Building/refresh': 'Building',
  'Ready/send': 'Sent',
  'Ready/cancel': 'NotTransmitted',
  'Ready/refresh': 'Ready',
  'Sent/refresh': 'Sent',
  'Failed/simulate': 'Failed',
  'Failed/prepare': 'Building',
};

describe('campaignTransition', () => {
  const cases = states.flatMap((s) => actions.map((a) => [s, a] as const));
  test.each(cases)('%s + %s', (state, action) => {
    const result = campaignTransition(state, action);
    const expected = allowed[`${state}/${action}`];
    if (expected) {
      expect(result).toEqual({ ok: true, state: expected });
    } else {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result).toMatchObject({ code: 'transition_not_allowed', state, action });
        expect(result.message.length).toBeGreaterThan(10);
      }
    }
  });

  test('the refusal names the state and the action in the user language', () => {
    expect(campaignTransition('Sent', 'cancel')).toMatchObject({ message: 'The action "Cancel" is not allowed when the campaign status is "Sent".' });
    expect(campaignTransition('NotTransmitted', 'send', 'fr')).toMatchObject({
      message: "L'action « Envoyer les SMS » n'est pas possible au statut « Campagne non transmise ».",
    });
  });

  test('ribbon actions per state', () => {
    expect(allowedCampaignActions('NotTransmitted')).toEqual(['simulate', 'prepare']);
    expect(allowedCampaignActions('Building')).toEqual(['cancel', 'refresh']);
    expect(allowedCampaignActions('Ready')).toEqual(['send', 'cancel', 'refresh']);
    expect(allowedCampaignActions('Sent')).toEqual(['refresh']);
    expect(allowedCampaignActions('Failed')).toEqual(['simulate', 'prepare']);
  });
});
