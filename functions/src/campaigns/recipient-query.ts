import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { TableMetadata } from '../dataverse/metadata';
import type { MarketingList } from '../dataverse/campaign-repository';

/** Rows per page, Dataverse's maximum. */
export const PAGE_SIZE = 5000;

/** The columns a campaign text needs from each recipient: direct ones, and per lookup the related ones. */
export interface MergeColumns {
  attributes: string[];
  lookups: Record<string, string[]>;
}

/** What the query reads, so that the page reader knows the aliases it chose. */
export interface RecipientQueryPlan {
  fetchXml: string;
  /** link-entity aliases per lookup column: one per target table. */
  lookupAliases: Record<string, Array<{ alias: string; table: string }>>;
}

const PRIMARY_CONTACT_ALIAS = 'smsc_pc';
const MOBILE = 'mobilephone';

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', preserveOrder: true, allowBooleanAttributes: true });
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', preserveOrder: true, suppressEmptyNode: true });

/** One element in fast-xml-parser's ordered form; the builder escapes the attribute values. */
function el(name: string, attributes: Record<string, string> = {}, children: Node[] = []): Node {
  const node: Node = { [name]: children };
  if (Object.keys(attributes).length) node[':@'] = Object.fromEntries(Object.entries(attributes).map(([k, v]) => [`@_${k}`, v]));
  return node;
}
const attribute = (name: string) => el('attribute', { name });
const condition = (name: string, operator: string, value: string) => el('condition', { attribute: name, operator, value });

/** Attribute elements for what we read from the member table (existing columns only). */
function ownAttributes(table: TableMetadata, tableName: string, columns: MergeColumns): Node[] {
  const lookupKinds = new Set(['lookup', 'customer', 'owner']);
  const names = new Set<string>([table.primaryIdAttribute, table.primaryNameAttribute, 'statecode']);
  if (tableName === 'contact' || tableName === 'lead') names.add(MOBILE);
  if (tableName === 'account') names.add('primarycontactid');
  for (const name of columns.attributes) if (table.attributes.has(name)) names.add(name);
  for (const lookup of Object.keys(columns.lookups)) if (lookupKinds.has(table.attributes.get(lookup) as string)) names.add(lookup);
  return [...names].map(attribute);
}

/** One outer link-entity per target of each lookup used as [lookup.column]. */
function lookupLinks(table: TableMetadata, columns: MergeColumns, related: (table: string) => TableMetadata | undefined): { nodes: Node[]; aliases: RecipientQueryPlan['lookupAliases'] } {
  const nodes: Node[] = [];
  const aliases: RecipientQueryPlan['lookupAliases'] = {};
  let n = 0;
  for (const [lookup, wanted] of Object.entries(columns.lookups)) {
    for (const target of table.lookupTargets.get(lookup) ?? []) {
      const targetTable = related(target);
      if (!targetTable) continue;
      const present = wanted.filter((c) => targetTable.attributes.has(c));
      const alias = `smsc_l${n++}`;
      (aliases[lookup] ??= []).push({ alias, table: target });
      nodes.push(el('link-entity', { name: target, from: targetTable.primaryIdAttribute, to: lookup, 'link-type': 'outer', alias }, [targetTable.primaryIdAttribute, ...present].map(attribute)));
    }
  }
  return { nodes, aliases };
}

/** The fetch element's paging; `cookie` comes from dynamics-web-api already escaped for an XML attribute. */
function paging(page: number, cookie: string | null): Record<string, string> {
  return { count: String(PAGE_SIZE), page: String(page), ...(cookie ? { 'paging-cookie': unescapeXml(cookie) } : {}) };
}

const unescapeXml = (value: string) => value.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * The FetchXML that reads one page of a marketing list's members with everything a campaign
 * needs: name, state, mobile (an account's through its primary contact), merge columns and
 * their related rows. Static lists go through listmember; dynamic lists keep their own query
 * (filters and links) with our columns, order and paging put on it.
 */
export function recipientQuery(list: MarketingList, table: TableMetadata, columns: MergeColumns, related: (table: string) => TableMetadata | undefined, page: number, cookie: string | null): RecipientQueryPlan {
  const links = lookupLinks(table, columns, related);
  const ours = [
    ...ownAttributes(table, list.table, columns),
    el('order', { attribute: table.primaryIdAttribute }),
    el('filter', {}, [condition('statecode', 'eq', '0')]),
    ...(list.table === 'account' ? [el('link-entity', { name: 'contact', from: 'contactid', to: 'primarycontactid', 'link-type': 'outer', alias: PRIMARY_CONTACT_ALIAS }, [attribute(MOBILE), attribute('fullname'), attribute('contactid')])] : []),
    ...links.nodes,
  ];
  if (!list.dynamic) {
    const members = el('link-entity', { name: 'listmember', from: 'entityid', to: table.primaryIdAttribute, intersect: 'true' }, [el('filter', {}, [condition('listid', 'eq', list.id)])]);
    const fetch = el('fetch', paging(page, cookie), [el('entity', { name: list.table }, [...ours, members])]);
    return { fetchXml: builder.build([fetch]) as string, lookupAliases: links.aliases };
  }
  return { fetchXml: rewriteDynamicQuery(list, ours, page, cookie), lookupAliases: links.aliases };
}

/** A dynamic list's stored query, with its own attributes and orders replaced by ours. */
function rewriteDynamicQuery(list: MarketingList, ours: Node[], page: number, cookie: string | null): string {
  if (!list.query?.trim()) throw new Error(`The dynamic marketing list "${list.name}" has no query.`);
  let parsed: Node[];
  try {
    parsed = parser.parse(list.query) as Node[];
  } catch (error) {
    throw new Error(`The query of the dynamic marketing list "${list.name}" is not valid FetchXML: ${(error as Error).message}`);
  }
  const fetch = parsed.find((n) => 'fetch' in n);
  const entity = (fetch?.fetch as Node[] | undefined)?.find((n) => 'entity' in n);
  if (!fetch || !entity) throw new Error(`The query of the dynamic marketing list "${list.name}" has no <fetch><entity>.`);
  if (String((entity[':@'] as Node | undefined)?.['@_name'] ?? '') !== list.table) {
    throw new Error(`The query of the dynamic marketing list "${list.name}" reads ${String((entity[':@'] as Node)?.['@_name'])}, not ${list.table}.`);
  }
  // Keep the list's filters and links; drop what it selected and how it ordered.
  const kept = (entity.entity as Node[]).filter((n) => !('attribute' in n) && !('order' in n) && !('all-attributes' in n));
  entity.entity = [...ours, ...kept];
  const attrs = { ...((fetch[':@'] as Node | undefined) ?? {}) };
  for (const name of ['top', 'aggregate', 'count', 'page', 'paging-cookie']) delete attrs[`@_${name}`];
  fetch[':@'] = { ...attrs, ...Object.fromEntries(Object.entries(paging(page, cookie)).map(([k, v]) => [`@_${k}`, v])) };
  return builder.build(parsed) as string;
}

/** The value of a linked column in a Web API FetchXML row ("alias.column", or "alias_x002e_column"). */
export function linked(row: Record<string, unknown>, alias: string, column: string): unknown {
  const dotted = `${alias}.${column}`;
  if (dotted in row) return row[dotted];
  return row[`${alias}_x002e_${column}`];
}

export function linkedAnnotation(row: Record<string, unknown>, alias: string, column: string, annotation: string): unknown {
  const dotted = `${alias}.${column}${annotation}`;
  if (dotted in row) return row[dotted];
  return row[`${alias}_x002e_${column}${annotation}`];
}

export { PRIMARY_CONTACT_ALIAS };
