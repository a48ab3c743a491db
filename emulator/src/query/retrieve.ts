/**
 * Reads rows and shapes them as the Web API returns them: `$select`, `$filter`, `$orderby`,
 * `$top`, `$count`, `$expand` (single- and collection-valued, nested options), `@odata.etag`,
 * `_lookup_value` with its annotations, formatted values, and paging with `Prefer:
 * odata.maxpagesize` and a `$skiptoken` paging cookie in `@odata.nextLink` (never `$skip`).
 */
import { Engine } from '../engine';
import { errors } from '../http/errors';
import { AttributeDef, isLookupType, TableDef } from '../metadata/model';
import { LookupValue, q, Row } from '../store/store';
import { FilterNode, parseFilter } from './filter-parser';
import { formatValue } from './format';
import { compileFilter, resolveProperty, SqlParams } from './sql';

export const MAX_PAGE_SIZE = 5000;

export interface OrderBy {
  attribute: AttributeDef;
  desc: boolean;
}

export interface ExpandOption {
  navigation: string;
  select?: string[];
  filter?: FilterNode;
  orderby?: string;
  top?: number;
  expand?: ExpandOption[];
}

export interface ShapeOptions {
  select?: string[];
  expand?: ExpandOption[];
  annotate: (name: string) => boolean;
}

