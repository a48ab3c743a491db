import type { InvocationContext } from '@azure/functions';
import { services } from '../composition';
import { CAMPAIGN_POISON_QUEUE, type CampaignStep } from '../campaigns/work-queue';
import { reportPoisonedStep } from '../campaigns/poison';
import { queue } from '../registry';

/** A step that failed five times: the campaign says so rather than waiting forever. */
export async function campaignPoison(message: unknown, context: InvocationContext): Promise<void> {
  const campaigns = services().campaigns;
  if (!campaigns) return;
  const step = message as CampaignStep;
  context.warn(`Campaign step ${step.kind} of run ${step.runId} failed for good`);
  await reportPoisonedStep(campaigns, step);
}

queue('campaignPoison', { queueName: CAMPAIGN_POISON_QUEUE, connection: 'AzureWebJobsStorage', handler: campaignPoison });
