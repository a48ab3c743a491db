import { campaignTransition, type Language } from '@smsc/core';
import type { CampaignRepository } from '../dataverse/campaign-repository';
import type { ConfigurationRepository } from '../dataverse/configuration-repository';
import { isConcurrencyConflict } from '../dataverse/web-api';
import { formatMoney, sayCampaign } from './messages';
import type { CampaignProviderFactory } from './worker';

/**
 * Asks the provider how a campaign being built is doing and moves it on: Ready with its cost
 * in "Miscellaneous costs" (othercost), or Failed with the provider's reason.
 */
export class CampaignRefresher {
  constructor(private readonly deps: { campaigns: CampaignRepository; configuration: ConfigurationRepository; provider: CampaignProviderFactory }) {}

  async refresh(campaignId: string, language: Language): Promise<string> {
    return (await this.advance(campaignId, language)).message;
  }

  /** The refresh, saying whether the campaign changed state. */
  async advance(campaignId: string, language: Language): Promise<{ message: string; moved: boolean }> {
    const campaign = await this.deps.campaigns.get(campaignId);
    if (!campaign || campaign.status !== 'Building' || !campaign.providerCampaignId) return { message: sayCampaign('stillBuilding', language), moved: false };
    const configuration = await this.deps.configuration.get();
    if (!configuration) return { message: sayCampaign('notConfigured', language), moved: false };
    const status = await this.deps.provider(configuration).listCampaignStatus(campaign.providerCampaignId);
    let next: { status: 'Ready' | 'Failed'; message: string; cost?: number } | null = null;
    if (status.state === 'ready') next = { status: 'Ready', message: sayCampaign('ready', language, { count: status.contacts, cost: formatMoney(status.cost, language) }), cost: status.cost };
    else if (status.state === 'failed') next = { status: 'Failed', message: sayCampaign('failed', language, { reason: status.reason }) };
    if (!next) return { message: sayCampaign('stillBuilding', language), moved: false };
    const transition = campaignTransition('Building', next.status === 'Ready' ? 'providerReady' : 'providerFailed');
    if (!transition.ok) return { message: next.message, moved: false };
    try {
      await this.deps.campaigns.update(
        campaignId,
        { status: next.status, lastResult: next.message, ...(next.cost !== undefined ? { otherCost: next.cost, progress: 100 } : {}) },
        campaign.etag,
      );
    } catch (error) {
      // Someone else (the timer, a user's refresh) moved it first: their answer stands.
      if (!isConcurrencyConflict(error)) throw error;
      return { message: next.message, moved: false };
    }
    return { message: next.message, moved: true };
  }

  /** The timer's pass over every campaign being built. */
  async refreshAll(language: Language): Promise<number> {
    let moved = 0;
    for (const { id, ticket } of await this.deps.campaigns.building()) {
      if (ticket && (await this.advance(id, language)).moved) moved++;
    }
    return moved;
  }
}
