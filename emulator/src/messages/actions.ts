/**
 * Functions and actions: WhoAmI, ImportSolution, PublishAllXml/PublishXml, AddMemberList (bound to
 * list), AddListMembersList, CreateMultiple/UpdateMultiple (bound to a collection), and every
 * imported Custom API, bound or unbound, whose registered webhook steps run on its message.
 */
import { errors } from '../http/errors';
import { ApiRequest, ApiResponse, json, noContent } from '../http/request';
import { TableDef } from '../metadata/model';
import type { DataverseService } from '../service';
import { parseBody } from '../service';
import { parseGuid } from '../util/ids';
import { entityReference, KeyValue, netDate } from '../webhooks/context';
import { importSolution } from '../solution/import';

const NS = 'http://schemas.microsoft.com/xrm/2011/Contracts';

export class Actions {
  constructor(private readonly service: DataverseService) {}

  private get engine() {
    return this.service.engine;
  }

  async unbound(req: ApiRequest, name: string, key: string | undefined): Promise<ApiResponse> {
    if (name === 'WhoAmI' && req.method === 'GET') {
      return json(200, { '@odata.context': `${req.root}$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`, BusinessUnitId: this.engine.businessUnitId, UserId: req.ctx.userId, OrganizationId: this.engine.organizationId });
    }
    if (req.method === 'POST') {
      const body = parseBody(req.body) as Record<string, unknown>;
      switch (name) {
        case 'ImportSolution': {
          if (typeof body.CustomizationFile !== 'string') throw errors.invalidArgument('ImportSolution needs CustomizationFile (the solution zip, base64).');
          await this.service.write(() => importSolution(this.service, Buffer.from(body.CustomizationFile as string, 'base64'), req.ctx, parseGuid(body.ImportJobId)));
          return noContent();
        }
        case 'PublishAllXml':
        case 'PublishXml':
          return noContent();
        case 'AddListMembersList': {
          const list = body.List as Record<string, unknown> | undefined;
          const listId = parseGuid(list?.listid);
          if (!listId || !Array.isArray(body.Members)) throw errors.invalidArgument('AddListMembersList needs List (with listid) and Members.');
          await this.service.write(async () => {
            for (const m of body.Members as Array<Record<string, unknown>>) {
              const id = Object.entries(m).find(([k]) => k.endsWith('id') && parseGuid(m[k]))?.[1];
              await this.service.records.addListMember(req.ctx, listId, String(id ?? ''));
            }
          });
          return noContent();
        }
      }
    }
    const api = this.customApi(name);
    if (api) return this.runCustomApi(req, api, body(req), undefined, undefined);
    void key;
    throw errors.resourceNotFound(name);
  }

