/**
 * Reads a create/update JSON body the way the Web API does: plain properties by logical name,
 * lookups only through `<navigation>@odata.bind`, activity parties through
 * `<activity>_activity_parties`, and one-to-many deep inserts. Anything else is refused with
 * Dataverse's messages.
 */
import { Engine } from '../engine';
import { errors } from '../http/errors';
import { isLookupType, TableDef } from '../metadata/model';
import { LookupValue, Row } from '../store/store';
import { parseGuid } from '../util/ids';
import { toStored } from '../query/values';

export interface PartyInput {
  party: LookupValue | null;
  mask: number;
  addressused?: string;
}

export interface ParsedPayload {
  changes: Row;
  parties?: PartyInput[];
  /** Deep inserts: rows of `table` to create with `attribute` pointing at the new parent. */
  related: Array<{ table: string; attribute: string; payload: Record<string, unknown> }>;
}

/** Resolves "/contacts(id)", "contacts(id)", an absolute URL or an alternate key to a row. */
export function resolveReference(engine: Engine, value: unknown, where: string): LookupValue {
  if (typeof value !== 'string') throw errors.badQuery(`The value of ${where} must be a URI such as /contacts(00000000-0000-0000-0000-000000000000).`);
  const m = /(?:^|\/)([A-Za-z_][\w]*)\(([^)]*)\)\/?$/.exec(value.trim());
  if (!m) throw errors.badQuery(`The URI '${value}' of ${where} is not valid for an entity reference.`);
  const table = engine.schema.tableBySet(m[1]!);
  if (!table) throw errors.resourceNotFound(m[1]!);
  const id = findByKey(engine, table, m[2]!);
  if (!id) throw errors.notFound(table.logicalName, m[2]!);
  return { id, logicalName: table.logicalName };
}

/** Finds a row id by GUID key or alternate key text (`key1='a',key2=2`); undefined if absent. */
export function findByKey(engine: Engine, table: TableDef, keyText: string): string | undefined {
  const guid = parseGuid(keyText);
  if (guid) return engine.store.get(table, guid) ? guid : undefined;
  const values = parseAlternateKey(table, keyText);
  const rows = engine.store.findBy(table, values, 2);
  return rows[0]?.[table.primaryIdAttribute] as string | undefined;
}

export function parseAlternateKey(table: TableDef, keyText: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const part of keyText.match(/[^,]+=(?:'(?:[^']|'')*'|[^,]*)/g) ?? []) {
    const i = part.indexOf('=');
    const name = part.slice(0, i).trim();
    const raw = part.slice(i + 1).trim();
    const a = table.attributes[name] ?? table.attributes[/^_(.+)_value$/.exec(name)?.[1] ?? ''];
    if (!a) throw errors.badQuery(`The key attribute '${name}' is not an attribute of '${table.logicalName}'.`);
    values[a.logicalName] = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : parseGuid(raw) ?? (raw === 'true' ? 1 : raw === 'false' ? 0 : Number(raw));
  }
  const names = Object.keys(values).sort().join(',');
  const isKey = table.keys.some((k) => [...k.attributes].sort().join(',') === names);
  if (!isKey) throw errors.badQuery(`The specified key attributes are not a defined key for the ${table.logicalName} entity`);
  return values;
}

export function parsePayload(engine: Engine, table: TableDef, body: unknown): ParsedPayload {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw errors.badQuery('The request body must be a JSON object.');
  const result: ParsedPayload = { changes: {}, related: [] };
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key.startsWith('@odata.') || (key.includes('@') && !key.endsWith('@odata.bind'))) continue;
    if (key.endsWith('@odata.bind')) {
      const navName = key.slice(0, -'@odata.bind'.length);
      const nav = engine.schema.navigation(table, navName);
      if (!nav || nav.kind !== 'lookup') {
        throw errors.badQuery(`An undeclared property '${navName}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.`);
      }
      if (nav.attribute.readOnly) throw errors.badQuery(`The property '${navName}' of '${table.logicalName}' cannot be set.`);
      if (value === null) {
        result.changes[nav.attribute.logicalName] = null;
        continue;
      }
      const ref = resolveReference(engine, value, `'${key}'`);
      const allowed = nav.target ? [nav.target] : engine.schema.targetsOf(table, nav.attribute);
      if (!allowed.includes(ref.logicalName)) throw errors.badQuery(`The entity '${ref.logicalName}' cannot be bound to '${navName}' of '${table.logicalName}'; expected ${allowed.join(' or ')}.`);
      result.changes[nav.attribute.logicalName] = ref;
      continue;
    }
    const a = table.attributes[key];
    if (a && !isLookupType(a.type) && a.type !== 'PartyList') {
      if (a.readOnly) continue; // Dataverse ignores values for platform-computed columns.
      result.changes[key] = toStored(table, a, value);
      continue;
    }
    const nav = engine.schema.navigation(table, key);
    if (nav?.kind === 'parties') {
      if (!Array.isArray(value)) throw errors.badQuery(`'${key}' must be an array of activity parties.`);
      result.parties = value.map((p, i) => parseParty(engine, p, `${key}[${i}]`));
      continue;
    }
    if (nav?.kind === 'oneToMany' && Array.isArray(value)) {
      for (const child of value) result.related.push({ table: nav.table, attribute: nav.attribute, payload: child as Record<string, unknown> });
      continue;
    }
    if (a && isLookupType(a.type)) {
      throw errors.badQuery(`Cannot set the lookup '${key}' of '${table.logicalName}' as a plain value; bind it with '${engine.schema.navigationNameFor(table, a, engine.schema.targetsOf(table, a)[0] ?? '')}@odata.bind'.`);
    }
    throw errors.badQuery(`The property '${key}' does not exist on type 'Microsoft.Dynamics.CRM.${table.logicalName}'. Make sure to only use property names that are defined by the type.`);
  }
  return result;
}

function parseParty(engine: Engine, body: unknown, where: string): PartyInput {
  const partyTable = engine.table('activityparty');
  if (!body || typeof body !== 'object') throw errors.badQuery(`${where} must be an object.`);
  const input: PartyInput = { party: null, mask: 0 };
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === 'participationtypemask') input.mask = toStored(partyTable, partyTable.attributes.participationtypemask!, value) as number;
    else if (key === 'addressused') input.addressused = String(value);
    else if (/^partyid_\w+@odata\.bind$/.test(key)) input.party = resolveReference(engine, value, `'${where}.${key}'`);
    else if (key.startsWith('@odata.')) continue;
    else throw errors.badQuery(`The property '${key}' does not exist on type 'Microsoft.Dynamics.CRM.activityparty'.`);
  }
  if (!input.mask) throw errors.badQuery(`${where}: participationtypemask is required.`);
  if (!input.party && !input.addressused) throw errors.badQuery(`${where}: a party (partyid_<table>@odata.bind) or an addressused is required.`);
  return input;
}
