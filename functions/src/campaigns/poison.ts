import type { Services } from '../composition';
import type { CampaignStep } from './work-queue';
import { paths, type CampaignRun } from './run';
import { sayCampaign, STEP_NAMES } from './messages';
import { updateDocument } from './run-store';

type Campaigns = NonNullable<Services['campaigns']>;

/** Ends the run in a visible failure: the campaign row says which step failed and why. */
export async function reportPoisonedStep(campaigns: Campaigns, step: CampaignStep): Promise<void> {
  // A delivery report that kept failing says nothing about the run, which may have ended well.
  if (step.kind === 'report') return;
  const store = campaigns.service.store;
  const { value: run } = await updateDocument<CampaignRun>(store, paths.run(step.runId), (r) => (r && r.state !== 'sent' && r.state !== 'done' ? { ...r, state: 'failed' } : null));
  if (!run) return;
  const language = run.language;
  const message = sayCampaign('internalFailure', language, { step: STEP_NAMES[step.kind]?.[language] ?? step.kind, error: (run.lastError ?? 'unknown error').replace(/^\w+: /, '') });
  const campaign = await campaigns.repository.get(run.campaignId);
  if (!campaign) return;
  const building = run.action === 'prepare' && campaign.status === 'Building';
  await campaigns.repository.update(run.campaignId, { lastResult: message, ...(building ? { status: 'Failed' as const } : {}) });
}