  async boundToCollection(req: ApiRequest, table: TableDef, name: string): Promise<ApiResponse> {
    const input = parseBody(req.body) as Record<string, unknown>;
    if (name === 'CreateMultiple' || name === 'UpdateMultiple' || name === 'UpsertMultiple') {
      const targets = input.Targets;
      if (!Array.isArray(targets) || targets.length === 0) throw errors.invalidArgument(`${name} needs a non-empty Targets array.`);
      const ids = await this.service.write(async () => {
        const out: string[] = [];
        for (const raw of targets as Array<Record<string, unknown>>) {
          const type = String(raw['@odata.type'] ?? '').replace(/^#?Microsoft\.Dynamics\.CRM\./, '');
          if (type && type !== table.logicalName) throw errors.invalidArgument(`${name} on ${table.entitySetName} received a target of type ${type}.`);
          const { ['@odata.type']: _ignored, ...target } = raw;
          const id = parseGuid(target[table.primaryIdAttribute]);
          if (name === 'CreateMultiple') out.push(await this.service.records.create(req.ctx, table, target));
          else if (name === 'UpdateMultiple') {
            if (!id) throw errors.invalidArgument(`UpdateMultiple targets need ${table.primaryIdAttribute}.`);
            out.push((await this.service.records.update(req.ctx, table, id, target, { ifMatch: '*' })).id);
          } else out.push((await this.service.records.update(req.ctx, table, id ?? '', target, { upsert: true })).id);
        }
        return out;
      });
      if (name === 'UpdateMultiple') return noContent();
      return json(200, { '@odata.context': `${req.root}$metadata#Microsoft.Dynamics.CRM.${name}Response`, Ids: ids });
    }
    const api = this.customApi(name);
    if (api && api.bindingtype === 2 && api.boundentitylogicalname === table.logicalName) return this.runCustomApi(req, api, input, table, undefined);
    throw errors.resourceNotFound(`Microsoft.Dynamics.CRM.${name}`);
  }

  async boundToRecord(req: ApiRequest, table: TableDef, id: string, name: string): Promise<ApiResponse> {
    const input = parseBody(req.body) as Record<string, unknown>;
    if (name === 'AddMemberList' && table.logicalName === 'list') {
      const memberId = await this.service.write(() => this.service.records.addListMember(req.ctx, id, String(input.EntityId ?? '')));
      return json(200, { '@odata.context': `${req.root}$metadata#Microsoft.Dynamics.CRM.AddMemberListResponse`, Id: memberId });
    }
    const api = this.customApi(name);
    if (api && api.bindingtype === 1 && api.boundentitylogicalname === table.logicalName) return this.runCustomApi(req, api, input, table, id);
    throw errors.resourceNotFound(`Microsoft.Dynamics.CRM.${name}`);
  }

  private customApi(name: string): Record<string, unknown> | undefined {
    return this.engine.store.all('SELECT * FROM "customapi" WHERE "uniquename" = ? COLLATE BINARY', [name])[0];
  }

  private async runCustomApi(req: ApiRequest, api: Record<string, unknown>, input: Record<string, unknown>, table: TableDef | undefined, id: string | undefined): Promise<ApiResponse> {
    const name = String(api.uniquename);
    const isFunction = api.isfunction === 1;
    if (isFunction !== (req.method === 'GET')) throw errors.methodNotAllowed(`${name} is ${isFunction ? 'a function: call it with GET' : 'an action: call it with POST'}.`);
    if (api.bindingtype === 1 && !id) throw errors.badQuery(`${name} is bound to ${api.boundentitylogicalname}: call it on a record, ${table?.entitySetName ?? api.boundentitylogicalname}(<id>)/Microsoft.Dynamics.CRM.${name}.`);
    const apiId = String(api.customapiid);
    const parameters = this.engine.store.all('SELECT * FROM "customapirequestparameter" WHERE "customapiid" = ?', [apiId]);
    const inputParameters: KeyValue[] = [];
    for (const p of parameters) {
      const pname = String(p.uniquename);
      const value = input[pname];
      if (value === undefined || value === null) {
        if (p.isoptional !== 1) throw errors.invalidArgument(`Required parameter '${pname}' of ${name} is missing.`);
        continue;
      }
      inputParameters.push({ key: pname, value: this.typedParameter(name, pname, Number(p.type), value, p.logicalentityname as string | null) });
    }
    for (const k of Object.keys(input)) {
      if (!k.startsWith('@') && !parameters.some((p) => p.uniquename === k)) throw errors.badQuery(`The parameter '${k}' is not a parameter of ${name}.`);
    }
    const event = { message: name, table, id, reference: table && id ? { id, logicalName: table.logicalName } : undefined, inputParameters };
    await this.service.pipeline.before(req.ctx, event);
    await this.service.pipeline.afterSync(req.ctx, event);
    await this.engine.exclusive(async () => this.service.pipeline.enqueueAsync(req.ctx, event));
    const outputs = this.engine.store.all('SELECT "uniquename" FROM "customapiresponseproperty" WHERE "customapiid" = ?', [apiId]);
    if (outputs.length === 0) return noContent();
    return json(200, { '@odata.context': `${req.root}$metadata#Microsoft.Dynamics.CRM.${name}Response`, ...Object.fromEntries(outputs.map((o) => [String(o.uniquename), null])) });
  }

  /** Converts a Web API parameter value to its typed RemoteExecutionContext form. */
  private typedParameter(api: string, name: string, type: number, value: unknown, entity: string | null): unknown {
    const bad = (expected: string) => errors.badQuery(`Parameter '${name}' of ${api} must be ${expected}.`);
    switch (type) {
      case 0:
        if (typeof value !== 'boolean') throw bad('a Boolean');
        return value;
      case 1:
        if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw bad('a DateTime');
        return netDate(value);
      case 2:
      case 6:
      case 7:
        if (typeof value !== 'number') throw bad('a number');
        return value;
      case 8:
        if (typeof value !== 'number') throw bad('a Money amount');
        return { __type: `Money:${NS}`, Value: value };
      case 9:
        if (typeof value !== 'number') throw bad('an option value');
        return { __type: `OptionSetValue:${NS}`, Value: value };
      case 10:
        if (typeof value !== 'string') throw bad('a String');
        return value;
      case 11:
        if (!Array.isArray(value)) throw bad('a string array');
        return value;
      case 12: {
        const g = parseGuid(value);
        if (!g) throw bad('a Guid');
        return g;
      }
      case 5: {
        const obj = value as Record<string, unknown>;
        const logicalName = String(obj['@odata.type'] ?? (entity ? `Microsoft.Dynamics.CRM.${entity}` : '')).replace(/^#?Microsoft\.Dynamics\.CRM\./, '');
        const table = this.engine.schema.table(logicalName);
        if (!table) throw bad('an entity reference with @odata.type');
        if (entity && entity !== logicalName) throw bad(`a reference to ${entity}`);
        const id = parseGuid(obj[table.primaryIdAttribute]);
        if (!id) throw bad(`a reference with ${table.primaryIdAttribute}`);
        if (!this.engine.store.get(table, id)) throw errors.notFound(table.logicalName, id);
        return entityReference({ id, logicalName });
      }
      default:
        return value;
    }
  }
}

function body(req: ApiRequest): Record<string, unknown> {
  return req.method === 'GET' ? {} : (parseBody(req.body) as Record<string, unknown>);
}
