import { QueueClient, QueueServiceClient } from '@azure/storage-queue';
import type { DeferredReport } from '../services/delivery-reports';

/** Queue of campaign steps; every step is safe to run twice (at-least-once delivery). */
export const CAMPAIGN_QUEUE = 'smsc-campaign-work';
export const CAMPAIGN_POISON_QUEUE = `${CAMPAIGN_QUEUE}-poison`;

export type CampaignStep =
  | { kind: 'collect'; runId: string; list: number; page: number; cookie: string | null }
  | { kind: 'finalize'; runId: string }
  | { kind: 'upload'; runId: string; chunk: number }
  | { kind: 'create'; runId: string }
  | { kind: 'send'; runId: string }
  | { kind: 'activities'; runId: string; chunk: number }
  | { kind: 'report'; runId: string; report: DeferredReport };

/** Tries of a delivery report waiting for its campaign SMS (REPORT_RETRY_SECONDS apart). */
export const DEFERRED_REPORT = { attempts: 20 };

export interface WorkQueue {
  /** `delaySeconds`: the message becomes visible later (held sends), at most 7 days. */
  enqueue(step: CampaignStep, delaySeconds?: number): Promise<void>;
}

export class StorageWorkQueue implements WorkQueue {
  private readonly queue: QueueClient;
  private ready: Promise<unknown> | undefined;

  constructor(connectionString: string, name = CAMPAIGN_QUEUE) {
    this.queue = QueueServiceClient.fromConnectionString(connectionString).getQueueClient(name);
  }

  async enqueue(step: CampaignStep, delaySeconds = 0): Promise<void> {
    this.ready ??= this.queue.createIfNotExists();
    await this.ready;
    // Base64, as the Functions queue trigger expects by default.
    const text = Buffer.from(JSON.stringify(step)).toString('base64');
    await this.queue.sendMessage(text, { visibilityTimeout: Math.max(0, Math.min(7 * 24 * 3600 - 60, Math.ceil(delaySeconds))) });
  }
}
