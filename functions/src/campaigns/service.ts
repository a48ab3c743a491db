import {
  applySendPreferences,
  campaignStateLabel,
  campaignTransition,
  isValidSender,
  parseTemplate,
  requiredColumns,
  type CampaignAction,
  type Language,
} from '@smsc/core';
import type { CampaignRecord, CampaignRepository } from '../dataverse/campaign-repository';
import type { ConfigurationRepository } from '../dataverse/configuration-repository';
import type { TemplateRepository } from '../dataverse/template-repository';
import type { UserLanguage } from '../dataverse/user-language';
import { isConcurrencyConflict } from '../dataverse/web-api';
import { formatWhen } from '../services/messages';
import type { CampaignRefresher } from './refresher';
import { sayCampaign } from './messages';
import { paths, type CampaignPointer, type CampaignRun, type RunAction } from './run';
import { updateDocument, type RunStore } from './run-store';
import { holdUntil } from './send-window';
import type { WorkQueue } from './work-queue';
import type { CampaignProviderFactory } from './worker';

export type CampaignOutcome = { ok: true; message: string } | { ok: false; message: string; retryable: boolean };

const RECIPIENT_TABLES = new Set(['contact', 'lead', 'account']);

export interface CampaignServiceDependencies {
  campaigns: CampaignRepository;
  templates: TemplateRepository;
  configuration: ConfigurationRepository;
  languages: UserLanguage;
  store: RunStore;
  queue: WorkQueue;
  provider: CampaignProviderFactory;
  refresher: CampaignRefresher;
  now?: () => Date;
}

/**
 * What the campaign Custom APIs do inside the webhook call: check the lifecycle, record the
 * request, hand the long work to the queue and answer at once. The form follows the progress
 * on the campaign row.
 */
export class CampaignService {
  constructor(private readonly deps: CampaignServiceDependencies) {}

