/**
 * The RemoteExecutionContext a webhook receives, serialised as Dataverse serialises it
 * (powerapps-docs use-webhooks.md): key/value collections, `__type` on typed values
 * (Entity, EntityReference, OptionSetValue, Money, EntityCollection), dates as "\/Date(ms)\/",
 * and forward slashes escaped as .NET's DataContractJsonSerializer does.
 */
import { Engine } from '../engine';
import { AttributeDef, isLookupType, TableDef } from '../metadata/model';
import { LookupValue, Row } from '../store/store';

const NS = 'http://schemas.microsoft.com/xrm/2011/Contracts';

export type KeyValue = { key: string; value: unknown };

export function entityReference(ref: LookupValue, name: string | null = null): Record<string, unknown> {
  return { __type: `EntityReference:${NS}`, Id: ref.id, KeyAttributes: [], LogicalName: ref.logicalName, Name: name, RowVersion: null };
}

export function netDate(iso: string): string {
  return `/Date(${Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso)})/`;
}

export function serializeValue(a: AttributeDef, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isLookupType(a.type)) return entityReference(value as LookupValue);
  switch (a.type) {
    case 'Picklist':
    case 'State':
    case 'Status':
      return { __type: `OptionSetValue:${NS}`, Value: value };
    case 'MultiSelectPicklist':
      return String(value)
        .split(',')
        .filter(Boolean)
        .map((v) => ({ __type: `OptionSetValue:${NS}`, Value: Number(v) }));
    case 'Money':
      return { __type: `Money:${NS}`, Value: value };
    case 'DateTime':
      return netDate(String(value));
    default:
      return value;
  }
}

/** `only`: the attributes an image registered (party lists included only when listed). */
export function serializeEntity(engine: Engine, table: TableDef, id: string, row: Row, withType = true, only?: string[]): Record<string, unknown> {
  const attributes: KeyValue[] = [];
  for (const [key, value] of Object.entries(row)) {
    const a = table.attributes[key];
    if (!a || a.writeOnly || value === undefined) continue;
    attributes.push({ key, value: serializeValue(a, value) });
  }
  if (table.isActivity) {
    const parties = engine.store.all('SELECT * FROM "activityparty" WHERE "activityid" = ?', [id]);
    const byMask: Record<number, string> = { 1: 'from', 2: 'to', 3: 'cc', 4: 'bcc' };
    const partyTable = engine.table('activityparty');
    const grouped = new Map<string, unknown[]>();
    for (const raw of parties) {
      const p = engine.store.fromSql(partyTable, raw);
      const name = byMask[p.participationtypemask as number];
      if (!name || !table.attributes[name] || (only && !only.includes(name))) continue;
      const list = grouped.get(name) ?? [];
      list.push(serializeEntity(engine, partyTable, p.activitypartyid as string, p, false));
      grouped.set(name, list);
    }
    for (const [name, entities] of grouped) {
      if (!attributes.some((kv) => kv.key === name)) attributes.push({ key: name, value: entityCollection('activityparty', entities) });
    }
  }
  const entity: Record<string, unknown> = {
    Attributes: attributes,
    EntityState: null,
    FormattedValues: [],
    Id: id,
    KeyAttributes: [],
    LogicalName: table.logicalName,
    RelatedEntities: [],
    RowVersion: row.versionnumber !== undefined && row.versionnumber !== null ? String(row.versionnumber) : null,
  };
  return withType ? { __type: `Entity:${NS}`, ...entity } : entity;
}

export function entityCollection(entityName: string, entities: unknown[]): Record<string, unknown> {
  return { __type: `EntityCollection:${NS}`, Entities: entities, EntityName: entityName, MinActiveRowVersion: '-1', MoreRecords: false, PagingCookie: null, TotalRecordCount: -1, TotalRecordCountLimitExceeded: false };
}

/** JSON with "/" escaped as "\/", as Dataverse sends it. */
export function toWireJson(value: unknown): string {
  return JSON.stringify(value).replace(/\//g, '\\/');
}
