/**
 * The event pipeline for webhook steps (powerapps-docs: use-webhooks, register-web-hook,
 * asynchronous-service): steps registered in sdkmessageprocessingstep run when their message
 * happens on their table. Synchronous steps (mode 0) are called during the operation and a
 * failure fails it; asynchronous steps (mode 1) become system jobs (asyncoperation) that run
 * after the operation, are retried with backoff, and stay visible when they fail.
 */
import { CallerContext, Engine } from '../engine';
import { DataverseError } from '../http/errors';
import { TableDef } from '../metadata/model';
import { LookupValue, Row } from '../store/store';
import { EMPTY_GUID, newId } from '../util/ids';
import { entityReference, KeyValue, serializeEntity, toWireJson } from './context';

export interface PipelineEvent {
  message: string;
  /** Primary table; undefined for unbound Custom APIs ("none"). */
  table?: TableDef;
  id?: string;
  /** Target as an Entity (Create, Update). */
  target?: Row;
  /** Target as an EntityReference (Delete, Associate, bound Custom APIs). */
  reference?: LookupValue;
  preImage?: Row;
  postImage?: () => Row | undefined;
  relationship?: string;
  related?: LookupValue[];
  /** Custom API request parameters, already typed for the context. */
  inputParameters?: KeyValue[];
}

export interface Step {
  id: string;
  name: string;
  stage: number;
  mode: number;
  rank: number;
  filteringAttributes: string[];
  asyncAutoDelete: boolean;
  endpointId: string;
}

export interface Delivery {
  stepId: string;
  stepName: string;
  endpointId: string;
  url: string;
  mode: 'sync' | 'async';
  attempt: number;
  status: number | null;
  error?: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
  at: string;
}

export interface PipelineOptions {
  /** Attempts of an asynchronous job before it is marked Failed. */
  asyncMaxAttempts: number;
  /** First retry delay in ms, doubled at each attempt. */
  asyncRetryBaseMs: number;
  webhookTimeoutMs: number;
}

/** Dataverse's code for a plug-in that aborted the operation (0x80040265 = -2147220891). */
const PLUGIN_ERROR = { hex: '0x80040265', int: -2147220891 };

export class Pipeline {
  readonly deliveries: Delivery[] = [];
  private timers = new Set<NodeJS.Timeout>();
  /** Jobs waiting for a retry, by id, and those whose retry time has come. */
  private scheduled = new Map<string, NodeJS.Timeout>();
  private dueNow = new Set<string>();
  private inFlight = new Set<string>();
  private running = 0;
  private stopped = false;

  constructor(
    private readonly engine: Engine,
    private readonly options: PipelineOptions,
  ) {}

