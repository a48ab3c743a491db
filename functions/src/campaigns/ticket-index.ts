import { createHash } from 'node:crypto';
import { campaignActivityId } from './activities';
import type { RunStore } from './run-store';

/** Runs remembered per instance: delivery reports of one campaign arrive in bursts. */
const REMEMBERED = 500;

/**
 * Which campaign run a provider ticket belongs to. A delivery report then finds its SMS by
 * primary key (the activity id derives from the run and the number) instead of filtering 100,000s
 * of activities on two columns Dataverse does not index, and knows that an SMS still missing is
 * one the run has yet to record rather than one that does not exist.
 */
export class CampaignTickets {
  private readonly runs = new Map<string, string | null>();

  constructor(private readonly store: RunStore) {}

  /** Called before the campaign can be sent, so that no report can come before it. */
  async remember(ticket: string, runId: string): Promise<void> {
    await this.store.write(ticketPath(ticket), { ticket, runId });
    this.keep(ticket, runId);
  }

  /** The run and activity of the SMS a report is about, or null when the ticket is not a campaign's. */
  async locate(ticket: string, e164: string): Promise<{ runId: string; activityId: string } | null> {
    let runId = this.runs.get(ticket);
    if (runId === undefined) {
      runId = (await this.store.read<{ runId: string }>(ticketPath(ticket)))?.value.runId ?? null;
      this.keep(ticket, runId);
    }
    return runId ? { runId, activityId: campaignActivityId(runId, e164) } : null;
  }

  private keep(ticket: string, runId: string | null): void {
    this.runs.delete(ticket);
    this.runs.set(ticket, runId);
    if (this.runs.size > REMEMBERED) this.runs.delete(this.runs.keys().next().value as string);
  }
}

function ticketPath(ticket: string): string {
  return `tickets/${createHash('sha1').update(ticket).digest('hex')}.json`;
}
