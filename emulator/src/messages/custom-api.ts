/**
 * Imported Custom APIs: the request parameters checked and typed as the RemoteExecutionContext
 * carries them, then the message's registered steps run (pre, synchronous post, asynchronous).
 */
import { errors } from '../http/errors';
import { ApiRequest, ApiResponse, json, noContent } from '../http/request';
import { TableDef } from '../metadata/model';
import type { DataverseService } from '../service';
import { parseGuid } from '../util/ids';
import { entityReference, KeyValue, netDate } from '../webhooks/context';

const NS = 'http://schemas.microsoft.com/xrm/2011/Contracts';

export type CustomApiRow = Record<string, unknown>;

export function findCustomApi(service: DataverseService, name: string): CustomApiRow | undefined {
  return service.engine.store.all('SELECT * FROM "customapi" WHERE "uniquename" = ? COLLATE BINARY', [name])[0];
}

export async function runCustomApi(service: DataverseService, req: ApiRequest, api: CustomApiRow, input: Record<string, unknown>, table: TableDef | undefined, id: string | undefined): Promise<ApiResponse> {
  const engine = service.engine;
  const name = String(api.uniquename);
  const isFunction = api.isfunction === 1;
  if (isFunction !== (req.method === 'GET')) throw errors.methodNotAllowed(`${name} is ${isFunction ? 'a function: call it with GET' : 'an action: call it with POST'}.`);
  if (api.bindingtype === 1 && !id) throw errors.badQuery(`${name} is bound to ${api.boundentitylogicalname}: call it on a record, ${table?.entitySetName ?? api.boundentitylogicalname}(<id>)/Microsoft.Dynamics.CRM.${name}.`);
  const apiId = String(api.customapiid);
  const parameters = engine.store.all('SELECT * FROM "customapirequestparameter" WHERE "customapiid" = ?', [apiId]);
  const inputParameters: KeyValue[] = [];
  for (const p of parameters) {
    const pname = String(p.uniquename);
    const value = input[pname];
    if (value === undefined || value === null) {
      if (p.isoptional !== 1) throw errors.invalidArgument(`Required parameter '${pname}' of ${name} is missing.`);
      continue;
    }
    inputParameters.push({ key: pname, value: typedParameter(service, name, pname, Number(p.type), value, p.logicalentityname as string | null) });
  }
  for (const k of Object.keys(input)) {
    if (!k.startsWith('@') && !parameters.some((p) => p.uniquename === k)) throw errors.badQuery(`The parameter '${k}' is not a parameter of ${name}.`);
  }
  const event = { message: name, table, id, reference: table && id ? { id, logicalName: table.logicalName } : undefined, inputParameters };
  await service.pipeline.before(req.ctx, event);
  await service.pipeline.afterSync(req.ctx, event);
  await engine.exclusive(async () => service.pipeline.enqueueAsync(req.ctx, event));
  const outputs = engine.store.all('SELECT "uniquename" FROM "customapiresponseproperty" WHERE "customapiid" = ?', [apiId]);
  if (outputs.length === 0) return noContent();
  return json(200, { '@odata.context': `${req.root}$metadata#Microsoft.Dynamics.CRM.${name}Response`, ...Object.fromEntries(outputs.map((o) => [String(o.uniquename), null])) });
}

/** Converts a Web API parameter value to its typed RemoteExecutionContext form. */
function typedParameter(service: DataverseService, api: string, name: string, type: number, value: unknown, entity: string | null): unknown {
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
      const table = service.engine.schema.table(logicalName);
      if (!table) throw bad('an entity reference with @odata.type');
      if (entity && entity !== logicalName) throw bad(`a reference to ${entity}`);
      const id = parseGuid(obj[table.primaryIdAttribute]);
      if (!id) throw bad(`a reference with ${table.primaryIdAttribute}`);
      if (!service.engine.store.get(table, id)) throw errors.notFound(table.logicalName, id);
      return entityReference({ id, logicalName });
    }
    default:
      return value;
  }
}