  /** Run documents, for the poison handler. */
  get store(): RunStore {
    return this.deps.store;
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  async start(campaignId: string, action: RunAction, userId: string | undefined): Promise<CampaignOutcome> {
    return this.recorded(campaignId, await this.doStart(campaignId, action, userId));
  }

  async send(campaignId: string, userId: string | undefined): Promise<CampaignOutcome> {
    return this.recorded(campaignId, await this.doSend(campaignId, userId));
  }

  async cancel(campaignId: string, userId: string | undefined): Promise<CampaignOutcome> {
    return this.recorded(campaignId, await this.doCancel(campaignId, userId));
  }

  async refresh(campaignId: string, userId: string | undefined): Promise<CampaignOutcome> {
    return this.recorded(campaignId, await this.doRefresh(campaignId, userId));
  }

  /**
   * A refusal is also written on the campaign: Dataverse reports a failed webhook step in generic
   * words, and the form shows the campaign's last result instead.
   */
  private async recorded(campaignId: string, outcome: CampaignOutcome): Promise<CampaignOutcome> {
    if (!outcome.ok && !outcome.retryable) {
      await this.deps.campaigns.update(campaignId, { lastResult: outcome.message }).catch(() => undefined);
    }
    return outcome;
  }

  private async doStart(campaignId: string, action: RunAction, userId: string | undefined): Promise<CampaignOutcome> {
    const language = await this.deps.languages.of(userId);
    const loaded = await this.load(campaignId, action, language);
    if (!loaded.ok) return loaded;
    const { campaign } = loaded;
    const fail = (message: string): CampaignOutcome => ({ ok: false, message, retryable: false });

    const configuration = await this.deps.configuration.get();
    if (!configuration) return fail(sayCampaign('notConfigured', language));
    const lists = await this.deps.campaigns.lists(campaign.id);
    if (lists.length === 0) return fail(sayCampaign('noLists', language, { name: campaign.name }));
    const tables = new Set(lists.map((l) => l.table));
    if (tables.size > 1) {
      const detail = lists.map((l) => `"${l.name}" → ${l.table}`).join(', ');
      return fail(sayCampaign('mixedTables', language, { name: campaign.name, detail }));
    }
    const table = lists[0]!.table;
    if (!RECIPIENT_TABLES.has(table)) return fail(sayCampaign('unsupportedTable', language, { name: campaign.name, list: lists[0]!.name, table }));

    let text = campaign.text ?? '';
    let type = campaign.type;
    if (!text.trim() && campaign.templateId) {
      const template = await this.deps.templates.get(campaign.templateId);
      if (!template) return fail(sayCampaign('templateMissing', language, { name: campaign.name }));
      text = template.text;
      type = type ?? template.type;
    }
    if (!text.trim()) return fail(sayCampaign('noText', language, { name: campaign.name }));
    const options = applySendPreferences(configuration.campaign, { type, sender: campaign.sender });
    if (options.sender && !isValidSender(options.sender)) return fail(sayCampaign('badSender', language, { name: campaign.name, sender: options.sender }));

    const pointer = await this.deps.store.read<CampaignPointer>(paths.pointer(campaign.id));
    if (action === 'simulate' && pointer?.value.action === 'simulate') {
      const previous = await this.deps.store.read<CampaignRun>(paths.run(pointer.value.runId));
      const age = this.now().getTime() - Date.parse(previous?.value.startedAt ?? '1970-01-01');
      if (previous && (previous.value.state === 'collecting' || previous.value.state === 'planning') && age < 15 * 60_000) {
        return fail(sayCampaign('simulationBusy', language, { name: campaign.name }));
      }
    }

    const runId = `${campaign.id}-${this.now().getTime().toString(36)}`;
    const columns = requiredColumns(parseTemplate(text)).recipient;
    const run: CampaignRun = {
      runId,
      campaignId: campaign.id,
      campaignName: campaign.name,
      action,
      language,
      userId: userId ?? null,
      table,
      lists,
      columns,
      text,
      type: options.type,
      sender: options.sender,
      sendAt: campaign.actualStart && campaign.actualStart.getTime() > this.now().getTime() ? campaign.actualStart.toISOString() : null,
      state: 'collecting',
      pagesCollected: 0,
      counts: null,
      summary: null,
      providerText: null,
      chunks: 0,
      chunkSize: 0,
      listName: null,
      ticket: null,
      french: false,
      lastError: null,
      startedAt: this.now().toISOString(),
    };
    await this.deps.store.write(paths.run(runId), run);

    try {
      if (action === 'prepare') {
        await this.deps.campaigns.update(
          campaign.id,
          { status: 'Building', progress: 0, lastResult: sayCampaign('preparing', language), providerCampaignId: null, otherCost: null },
          campaign.etag,
        );
      } else {
        await this.deps.campaigns.update(campaign.id, { progress: 0, lastResult: sayCampaign('simulationRunning', language) }, campaign.etag);
      }
    } catch (error) {
      if (isConcurrencyConflict(error)) return { ok: false, message: sayCampaign('simulationBusy', language, { name: campaign.name }), retryable: false };
      throw error;
    }
    await this.deps.store.write(paths.pointer(campaign.id), { campaignId: campaign.id, runId, action } satisfies CampaignPointer);
    await this.deps.queue.enqueue({ kind: 'collect', runId, list: 0, page: 1, cookie: null });
    return { ok: true, message: action === 'prepare' ? sayCampaign('preparing', language) : sayCampaign('simulationRunning', language) };
  }

  private async doSend(campaignId: string, userId: string | undefined): Promise<CampaignOutcome> {
    const language = await this.deps.languages.of(userId);
    const loaded = await this.load(campaignId, 'send', language);
    if (!loaded.ok) return loaded;
    const run = await this.currentPreparation(campaignId);
    if (!run?.ticket) return { ok: false, message: sayCampaign('stillBuilding', language), retryable: false };
    const configuration = await this.deps.configuration.get();
    const hold = holdUntil(run, this.now(), configuration?.sendWindowEnd ?? null);
    if (hold) {
      const message = sayCampaign('held', language, { end: configuration?.sendWindowEnd ?? '20:00', when: formatWhen(hold, language) });
      await this.deps.campaigns.update(campaignId, { lastResult: message });
      await this.deps.queue.enqueue({ kind: 'send', runId: run.runId }, (hold.getTime() - this.now().getTime()) / 1000);
      return { ok: true, message };
    }
    await this.deps.campaigns.update(campaignId, { lastResult: sayCampaign('sending', language) });
    await this.deps.queue.enqueue({ kind: 'send', runId: run.runId });
    return { ok: true, message: sayCampaign('sending', language) };
  }

  private async doCancel(campaignId: string, userId: string | undefined): Promise<CampaignOutcome> {
    const language = await this.deps.languages.of(userId);
    const loaded = await this.load(campaignId, 'cancel', language);
    if (!loaded.ok) return loaded;
    const pointer = await this.deps.store.read<CampaignPointer>(paths.pointer(campaignId));
    let ticket = loaded.campaign.providerCampaignId;
    if (pointer) {
      // Steps still in the queue see the run cancelled and stop.
      const { value } = await updateDocument<CampaignRun>(this.deps.store, paths.run(pointer.value.runId), (run) => (run && run.state !== 'sent' ? { ...run, state: 'canceled' } : null));
      ticket = value?.ticket ?? ticket;
    }
    if (ticket) {
      const configuration = await this.deps.configuration.get();
      if (configuration) await this.deps.provider(configuration).cancelListCampaign(ticket);
    }
    await this.deps.campaigns.update(campaignId, { status: 'NotTransmitted', providerCampaignId: null, otherCost: null, progress: 0, lastResult: sayCampaign('canceled', language) });
    return { ok: true, message: sayCampaign('canceled', language) };
  }

  private async doRefresh(campaignId: string, userId: string | undefined): Promise<CampaignOutcome> {
    const language = await this.deps.languages.of(userId);
    const loaded = await this.load(campaignId, 'refresh', language);
    if (!loaded.ok) return loaded;
    if (loaded.campaign.status === 'Building') {
      const message = await this.deps.refresher.refresh(campaignId, language);
      return { ok: true, message };
    }
    return { ok: true, message: campaignStateLabel(loaded.campaign.status, language) };
  }

  private async load(campaignId: string, action: CampaignAction, language: Language): Promise<{ ok: true; campaign: CampaignRecord } | { ok: false; message: string; retryable: false }> {
    const campaign = await this.deps.campaigns.get(campaignId);
    if (!campaign) return { ok: false, message: sayCampaign('notFound', language, { id: campaignId }), retryable: false };
    const transition = campaignTransition(campaign.status, action, language);
    if (!transition.ok) return { ok: false, message: transition.message, retryable: false };
    return { ok: true, campaign };
  }

  private async currentPreparation(campaignId: string): Promise<CampaignRun | null> {
    const pointer = await this.deps.store.read<CampaignPointer>(paths.pointer(campaignId));
    if (!pointer || pointer.value.action !== 'prepare') return null;
    return (await this.deps.store.read<CampaignRun>(paths.run(pointer.value.runId)))?.value ?? null;
  }
}
