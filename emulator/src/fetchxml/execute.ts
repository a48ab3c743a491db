/**
 * FetchXML through the Web API (`<entityset>?fetchXml=…`; powerapps-docs fetchxml/*): attributes,
 * all-attributes, nested and/or filters with the condition operators marketing-list queries use,
 * link-entity (inner/outer, intersect, aliases; linked columns come back as alias_x002e_column),
 * order, top, count/page/paging-cookie with `@Microsoft.Dynamics.CRM.fetchxmlpagingcookie` and
 * `morerecords`, and aggregates (count, countcolumn, sum, avg, min, max, groupby).
 */
import { XMLParser } from 'fast-xml-parser';
import { Engine } from '../engine';
import { errors } from '../http/errors';
import { ApiResponse, json, jsonBytes } from '../http/request';
import { AttributeDef, isLookupType, TableDef } from '../metadata/model';
import { q } from '../store/store';
import { compareSql, likeEscape, SqlParams, sqlValue } from '../query/sql';
import { buildPagingCookie, Condition, cookieRow, keysetSegments, MAX_PAGE_SIZE, orderColumns, OrderBy, orderSql, parsePagingCookie, readPage, skipTokenFor } from '../query/retrieve';
import { ExtraMembers, RowShape, writeCollection } from '../query/shape';
import { JsonWriter } from '../query/json-writer';
import { isoSeconds } from '../query/values';

type X = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, isArray: (n) => ['attribute', 'order', 'filter', 'condition', 'value', 'link-entity'].includes(n) });
const arr = (v: unknown): X[] => (Array.isArray(v) ? (v as X[]) : v ? [v as X] : []);
/** Rows an aggregate may cover (Aggregate data using FetchXml, Limitations). */
const AGGREGATE_LIMIT = 50_000;

interface Scope {
  alias: string;
  table: TableDef;
}

