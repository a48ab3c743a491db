import type { InvocationContext, Timer } from '@azure/functions';
import { services } from '../composition';
import { timer } from '../registry';

/** Every minute: campaigns being built at the provider move to Ready (with cost) or Failed. */
export async function campaignStatusTimer(_timer: Timer, context: InvocationContext): Promise<void> {
  const app = services();
  if (!app.campaigns) return;
  const moved = await app.campaigns.refresher.refreshAll(await app.languages.of(undefined));
  if (moved > 0) context.log(`${moved} campaign(s) changed status at the provider`);
}

timer('campaignStatusTimer', { schedule: '0 * * * * *', handler: campaignStatusTimer });
