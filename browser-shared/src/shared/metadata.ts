/**
 * Table and column metadata from the Web API's EntityDefinitions (neither Xrm.Utility nor the PCF
 * context can list every column of a table). Display names come from UserLocalizedLabel, which
 * Dataverse fills in the caller's UI language; custom columns are listed like any other.
 */
import type { ColumnInfo, MetadataPort, TableInfo } from '../xrm/ports';

/** GETs a path relative to `/api/data/v9.2/`; resolves null on 404. */
export type FetchJson = (path: string) => Promise<unknown | null>;

interface LocalizedLabel {
  UserLocalizedLabel?: { Label?: string } | null;
}
interface AttributeDefinition {
  LogicalName: string;
  AttributeType?: string;
  DisplayName?: LocalizedLabel;
  IsValidForRead?: boolean;
  AttributeOf?: string | null;
}
interface EntityDefinition {
  LogicalName: string;
  DisplayName?: LocalizedLabel;
  PrimaryNameAttribute?: string;
  Attributes?: AttributeDefinition[];
}

/** Columns that hold nothing a text can show (ids, party lists, files, helper columns). */
const NOT_MERGEABLE = new Set(['uniqueidentifier', 'partylist', 'entityname', 'virtual', 'managedproperty', 'calendarrules', 'image', 'file']);
const LOOKUP_TYPES = new Set(['lookup', 'customer', 'owner']);

export function isLookupType(type: string): boolean {
  return LOOKUP_TYPES.has(type);
}

export function createMetadataPort(fetchJson: FetchJson, language: string): MetadataPort {
  const cache = new Map<string, Promise<TableInfo | null>>();
  const load = async (logicalName: string): Promise<TableInfo | null> => {
    const key = `EntityDefinitions(LogicalName='${encodeURIComponent(logicalName)}')`;
    const entity = (await fetchJson(
      `${key}?$select=LogicalName,DisplayName,PrimaryNameAttribute&$expand=Attributes($select=LogicalName,AttributeType,DisplayName,IsValidForRead,AttributeOf)`,
    )) as EntityDefinition | null;
    if (!entity) return null;
    const lookups = (await fetchJson(`${key}/Attributes/Microsoft.Dynamics.CRM.LookupAttributeMetadata?$select=LogicalName,Targets`)) as {
      value?: Array<{ LogicalName: string; Targets?: string[] }>;
    } | null;
    const targets = new Map((lookups?.value ?? []).map((l) => [l.LogicalName, l.Targets ?? []]));
    const columns: ColumnInfo[] = (entity.Attributes ?? [])
      .filter((a) => a.IsValidForRead !== false && !a.AttributeOf)
      .map((a) => ({ logicalName: a.LogicalName, type: (a.AttributeType ?? 'string').toLowerCase(), displayName: label(a.DisplayName) ?? a.LogicalName, targets: targets.get(a.LogicalName) ?? [] }))
      .filter((c) => !NOT_MERGEABLE.has(c.type))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, language) || a.logicalName.localeCompare(b.logicalName));
    return {
      logicalName: entity.LogicalName,
      displayName: label(entity.DisplayName) ?? entity.LogicalName,
      primaryNameAttribute: entity.PrimaryNameAttribute ?? 'name',
      columns,
    };
  };
  return {
    table(logicalName: string) {
      const name = logicalName.trim().toLowerCase();
      let pending = cache.get(name);
      if (!pending) {
        pending = load(name);
        // A failed request is not remembered: the next call tries again.
        pending.catch(() => cache.delete(name));
        cache.set(name, pending);
      }
      return pending;
    },
  };
}

function label(value: LocalizedLabel | undefined): string | undefined {
  return value?.UserLocalizedLabel?.Label || undefined;
}

/** A `fetch`-based FetchJson for the org at `baseUrl` ('' in a model-driven page: same origin). */
export function webApiFetch(baseUrl: string, fetchImpl?: typeof fetch): FetchJson {
  return async (path) => {
    const response = await (fetchImpl ?? fetch)(`${baseUrl.replace(/\/$/, '')}/api/data/v9.2/${path}`, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'OData-MaxVersion': '4.0', 'OData-Version': '4.0' },
    });
    if (response.status === 404) return null;
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
    }
    return response.json();
  };
}
