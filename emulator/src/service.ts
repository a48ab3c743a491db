/**
 * The Web API: routes a request (from HTTP or from a $batch part) to entity operations,
 * navigation and $ref operations, functions and actions, metadata and $batch, and answers in
 * Dataverse's formats.
 */
import { Engine } from './engine';
import { DataverseError, errors } from './http/errors';
import { parsePrefer, Preferences } from './http/prefer';
import { ApiRequest, ApiResponse, json, jsonBytes, noContent, parseBody, parseQuery, segmentKey, splitPath } from './http/request';
import { TableDef } from './metadata/model';
import { Records } from './pipeline/records';
import { findByKey, parseAlternateKey, resolveReference } from './pipeline/payload';
import { parseFilter } from './query/filter-parser';
import { annotationMatcher } from './query/format';
import { cookieFromSkipToken, MAX_PAGE_SIZE, parseExpand, parseOrderBy, parseSelect, runCollection, skipTokenFor } from './query/retrieve';
import { RowShape, ShapeOptions, writeCollection, writeRecord } from './query/shape';
import { JsonWriter } from './query/json-writer';
import { resolveProperty } from './query/sql';
import { inTransaction } from './store/transaction';
import { Row } from './store/store';
import { Pipeline } from './webhooks/pipeline';
import { runFetchXml } from './fetchxml/execute';
import { metadataRequest } from './metadata/endpoints';
import { Actions } from './messages/actions';
import { handleBatch } from './http/batch';

export class DataverseService {
  readonly records: Records;
  readonly actions: Actions;

  constructor(
    readonly engine: Engine,
    readonly pipeline: Pipeline,
  ) {
    this.records = new Records(engine, pipeline);
    this.actions = new Actions(this);
  }

  async handle(req: ApiRequest): Promise<ApiResponse> {
    try {
      return await this.route(req);
    } catch (error) {
      if (error instanceof DataverseError) return json(error.status, error.toBody(), error.headers);
      const message = error instanceof Error ? error.message : String(error);
      return json(500, { error: { code: '0x80040216', message: `An unexpected error occurred: ${message}` } });
    }
  }

  /** Runs a write alone among writers, in one transaction with its synchronous steps. */
  write<T>(fn: () => Promise<T>): Promise<T> {
    return this.engine.exclusive(() => inTransaction(this.engine.store, fn));
  }

  private async route(req: ApiRequest): Promise<ApiResponse> {
    const segments = splitPath(req.path);
    const first = segments[0];
    if (!first) return json(200, { '@odata.context': `${req.root}$metadata`, value: this.engine.schema.tables().map((t) => ({ name: t.entitySetName, kind: 'EntitySet', url: t.entitySetName })) });
    if (first === '$batch') {
      if (req.method !== 'POST') throw errors.methodNotAllowed('$batch accepts POST only.');
      return handleBatch(this, req);
    }
    if (first === '$metadata') return { status: 200, headers: { 'Content-Type': 'application/xml' }, body: this.csdl() };
    if (first.startsWith('EntityDefinitions') || first.startsWith('GlobalOptionSetDefinitions') || first.startsWith('RelationshipDefinitions')) {
      if (req.method !== 'GET') throw errors.methodNotAllowed('Table definitions are read-only in the emulator; import a solution to change them.');
      return metadataRequest(this.engine, segments, parseQuery(req.query), req.root);
    }
    const { name, key } = segmentKey(first);
    const table = this.engine.schema.tableBySet(name);
    if (!table) {
      if (segments.length === 1) return this.actions.unbound(req, name);
      throw errors.resourceNotFound(name);
    }
    if (key === undefined) return this.collectionRoute(req, table, segments.slice(1));
    return this.recordRoute(req, table, key, segments.slice(1));
  }

  // --- collections ----------------------------------------------------------------------------

