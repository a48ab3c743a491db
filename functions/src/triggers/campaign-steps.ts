import type { InvocationContext } from '@azure/functions';
import { services } from '../composition';
import { CAMPAIGN_QUEUE, DEFERRED_REPORT, type CampaignStep } from '../campaigns/work-queue';
import { queue } from '../registry';

/**
 * One step of a campaign run (collect a page, plan, upload a chunk, create, send, record), or a
 * delivery report that came before the run recorded its SMS.
 */
export async function campaignStep(message: unknown, context: InvocationContext): Promise<void> {
  const campaigns = services().campaigns;
  if (!campaigns) throw new Error('Campaign steps need AzureWebJobsStorage.');
  const step = message as CampaignStep;
  context.log(`Campaign step ${step.kind} of run ${step.runId}`);
  if (step.kind === 'report') {
    const outcome = await services().events.applyDeferred(step.report, DEFERRED_REPORT.attempts);
    if (outcome.gaveUp) context.warn(outcome.gaveUp);
    return;
  }
  await campaigns.worker.handle(step);
}

queue('campaignStep', { queueName: CAMPAIGN_QUEUE, connection: 'AzureWebJobsStorage', handler: campaignStep });
