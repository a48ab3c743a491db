import type { DynamicsWebApi } from 'dynamics-web-api';
import type { AttributeKind } from '@smsc/core';
import { dataverse } from './web-api';

interface AttributeRow {
  LogicalName: string;
  AttributeType: string;
  AttributeTypeName?: { Value?: string } | null;
  Format?: string | null;
  DateTimeBehavior?: { Value?: string } | null;
}

export interface TableMetadata {
  entitySetName: string;
  primaryIdAttribute: string;
  primaryNameAttribute: string;
  /** Column kinds by logical name: what the merge renderer needs to format values. */
  attributes: Map<string, AttributeKind>;
  /** Tables each lookup column points to. */
  lookupTargets: Map<string, string[]>;
}

const KINDS: Record<string, AttributeKind> = {
  String: 'string',
  Memo: 'memo',
  Integer: 'integer',
  BigInt: 'bigint',
  Decimal: 'decimal',
  Double: 'double',
  Money: 'money',
  Boolean: 'boolean',
  DateTime: 'datetime',
  Picklist: 'picklist',
  State: 'state',
  Status: 'status',
  Lookup: 'lookup',
  Customer: 'customer',
  Owner: 'owner',
  Uniqueidentifier: 'uniqueidentifier',
  Virtual: 'string',
};

function kindOf(row: AttributeRow): AttributeKind {
  if (row.AttributeTypeName?.Value === 'MultiSelectPicklistType') return 'multiselectpicklist';
  if (row.AttributeType === 'DateTime' && (row.DateTimeBehavior?.Value === 'DateOnly' || row.Format === 'DateOnly')) return 'dateonly';
  return KINDS[row.AttributeType] ?? 'string';
}

/** Table metadata read once per table and kept: it changes only when the solution does. */
export class MetadataCache {
  private readonly tables = new Map<string, Promise<TableMetadata>>();

  constructor(private readonly api: DynamicsWebApi) {}

  table(logicalName: string): Promise<TableMetadata> {
    let pending = this.tables.get(logicalName);
    if (!pending) {
      pending = this.load(logicalName);
      pending.catch(() => this.tables.delete(logicalName));
      this.tables.set(logicalName, pending);
    }
    return pending;
  }

  private async load(logicalName: string): Promise<TableMetadata> {
    const entity = await dataverse(`Reading the definition of table "${logicalName}"`, () =>
      this.api.retrieveEntity<{ EntitySetName: string; PrimaryIdAttribute: string; PrimaryNameAttribute: string }>({
        key: `LogicalName='${logicalName}'`,
        select: ['EntitySetName', 'PrimaryIdAttribute', 'PrimaryNameAttribute'],
      }),
    );
    const attributes = await dataverse(`Reading the columns of table "${logicalName}"`, () =>
      this.api.retrieveAttributes<AttributeRow>({ entityKey: `LogicalName='${logicalName}'`, select: ['LogicalName', 'AttributeType', 'AttributeTypeName'] }),
    );
    const map = new Map<string, AttributeKind>();
    for (const row of attributes.value) map.set(row.LogicalName, kindOf(row));
    const lookups = await dataverse(`Reading the lookups of table "${logicalName}"`, () =>
      this.api.retrieveAttributes<{ LogicalName: string; Targets?: string[] | null }>({
        entityKey: `LogicalName='${logicalName}'`,
        castType: 'Microsoft.Dynamics.CRM.LookupAttributeMetadata',
        select: ['LogicalName', 'Targets'],
      }),
    );
    const lookupTargets = new Map(lookups.value.map((l) => [l.LogicalName, l.Targets ?? []] as [string, string[]]));
    return { entitySetName: entity.EntitySetName, primaryIdAttribute: entity.PrimaryIdAttribute, primaryNameAttribute: entity.PrimaryNameAttribute, attributes: map, lookupTargets };
  }
}
