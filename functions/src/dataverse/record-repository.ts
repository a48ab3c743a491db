import type { DynamicsWebApi } from 'dynamics-web-api';
import { mergeRecordFromWebApi, type MergeRecord, type ParsedTemplate, requiredColumns } from '@smsc/core';
import { dataverse, isNotFound } from './web-api';
import { RECIPIENT_TABLES, isRecipientTable, type RecipientTable } from './schema';
import type { MetadataCache } from './metadata';
import type { EntityReference } from './remote-context';
import { escape } from './sms-repository';

export interface Recipient {
  ref: EntityReference;
  name: string;
  /** The mobile number as stored: contact/lead mobilephone, or the account's primary contact's. */
  mobile: string | null;
  /** For an account: the primary contact whose mobile is used. */
  via: EntityReference | null;
  active: boolean;
}

type Row = Record<string, unknown>;
const LOGICAL = '@Microsoft.Dynamics.CRM.lookuplogicalname';

/** Reads recipients (contact, lead, account) and the rows merge fields come from. */
export class RecordRepository {
  private readonly currencies = new Map<string, string | undefined>();

  constructor(
    private readonly api: DynamicsWebApi,
    private readonly metadata: MetadataCache,
  ) {}

  async recipient(ref: EntityReference): Promise<Recipient | null> {
    if (!isRecipientTable(ref.logicalName)) return null;
    const table = RECIPIENT_TABLES[ref.logicalName];
    const select = [table.id, table.name, 'statecode', ...(table.mobile ? [table.mobile] : []), ...(ref.logicalName === 'account' ? ['_primarycontactid_value'] : [])];
    const row = await this.retrieve(table.set, ref.id, select);
    if (!row) return null;
    const name = String(row[table.name] ?? ref.name ?? '');
    const active = Number(row.statecode ?? 0) === 0;
    if (ref.logicalName !== 'account') {
      return { ref: { ...ref, name }, name, mobile: (row[table.mobile as string] as string | null) || null, via: null, active };
    }
    const contactId = row._primarycontactid_value as string | null;
    if (!contactId) return { ref: { ...ref, name }, name, mobile: null, via: null, active };
    const contact = await this.retrieve('contacts', contactId, ['fullname', 'mobilephone']);
    return {
      ref: { ...ref, name },
      name,
      mobile: (contact?.mobilephone as string | null) || null,
      via: { logicalName: 'contact', id: contactId, name: (contact?.fullname as string | null) ?? null },
      active,
    };
  }

  /**
   * The columns a template uses, for one row: columns that exist are read (with their related rows
   * for `[lookup.column]`); columns that do not exist are left out so that rendering reports them.
   */
  async mergeRecord(ref: EntityReference, template: ParsedTemplate, scope: 'recipient' | 'regarding'): Promise<MergeRecord | null> {
    const wanted = requiredColumns(template)[scope];
    const table = await this.metadata.table(ref.logicalName);
    const exists = (attribute: string) => table.attributes.has(attribute);
    const lookupKinds = new Set(['lookup', 'customer', 'owner']);
    const direct = wanted.attributes.filter(exists);
    const lookups = Object.keys(wanted.lookups).filter((l) => exists(l) && lookupKinds.has(table.attributes.get(l) as string));
    const select = new Set<string>([table.primaryIdAttribute]);
    for (const attribute of direct) select.add(lookupKinds.has(table.attributes.get(attribute) as string) ? `_${attribute}_value` : attribute);
    for (const lookup of lookups) select.add(`_${lookup}_value`);
    if (table.attributes.has('transactioncurrencyid')) select.add('_transactioncurrencyid_value');
    const row = await this.retrieve(table.entitySetName, ref.id, [...select]);
    if (!row) return null;

    const related: Record<string, MergeRecord> = {};
    for (const lookup of lookups) {
      const id = row[`_${lookup}_value`] as string | null;
      const logicalName = row[`_${lookup}_value${LOGICAL}`] as string | undefined;
      if (!id || !logicalName) continue;
      const relatedTable = await this.metadata.table(logicalName);
      const columns = (wanted.lookups[lookup] ?? []).filter((c) => relatedTable.attributes.has(c));
      const relatedRow = await this.retrieve(relatedTable.entitySetName, id, [relatedTable.primaryIdAttribute, ...columns.map((c) => (lookupKinds.has(relatedTable.attributes.get(c) as string) ? `_${c}_value` : c))]);
      if (relatedRow) related[lookup] = mergeRecordFromWebApi(relatedRow, { attributeTypes: Object.fromEntries(relatedTable.attributes) });
    }
    const currency = await this.currencyCode(row._transactioncurrencyid_value as string | null | undefined);
    return mergeRecordFromWebApi(row, { attributeTypes: Object.fromEntries(table.attributes), related, ...(currency ? { currency } : {}) });
  }

  /** Contacts, then leads, whose mobile is this number written in any usual way. */
  async findByMobile(e164: string, nationalForms: string[]): Promise<EntityReference | null> {
    const forms = [...new Set([e164, ...nationalForms])].map((f) => `'${escape(f)}'`);
    for (const tableName of ['contact', 'lead'] as RecipientTable[]) {
      const table = RECIPIENT_TABLES[tableName];
      if (!table.mobile) continue;
      const filter = `statecode eq 0 and (${forms.map((f) => `${table.mobile} eq ${f}`).join(' or ')})`;
      const response = await dataverse(`Searching ${table.set} by mobile`, () =>
        this.api.retrieveMultiple<Row>({ collection: table.set, select: [table.id, table.name], filter, orderBy: ['modifiedon desc'], top: 1 }),
      );
      const row = response.value[0];
      if (row) return { logicalName: tableName, id: String(row[table.id]), name: (row[table.name] as string | null) ?? null };
    }
    return null;
  }

  private async currencyCode(id: string | null | undefined): Promise<string | undefined> {
    if (!id) return undefined;
    if (!this.currencies.has(id)) {
      const row = await this.retrieve('transactioncurrencies', id, ['isocurrencycode']).catch(() => null);
      this.currencies.set(id, (row?.isocurrencycode as string | undefined) ?? undefined);
    }
    return this.currencies.get(id);
  }

  private async retrieve(set: string, id: string, select: string[]): Promise<Row | null> {
    try {
      return await dataverse(`Reading ${set}(${id})`, () => this.api.retrieve<Row>({ collection: set, key: id, select, includeAnnotations: '*' }));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }
}
