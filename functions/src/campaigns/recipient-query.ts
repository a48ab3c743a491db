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


/** Attribute elements for what we read from the member table (existing columns only). */
function ownAttributes(table: TableMetadata, tableName: string, columns: MergeColumns): string[] {
  const lookupKinds = new Set(['lookup', 'customer', 'owner']);
  const names = new Set<string>([table.primaryIdAttribute, table.primaryNameAttribute, 'statecode']);
  if (tableName === 'contact' || tableName === 'lead') names.add(MOBILE);
  if (tableName === 'account') names.add('primarycontactid');
  for (const attribute of columns.attributes) if (table.attributes.has(attribute)) names.add(attribute);
  for (const lookup of Object.keys(columns.lookups)) if (lookupKinds.has(table.attributes.get(lookup) as string)) names.add(lookup);
  return [...names];
}

/** One outer link-entity per target of each lookup used as [lookup.column]. */
function lookupLinks(table: TableMetadata, columns: MergeColumns, related: (table: string) => TableMetadata | undefined): { xml: string; aliases: RecipientQueryPlan['lookupAliases'] } {
  let xml = '';
  const aliases: RecipientQueryPlan['lookupAliases'] = {};
  let n = 0;
  for (const [lookup, wanted] of Object.entries(columns.lookups)) {
    for (const target of table.lookupTargets.get(lookup) ?? []) {
      const targetTable = related(target);
      if (!targetTable) continue;
      const present = wanted.filter((c) => targetTable.attributes.has(c));
      const alias = `smsc_l${n++}`;
      (aliases[lookup] ??= []).push({ alias, table: target });
      xml += `<link-entity name="${target}" from="${targetTable.primaryIdAttribute}" to="${lookup}" link-type="outer" alias="${alias}">${[targetTable.primaryIdAttribute, ...present].map((c) => `<attribute name="${c}" />`).join('')}</link-entity>`;
    }
  }
  return { xml, aliases };
}

/** `cookie` is the paging cookie as dynamics-web-api hands it over: already escaped for an XML attribute. */
function pagingAttributes(page: number, cookie: string | null): string {
  return `count="${PAGE_SIZE}" page="${page}"${cookie ? ` paging-cookie="${cookie}"` : ''}`;
}

const unescapeXml = (value: string) => value.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * The FetchXML that reads one page of a marketing list's members with everything a campaign
 * needs: name, state, mobile (an account's through its primary contact), merge columns and
 * their related rows. Static lists go through listmember; dynamic lists keep their own query
 * (filters and links) with our columns, order and paging put on it.
 */
export function recipientQuery(list: MarketingList, table: TableMetadata, columns: MergeColumns, related: (table: string) => TableMetadata | undefined, page: number, cookie: string | null): RecipientQueryPlan {
  const attributes = ownAttributes(table, list.table, columns).map((a) => `<attribute name="${a}" />`).join('');
  const links = lookupLinks(table, columns, related);
  const primaryContact = list.table === 'account' ? `<link-entity name="contact" from="contactid" to="primarycontactid" link-type="outer" alias="${PRIMARY_CONTACT_ALIAS}"><attribute name="${MOBILE}" /><attribute name="fullname" /><attribute name="contactid" /></link-entity>` : '';
  const active = '<filter><condition attribute="statecode" operator="eq" value="0" /></filter>';
  const order = `<order attribute="${table.primaryIdAttribute}" />`;
  if (!list.dynamic) {
    const members = `<link-entity name="listmember" from="entityid" to="${table.primaryIdAttribute}" intersect="true"><filter><condition attribute="listid" operator="eq" value="${list.id}" /></filter></link-entity>`;
    return {
      fetchXml: `<fetch ${pagingAttributes(page, cookie)}><entity name="${list.table}">${attributes}${order}${active}${members}${primaryContact}${links.xml}</entity></fetch>`,
      lookupAliases: links.aliases,
    };
  }
  return { fetchXml: rewriteDynamicQuery(list, `${attributes}${order}${active}${primaryContact}${links.xml}`, page, cookie), lookupAliases: links.aliases };
}

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', preserveOrder: true, allowBooleanAttributes: true });
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', preserveOrder: true, suppressEmptyNode: true });

/** A dynamic list's stored query, with its own attributes and orders replaced by ours. */
function rewriteDynamicQuery(list: MarketingList, ours: string, page: number, cookie: string | null): string {
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
  const ourNodes = (parser.parse(`<x>${ours}</x>`) as Node[])[0]?.x as Node[];
  entity.entity = [...ourNodes, ...kept];
  const attrs = { ...((fetch[':@'] as Node | undefined) ?? {}) };
  delete attrs['@_top'];
  delete attrs['@_aggregate'];
  attrs['@_count'] = String(PAGE_SIZE);
  attrs['@_page'] = String(page);
  // The builder escapes attribute values: give it the cookie unescaped.
  if (cookie) attrs['@_paging-cookie'] = unescapeXml(cookie);
  else delete attrs['@_paging-cookie'];
  fetch[':@'] = attrs;
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
