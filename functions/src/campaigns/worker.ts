import { toResumeCsv } from '@smsc/core';
import { zipSync, strToU8 } from 'fflate';
import type { DynamicsWebApi } from 'dynamics-web-api';
import type { CampaignRepository, NoteRepository } from '../dataverse/campaign-repository';
import type { ConfigurationRepository, SmsConfiguration } from '../dataverse/configuration-repository';
import type { MetadataCache } from '../dataverse/metadata';
import type { OptOutRepository } from '../dataverse/optout-repository';
import { dataverse } from '../dataverse/web-api';
import { formatWhen, formatStamp } from '../services/messages';
import type { CampaignProvider } from '../providers/types';
import { withRetry, type RetryPolicy } from '../http/retry';
import { sayCampaign } from './messages';
import { planCampaign, type PlannedRecipient } from './plan';
import { readRecipientPage, type CollectedRecipient } from './recipient-page';
import type { CampaignRefresher } from './refresher';
import { DEFAULT_CHUNK_SIZE, nameGuid, paths, providerListName, type CampaignRun } from './run';
import { updateDocument, type RunStore } from './run-store';
import { heldSendAt } from './send-window';
import type { CampaignStep, WorkQueue } from './work-queue';
import { recordCampaignActivities } from './activities';
import type { CampaignTickets } from './ticket-index';

export type CampaignProviderFactory = (configuration: SmsConfiguration) => CampaignProvider;

export interface CampaignWorkerDependencies {
  api: DynamicsWebApi;
  metadata: MetadataCache;
  campaigns: CampaignRepository;
  notes: NoteRepository;
  configuration: ConfigurationRepository;
  optOuts: OptOutRepository;
  store: RunStore;
  queue: WorkQueue;
  provider: CampaignProviderFactory;
  refresher: CampaignRefresher;
  tickets: CampaignTickets;
  defaultCountry: string;
  /** Recipients per upload and per CreateMultiple. */
  chunkSize?: number;
  now?: () => Date;
  providerRetry?: RetryPolicy;
}

/** Attachments above this size are zipped: Dataverse's default attachment limit is 5 MB. */
const MAX_PLAIN_ATTACHMENT = 4 * 1024 * 1024;

/**
 * The queued steps of a campaign run. Each step may run twice or after a crash of another
 * instance: it starts from what the run document and the blobs say, writes the same outputs
 * again, and moves the run on only through a conditional write of the run document.
 */
export class CampaignWorker {
  private readonly retry: RetryPolicy;