  private steps(message: string, entity: string, stages: number[]): Step[] {
    const rows = this.engine.store.all(
      `SELECT s.* FROM "sdkmessageprocessingstep" s
         JOIN "sdkmessage" m ON m."sdkmessageid" = s."sdkmessageid"
         LEFT JOIN "sdkmessagefilter" f ON f."sdkmessagefilterid" = s."sdkmessagefilterid"
        WHERE m."name" = ? AND (s."statecode" IS NULL OR s."statecode" = 0)
          AND (f."sdkmessagefilterid" IS NULL OR f."primaryobjecttypecode" = ? OR f."primaryobjecttypecode" = 'none')
          AND s."stage" IN (${stages.join(',')})
        ORDER BY s."stage", s."rank"`,
      [message, entity],
    );
    return rows
      .filter((r) => r.eventhandler__t === 'serviceendpoint')
      .map((r) => ({
        id: r.sdkmessageprocessingstepid as string,
        name: (r.name as string) ?? '',
        stage: r.stage as number,
        mode: (r.mode as number) ?? 0,
        rank: (r.rank as number) ?? 1,
        filteringAttributes: String(r.filteringattributes ?? '')
          .split(',')
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean),
        asyncAutoDelete: r.asyncautodelete === 1,
        endpointId: r.eventhandler as string,
      }));
  }

  /** Update steps with filtering attributes run only when one of them is in the request. */
  private applies(step: Step, event: PipelineEvent, ctx?: CallerContext): boolean {
    if (ctx?.bypass) {
      if (ctx.bypass.stepIds.has(step.id.toLowerCase())) return false;
      if (step.mode === 0 ? ctx.bypass.sync : ctx.bypass.async) return false;
    }
    if (event.message !== 'Update' || step.filteringAttributes.length === 0) return true;
    const sent = Object.keys(event.target ?? {});
    return step.filteringAttributes.some((a) => sent.includes(a));
  }

  async before(ctx: CallerContext, event: PipelineEvent): Promise<void> {
    for (const step of this.steps(event.message, event.table?.logicalName ?? 'none', [10, 20])) {
      if (step.mode === 0 && this.applies(step, event, ctx)) await this.runSync(ctx, step, event);
    }
  }

  async after(ctx: CallerContext, event: PipelineEvent): Promise<void> {
    await this.afterSync(ctx, event);
    this.enqueueAsync(ctx, event);
  }

  /** Synchronous post-operation steps: a failure fails the operation. */
  async afterSync(ctx: CallerContext, event: PipelineEvent): Promise<void> {
    const steps = this.steps(event.message, event.table?.logicalName ?? 'none', [40]).filter((s) => s.mode === 0 && this.applies(s, event, ctx));
    for (const step of steps) await this.runSync(ctx, step, event);
  }

  /** Asynchronous steps become system jobs, written with the operation and run after it. */
  enqueueAsync(ctx: CallerContext, event: PipelineEvent): void {
    const steps = this.steps(event.message, event.table?.logicalName ?? 'none', [40]).filter((s) => s.mode === 1 && this.applies(s, event, ctx));
    for (const step of steps) this.enqueue(ctx, step, event);
    if (steps.length) setImmediate(() => this.kick());
  }

  private images(step: Step, event: PipelineEvent, kind: 'pre' | 'post'): KeyValue[] {
    const table = event.table;
    if (!table || !event.id) return [];
    const images: KeyValue[] = [];
    const rows = this.engine.store.all('SELECT * FROM "sdkmessageprocessingstepimage" WHERE "sdkmessageprocessingstepid" = ?', [step.id]);
    const source = kind === 'pre' ? event.preImage : event.postImage?.();
    for (const image of rows) {
      const type = image.imagetype as number;
      if (!(type === 2 || (kind === 'pre' ? type === 0 : type === 1)) || !source) continue;
      const wanted = String(image.attributes ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const picked: Row = {};
      for (const [k, v] of Object.entries(source)) if (v !== null && (wanted.length === 0 || wanted.includes(k))) picked[k] = v;
      images.push({ key: String(image.entityalias ?? image.name ?? 'Image'), value: serializeEntity(this.engine, table, event.id, picked, false, wanted.length ? wanted : undefined) });
    }
    if (kind === 'post' && step.mode === 1 && source && !images.some((i) => i.key === 'AsynchronousStepPrimaryName')) {
      const primary: Row = { [table.primaryIdAttribute]: event.id };
      if (table.primaryNameAttribute && source[table.primaryNameAttribute] !== undefined) primary[table.primaryNameAttribute] = source[table.primaryNameAttribute];
      images.push({ key: 'AsynchronousStepPrimaryName', value: serializeEntity(this.engine, table, event.id, primary, false, Object.keys(primary)) });
    }
    return images;
  }

  /** Builds the RemoteExecutionContext of one step for one event. */
  context(ctx: CallerContext, step: Step, event: PipelineEvent, operationId: string): Record<string, unknown> {
    const table = event.table;
    const input: KeyValue[] = [];
    if (event.target && table && event.id && (event.message === 'Create' || event.message === 'Update')) {
      input.push({ key: 'Target', value: serializeEntity(this.engine, table, event.id, event.target) });
    } else if (event.reference) {
      input.push({ key: 'Target', value: entityReference(event.reference) });
    }
    if (event.relationship) input.push({ key: 'Relationship', value: { __type: 'Relationship:http://schemas.microsoft.com/xrm/2011/Contracts', PrimaryEntityRole: null, SchemaName: event.relationship } });
    if (event.related) input.push({ key: 'RelatedEntities', value: { __type: 'EntityReferenceCollection:http://schemas.microsoft.com/xrm/2011/Contracts', Entities: event.related.map((r) => entityReference(r)) } });
    if (event.inputParameters) input.push(...event.inputParameters);
    const output: KeyValue[] = event.message === 'Create' && event.id && step.stage === 40 ? [{ key: 'id', value: event.id }] : [];
    return {
      BusinessUnitId: this.engine.businessUnitId,
      CorrelationId: ctx.correlationId,
      Depth: ctx.depth,
      InitiatingUserAzureActiveDirectoryObjectId: EMPTY_GUID,
      InitiatingUserId: ctx.userId,
      InputParameters: input,
      IsExecutingOffline: false,
      IsInTransaction: step.mode === 0 && step.stage !== 10,
      IsOfflinePlayback: false,
      IsolationMode: 1,
      MessageName: event.message,
      Mode: step.mode,
      OperationCreatedOn: `/Date(${Date.now()})/`,
      OperationId: operationId,
      OrganizationId: this.engine.organizationId,
      OrganizationName: this.engine.organizationName,
      OutputParameters: output,
      OwningExtension: { Id: step.id, KeyAttributes: [], LogicalName: 'sdkmessageprocessingstep', Name: step.name, RowVersion: null },
      ParentContext: null,
      PostEntityImages: this.images(step, event, 'post'),
      PreEntityImages: this.images(step, event, 'pre'),
      PrimaryEntityId: event.id ?? EMPTY_GUID,
      PrimaryEntityName: table?.logicalName ?? 'none',
      RequestId: operationId,
      SecondaryEntityName: 'none',
      SharedVariables: [],
      Stage: step.stage,
      UserAzureActiveDirectoryObjectId: EMPTY_GUID,
      UserId: ctx.userId,
    };
  }

  private endpoint(id: string): Record<string, unknown> | undefined {
    return this.engine.store.all('SELECT * FROM "serviceendpoint" WHERE "serviceendpointid" = ?', [id])[0];
  }

  /** POSTs a context to a webhook endpoint with its authentication; returns the HTTP status. */
  private async deliver(step: Step, body: Record<string, unknown>, mode: 'sync' | 'async', attempt: number): Promise<Delivery> {
    const endpoint = this.endpoint(step.endpointId);
    const delivery: Delivery = { stepId: step.id, stepName: step.name, endpointId: step.endpointId, url: '', mode, attempt, status: null, headers: {}, body, at: new Date().toISOString() };
    this.deliveries.push(delivery);
    if (!endpoint || endpoint.contract !== 8 || !endpoint.url) {
      delivery.error = endpoint ? `Service endpoint ${step.endpointId} is not a webhook with a URL.` : `Service endpoint ${step.endpointId} does not exist.`;
      return delivery;
    }
    const url = new URL(String(endpoint.url));
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-ms-dynamics-organization': `${this.engine.organizationName}.emulator.local`,
      'x-ms-dynamics-entity-name': String(body.PrimaryEntityName),
      'x-ms-dynamics-request-name': String(body.MessageName),
      'x-ms-correlation-request-id': String(body.CorrelationId),
      'x-request-id': newId(),
    };
    const authValue = String(endpoint.authvalue ?? '');
    if (endpoint.authtype === 4) url.searchParams.set('code', authValue);
    else if (endpoint.authtype === 5 || endpoint.authtype === 6) {
      for (const m of authValue.matchAll(/<setting\s+name="([^"]*)"\s+value="([^"]*)"\s*\/>/g)) {
        const name = decodeXml(m[1]!);
        const value = decodeXml(m[2]!);
        if (endpoint.authtype === 5) headers[name] = value;
        else url.searchParams.set(name, value);
      }
    }
    delivery.url = url.toString();
    delivery.headers = headers;
    try {
      const response = await fetch(url, { method: 'POST', headers, body: toWireJson(body), signal: AbortSignal.timeout(this.options.webhookTimeoutMs) });
      delivery.status = response.status;
      await response.arrayBuffer();
      if (response.status < 200 || response.status > 299) delivery.error = `The webhook answered HTTP ${response.status}.`;
    } catch (error) {
      delivery.error = `The webhook could not be reached: ${(error as Error).message}`;
    }
    return delivery;
  }

  private async runSync(ctx: CallerContext, step: Step, event: PipelineEvent): Promise<void> {
    const body = this.context(ctx, step, event, newId());
    let delivery = await this.deliver(step, body, 'sync', 1);
    // Dataverse tries once more only on 502, 503 and 504 (use-webhooks.md, Troubleshoot).
    if (delivery.status === 502 || delivery.status === 503 || delivery.status === 504) delivery = await this.deliver(step, body, 'sync', 2);
    if (delivery.error) {
      throw new DataverseError(400, PLUGIN_ERROR.hex, `Webhook step '${step.name}' failed for message ${event.message}: ${delivery.error} Endpoint: ${delivery.url || step.endpointId}.`);
    }
  }

  // --- asynchronous steps: system jobs -------------------------------------------------------

  private enqueue(ctx: CallerContext, step: Step, event: PipelineEvent): void {
    const table = this.engine.table('asyncoperation');
    const id = newId();
    const now = this.engine.now();
    const user = { id: ctx.userId, logicalName: 'systemuser' };
    this.engine.store.insert(table, {
      asyncoperationid: id,
      name: step.name,
      operationtype: 1,
      statecode: 0,
      statuscode: 0,
      retrycount: 0,
      depth: ctx.depth,
      messagename: event.message,
      primaryentitytype: event.table?.logicalName ?? 'none',
      owningextensionid: { id: step.id, logicalName: 'sdkmessageprocessingstep' },
      regardingobjectid: event.table && event.id && event.message !== 'Delete' ? { id: event.id, logicalName: event.table.logicalName } : null,
      correlationid: ctx.correlationId,
      data: JSON.stringify({ step, context: this.context(ctx, step, event, id) }),
      createdon: now,
      modifiedon: now,
      createdby: user,
      modifiedby: user,
      ownerid: user,
      owninguser: user,
      owningbusinessunit: { id: this.engine.businessUnitId, logicalName: 'businessunit' },
      versionnumber: this.engine.store.nextVersion(),
    });
  }

  private dueJobs(): Array<Record<string, unknown>> {
    const now = this.engine.now();
    const rows = this.engine.store.all(
      `SELECT "asyncoperationid", "data", "retrycount", "postponeuntil", "statecode" FROM "asyncoperation"
        WHERE "operationtype" = 1 AND ("statecode" = 0 OR ("statecode" = 1 AND "statuscode" = 10))
        ORDER BY "createdon"`,
      [],
    );
    return rows.filter((r) => {
      const id = r.asyncoperationid as string;
      if (this.inFlight.has(id)) return false;
      if (r.statecode === 0) return true;
      if (this.dueNow.has(id)) return true;
      return !this.scheduled.has(id) && (!r.postponeuntil || String(r.postponeuntil) <= now);
    });
  }

  private pendingCount(): number {
    const row = this.engine.store.all(`SELECT COUNT(*) AS n FROM "asyncoperation" WHERE "operationtype" = 1 AND ("statecode" = 0 OR ("statecode" = 1 AND "statuscode" = 10))`, [])[0];
    return Number(row?.n ?? 0);
  }

  private kicking = false;

  /** Runs every due job; jobs that fail are rescheduled by a timer. */
  kick(): void {
    if (this.stopped || this.kicking) return;
    this.kicking = true;
    void this.drain().finally(() => {
      this.kicking = false;
    });
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const jobs = this.dueJobs();
      if (!jobs.length) return;
      await Promise.all(jobs.map((job) => this.runJob(job)));
    }
  }

  private async runJob(job: Record<string, unknown>): Promise<void> {
    const id = job.asyncoperationid as string;
    const table = this.engine.table('asyncoperation');
    const { step, context } = JSON.parse(String(job.data)) as { step: Step; context: Record<string, unknown> };
    const attempt = Number(job.retrycount ?? 0) + 1;
    this.running++;
    this.inFlight.add(id);
    this.dueNow.delete(id);
    try {
      // The job row is written with its operation; a rolled-back operation leaves no job to run.
      const started = await this.engine.exclusive(async () => {
        const row = this.engine.store.get(table, id);
        if (!row || (row.statecode !== 0 && row.statecode !== 1)) return false;
        this.engine.store.update(table, id, { statecode: 2, statuscode: 20, startedon: this.engine.now(), modifiedon: this.engine.now(), versionnumber: this.engine.store.nextVersion() });
        return true;
      });
      if (!started) return;
      const delivery = await this.deliver(step, context, 'async', attempt);
      await this.engine.exclusive(async () => {
        const now = this.engine.now();
        if (!delivery.error) {
          if (step.asyncAutoDelete) this.engine.store.delete(table, id);
          else this.engine.store.update(table, id, { statecode: 3, statuscode: 30, completedon: now, modifiedon: now, message: null, versionnumber: this.engine.store.nextVersion() });
          return;
        }
        const message = `${delivery.error} Endpoint: ${delivery.url}. Attempt ${attempt} of ${this.options.asyncMaxAttempts}.`;
        if (attempt >= this.options.asyncMaxAttempts) {
          this.engine.store.update(table, id, { statecode: 3, statuscode: 31, completedon: now, modifiedon: now, retrycount: attempt, message, friendlymessage: `The webhook step '${step.name}' failed: ${delivery.error}`, errorcode: PLUGIN_ERROR.int, versionnumber: this.engine.store.nextVersion() });
          return;
        }
        const delay = this.options.asyncRetryBaseMs * 2 ** (attempt - 1);
        const due = new Date(Date.now() + delay);
        this.engine.store.update(table, id, { statecode: 1, statuscode: 10, retrycount: attempt, message, postponeuntil: due.toISOString().replace(/\.\d{3}Z$/, 'Z'), modifiedon: now, versionnumber: this.engine.store.nextVersion() });
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.scheduled.delete(id);
          this.dueNow.add(id);
          this.kick();
        }, delay);
        this.timers.add(timer);
        this.scheduled.set(id, timer);
      });
    } finally {
      this.inFlight.delete(id);
      this.running--;
    }
  }

  /** Resolves when no system job is waiting, running or scheduled for a retry. */
  async waitForIdle(timeoutMs = 10000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.running === 0 && this.timers.size === 0 && !this.kicking && this.pendingCount() === 0) return;
      if (this.pendingCount() > 0 && !this.kicking && this.timers.size === 0) this.kick();
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`System jobs still pending after ${timeoutMs} ms.`);
  }

  /** Resumes jobs left waiting by a previous run of the emulator. */
  resume(): void {
    this.engine.store.db.exec(`UPDATE "asyncoperation" SET "statecode" = 0, "statuscode" = 0 WHERE "operationtype" = 1 AND "statecode" = 2`);
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.scheduled.clear();
  }
}

function decodeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
