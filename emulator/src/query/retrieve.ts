/**
 * Reads rows as the Web API queries them: `$select`, `$filter`, `$orderby`, `$top`, `$count`,
 * `$expand` options (single- and collection-valued, nested options), and paging with `Prefer:
 * odata.maxpagesize` and a `$skiptoken` paging cookie in `@odata.nextLink` (never `$skip`), as
 * keyset pages that cost the same however deep they are. ./shape.ts turns the rows into JSON.
 */
import { Engine } from '../engine';
import { errors } from '../http/errors';
import { AttributeDef, isLookupType, TableDef } from '../metadata/model';
import { q, Row } from '../store/store';
import { FilterNode, parseFilter } from './filter-parser';
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
// Rows are ordered by the plain columns (NULL first when ascending, last when descending, as SQL
// Server orders them), so that an index on (column, primary key) serves both the order and the
// seek to the row after the paging cookie.

function column(alias: string, a: AttributeDef): string {
  return `${q(alias)}.${q(a.logicalName)}`;
}

/**
 * The order of a query with the primary key last, in the direction of the order before it: ids
 * are sequential, so rows tied on a column (createdon keeps whole seconds) come newest first
 * under a descending order, as Dataverse's finer timestamps order them, and an index on the
 * column serves the whole order read backwards.
 */
export function orderColumns(table: TableDef, orders: OrderBy[]): OrderBy[] {
  const all = [...orders];
  if (!all.some((o) => o.attribute.logicalName === table.primaryIdAttribute)) all.push({ attribute: table.attributes[table.primaryIdAttribute]!, desc: all.at(-1)?.desc ?? false });
  return all;
}

export function orderSql(alias: string, orders: OrderBy[]): string {
  return orders.map((o) => `${column(alias, o.attribute)} ${o.desc ? 'DESC' : 'ASC'}`).join(', ');
}

function equalSql(c: string, value: unknown, params: SqlParams): string {
  return value === null ? `${c} IS NULL` : `${c} = ${params.add(value)}`;
}

/** Rows after `value` in one column (NULL sorts lowest; nothing is after it descending). */
function afterSql(c: string, value: unknown, desc: boolean, params: SqlParams): string {
  if (value === null) return desc ? '0' : `${c} IS NOT NULL`;
  return desc ? `(${c} < ${params.add(value)} OR ${c} IS NULL)` : `${c} > ${params.add(value)}`;
}

/** A condition with its parameters, in the order of their placeholders. */
export interface Condition {
  sql: string;
  params: unknown[];
}

/**
 * Rows strictly after the cookie's last row in the given order, as conditions to read one after
 * the other until the page is full: each is a single range of the first order column that an
 * index seeks to. NULL sorts lowest, so it is a range of its own: before the values ascending
 * (the rows tied on NULL, then every value), after them descending.
 */
export function keysetSegments(alias: string, table: TableDef, orders: OrderBy[], cookie: CookieData): Condition[] {
  const values = orders.map((o) => cookieValue(table, o.attribute, cookie));
  const [first, ...rest] = orders;
  const c0 = column(alias, first!.attribute);
  const v0 = values[0];
  const desc = first!.desc;
  // Placeholders are numbered in the order parameters are added: text is built left to right.
  /** Rows tied with the cookie's row on the first column and after it on the others. */
  const tied = (params: SqlParams): string =>
    rest
      .map((o, i) => [...rest.slice(0, i).map((p, j) => equalSql(column(alias, p.attribute), values[j + 1], params)), afterSql(column(alias, o.attribute), values[i + 1], o.desc, params)].join(' AND '))
      .map((x) => `(${x})`)
      .join(' OR ');
  const segment = (build: (params: SqlParams) => string): Condition => {
    const params = new SqlParams();
    return { sql: build(params), params: params.values };
  };
  if (rest.length === 0) return [segment((params) => afterSql(c0, v0, desc, params))];
  if (v0 === null) {
    const nulls = segment((params) => `${c0} IS NULL AND (${tied(params)})`);
    return desc ? [nulls] : [nulls, { sql: `${c0} IS NOT NULL`, params: [] }];
  }
  const values0 = segment((params) => {
    const bound = `${c0} ${desc ? '<=' : '>='} ${params.add(v0)}`;
    const beyond = `${c0} ${desc ? '<' : '>'} ${params.add(v0)}`;
    const equal = `${c0} = ${params.add(v0)}`;
    return `${bound} AND (${beyond} OR (${equal} AND (${tied(params)})))`;
  });
  return desc ? [values0, { sql: `${c0} IS NULL`, params: [] }] : [values0];
}