export function runFetchXml(engine: Engine, table: TableDef, fetchXml: string, root: string, annotate: (n: string) => boolean): ApiResponse {
  let doc: X;
  try {
    doc = parser.parse(fetchXml) as X;
  } catch (error) {
    throw errors.badQuery(`The fetchXml parameter is not valid XML: ${(error as Error).message}`);
  }
  const fetch = doc.fetch as X | undefined;
  const entity = fetch?.entity as X | undefined;
  if (!fetch || !entity) throw errors.badQuery('The fetchXml must have a <fetch> element with one <entity>.');
  if (String(entity.name) !== table.logicalName) throw errors.badQuery(`The entity '${String(entity.name)}' of the fetchXml does not match the entity set '${table.entitySetName}'.`);
  const params = new SqlParams();
  const joins: string[] = [];
  const scopes = new Map<string, Scope>([['t', { alias: 't', table }]]);
  const selects: Array<{ scope: Scope; attribute: AttributeDef; alias?: string; aggregate?: string; groupby?: boolean }> = [];
  const wheres: string[] = [];
  const orders: Array<{ scope: Scope; attribute: AttributeDef; desc: boolean; alias?: string }> = [];
  let linkCount = 0;
  let allAttributes = 'all-attributes' in entity;

  const attributeOf = (scope: Scope, name: string): AttributeDef => {
    const a = scope.table.attributes[String(name).toLowerCase()];
    if (!a) throw errors.badQuery(`'${scope.table.logicalName}' entity doesn't contain attribute with Name = '${name}'.`);
    return a;
  };

  const visit = (node: X, scope: Scope) => {
    for (const a of arr(node.attribute)) selects.push({ scope, attribute: attributeOf(scope, String(a.name)), alias: a.alias as string | undefined, aggregate: a.aggregate as string | undefined, groupby: a.groupby === 'true' });
    for (const o of arr(node.order)) {
      if (o.alias) orders.push({ scope, attribute: table.attributes[table.primaryIdAttribute]!, desc: o.descending === 'true', alias: String(o.alias) });
      else orders.push({ scope, attribute: attributeOf(scope, String(o.attribute)), desc: o.descending === 'true' });
    }
    for (const f of arr(node.filter)) wheres.push(filterSql(f, scope));
    for (const link of arr(node['link-entity'])) {
      const linked = engine.schema.table(String(link.name));
      if (!linked) throw errors.badQuery(`The link-entity '${String(link.name)}' is not a table of this environment.`);
      const alias = String(link.alias ?? `${link.name}${++linkCount}`);
      const child: Scope = { alias, table: linked };
      scopes.set(alias, child);
      const from = attributeOf(child, String(link.from ?? linked.primaryIdAttribute));
      const to = attributeOf(scope, String(link.to ?? scope.table.primaryIdAttribute));
      const kind = String(link['link-type'] ?? 'inner');
      if (!['inner', 'outer', 'exists', 'in', 'any', 'not any'].includes(kind)) throw errors.badQuery(`The link-type '${kind}' is not supported.`);
      const conditions = arr(link.filter).map((f) => filterSql(f, child));
      const on = `${q(alias)}.${q(from.logicalName)} = ${q(scope.alias)}.${q(to.logicalName)}`;
      if (kind === 'exists' || kind === 'in' || kind === 'any' || kind === 'not any') {
        const sub = `EXISTS (SELECT 1 FROM ${q(linked.logicalName)} ${q(alias)} WHERE ${[on, ...conditions].join(' AND ')})`;
        wheres.push(kind === 'not any' ? `NOT ${sub}` : sub);
        continue;
      }
      joins.push(`${kind === 'outer' ? 'LEFT JOIN' : 'JOIN'} ${q(linked.logicalName)} ${q(alias)} ON ${[on, ...(kind === 'outer' ? conditions : [])].join(' AND ')}`);
      if (kind !== 'outer') wheres.push(...conditions);
      for (const a of arr(link.attribute)) selects.push({ scope: child, attribute: attributeOf(child, String(a.name)), alias: a.alias as string | undefined, aggregate: a.aggregate as string | undefined, groupby: a.groupby === 'true' });
      if ('all-attributes' in link) for (const a of Object.values(linked.attributes)) selects.push({ scope: child, attribute: a });
      for (const o of arr(link.order)) orders.push({ scope: child, attribute: attributeOf(child, String(o.attribute)), desc: o.descending === 'true' });
      for (const l of arr(link['link-entity'])) visit({ 'link-entity': l }, child);
    }
  };

  const filterSql = (filter: X, scope: Scope): string => {
    const parts: string[] = [];
    for (const c of arr(filter.condition)) {
      const target = c.entityname ? scopes.get(String(c.entityname)) : scope;
      if (!target) throw errors.badQuery(`The condition refers to the link-entity alias '${String(c.entityname)}', which is not defined before it.`);
      parts.push(conditionSql(target, attributeOf(target, String(c.attribute)), String(c.operator ?? 'eq'), c));
    }
    for (const f of arr(filter.filter)) parts.push(filterSql(f, scope));
    if (parts.length === 0) return '1=1';
    return `(${parts.join(String(filter.type ?? 'and').toLowerCase() === 'or' ? ' OR ' : ' AND ')})`;
  };

  const conditionSql = (scope: Scope, a: AttributeDef, operator: string, c: X): string => {
    const values = [...(c.value !== undefined && typeof c.value !== 'object' ? [String(c.value)] : []), ...arr(c.value).map((v) => (typeof v === 'object' ? String((v as X)['#text'] ?? '') : String(v)))];
    const column = `${q(scope.alias)}.${q(a.logicalName)}`;
    const v = (raw: string | undefined) => sqlValue(scope.table, a, { type: 'string', value: (raw ?? '').replace(/^\{|\}$/g, '') });
    const day = (offset: number) => isoSeconds(new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + offset)));
    switch (operator) {
      case 'eq':
      case 'ne':
      case 'neq':
      case 'gt':
      case 'ge':
      case 'lt':
      case 'le':
        return compareSql(scope.alias, scope.table, a, operator === 'neq' ? 'ne' : (operator as 'eq'), v(values[0]), params);
      case 'null':
        return `${column} IS NULL`;
      case 'not-null':
        return `${column} IS NOT NULL`;
      case 'like':
      case 'not-like':
        return `${operator === 'not-like' ? 'NOT ' : ''}${column} LIKE ${params.add(values[0] ?? '')}`;
      case 'begins-with':
      case 'not-begin-with':
        return `${operator.startsWith('not') ? 'NOT ' : ''}${column} LIKE ${params.add(`${likeEscape(values[0] ?? '')}%`)} ESCAPE '\\'`;
      case 'ends-with':
      case 'not-end-with':
        return `${operator.startsWith('not') ? 'NOT ' : ''}${column} LIKE ${params.add(`%${likeEscape(values[0] ?? '')}`)} ESCAPE '\\'`;
      case 'in':
      case 'not-in':
        if (!values.length) throw errors.badQuery(`The condition '${operator}' on ${a.logicalName} needs <value> elements.`);
        return `${column} ${operator === 'in' ? 'IN' : 'NOT IN'} (${values.map((x) => params.add(v(x))).join(', ')})`;
      case 'between':
      case 'not-between':
        return `${operator === 'not-between' ? 'NOT ' : ''}(${column} BETWEEN ${params.add(v(values[0]))} AND ${params.add(v(values[1]))})`;
      case 'on':
        return `substr(${column}, 1, 10) = ${params.add(String(v(values[0])).slice(0, 10))}`;
      case 'on-or-after':
        return `substr(${column}, 1, 10) >= ${params.add(String(v(values[0])).slice(0, 10))}`;
      case 'on-or-before':
        return `substr(${column}, 1, 10) <= ${params.add(String(v(values[0])).slice(0, 10))}`;
      case 'today':
        return `substr(${column}, 1, 10) = ${params.add(day(0).slice(0, 10))}`;
      case 'yesterday':
        return `substr(${column}, 1, 10) = ${params.add(day(-1).slice(0, 10))}`;
      case 'last-seven-days':
        return `${column} >= ${params.add(day(-7))} AND ${column} <= ${params.add(isoSeconds(new Date()))}`;
      case 'last-x-days':
        return `${column} >= ${params.add(day(-Number(values[0])))} AND ${column} <= ${params.add(isoSeconds(new Date()))}`;
      case 'next-x-days':
        return `${column} >= ${params.add(isoSeconds(new Date()))} AND ${column} < ${params.add(day(Number(values[0]) + 1))}`;
      case 'older-x-days':
        return `${column} < ${params.add(day(-Number(values[0])))}`;
      case 'older-x-months': {
        const d = new Date();
        d.setUTCMonth(d.getUTCMonth() - Number(values[0]));
        return `${column} < ${params.add(isoSeconds(d))}`;
      }
      case 'eq-userid':
      case 'ne-userid':
        return `${column} ${operator === 'eq-userid' ? '=' : '<>'} ${params.add(engine.defaultUserId)}`;
      case 'contain-values':
      case 'not-contain-values':
        return `${operator.startsWith('not') ? 'NOT ' : ''}(${values.map((x) => `(',' || ${column} || ',') LIKE ${params.add(`%,${x},%`)}`).join(' OR ')})`;
      default:
        throw errors.badQuery(`The condition operator '${operator}' is not supported by the emulator.`);
    }
  };

  allAttributes = allAttributes || (arr(entity.attribute).length === 0 && !arr(entity['link-entity']).some((l) => arr(l.attribute).length));
  visit(entity, { alias: 't', table });
  const where = wheres.length ? ` WHERE ${wheres.join(' AND ')}` : '';
  const from = `FROM ${q(table.logicalName)} "t" ${joins.join(' ')}`;

  if (fetch.aggregate === 'true') {
    const groups = selects.filter((s) => s.groupby);
    const columns = selects.map((s) => {
      const c = `${q(s.scope.alias)}.${q(s.attribute.logicalName)}`;
      const alias = q(s.alias ?? s.attribute.logicalName);
      if (s.groupby) return `${c} AS ${alias}`;
      const fn = (s.aggregate ?? '').toLowerCase();
      if (fn === 'count') return `COUNT(*) AS ${alias}`;
      if (fn === 'countcolumn') return `COUNT(${s.attribute.logicalName === s.scope.table.primaryIdAttribute ? c : `DISTINCT ${c}`}) AS ${alias}`;
      if (['sum', 'avg', 'min', 'max'].includes(fn)) return `${fn.toUpperCase()}(${c}) AS ${alias}`;
      throw errors.badQuery(`The aggregate '${s.aggregate}' on ${s.attribute.logicalName} is not supported; aggregate queries need aggregate or groupby on every attribute.`);
    });
    // Dataverse refuses an aggregate over more rows than its limit rather than answering late.
    const limit = Math.min(AGGREGATE_LIMIT, fetch.aggregatelimit !== undefined ? Number(fetch.aggregatelimit) : AGGREGATE_LIMIT);
    const matched = engine.store.all(`SELECT COUNT(*) AS n FROM (SELECT 1 ${from}${where} LIMIT ${limit + 1})`, params.values)[0]?.n as number;
    if (matched > limit) throw errors.aggregateLimit();
    const sql = `SELECT ${columns.join(', ')} ${from}${where}${groups.length ? ` GROUP BY ${groups.map((g) => `${q(g.scope.alias)}.${q(g.attribute.logicalName)}`).join(', ')}` : ''}`;
    const rows = engine.store.all(sql, params.values);
    return json(200, { '@odata.context': `${root}$metadata#${table.entitySetName}`, value: rows });
  }

  const top = fetch.top !== undefined ? Number(fetch.top) : undefined;
  const pageSize = Math.min(Number(fetch.count ?? MAX_PAGE_SIZE), MAX_PAGE_SIZE);
  const page = Number(fetch.page ?? 1);
  const cookieText = fetch['paging-cookie'] as string | undefined;
  const rootOrders: OrderBy[] = orders.filter((o) => o.scope.alias === 't').map((o) => ({ attribute: o.attribute, desc: o.desc }));
  const linkedOrders = orders.filter((o) => o.scope.alias !== 't');
  const keyset = orderColumns(table, rootOrders);
  const conditions = [where ? where.slice(7) : ''].filter(Boolean);
  let offset = 0;
  const usesCookie = !!cookieText && linkedOrders.length === 0 && page > 1;
  const segments: Array<Condition | undefined> = usesCookie ? keysetSegments('t', table, keyset, parsePagingCookie(cookieText!)) : [undefined];
  if (!usesCookie && page > 1) {
    offset = (page - 1) * pageSize;
    if (offset + pageSize > 50000) throw errors.badQuery('Simple paging (page without paging-cookie) cannot go beyond 50,000 records; use the paging cookie.');
  }
  const orderBy = [...linkedOrders.map((o) => `${q(o.scope.alias)}.${q(o.attribute.logicalName)} ${o.desc ? 'DESC' : 'ASC'}`), orderSql('t', keyset)].join(', ');
  const limit = top !== undefined ? top : pageSize;
  const distinct = fetch.distinct === 'true' ? 'DISTINCT ' : '';
  const linkColumns = selects.filter((s) => s.scope.alias !== 't');
  const rootSelect = allAttributes ? undefined : selects.filter((s) => s.scope.alias === 't').map((s) => (isLookupType(s.attribute.type) ? `_${s.attribute.logicalName}_value` : s.attribute.logicalName));
  const shape = new RowShape(engine, table, { select: rootSelect, annotate });
  const keyNames = keyset.map((k) => k.attribute.logicalName);
  for (const k of keyNames) shape.at(k);
  const selectList = shape.columns.map((c) => `"t".${q(c)}`);
  // Linked columns come after the root table's: the value, and the target table of a lookup.
  const linked = linkColumns.map((s) => {
    const name = s.alias ?? `${s.scope.alias}_x002e_${s.attribute.logicalName}`;
    const at = selectList.push(`${q(s.scope.alias)}.${q(s.attribute.logicalName)}`) - 1;
    const typeAt = isLookupType(s.attribute.type) ? selectList.push(`${q(s.scope.alias)}.${q(`${s.attribute.logicalName}__t`)}`) - 1 : undefined;
    return { at, typeAt, key: JsonWriter.key(name), logicalNameKey: JsonWriter.key(`${name}@Microsoft.Dynamics.CRM.lookuplogicalname`) };
  });
  const raw = readPage(segments, limit + 1, (segment, rows) => {
    const all = segment ? [...conditions, segment.sql] : conditions;
    const sql = `SELECT ${distinct}${selectList.join(', ')} ${from}${all.length ? ` WHERE ${all.join(' AND ')}` : ''} ORDER BY ${orderBy} LIMIT ${rows} OFFSET ${offset}`;
    return engine.store.rows(sql, segment ? [...params.values, ...segment.params] : params.values);
  });
  const more = top === undefined && raw.length > limit;
  const pageRows = raw.length > limit ? raw.slice(0, limit) : raw;
  const logicalNames = annotate('Microsoft.Dynamics.CRM.lookuplogicalname');
  const extra: ExtraMembers | undefined = linked.length
    ? (writer, r) => {
        for (const l of linked) {
          writer.raw(l.key).value(r[l.at] ?? null);
          if (l.typeAt !== undefined && r[l.typeAt] && logicalNames) writer.raw(l.logicalNameKey).value(r[l.typeAt]);
        }
      }
    : undefined;
  const body: Record<string, unknown> = { '@odata.context': `${root}$metadata#${table.entitySetName}` };
  if (annotate('Microsoft.Dynamics.CRM.fetchxmlpagingcookie') && more && pageRows.length && linkedOrders.length === 0) {
    const first = cookieRow(shape.columns, keyNames, pageRows[0]!);
    const last = cookieRow(shape.columns, keyNames, pageRows[pageRows.length - 1]!);
    body['@Microsoft.Dynamics.CRM.fetchxmlpagingcookie'] = skipTokenFor(page + 1, buildPagingCookie(page, keyNames, first, last, table));
  }
  if (annotate('Microsoft.Dynamics.CRM.morerecords')) body['@Microsoft.Dynamics.CRM.morerecords'] = more;
  if (fetch.returntotalrecordcount === 'true') {
    // Up to 5,000, and whether there are more (fetchxml/count-rows).
    const n = Number(engine.store.all(`SELECT COUNT(*) AS n FROM (SELECT 1 ${from}${where} LIMIT ${MAX_PAGE_SIZE + 1})`, params.values)[0]?.n ?? 0);
    body['@Microsoft.Dynamics.CRM.totalrecordcount'] = Math.min(n, MAX_PAGE_SIZE);
    body['@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded'] = n > MAX_PAGE_SIZE;
  }
  return jsonBytes(200, writeCollection(shape, pageRows, body, {}, extra));
}