  constructor(private readonly deps: CampaignWorkerDependencies) {
    this.retry = deps.providerRetry ?? { retries: 4, baseDelayMs: 500, maxDelayMs: 10_000 };
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  async handle(step: CampaignStep): Promise<void> {
    const current = await this.deps.store.read<CampaignRun>(paths.run(step.runId));
    if (!current) return;
    try {
      switch (step.kind) {
        case 'collect':
          return await this.collect(current.value, step.list, step.page, step.cookie);
        case 'finalize':
          return await this.finalize(current.value);
        case 'upload':
          return await this.upload(current.value, step.chunk);
        case 'create':
          return await this.create(current.value);
        case 'send':
          return await this.send(current.value);
        case 'activities':
          return await this.activities(current.value, step.chunk);
        case 'report':
          return; // Delivery reports are the provider events service's (see the campaign-steps trigger).
      }
    } catch (error) {
      // Kept on the run so that a message that ends in the poison queue can say why.
      const message = error instanceof Error ? error.message : String(error);
      await updateDocument<CampaignRun>(this.deps.store, paths.run(step.runId), (run) => (run ? { ...run, lastError: `${step.kind}: ${message}` } : null)).catch(() => undefined);
      throw error;
    }
  }

  private async configuration(): Promise<SmsConfiguration> {
    const configuration = await this.deps.configuration.get();
    if (!configuration) throw new Error('The SMS connector is not configured.');
    return configuration;
  }

  private async collect(run: CampaignRun, listIndex: number, page: number, cookie: string | null): Promise<void> {
    if (run.state !== 'collecting') return;
    const list = run.lists[listIndex];
    if (!list) return this.deps.queue.enqueue({ kind: 'finalize', runId: run.runId });
    const result = await readRecipientPage(this.deps.api, this.deps.metadata, list, run.columns, page, cookie);
    await this.deps.store.write(paths.page(run.runId, listIndex, page), result.recipients);
    const { value } = await updateDocument<CampaignRun>(this.deps.store, paths.run(run.runId), (r) => (r ? { ...r, pagesCollected: r.pagesCollected + 1 } : null));
    await this.deps.campaigns.update(run.campaignId, { progress: Math.min(40, 5 * (value?.pagesCollected ?? 1)) });
    if (result.next) await this.deps.queue.enqueue({ kind: 'collect', runId: run.runId, list: listIndex, page: page + 1, cookie: result.next });
    else if (listIndex + 1 < run.lists.length) await this.deps.queue.enqueue({ kind: 'collect', runId: run.runId, list: listIndex + 1, page: 1, cookie: null });
    else await this.deps.queue.enqueue({ kind: 'finalize', runId: run.runId });
  }

  private async finalize(start: CampaignRun): Promise<void> {
    const moved = await updateDocument<CampaignRun>(this.deps.store, paths.run(start.runId), (r) => (r?.state === 'collecting' ? { ...r, state: 'planning' } : null));
    const run = moved.value;
    // Only a run that is planning (now, or after an interrupted attempt) is finalized.
    if (!run || run.state !== 'planning') return;
    const configuration = await this.configuration();
    const pages = (await this.deps.store.list(paths.pages(run.runId))).sort();
    const collected: CollectedRecipient[] = [];
    for (const name of pages) collected.push(...((await this.deps.store.read<CollectedRecipient[]>(name))?.value ?? []));
    const marketing = run.type === 'Marketing';
    const plan = planCampaign(collected, {
      text: run.text,
      purpose: marketing ? 'marketing' : 'transactional',
      language: run.language,
      defaultCountry: configuration.defaultCountry ?? this.deps.defaultCountry,
      optOuts: marketing ? await this.deps.optOuts.all() : new Set(),
      maxFieldLength: this.deps.provider(configuration).maxFieldLength,
    });
    const when = formatStamp(this.now());
    const csv = toResumeCsv(plan.rows);
    const counts = { recipientCount: plan.counts.recipients, errorCount: plan.counts.errors };

    if (run.action === 'simulate') {
      await this.attach(run, 'simulation', sayCampaign('simulationNote', run.language, { when }), plan.summary, 'resume.csv', csv);
      await this.deps.campaigns.update(run.campaignId, { ...counts, lastResult: plan.summary, progress: 100 });
      await updateDocument<CampaignRun>(this.deps.store, paths.run(run.runId), (r) => (r ? { ...r, state: 'done', counts: plan.counts, summary: plan.summary } : null));
      return;
    }

    await this.attach(run, 'transmission', sayCampaign('transmissionNote', run.language, { when }), plan.summary, 'transmission.csv', csv);
    if (plan.valid.length === 0 || plan.textProblem) {
      await this.deps.campaigns.update(run.campaignId, { ...counts, status: 'Failed', progress: 0, lastResult: sayCampaign('nothingToSend', run.language, { summary: plan.summary }) });
      await updateDocument<CampaignRun>(this.deps.store, paths.run(run.runId), (r) => (r ? { ...r, state: 'failed', counts: plan.counts, summary: plan.summary } : null));
      return;
    }
    const french = plan.valid.some((r) => r.e164.startsWith('+33'));
    const sendAt = run.sendAt ? heldSendAt(new Date(run.sendAt), french, marketing, configuration.sendWindowEnd).toISOString() : null;
    const chunkSize = this.deps.chunkSize ?? DEFAULT_CHUNK_SIZE;
    const chunks = Math.ceil(plan.valid.length / chunkSize);
    for (let n = 0; n < chunks; n++) await this.deps.store.write(paths.chunk(run.runId, n), plan.valid.slice(n * chunkSize, (n + 1) * chunkSize));
    const listName = providerListName(run.runId);
    await withRetry(() => this.deps.provider(configuration).createList(listName), this.retry);
    const updated = await updateDocument<CampaignRun>(this.deps.store, paths.run(run.runId), (r) =>
      r?.state === 'planning' ? { ...r, state: 'uploading', chunks, chunkSize, listName, counts: plan.counts, summary: plan.summary, providerText: plan.providerText, french, sendAt } : null,
    );
    if (!updated.changed) return;
    await this.deps.campaigns.update(run.campaignId, { ...counts, progress: 50, lastResult: `${plan.summary} ${sayCampaign('transmitting', run.language, { count: plan.valid.length })}` });
    for (let n = 0; n < chunks; n++) await this.deps.queue.enqueue({ kind: 'upload', runId: run.runId, chunk: n });
  }

  private async upload(run: CampaignRun, chunk: number): Promise<void> {
    if (run.state !== 'uploading' || !run.listName) return;
    const configuration = await this.configuration();
    const recipients = (await this.deps.store.read<PlannedRecipient[]>(paths.chunk(run.runId, chunk)))?.value ?? [];
    const provider = this.deps.provider(configuration);
    await withRetry(() => provider.addContacts(run.listName as string, recipients.map((r) => ({ phone: r.e164, fields: r.fields }))), this.retry);
    await this.deps.store.write(paths.uploaded(run.runId, chunk), { at: this.now().toISOString() });
    const done = (await this.deps.store.list(paths.uploadedPrefix(run.runId))).length;
    if (Math.floor((10 * done) / run.chunks) > Math.floor((10 * (done - 1)) / run.chunks)) {
      await this.deps.campaigns.update(run.campaignId, { progress: 50 + (40 * done) / run.chunks });
    }
    if (done < run.chunks) return;
    const moved = await updateDocument<CampaignRun>(this.deps.store, paths.run(run.runId), (r) => (r?.state === 'uploading' ? { ...r, state: 'creating' } : null));
    if (moved.changed) await this.deps.queue.enqueue({ kind: 'create', runId: run.runId });
  }

  private async create(run: CampaignRun): Promise<void> {
    // 'created' too: a step that stopped after keeping the ticket and before telling the campaign
    // is finished by its redelivery, or the campaign would wait in Building for a ticket forever.
    if ((run.state !== 'creating' && run.state !== 'created') || !run.listName || !run.providerText) return;
    const configuration = await this.configuration();
    let ticket = run.ticket;
    if (!ticket) {
      const created = await withRetry(
        () =>
          this.deps.provider(configuration).createListCampaign({
            listName: run.listName as string,
            text: run.providerText as string,
            purpose: run.type === 'Marketing' ? 'marketing' : 'transactional',
            ...(run.sender ? { sender: run.sender } : {}),
            ...(run.sendAt ? { sendAt: new Date(run.sendAt) } : {}),
            idempotencyKey: run.runId,
          }),
        this.retry,
      );
      ticket = created.ticket;
    }
    await this.deps.tickets.remember(ticket, run.runId);
    if (run.state === 'creating') {
      const stored = await updateDocument<CampaignRun>(this.deps.store, paths.run(run.runId), (r) => (r?.state === 'creating' ? { ...r, state: 'created', ticket } : null));
      if (!stored.changed) return;
    } else {
      const campaign = await this.deps.campaigns.get(run.campaignId);
      if (!campaign || campaign.status !== 'Building' || campaign.providerCampaignId === ticket) return;
    }
    await this.deps.campaigns.update(run.campaignId, { providerCampaignId: ticket, progress: 95, lastResult: `${run.summary ?? ''} ${sayCampaign('building', run.language)}`.trim() });
    await this.deps.refresher.refresh(run.campaignId, run.language);
  }

  private async send(run: CampaignRun): Promise<void> {
    if ((run.state !== 'created' && run.state !== 'sending') || !run.ticket) return;
    const campaign = await this.deps.campaigns.get(run.campaignId);
    // Cancelled or changed since the user asked: nothing leaves.
    if (!campaign || (campaign.status !== 'Ready' && campaign.status !== 'Sent')) return;
    await updateDocument<CampaignRun>(this.deps.store, paths.run(run.runId), (r) => (r?.state === 'created' ? { ...r, state: 'sending' } : null));
    const configuration = await this.configuration();
    const sent = await withRetry(() => this.deps.provider(configuration).sendListCampaign(run.ticket as string), this.retry);
    const leaving = sent.sendingDate && sent.sendingDate.getTime() > this.now().getTime() + 60_000 ? sayCampaign('sentAt', run.language, { when: formatWhen(sent.sendingDate, run.language) }) : '';
    if (campaign.status !== 'Sent') {
      await this.deps.campaigns.update(run.campaignId, { status: 'Sent', progress: 0, lastResult: sayCampaign('sent', run.language, { count: run.counts?.valid ?? 0, when: leaving }) });
    }
    const moved = await updateDocument<CampaignRun>(this.deps.store, paths.run(run.runId), (r) => (r?.state === 'sending' ? { ...r, state: 'sent' } : null));
    if (moved.changed) for (let n = 0; n < run.chunks; n++) await this.deps.queue.enqueue({ kind: 'activities', runId: run.runId, chunk: n });
  }

  private async activities(run: CampaignRun, chunk: number): Promise<void> {
    if (run.state !== 'sent' || !run.ticket) return;
    const recipients = (await this.deps.store.read<PlannedRecipient[]>(paths.chunk(run.runId, chunk)))?.value ?? [];
    await recordCampaignActivities(this.deps.api, run, recipients);
    await this.deps.store.write(paths.recorded(run.runId, chunk), { at: this.now().toISOString() });
    const done = (await this.deps.store.list(paths.recordedPrefix(run.runId))).length;
    if (Math.floor((10 * done) / run.chunks) > Math.floor((10 * (done - 1)) / run.chunks)) {
      await this.deps.campaigns.update(run.campaignId, { progress: (100 * done) / run.chunks });
    }
  }

  private async attach(run: CampaignRun, kind: 'simulation' | 'transmission', subject: string, summary: string, fileName: string, csv: string): Promise<void> {
    let content = strToU8(csv);
    let name = fileName;
    let mimeType = 'text/csv';
    if (content.length > MAX_PLAIN_ATTACHMENT) {
      content = zipSync({ [fileName]: content }, { level: 6 });
      name = `${fileName}.zip`;
      mimeType = 'application/zip';
    }
    await this.deps.notes.attach({ id: nameGuid(`${run.runId}:${kind}`), campaignId: run.campaignId, subject, text: summary, fileName: name, mimeType, content });
  }
}

