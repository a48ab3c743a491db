/**
 * One emulated Dataverse environment: its schema, its rows on disk, the platform rows every
 * environment has (organization, business unit, users, base currency, SDK messages), and the
 * write lock that keeps a write and its synchronous webhooks one transaction.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { SchemaModel, TableDef } from './metadata/model';
import { Schema } from './metadata/schema';
import { Store } from './store/store';
import { stableId } from './util/ids';
import { isoSeconds } from './query/values';

/** Message ids that are the same in every organization (solution reference §3.13). */
export const WELL_KNOWN_MESSAGES: Record<string, string> = {
  Create: '9ebdbb1b-ea3e-db11-86a7-000a3a5473e8',
  Update: '20bebb1b-ea3e-db11-86a7-000a3a5473e8',
};
const ENTITY_MESSAGES = ['Create', 'Update', 'Delete', 'Retrieve', 'RetrieveMultiple', 'Associate', 'Disassociate', 'SetState', 'Assign'];
export const WEBHOOK_PLUGIN_TYPE_ID = 'fe4f0cdb-b254-4fa1-84f6-d58d0759b8b3';

export function messageId(name: string): string {
  return WELL_KNOWN_MESSAGES[name] ?? stableId(`sdkmessage:${name}`);
}

export interface EngineOptions {
  /** Folder of the SQLite file; ':memory:' keeps everything in memory. */
  dataDir: string;
  reset?: boolean;
  organizationName?: string;
}

export interface CallerContext {
  userId: string;
  correlationId: string;
  depth: number;
  /** Custom logic the caller asked to skip (BypassBusinessLogicExecution and related headers). */
  bypass?: BusinessLogicBypass;
}

export interface BusinessLogicBypass {
  sync: boolean;
  async: boolean;
  stepIds: ReadonlySet<string>;
}

/**
 * Dataverse's optional parameters as Web API headers: MSCRM.BypassBusinessLogicExecution
 * (CustomSync, CustomAsync or both), MSCRM.BypassBusinessLogicExecutionStepIds (a comma list)
 * and the older MSCRM.BypassCustomPluginExecution (synchronous logic only).
 */
export function bypassFromHeaders(headers: Record<string, string>): BusinessLogicBypass | undefined {
  const kinds = (headers['mscrm.bypassbusinesslogicexecution'] ?? '').split(',').map((k) => k.trim().toLowerCase());
  const legacy = /^true$/i.test(headers['mscrm.bypasscustompluginexecution'] ?? '');
  const stepIds = new Set((headers['mscrm.bypassbusinesslogicexecutionstepids'] ?? '').split(',').map((k) => k.trim().toLowerCase()).filter(Boolean));
  const bypass = { sync: legacy || kinds.includes('customsync'), async: kinds.includes('customasync'), stepIds };
  return bypass.sync || bypass.async || stepIds.size > 0 ? bypass : undefined;
}

export class Engine {
  readonly store: Store;
  readonly schema: Schema;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly businessUnitId = stableId('businessunit:root');
  readonly defaultUserId = stableId('systemuser:integration');
  readonly baseCurrencyId = stableId('transactioncurrency:EUR');
  private lock: Promise<void> = Promise.resolve();
  private static holder = new AsyncLocalStorage<Engine>();

  constructor(options: EngineOptions) {
    const file = options.dataDir === ':memory:' ? ':memory:' : join(options.dataDir, 'dataverse.sqlite');
    if (options.reset && file !== ':memory:') for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    this.store = new Store(file);
    const saved = this.store.getMeta('schema');
    this.schema = new Schema(saved ? (JSON.parse(saved) as SchemaModel) : undefined);
    this.organizationName = options.organizationName ?? this.store.getMeta('organizationName') ?? 'emulator';
    this.organizationId = stableId(`organization:${this.organizationName}`);
    this.store.transaction(() => {
      for (const t of this.schema.tables()) this.store.ensureTable(t);
      this.bootstrap();
      this.saveSchema();
    });
  }

  close(): void {
    this.store.close();
  }

  saveSchema(): void {
    this.store.setMeta('schema', JSON.stringify(this.schema.toJSON()));
    this.store.setMeta('organizationName', this.organizationName);
  }

  table(logicalName: string): TableDef {
    const t = this.schema.table(logicalName);
    if (!t) throw new Error(`Unknown table ${logicalName}`);
    return t;
  }