  private async collectionRoute(req: ApiRequest, table: TableDef, rest: string[]): Promise<ApiResponse> {
    const prefer = parsePrefer(req.headers['prefer']);
    if (rest.length === 0) {
      if (req.method === 'GET') return this.queryCollection(req, table, prefer);
      if (req.method === 'POST') return this.createRoute(req, table, prefer);
      throw errors.methodNotAllowed(`The method ${req.method} is not allowed on the collection '${table.entitySetName}'.`);
    }
    if (rest[0] === '$count' && req.method === 'GET') {
      const result = runCollection(this.engine, table, { columns: [table.primaryIdAttribute], orders: [], pageSize: 1, count: true });
      return { status: 200, headers: { 'Content-Type': 'text/plain', 'OData-Version': '4.0' }, body: String(result.count ?? 0) };
    }
    const action = /^Microsoft\.Dynamics\.CRM\.(\w+)$/.exec(rest[0] ?? '');
    if (action && req.method === 'POST') return this.actions.boundToCollection(req, table, action[1]!);
    throw errors.resourceNotFound(rest[0] ?? '');
  }

  private async createRoute(req: ApiRequest, table: TableDef, prefer: Preferences): Promise<ApiResponse> {
    const body = parseBody(req.body);
    const id = await this.write(() => this.records.create(req.ctx, table, body));
    const location = `${req.root}${table.entitySetName}(${id})`;
    if (prefer.returnRepresentation) {
      const row = this.engine.store.get(table, id)!;
      const q = parseQuery(req.query);
      const options = { select: parseSelect(table, q.$select), expand: parseExpand(this.engine, table, q.$expand), annotate: annotationMatcher(prefer.includeAnnotations) };
      return this.entity(201, req, table, row, options, { 'OData-EntityId': location, Location: location, 'Preference-Applied': 'return=representation' });
    }
    return noContent({ 'OData-EntityId': location, Location: location });
  }