/** Splits on commas that are not inside parentheses or quotes. */
export function splitTopLevel(text: string, separator = ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const c of text) {
    if (c === "'") quoted = !quoted;
    if (!quoted && c === '(') depth++;
    if (!quoted && c === ')') depth--;
    if (!quoted && depth === 0 && c === separator) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  if (current.trim()) parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

export function parseSelect(table: TableDef, text: string | undefined): string[] | undefined {
  if (!text) return undefined;
  const names = splitTopLevel(text);
  for (const n of names) resolveProperty(table, n);
  return names;
}

export function parseOrderBy(table: TableDef, text: string | undefined): OrderBy[] {
  if (!text) return [];
  return splitTopLevel(text).map((part) => {
    const [name, dir] = part.split(/\s+/);
    if (dir && !['asc', 'desc'].includes(dir.toLowerCase())) throw errors.badQuery(`Syntax error in $orderby: '${part}'.`);
    return { attribute: resolveProperty(table, name!), desc: dir?.toLowerCase() === 'desc' };
  });
}

export function parseExpand(engine: Engine, table: TableDef, text: string | undefined, aliases: Record<string, string> = {}): ExpandOption[] | undefined {
  if (!text) return undefined;
  return splitTopLevel(text).map((part) => {
    const m = /^([\w]+)(?:\((.*)\))?$/s.exec(part);
    if (!m) throw errors.badQuery(`Syntax error in $expand: '${part}'.`);
    const nav = engine.schema.navigation(table, m[1]!);
    if (!nav) throw errors.badQuery(`Could not find a property named '${m[1]}' on type 'Microsoft.Dynamics.CRM.${table.logicalName}'.`);
    const option: ExpandOption = { navigation: m[1]! };
    const related = nav.kind === 'lookup' ? undefined : engine.table(nav.kind === 'parties' ? 'activityparty' : nav.kind === 'oneToMany' ? nav.table : nav.other);
    for (const opt of m[2] ? splitTopLevel(m[2], ';') : []) {
      const i = opt.indexOf('=');
      const key = opt.slice(0, i).trim();
      const value = opt.slice(i + 1).trim();
      const target = related ?? (nav.kind === 'lookup' && nav.target ? engine.table(nav.target) : undefined);
      if (key === '$select') option.select = target ? parseSelect(target, value) : splitTopLevel(value);
      else if (key === '$filter') option.filter = parseFilter(value, aliases);
      else if (key === '$orderby') option.orderby = value;
      else if (key === '$top') option.top = Number(value);
      else if (key === '$expand' && target) option.expand = parseExpand(engine, target, value, aliases);
      else throw errors.badQuery(`The query option '${key}' is not supported inside $expand.`);
    }
    if (nav.kind === 'lookup' && (option.filter || option.orderby || option.top)) throw errors.badQuery(`Only $select and $expand are allowed when expanding the single-valued navigation property '${option.navigation}'.`);
    return option;
  });
}

// --- paging cookies -------------------------------------------------------------------------

function encodeXmlAttr(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<cookie page="1"><fullname last="…" first="…" /><contactid last="{…}" first="{…}" /></cookie>` */
export function buildPagingCookie(page: number, columns: string[], first: Row, last: Row, table: TableDef): string {
  const parts = columns.map((c) => {
    const fmt = (v: unknown) => (c === table.primaryIdAttribute ? `{${String(v).toUpperCase()}}` : encodeXmlAttr(String(v)));
    const l = last[c];
    const f = first[c];
    return `<${c} ${l === null || l === undefined ? 'lastnull="1"' : `last="${fmt(l)}"`} ${f === null || f === undefined ? 'firstnull="1"' : `first="${fmt(f)}"`} />`;
  });
  return `<cookie page="${page}">${parts.join('')}</cookie>`;
}

export interface CookieData {
  page: number;
  last: Record<string, string | null>;
}

export function parsePagingCookie(cookie: string): CookieData {
  const page = Number(/<cookie page="(\d+)"/.exec(cookie)?.[1] ?? '1');
  const last: Record<string, string | null> = {};
  for (const m of cookie.matchAll(/<(\w+) ((?:\w+="[^"]*"\s*)*)\/>/g)) {
    const attrs = Object.fromEntries([...m[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
    last[m[1]!] = attrs.lastnull === '1' ? null : (attrs.last ?? '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }
  return { page, last };
}

/** The `$skiptoken` value of a nextLink: Dataverse's cookie element with the cookie URL-encoded twice. */
export function skipTokenFor(pageNumber: number, pagingCookie: string, encodings = 2): string {
  let encoded = pagingCookie;
  for (let i = 0; i < encodings; i++) encoded = encodeURIComponent(encoded);
  return `<cookie pagenumber="${pageNumber}" pagingcookie="${encoded}" istracking="False" />`;
}

export function cookieFromSkipToken(token: string): CookieData {
  const m = /pagingcookie="([^"]*)"/.exec(token);
  if (!m) throw errors.badQuery('The $skiptoken is not a paging cookie returned by this service.');
  let cookie = m[1]!;
  while (/^%3c/i.test(cookie)) cookie = decodeURIComponent(cookie);
  return parsePagingCookie(cookie);
}

// --- keyset paging over (order columns…, primary key) -----------------------------------------

function orderExpression(alias: string, table: TableDef, a: AttributeDef): string {
  const c = `${q(alias)}.${q(a.logicalName)}`;
  if (a.logicalName === table.primaryIdAttribute) return c;
  const numeric = ['Integer', 'BigInt', 'Decimal', 'Double', 'Money', 'Picklist', 'State', 'Status', 'Boolean'].includes(a.type);
  return numeric ? `COALESCE(${c}, -1e308)` : `COALESCE(${c}, '') COLLATE NOCASE`;
}

export function orderColumns(table: TableDef, orders: OrderBy[]): OrderBy[] {
  const all = [...orders];
  if (!all.some((o) => o.attribute.logicalName === table.primaryIdAttribute)) all.push({ attribute: table.attributes[table.primaryIdAttribute]!, desc: false });
  return all;
}

export function orderSql(alias: string, table: TableDef, orders: OrderBy[]): string {
  return orders.map((o) => `${orderExpression(alias, table, o.attribute)} ${o.desc ? 'DESC' : 'ASC'}`).join(', ');
}

/** Rows strictly after the cookie's last row in the given order. */
export function keysetSql(alias: string, table: TableDef, orders: OrderBy[], cookie: CookieData, params: SqlParams): string {
  const ors: string[] = [];
  for (let i = 0; i < orders.length; i++) {
    const ands: string[] = [];
    for (let j = 0; j < i; j++) ands.push(`${orderExpression(alias, table, orders[j]!.attribute)} = ${params.add(cookieValue(table, orders[j]!.attribute, cookie))}`);
    const o = orders[i]!;
    ands.push(`${orderExpression(alias, table, o.attribute)} ${o.desc ? '<' : '>'} ${params.add(cookieValue(table, o.attribute, cookie))}`);
    ors.push(`(${ands.join(' AND ')})`);
  }
  return `(${ors.join(' OR ')})`;
}

function cookieValue(table: TableDef, a: AttributeDef, cookie: CookieData): unknown {
  const raw = cookie.last[a.logicalName];
  if (raw === undefined) throw errors.badQuery('The paging cookie does not match the query order.');
  const numeric = ['Integer', 'BigInt', 'Decimal', 'Double', 'Money', 'Picklist', 'State', 'Status', 'Boolean'].includes(a.type);
  if (raw === null) return numeric ? -1e308 : '';
  if (a.logicalName === table.primaryIdAttribute) return raw.replace(/[{}]/g, '').toLowerCase();
  if (a.type === 'Boolean') return raw === 'true' || raw === '1' ? 1 : 0;
  return numeric ? Number(raw) : raw;
}

// --- execution --------------------------------------------------------------------------------

export interface CollectionQuery {
  filter?: FilterNode;
  /** Extra SQL restriction (navigation, list membership…). */
  where?: { sql: string; params: unknown[] };
  orders: OrderBy[];
  top?: number;
  pageSize: number;
  cookie?: CookieData;
  count?: boolean;
}

export interface CollectionResult {
  rows: Row[];
  more: boolean;
  pagingCookie?: string;
  pageNumber: number;
  count?: number;
}

export function runCollection(engine: Engine, table: TableDef, query: CollectionQuery): CollectionResult {
  const alias = 't';
  const params = new SqlParams();
  const where: string[] = [];
  if (query.filter) where.push(compileFilter(query.filter, table, alias, params));
  if (query.where) {
    where.push(query.where.sql);
    params.values.push(...query.where.params);
  }
  const baseWhere = [...where];
  const baseParams = [...params.values];
  const orders = orderColumns(table, query.orders);
  if (query.cookie) where.push(keysetSql(alias, table, orders, query.cookie, params));
  const limit = query.top !== undefined ? Math.min(query.top, query.pageSize) : query.pageSize;
  const sql = `SELECT ${q(alias)}.* FROM ${q(table.logicalName)} ${q(alias)}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${orderSql(alias, table, orders)} LIMIT ${limit + 1}`;
  const raw = engine.store.all(sql, params.values);
  const more = raw.length > limit && (query.top === undefined || query.top > limit);
  const rows = raw.slice(0, limit).map((r) => engine.store.fromSql(table, r));
  const pageNumber = (query.cookie?.page ?? 0) + 1;
  const result: CollectionResult = { rows, more, pageNumber };
  if (more && rows.length) {
    result.pagingCookie = buildPagingCookie(
      pageNumber,
      orders.map((o) => o.attribute.logicalName),
      cookieRow(rows[0]!),
      cookieRow(rows[rows.length - 1]!),
      table,
    );
  }
  if (query.count) {
    const countSql = `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${q(table.logicalName)} ${q(alias)}${baseWhere.length ? ` WHERE ${baseWhere.join(' AND ')}` : ''} LIMIT ${MAX_PAGE_SIZE})`;
    result.count = Number(engine.store.all(countSql, baseParams)[0]?.n ?? 0);
  }
  return result;
}

function cookieRow(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = v && typeof v === 'object' ? (v as LookupValue).id : typeof v === 'boolean' ? (v ? 1 : 0) : v;
  return out;
}

// --- shaping ----------------------------------------------------------------------------------

export class Shaper {
  private nameCache = new Map<string, string | null>();

  constructor(private readonly engine: Engine) {}

  private primaryName(ref: LookupValue): string | null {
    const key = `${ref.logicalName}:${ref.id}`;
    if (!this.nameCache.has(key)) {
      const table = this.engine.schema.table(ref.logicalName);
      let name: string | null = null;
      if (table && table.attributes[table.primaryNameAttribute]) {
        const r = this.engine.store.all(`SELECT ${q(table.primaryNameAttribute)} AS n FROM ${q(table.logicalName)} WHERE ${q(table.primaryIdAttribute)} = ?`, [ref.id])[0];
        name = r ? ((r.n as string | null) ?? null) : null;
      }
      this.nameCache.set(key, name);
    }
    return this.nameCache.get(key) ?? null;
  }

  private currencySymbol(row: Row): string {
    const ref = row.transactioncurrencyid as LookupValue | null | undefined;
    const id = ref?.id ?? this.engine.baseCurrencyId;
    const r = this.engine.store.all('SELECT "currencysymbol" AS s FROM "transactioncurrency" WHERE "transactioncurrencyid" = ?', [id])[0];
    return (r?.s as string) ?? '';
  }

  shape(table: TableDef, row: Row, options: ShapeOptions): Record<string, unknown> {
    const out: Record<string, unknown> = { '@odata.etag': `W/"${row.versionnumber ?? 0}"` };
    const selected = options.select ? new Set(options.select.map((s) => resolveProperty(table, s).logicalName)) : undefined;
    let symbol: string | undefined;
    for (const a of Object.values(table.attributes)) {
      if (a.writeOnly || a.type === 'PartyList' || a.type === 'Virtual') continue;
      if (selected && !selected.has(a.logicalName) && a.logicalName !== table.primaryIdAttribute) continue;
      const value = row[a.logicalName] ?? null;
      if (isLookupType(a.type)) {
        const key = `_${a.logicalName}_value`;
        const ref = value as LookupValue | null;
        if (ref && options.annotate('OData.Community.Display.V1.FormattedValue')) out[`${key}@OData.Community.Display.V1.FormattedValue`] = this.primaryName(ref);
        if (ref && options.annotate('Microsoft.Dynamics.CRM.associatednavigationproperty')) out[`${key}@Microsoft.Dynamics.CRM.associatednavigationproperty`] = this.engine.schema.navigationNameFor(table, a, ref.logicalName);
        if (ref && options.annotate('Microsoft.Dynamics.CRM.lookuplogicalname')) out[`${key}@Microsoft.Dynamics.CRM.lookuplogicalname`] = ref.logicalName;
        out[key] = ref ? ref.id : null;
        continue;
      }
      if (value !== null && options.annotate('OData.Community.Display.V1.FormattedValue')) {
        if (a.type === 'Money') symbol ??= this.currencySymbol(row);
        const formatted = formatValue(a, value, symbol ?? '');
        if (formatted !== undefined) out[`${a.logicalName}@OData.Community.Display.V1.FormattedValue`] = formatted;
      }
      out[a.logicalName] = a.type === 'MultiSelectPicklist' && value !== null ? String(value) : value;
    }
    for (const e of options.expand ?? []) out[e.navigation] = this.expand(table, row, e, options.annotate);
    return out;
  }

  private expand(table: TableDef, row: Row, option: ExpandOption, annotate: (n: string) => boolean): unknown {
    const nav = this.engine.schema.navigation(table, option.navigation)!;
    const id = row[table.primaryIdAttribute] as string;
    const shapeOptions = { select: option.select, expand: option.expand, annotate };
    if (nav.kind === 'lookup') {
      const ref = row[nav.attribute.logicalName] as LookupValue | null;
      if (!ref || (nav.target && ref.logicalName !== nav.target)) return null;
      const target = this.engine.table(ref.logicalName);
      const related = this.engine.store.get(target, ref.id);
      return related ? this.shape(target, related, shapeOptions) : null;
    }
    let target: TableDef;
    let where: { sql: string; params: unknown[] };
    if (nav.kind === 'parties') {
      target = this.engine.table('activityparty');
      where = { sql: `"t"."activityid" = ?`, params: [id] };
    } else if (nav.kind === 'oneToMany') {
      target = this.engine.table(nav.table);
      where = { sql: `"t".${q(nav.attribute)} = ?`, params: [id] };
    } else {
      const r = nav.relationship;
      target = this.engine.table(nav.other);
      const [mine, theirs] = nav.thisIsEntity1 ? [r.entity1Attribute, r.entity2Attribute] : [r.entity2Attribute, r.entity1Attribute];
      where = { sql: `"t".${q(target.primaryIdAttribute)} IN (SELECT ${q(theirs)} FROM ${q(r.intersectEntity)} WHERE ${q(mine)} = ?)`, params: [id] };
    }
    const result = runCollection(this.engine, target, {
      filter: option.filter,
      where,
      orders: parseOrderBy(target, option.orderby),
      top: option.top,
      pageSize: MAX_PAGE_SIZE,
    });
    return result.rows.map((r) => this.shape(target, r, shapeOptions));
  }
}