  /** Adds or replaces a table definition and its storage. */
  defineTable(table: TableDef): void {
    this.schema.model.tables[table.logicalName] = table;
    this.schema.reindex();
    this.store.ensureTable(table);
    this.ensureMessageFilters(table);
  }

  /** Runs `fn` alone among writers: a write and its synchronous steps form one transaction. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    // Reentrant: a change set holds the lock while its requests write.
    if (Engine.holder.getStore() === this) return fn();
    const previous = this.lock;
    let release!: () => void;
    this.lock = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await Engine.holder.run(this, fn);
    } finally {
      release();
    }
  }

  now(): string {
    return isoSeconds(new Date());
  }

  private upsertPlatformRow(tableName: string, row: Record<string, unknown>): void {
    const table = this.table(tableName);
    const id = row[table.primaryIdAttribute] as string;
    if (this.store.get(table, id)) return;
    const now = this.now();
    const base: Record<string, unknown> = { createdon: now, modifiedon: now, versionnumber: this.store.nextVersion() };
    if (table.attributes.statecode) base.statecode = 0;
    if (table.attributes.statuscode) base.statuscode = table.attributes.statecode?.options?.find((o) => o.value === 0)?.defaultStatus ?? 1;
    if (table.attributes.ownerid) {
      base.ownerid = { id: this.defaultUserId, logicalName: 'systemuser' };
      base.owninguser = { id: this.defaultUserId, logicalName: 'systemuser' };
      base.owningbusinessunit = { id: this.businessUnitId, logicalName: 'businessunit' };
    }
    this.store.insert(table, { ...base, ...row });
  }

  private bootstrap(): void {
    const ref = (logicalName: string, id: string) => ({ id, logicalName });
    this.upsertPlatformRow('transactioncurrency', { transactioncurrencyid: this.baseCurrencyId, currencyname: 'Euro', isocurrencycode: 'EUR', currencysymbol: '€', exchangerate: 1, currencyprecision: 2 });
    this.upsertPlatformRow('organization', { organizationid: this.organizationId, name: this.organizationName, basecurrencyid: ref('transactioncurrency', this.baseCurrencyId), languagecode: 1033 });
    this.upsertPlatformRow('businessunit', { businessunitid: this.businessUnitId, name: this.organizationName });
    this.upsertPlatformRow('systemuser', {
      systemuserid: this.defaultUserId,
      firstname: 'SMS Connector',
      lastname: 'Integration',
      fullname: 'SMS Connector Integration',
      domainname: 'integration@emulator.local',
      internalemailaddress: 'integration@emulator.local',
      businessunitid: ref('businessunit', this.businessUnitId),
      isdisabled: false,
    });
    this.upsertPlatformRow('team', { teamid: stableId('team:root'), name: this.organizationName, businessunitid: ref('businessunit', this.businessUnitId), teamtype: 0 });
    this.upsertPlatformRow('plugintype', {
      plugintypeid: WEBHOOK_PLUGIN_TYPE_ID,
      name: 'Microsoft.Crm.ServiceBus.WebhookPlugin',
      typename: 'Microsoft.Crm.ServiceBus.WebhookPlugin',
      friendlyname: 'WebhookPlugin',
      assemblyname: 'Microsoft.Crm.ServiceBus',
    });
    for (const name of ENTITY_MESSAGES) this.ensureMessage(name, false);
    for (const t of this.schema.tables()) this.ensureMessageFilters(t);
  }

  /** An sdkmessage row (entity messages, and one per imported Custom API). */
  ensureMessage(name: string, custom: boolean): string {
    const id = messageId(name);
    this.upsertPlatformRow('sdkmessage', { sdkmessageid: id, name, categoryname: custom ? 'CustomAPI' : 'Default', isprivate: false, isactive: true, workflowsdkstepenabled: custom, template: false });
    return id;
  }

  ensureMessageFilter(message: string, entity: string): string {
    const id = stableId(`sdkmessagefilter:${message}:${entity}`);
    this.upsertPlatformRow('sdkmessagefilter', {
      sdkmessagefilterid: id,
      name: `${message} of ${entity}`,
      sdkmessageid: { id: messageId(message), logicalName: 'sdkmessage' },
      primaryobjecttypecode: entity,
      iscustomprocessingstepallowed: true,
      isvisible: true,
    });
    return id;
  }

  private ensureMessageFilters(table: TableDef): void {
    if (table.readOnly) return;
    for (const message of ['Create', 'Update', 'Delete']) this.ensureMessageFilter(message, table.logicalName);
  }
}