const NUMERIC = new Set(['Integer', 'BigInt', 'Decimal', 'Double', 'Money', 'Picklist', 'State', 'Status', 'Boolean']);

function cookieValue(table: TableDef, a: AttributeDef, cookie: CookieData): unknown {
  const raw = cookie.last[a.logicalName];
  if (raw === undefined) throw errors.badQuery('The paging cookie does not match the query order.');
  if (raw === null) return null;
  if (a.logicalName === table.primaryIdAttribute) return raw.replace(/[{}]/g, '').toLowerCase();
  if (a.type === 'Boolean') return raw === 'true' || raw === '1' ? 1 : 0;
  return NUMERIC.has(a.type) ? Number(raw) : raw;
}

// --- execution --------------------------------------------------------------------------------

export interface CollectionQuery {
  /** Columns to read (a RowShape's); the order columns are added for the paging cookie. */
  columns: string[];
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
  /** Rows as SQLite returns them, values in the order of `columns` (then the order columns). */
  rows: unknown[][];
  more: boolean;
  pagingCookie?: string;
  pageNumber: number;
  /** Matching rows up to MAX_PAGE_SIZE, as Dataverse counts them. */
  count?: number;
  countLimitExceeded?: boolean;
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
  const baseWhere = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const orders = orderColumns(table, query.orders);
  const limit = query.top !== undefined ? Math.min(query.top, query.pageSize) : query.pageSize;
  const columns = [...new Set([...query.columns, ...orders.map((o) => o.attribute.logicalName)])];
  const select = `SELECT ${columns.map((c) => `${q(alias)}.${q(c)}`).join(', ')} FROM ${q(table.logicalName)} ${q(alias)}`;
  const raw = readPage(query.cookie ? keysetSegments(alias, table, orders, query.cookie) : [undefined], limit + 1, (segment, rows) => {
    const conditions = segment ? [...where, segment.sql] : where;
    const sql = `${select}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''} ORDER BY ${orderSql(alias, orders)} LIMIT ${rows}`;
    return engine.store.rows(sql, segment ? [...params.values, ...segment.params] : params.values);
  });
  const more = raw.length > limit && (query.top === undefined || query.top > limit);
  const rows = raw.length > limit ? raw.slice(0, limit) : raw;
  const pageNumber = (query.cookie?.page ?? 0) + 1;
  const result: CollectionResult = { rows, more, pageNumber };
  if (more && rows.length) {
    const names = orders.map((o) => o.attribute.logicalName);
    result.pagingCookie = buildPagingCookie(pageNumber, names, cookieRow(columns, names, rows[0]!), cookieRow(columns, names, rows[rows.length - 1]!), table);
  }
  if (query.count) {
    const n = Number(engine.store.all(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${q(table.logicalName)} ${q(alias)}${baseWhere} LIMIT ${MAX_PAGE_SIZE + 1})`, params.values)[0]?.n ?? 0);
    result.count = Math.min(n, MAX_PAGE_SIZE);
    result.countLimitExceeded = n > MAX_PAGE_SIZE;
  }
  return result;
}

/** Up to `limit` rows, read segment after segment (see keysetSegments) until there are enough. */
export function readPage<S>(segments: S[], limit: number, read: (segment: S, rows: number) => unknown[][]): unknown[][] {
  let rows: unknown[][] = [];
  for (const segment of segments) {
    rows = rows.length ? rows.concat(read(segment, limit - rows.length)) : read(segment, limit);
    if (rows.length >= limit) break;
  }
  return rows;
}

/** The order columns of a row read as an array, by name, for the paging cookie. */
export function cookieRow(columns: string[], names: string[], row: unknown[]): Row {
  return Object.fromEntries(names.map((n) => [n, row[columns.indexOf(n)]]));
}
