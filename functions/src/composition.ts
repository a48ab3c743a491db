import { loadSettings, type Settings } from './config/settings';
import { createTokenProvider } from './dataverse/token';
import { createWebApi } from './dataverse/web-api';
import { MetadataCache } from './dataverse/metadata';
import { SmsRepository } from './dataverse/sms-repository';
import { RecordRepository } from './dataverse/record-repository';
import { TemplateRepository } from './dataverse/template-repository';
import { ConfigurationRepository, type SmsConfiguration } from './dataverse/configuration-repository';
import { OptOutRepository } from './dataverse/optout-repository';
import { UserLanguage } from './dataverse/user-language';
import { OctopushProvider } from './providers/octopush/client';
import type { SmsProvider } from './providers/types';
import { ConfigurationError } from './errors';
import { SmsSendService } from './services/send-sms';
import { SendToRecipientService } from './services/send-to-recipient';
import { ProviderEventService, type CampaignReports } from './services/delivery-reports';
import { CreditService } from './services/credit';
import { CampaignRepository, NoteRepository } from './dataverse/campaign-repository';
import { CampaignService } from './campaigns/service';
import { CampaignWorker, type CampaignProviderFactory } from './campaigns/worker';
import { CampaignRefresher } from './campaigns/refresher';
import { BlobRunStore } from './campaigns/run-store';
import { StorageWorkQueue } from './campaigns/work-queue';
import { CampaignTickets } from './campaigns/ticket-index';

export interface Services {
  settings: Settings;
  sender: SmsSendService;
  sendToRecipient: SendToRecipientService;
  events: ProviderEventService;
  credit: CreditService;
  languages: UserLanguage;
  provider: (configuration: SmsConfiguration) => SmsProvider;
  /** Absent when no storage is configured: campaigns need queues and blobs. */
  campaigns: { service: CampaignService; worker: CampaignWorker; refresher: CampaignRefresher; repository: CampaignRepository } | null;
  repositories: { sms: SmsRepository; records: RecordRepository; configuration: ConfigurationRepository; optOuts: OptOutRepository; templates: TemplateRepository };
}

/** Builds everything from the settings, once: the only place that reads configuration. */
export function createServices(settings: Settings, log: (message: string) => void = () => undefined): Services {
  const api = createWebApi(settings.dataverseUrl, createTokenProvider(settings.dataverseUrl, settings.dataverseAuth));
  const metadata = new MetadataCache(api);
  const sms = new SmsRepository(api, metadata);
  const records = new RecordRepository(api, metadata);
  const templates = new TemplateRepository(api);
  const configuration = new ConfigurationRepository(api);
  const optOuts = new OptOutRepository(api);
  const languages = new UserLanguage(api);

  const providers = new Map<string, OctopushProvider>();
  const provider = (config: SmsConfiguration): OctopushProvider => {
    const login = settings.provider.apiLogin ?? config.apiLogin;
    const key = settings.provider.apiKey ?? config.apiKey;
    const cacheKey = `${config.provider}|${login}|${key}`;
    let instance = providers.get(cacheKey);
    if (!instance) {
      if (config.provider !== 'Octopush') throw new ConfigurationError(`The provider ${config.provider} is not supported by this backend yet.`);
      instance = new OctopushProvider({
        baseUrl: settings.provider.baseUrl,
        simulationMode: settings.provider.simulationMode,
        timeoutMs: settings.provider.timeoutMs,
        credentials: async () => {
          if (!login || !key) throw new ConfigurationError('The provider login or API key is missing: set them on the SMS configuration page.');
          return { login, apiKey: key };
        },
      });
      providers.set(cacheKey, instance);
    }
    return instance;
  };

  const sender = new SmsSendService({ sms, records, templates, configuration, optOuts, languages, provider, defaultCountry: settings.defaultCountry, log });

  let campaigns: Services['campaigns'] = null;
  let campaignReports: CampaignReports | undefined;
  if (settings.storageConnection) {
    const repository = new CampaignRepository(api);
    const store = new BlobRunStore(settings.storageConnection);
    const queue = new StorageWorkQueue(settings.storageConnection);
    const tickets = new CampaignTickets(store);
    campaignReports = {
      locate: (ticket, e164) => tickets.locate(ticket, e164),
      defer: (report) => queue.enqueue({ kind: 'report', runId: report.runId, report }, settings.reportRetrySeconds),
    };
    const campaignProvider: CampaignProviderFactory = provider;
    const refresher = new CampaignRefresher({ campaigns: repository, configuration, provider: campaignProvider });
    campaigns = {
      repository,
      refresher,
      service: new CampaignService({ campaigns: repository, templates, configuration, languages, store, queue, provider: campaignProvider, refresher }),
      worker: new CampaignWorker({ api, metadata, campaigns: repository, notes: new NoteRepository(api), configuration, optOuts, store, queue, provider: campaignProvider, refresher, tickets, defaultCountry: settings.defaultCountry, chunkSize: settings.campaignChunkSize }),
    };
  }
  return {
    campaigns,
    settings,
    sender,
    sendToRecipient: new SendToRecipientService({ sms, templates, languages, sender }),
    events: new ProviderEventService({ sms, optOuts, records, language: () => languages.of(undefined), defaultCountry: settings.defaultCountry, campaigns: campaignReports }),
    credit: new CreditService({ configuration, provider }),
    languages,
    provider,
    repositories: { sms, records, configuration, optOuts, templates },
  };
}

let current: Services | undefined;

/** The process-wide services, built on first use from the environment. */
export function services(): Services {
  current ??= createServices(loadSettings(process.env), (m) => console.log(m));
  return current;
}

/** Tests and the local host replace the environment-built services. */
export function useServices(replacement: Services | undefined): void {
  current = replacement;
}