  private queryCollection(req: ApiRequest, table: TableDef, prefer: Preferences, where?: { sql: string; params: unknown[] }, contextPath?: string): ApiResponse {
    const q = parseQuery(req.query);
    if ('$skip' in q) throw errors.badQuery('The query parameter $skip is not supported. Use the @odata.nextLink returned with each page (Prefer: odata.maxpagesize) to page through results.');
    for (const option of Object.keys(q)) {
      if (option.startsWith('$') && !['$select', '$filter', '$orderby', '$top', '$count', '$expand', '$skiptoken', '$apply'].includes(option)) throw errors.badQuery(`The query parameter ${option} is not supported.`);
    }
    if ('$apply' in q) throw errors.badQuery('$apply (aggregation) is not supported by the emulator; use FetchXML aggregates.');
    const annotate = annotationMatcher(prefer.includeAnnotations);
    if (q.fetchXml !== undefined) return runFetchXml(this.engine, table, q.fetchXml, req.root, annotate);
    const aliases = Object.fromEntries(Object.entries(q).filter(([k]) => k.startsWith('@')));
    const pageSize = prefer.maxPageSize ? Math.min(Math.max(1, prefer.maxPageSize), MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
    const top = q.$top !== undefined ? Number(q.$top) : undefined;
    if (top !== undefined && (!Number.isInteger(top) || top < 0)) throw errors.badQuery(`Invalid value '${q.$top}' for $top.`);
    const select = parseSelect(table, q.$select);
    const shape = new RowShape(this.engine, table, { select, expand: parseExpand(this.engine, table, q.$expand, aliases), annotate });
    const result = runCollection(this.engine, table, {
      columns: shape.columns,
      filter: q.$filter ? parseFilter(q.$filter, aliases) : undefined,
      where,
      orders: parseOrderBy(table, q.$orderby),
      top,
      pageSize,
      cookie: q.$skiptoken ? cookieFromSkipToken(q.$skiptoken) : undefined,
      count: q.$count === 'true',
    });
    const head: Record<string, unknown> = { '@odata.context': `${req.root}$metadata#${contextPath ?? table.entitySetName}${select ? `(${select.join(',')})` : ''}` };
    if (result.count !== undefined) {
      head['@odata.count'] = result.count;
      // Beyond 5,000 Dataverse answers 5,000 and says the limit was exceeded (webapi/query/count-rows).
      if (annotate('Microsoft.Dynamics.CRM.totalrecordcount')) head['@Microsoft.Dynamics.CRM.totalrecordcount'] = result.count;
      if (annotate('Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded')) head['@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded'] = !!result.countLimitExceeded;
    }
    const tail: Record<string, unknown> = {};
    if (result.more && result.pagingCookie) {
      const kept = req.query
        .split('&')
        .filter((p) => p && !p.startsWith('$skiptoken=') && !p.startsWith('%24skiptoken='))
        .join('&');
      tail['@odata.nextLink'] = `${req.root}${req.path}?${kept ? `${kept}&` : ''}$skiptoken=${encodeURIComponent(skipTokenFor(result.pageNumber + 1, result.pagingCookie, 1))}`;
    }
    return jsonBytes(200, writeCollection(shape, result.rows, head, tail), prefer.maxPageSize ? { 'Preference-Applied': `odata.maxpagesize=${pageSize}` } : {});
  }

  // --- single records ---------------------------------------------------------------------------

  /** One record as the Web API returns it: its `@odata.context`, then its columns. */
  private entity(status: number, req: ApiRequest, table: TableDef, row: Row, options: ShapeOptions, headers: Record<string, string> = {}): ApiResponse {
    const lead = `${JsonWriter.key('@odata.context', true)}${JSON.stringify(`${req.root}$metadata#${table.entitySetName}/$entity`)},`;
    return jsonBytes(status, writeRecord(new JsonWriter(), this.engine, table, row, options, lead).toBuffer(), headers);
  }

  private resolveId(table: TableDef, key: string, mustExist: boolean): string | undefined {
    const id = findByKey(this.engine, table, key);
    if (!id && mustExist) throw errors.notFound(table.logicalName, key);
    return id;
  }

  private async recordRoute(req: ApiRequest, table: TableDef, key: string, rest: string[]): Promise<ApiResponse> {
    const prefer = parsePrefer(req.headers['prefer']);
    if (rest.length === 0) {
      if (req.method === 'GET') {
        const id = this.resolveId(table, key, true)!;
        const row = this.engine.store.get(table, id)!;
        const etag = `W/"${row.versionnumber}"`;
        if (req.headers['if-none-match'] && req.headers['if-none-match'] === etag) return { status: 304, headers: { ETag: etag } };
        const q = parseQuery(req.query);
        const options = { select: parseSelect(table, q.$select), expand: parseExpand(this.engine, table, q.$expand), annotate: annotationMatcher(prefer.includeAnnotations) };
        return this.entity(200, req, table, row, options, { ETag: etag });
      }
      if (req.method === 'PATCH') return this.patchRoute(req, table, key, prefer);
      if (req.method === 'DELETE') {
        const id = this.resolveId(table, key, true)!;
        await this.write(() => this.records.delete(req.ctx, table, id, req.headers['if-match']));
        return noContent();
      }
      throw errors.methodNotAllowed(`The method ${req.method} is not allowed on a ${table.logicalName} record.`);
    }
    const id = this.resolveId(table, key, true)!;
    const action = /^Microsoft\.Dynamics\.CRM\.(\w+)$/.exec(rest[0]!);
    if (action) return this.actions.boundToRecord(req, table, id, action[1]!);
    const { name: navName, key: navKey } = segmentKey(rest[0]!);
    const nav = this.engine.schema.navigation(table, navName);
    if (nav) {
      if (rest[1] === '$ref') return this.refRoute(req, table, id, navName, navKey);
      if (req.method !== 'GET') throw errors.methodNotAllowed(`The method ${req.method} is not allowed on the navigation property '${navName}'.`);
      if (nav.kind === 'lookup') {
        const row = this.engine.store.get(table, id)!;
        const ref = row[nav.attribute.logicalName] as { id: string; logicalName: string } | null;
        if (!ref) return noContent();
        const target = this.engine.table(ref.logicalName);
        const related = this.engine.store.get(target, ref.id)!;
        const q = parseQuery(req.query);
        return this.entity(200, req, target, related, { select: parseSelect(target, q.$select), annotate: annotationMatcher(prefer.includeAnnotations) });
      }
      const { target, where } = this.navigationWhere(table, id, nav);
      return this.queryCollection(req, target, prefer, where, target.entitySetName);
    }
    // A single property: GET, PUT or DELETE (sets it to null).
    const attribute = resolveProperty(table, navName);
    if (req.method === 'GET') {
      const row = this.engine.store.get(table, id)!;
      const value = row[attribute.logicalName] ?? null;
      const plain = value && typeof value === 'object' ? (value as { id: string }).id : value;
      if (plain === null) return noContent();
      if (rest[1] === '$value') return { status: 200, headers: { 'Content-Type': 'text/plain', 'OData-Version': '4.0' }, body: String(plain) };
      return json(200, { '@odata.context': `${req.root}$metadata#${table.entitySetName}(${id})/${navName}`, value: plain });
    }
    if (req.method === 'PUT' || req.method === 'DELETE') {
      const value = req.method === 'PUT' ? (parseBody(req.body) as { value?: unknown }).value : null;
      await this.write(() => this.records.update(req.ctx, table, id, { [attribute.logicalName]: value ?? null }, { ifMatch: '*' }));
      return noContent();
    }
    throw errors.methodNotAllowed(`The method ${req.method} is not allowed on the property '${navName}'.`);
  }

  private async patchRoute(req: ApiRequest, table: TableDef, key: string, prefer: Preferences): Promise<ApiResponse> {
    const body = parseBody(req.body);
    const ifMatch = req.headers['if-match'];
    const ifNoneMatch = req.headers['if-none-match'];
    const existing = findByKey(this.engine, table, key);
    let targetId = existing;
    let payload = body as Record<string, unknown>;
    if (!existing) {
      if (ifMatch) throw errors.notFound(table.logicalName, key);
      // Upsert: create with the GUID key, or with the alternate key's values.
      const guid = /^\{?[0-9a-f-]{36}\}?$/i.test(key) ? key.replace(/[{}]/g, '').toLowerCase() : undefined;
      if (!guid) {
        const values = parseAlternateKey(table, key);
        payload = { ...values, ...payload };
      }
      targetId = guid;
    }
    const result = await this.write(async () => {
      if (!targetId) return { id: await this.records.create(req.ctx, table, payload), created: true };
      return this.records.update(req.ctx, table, targetId, payload, { ifMatch, ifNoneMatch: ifNoneMatch === 'null' ? undefined : ifNoneMatch, upsert: true });
    });
    const location = `${req.root}${table.entitySetName}(${result.id})`;
    if (prefer.returnRepresentation) {
      const row = this.engine.store.get(table, result.id)!;
      const q = parseQuery(req.query);
      return this.entity(result.created ? 201 : 200, req, table, row, { select: parseSelect(table, q.$select), annotate: annotationMatcher(prefer.includeAnnotations) }, { 'OData-EntityId': location });
    }
    return noContent({ 'OData-EntityId': location });
  }

  private navigationWhere(table: TableDef, id: string, nav: NonNullable<ReturnType<typeof this.engine.schema.navigation>>): { target: TableDef; where: { sql: string; params: unknown[] } } {
    if (nav.kind === 'parties') return { target: this.engine.table('activityparty'), where: { sql: '"t"."activityid" = ?', params: [id] } };
    if (nav.kind === 'oneToMany') return { target: this.engine.table(nav.table), where: { sql: `"t"."${nav.attribute}" = ?`, params: [id] } };
    if (nav.kind === 'manyToMany') {
      const r = nav.relationship;
      const target = this.engine.table(nav.other);
      const [mine, theirs] = nav.thisIsEntity1 ? [r.entity1Attribute, r.entity2Attribute] : [r.entity2Attribute, r.entity1Attribute];
      return { target, where: { sql: `"t"."${target.primaryIdAttribute}" IN (SELECT "${theirs}" FROM "${r.intersectEntity}" WHERE "${mine}" = ?)`, params: [id] } };
    }
    throw errors.badQuery(`'${nav.name}' is not a collection-valued navigation property of ${table.logicalName}.`);
  }

  private async refRoute(req: ApiRequest, table: TableDef, id: string, navName: string, navKey: string | undefined): Promise<ApiResponse> {
    const nav = this.engine.schema.navigation(table, navName)!;
    const q = parseQuery(req.query);
    if (nav.kind === 'lookup') {
      if (req.method === 'PUT') {
        const ref = (parseBody(req.body) as Record<string, unknown>)['@odata.id'];
        await this.write(() => this.records.update(req.ctx, table, id, { [`${navName}@odata.bind`]: ref }, { ifMatch: '*' }));
        return noContent();
      }
      if (req.method === 'DELETE') {
        await this.write(() => this.records.update(req.ctx, table, id, { [`${navName}@odata.bind`]: null }, { ifMatch: '*' }));
        return noContent();
      }
      throw errors.methodNotAllowed(`Use PUT or DELETE on the single-valued navigation property '${navName}/$ref'.`);
    }
    if (nav.kind !== 'manyToMany' && nav.kind !== 'oneToMany') throw errors.badQuery(`'${navName}' cannot be associated through $ref.`);
    if (req.method === 'POST') {
      const related = resolveReference(this.engine, (parseBody(req.body) as Record<string, unknown>)['@odata.id'], `'@odata.id'`);
      await this.write(async () => {
        if (nav.kind === 'oneToMany') {
          if (related.logicalName !== nav.table) throw errors.badQuery(`'${navName}' relates ${nav.table} rows, not ${related.logicalName}.`);
          const child = this.engine.table(nav.table);
          const navToParent = this.engine.schema.singleNavigationName(child, child.attributes[nav.attribute]!);
          await this.records.update(req.ctx, child, related.id, { [`${navToParent}@odata.bind`]: `/${table.entitySetName}(${id})` }, { ifMatch: '*' });
        } else {
          const r = nav.relationship;
          if (related.logicalName !== nav.other) throw errors.badQuery(`'${navName}' relates ${nav.other} rows, not ${related.logicalName}.`);
          if (nav.thisIsEntity1) await this.records.associate(req.ctx, r, id, related);
          else await this.records.associate(req.ctx, r, related.id, { id, logicalName: table.logicalName });
        }
      });
      return noContent();
    }
    if (req.method === 'DELETE') {
      const relatedKey = navKey ?? /\(([^)]+)\)\/?$/.exec(q.$id ?? '')?.[1];
      if (!relatedKey) throw errors.badQuery(`Give the related record: ${navName}(<id>)/$ref or $ref?$id=<uri>.`);
      const relatedId = relatedKey.replace(/[{}]/g, '').toLowerCase();
      await this.write(async () => {
        if (nav.kind === 'oneToMany') {
          const child = this.engine.table(nav.table);
          const navToParent = this.engine.schema.singleNavigationName(child, child.attributes[nav.attribute]!);
          await this.records.update(req.ctx, child, relatedId, { [`${navToParent}@odata.bind`]: null }, { ifMatch: '*' });
        } else if (nav.thisIsEntity1) await this.records.disassociate(req.ctx, nav.relationship, id, relatedId);
        else await this.records.disassociate(req.ctx, nav.relationship, relatedId, id);
      });
      return noContent();
    }
    throw errors.methodNotAllowed(`Use POST or DELETE on '${navName}/$ref'.`);
  }

  /** A minimal CSDL: entity sets and keys, enough for tools that list what the service exposes. */
  private csdl(): string {
    const types = this.engine.schema
      .tables()
      .map((t) => `<EntityType Name="${t.logicalName}"><Key><PropertyRef Name="${t.primaryIdAttribute}"/></Key><Property Name="${t.primaryIdAttribute}" Type="Edm.Guid"/></EntityType>`)
      .join('');
    const sets = this.engine.schema
      .tables()
      .map((t) => `<EntitySet Name="${t.entitySetName}" EntityType="Microsoft.Dynamics.CRM.${t.logicalName}"/>`)
      .join('');
    return `<?xml version="1.0" encoding="utf-8"?><edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices><Schema Namespace="Microsoft.Dynamics.CRM" Alias="mscrm" xmlns="http://docs.oasis-open.org/odata/ns/edm">${types}<EntityContainer Name="System">${sets}</EntityContainer></Schema></edmx:DataServices></edmx:Edmx>`;
  }
}
