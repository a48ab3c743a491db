/**
 * Create, update, delete, upsert and associate, with what the platform does around them:
 * system columns, full names, state/status defaults, alternate-key uniqueness, activity pointer
 * and activity parties, list membership, and the event pipeline (webhook steps).
 */
import { CallerContext, Engine } from '../engine';
import { errors } from '../http/errors';
import { isLookupType, ManyToManyDef, TableDef } from '../metadata/model';
import { LookupValue, Row } from '../store/store';
import { newId, parseGuid } from '../util/ids';
import { Pipeline } from '../webhooks/pipeline';
import { parsePayload, PartyInput } from './payload';

const POINTER_COLUMNS = ['subject', 'description', 'activitytypecode', 'regardingobjectid', 'scheduledstart', 'scheduledend', 'actualstart', 'actualend', 'actualdurationminutes', 'prioritycode', 'isregularactivity', 'statecode', 'statuscode', 'ownerid', 'owninguser', 'owningteam', 'owningbusinessunit', 'createdon', 'modifiedon', 'createdby', 'modifiedby', 'versionnumber'];

export interface UpdateOptions {
  /** Etag from If-Match ("*" = must exist). */
  ifMatch?: string;
  /** If-None-Match: "*" = must not exist (create only). */
  ifNoneMatch?: string;
  /** PATCH on a key creates the row when it is missing (upsert). */
  upsert?: boolean;
}

export class Records {
  constructor(
    private readonly engine: Engine,
    private readonly pipeline: Pipeline,
  ) {}

  private get store() {
    return this.engine.store;
  }

  etag(row: Row): string {
    return `W/"${row.versionnumber}"`;
  }

  private applyDefaults(table: TableDef, row: Row, ctx: CallerContext, creating: boolean): void {
    const now = this.engine.now();
    const user: LookupValue = { id: ctx.userId, logicalName: 'systemuser' };
    row.modifiedon = now;
    row.modifiedby = user;
    row.versionnumber = this.store.nextVersion();
    if (creating) {
      row.createdon = row.overriddencreatedon ?? now;
      row.createdby = user;
      if (table.ownership === 'UserOwned') {
        const owner = (row.ownerid as LookupValue | undefined) ?? user;
        row.ownerid = owner;
        row.owninguser = owner.logicalName === 'systemuser' ? owner : null;
        row.owningteam = owner.logicalName === 'team' ? owner : null;
        row.owningbusinessunit = { id: this.engine.businessUnitId, logicalName: 'businessunit' };
      }
      if (table.attributes.transactioncurrencyid && !row.transactioncurrencyid) row.transactioncurrencyid = { id: this.engine.baseCurrencyId, logicalName: 'transactioncurrency' };
      for (const a of Object.values(table.attributes)) {
        if (row[a.logicalName] === undefined && a.defaultValue !== undefined && !a.readOnly) row[a.logicalName] = a.type === 'Boolean' ? Boolean(a.defaultValue) : a.defaultValue;
      }
      if (table.isActivity) {
        row.activitytypecode = table.logicalName;
        row.isregularactivity = true;
      }
    }
  }

  /** statecode/statuscode: defaults, inference and the state a status belongs to. */
  private applyState(table: TableDef, row: Row, changes: Row, creating: boolean): void {
    const state = table.attributes.statecode;
    const status = table.attributes.statuscode;
    if (!state || !status) return;
    const statuses = status.options ?? [];
    if (changes.statuscode !== undefined && changes.statecode === undefined && changes.statuscode !== null) {
      row.statecode = statuses.find((o) => o.value === changes.statuscode)?.state ?? row.statecode;
    }
    if (creating && row.statecode === undefined) row.statecode = 0;
    if ((changes.statecode !== undefined || creating) && changes.statuscode === undefined) {
      row.statuscode = state.options?.find((o) => o.value === row.statecode)?.defaultStatus ?? row.statuscode;
    }
    const owner = statuses.find((o) => o.value === row.statuscode);
    if (owner && owner.state !== undefined && owner.state !== row.statecode) {
      throw errors.invalidArgument(`${row.statuscode} is not a valid status code for state code ${table.logicalName}State.${state.options?.find((o) => o.value === row.statecode)?.invariantName ?? row.statecode} on ${table.logicalName} with Id ${row[table.primaryIdAttribute]}.`);
    }
  }

  private computeNames(table: TableDef, row: Row): void {
    if (['contact', 'lead', 'systemuser'].includes(table.logicalName) && ('firstname' in row || 'lastname' in row)) {
      row.fullname = [row.firstname, row.lastname].filter((x) => typeof x === 'string' && x).join(' ') || null;
      if (table.attributes.yomifullname) row.yomifullname = row.fullname;
    }
  }

  private checkKeys(table: TableDef, row: Row): void {
    for (const key of table.keys) {
      const values: Record<string, unknown> = {};
      for (const k of key.attributes) values[k] = row[k] ?? null;
      if (Object.values(values).every((v) => v === null)) continue;
      const sqlValues = this.store.toSql(table, values);
      const others = this.store.findBy(table, sqlValues, 2).filter((r) => r[table.primaryIdAttribute] !== row[table.primaryIdAttribute]);
      if (others.length) throw errors.duplicate(`${key.attributes.join(', ')} of ${table.logicalName}`);
    }
  }

  async create(ctx: CallerContext, table: TableDef, body: unknown, forcedId?: string): Promise<string> {
    if (table.readOnly) throw errors.methodNotAllowed(`The '${table.logicalName}' entity cannot be created through the Web API.`);
    const parsed = parsePayload(this.engine, table, body);
    const id = forcedId ?? (parsed.changes[table.primaryIdAttribute] as string | undefined) ?? newId();
    if (this.store.get(table, id)) throw errors.alreadyExists();
    const row: Row = { ...parsed.changes, [table.primaryIdAttribute]: id };
    this.applyDefaults(table, row, ctx, true);
    this.applyState(table, row, parsed.changes, true);
    this.computeNames(table, row);
    this.checkKeys(table, row);
    this.validatePlatformRules(table, row);
    await this.pipeline.before(ctx, { message: 'Create', table, id, target: row });
    this.store.insert(table, row);
    if (table.isActivity) {
      this.store.insert(this.engine.table('activitypointer'), this.pointerRow(row));
      if (parsed.parties) this.writeParties(ctx, table, id, parsed.parties);
    }
    if (table.logicalName === 'listmember') this.countMembers((row.listid as LookupValue).id, 1);
    for (const child of parsed.related) {
      const childTable = this.engine.table(child.table);
      const nav = this.engine.schema.singleNavigationName(childTable, childTable.attributes[child.attribute]!);
      await this.create(ctx, childTable, { ...child.payload, [`${nav}@odata.bind`]: `/${table.entitySetName}(${id})` });
    }
    await this.pipeline.after(ctx, { message: 'Create', table, id, target: row, postImage: () => this.store.get(table, id) });
    return id;
  }

  async update(ctx: CallerContext, table: TableDef, id: string, body: unknown, options: UpdateOptions = {}): Promise<{ id: string; created: boolean }> {
    if (table.readOnly) throw errors.methodNotAllowed(`The '${table.logicalName}' entity cannot be updated through the Web API.`);
    const existing = this.store.get(table, id);
    if (!existing) {
      if (options.ifMatch) throw errors.notFound(table.logicalName, id);
      if (!options.upsert) throw errors.notFound(table.logicalName, id);
      return { id: await this.create(ctx, table, body, id), created: true };
    }
    if (options.ifNoneMatch === '*') throw errors.alreadyExists();
    if (options.ifMatch && options.ifMatch !== '*' && options.ifMatch !== this.etag(existing)) throw errors.versionMismatch();
    const parsed = parsePayload(this.engine, table, body);
    if (parsed.changes[table.primaryIdAttribute] && parsed.changes[table.primaryIdAttribute] !== id) throw errors.badQuery(`The primary key '${table.primaryIdAttribute}' cannot be changed.`);
    const changes: Row = { ...parsed.changes };
    const row: Row = { ...existing, ...changes };
    this.applyDefaults(table, row, ctx, false);
    this.applyState(table, row, changes, false);
    this.computeNames(table, row);
    this.checkKeys(table, row);
    this.validatePlatformRules(table, row);
    const written: Row = {};
    for (const k of Object.keys(row)) if (row[k] !== existing[k]) written[k] = row[k];
    const target: Row = { ...changes, [table.primaryIdAttribute]: id, modifiedon: row.modifiedon, modifiedby: row.modifiedby };
    for (const k of ['statecode', 'statuscode', 'fullname']) if (k in written) target[k] = row[k];
    await this.pipeline.before(ctx, { message: 'Update', table, id, target, preImage: existing });
    this.store.update(table, id, written);
    if (table.isActivity) {
      const pointer = this.pointerRow(row);
      this.store.update(this.engine.table('activitypointer'), id, pointer);
      if (parsed.parties) this.writeParties(ctx, table, id, parsed.parties);
    }
    await this.pipeline.after(ctx, { message: 'Update', table, id, target, preImage: existing, postImage: () => this.store.get(table, id) });
    return { id, created: false };
  }

  async delete(ctx: CallerContext, table: TableDef, id: string, ifMatch?: string): Promise<void> {
    if (table.readOnly) throw errors.methodNotAllowed(`The '${table.logicalName}' entity cannot be deleted through the Web API.`);
    const existing = this.store.get(table, id);
    if (!existing) throw errors.notFound(table.logicalName, id);
    if (ifMatch && ifMatch !== '*' && ifMatch !== this.etag(existing)) throw errors.versionMismatch();
    const target = { id, logicalName: table.logicalName };
    await this.pipeline.before(ctx, { message: 'Delete', table, id, target: {}, reference: target, preImage: existing });
    this.store.delete(table, id);
    if (table.isActivity) {
      this.store.delete(this.engine.table('activitypointer'), id);
      this.store.prepare('DELETE FROM "activityparty" WHERE "activityid" = ?').run(id);
    }
    for (const r of this.engine.schema.model.manyToMany) {
      if (r.entity1 === table.logicalName) this.store.prepare(`DELETE FROM "${r.intersectEntity}" WHERE "${r.entity1Attribute}" = ?`).run(id);
      if (r.entity2 === table.logicalName) this.store.prepare(`DELETE FROM "${r.intersectEntity}" WHERE "${r.entity2Attribute}" = ?`).run(id);
    }
    if (table.logicalName === 'listmember') this.countMembers((existing.listid as LookupValue).id, -1);
    await this.pipeline.after(ctx, { message: 'Delete', table, id, target: {}, reference: target, preImage: existing });
  }

  private validatePlatformRules(table: TableDef, row: Row): void {
    if (table.logicalName === 'listmember' && (!row.listid || !row.entityid)) throw errors.invalidArgument('A list member needs a list (listid) and a member (entityid).');
    if (table.logicalName === 'list' && row.createdfromcode === undefined) throw errors.invalidArgument("Marketing list 'createdfromcode' (Targeted At) is required.");
  }

  private pointerRow(row: Row): Row {
    const pointer: Row = { activityid: row.activityid };
    for (const c of POINTER_COLUMNS) if (c in row) pointer[c] = row[c];
    return pointer;
  }

  private writeParties(ctx: CallerContext, table: TableDef, activityId: string, parties: PartyInput[]): void {
    const partyTable = this.engine.table('activityparty');
    this.store.prepare('DELETE FROM "activityparty" WHERE "activityid" = ?').run(activityId);
    for (const p of parties) {
      if (p.party && !this.engine.schema.table(p.party.logicalName)?.isActivityParty) throw errors.invalidArgument(`A ${p.party.logicalName} cannot be an activity party.`);
      const row: Row = {
        activitypartyid: newId(),
        activityid: { id: activityId, logicalName: table.logicalName },
        partyid: p.party,
        participationtypemask: p.mask,
        addressused: p.addressused ?? null,
        ispartydeleted: false,
      };
      this.applyDefaults(partyTable, row, ctx, true);
      this.store.insert(partyTable, row);
    }
  }

  /** Keeps list.membercount in step with each change: a recount per member made adding 100,000 members quadratic. */
  private countMembers(listId: string, delta: number): void {
    this.store.prepare('UPDATE "list" SET "membercount" = COALESCE("membercount", 0) + ? WHERE "listid" = ?').run(delta, listId);
  }

  // --- many-to-many --------------------------------------------------------------------------

  async associate(ctx: CallerContext, relationship: ManyToManyDef, entity1Id: string, entity2: LookupValue): Promise<void> {
    const intersect = this.engine.table(relationship.intersectEntity);
    const existing = this.store.findBy(intersect, { [relationship.entity1Attribute]: entity1Id, [relationship.entity2Attribute]: entity2.id }, 1);
    if (existing.length) throw errors.duplicate(`${relationship.schemaName}`);
    const a2 = intersect.attributes[relationship.entity2Attribute]!;
    const row: Row = {
      [intersect.primaryIdAttribute]: newId(),
      [relationship.entity1Attribute]: { id: entity1Id, logicalName: relationship.entity1 },
      [relationship.entity2Attribute]: isLookupType(a2.type) ? entity2 : entity2.id,
    };
    if (relationship.entity2TypeAttribute) row[relationship.entity2TypeAttribute] = entity2.logicalName;
    this.applyDefaults(intersect, row, ctx, true);
    this.store.insert(intersect, row);
    if (intersect.logicalName === 'listmember') this.countMembers(entity1Id, 1);
    await this.pipeline.after(ctx, {
      message: 'Associate',
      table: this.engine.table(relationship.entity1),
      id: entity1Id,
      target: {},
      reference: { id: entity1Id, logicalName: relationship.entity1 },
      relationship: relationship.schemaName,
      related: [entity2],
    });
  }

  async disassociate(ctx: CallerContext, relationship: ManyToManyDef, entity1Id: string, entity2Id: string): Promise<void> {
    const intersect = this.engine.table(relationship.intersectEntity);
    const rows = this.store.findBy(intersect, { [relationship.entity1Attribute]: entity1Id, [relationship.entity2Attribute]: entity2Id });
    if (!rows.length) throw errors.notFound(relationship.entity2, entity2Id);
    for (const r of rows) this.store.delete(intersect, r[intersect.primaryIdAttribute] as string);
    if (intersect.logicalName === 'listmember') this.countMembers(entity1Id, -rows.length);
    void ctx;
  }

  /** Adds a member to a marketing list (AddMemberList / AddListMembersList); returns the listmember id. */
  async addListMember(ctx: CallerContext, listId: string, entityId: string): Promise<string> {
    const list = this.store.get(this.engine.table('list'), listId);
    if (!list) throw errors.notFound('list', listId);
    if (list.type === true) throw errors.invalidArgument('Members cannot be added to a dynamic marketing list; its members come from its query.');
    const memberTable = ({ 1: 'account', 2: 'contact', 4: 'lead' } as Record<number, string>)[list.createdfromcode as number];
    if (!memberTable) throw errors.invalidArgument(`Marketing list ${listId} has no valid createdfromcode.`);
    const id = parseGuid(entityId);
    if (!id || !this.store.get(this.engine.table(memberTable), id)) throw errors.notFound(memberTable, entityId);
    const existing = this.store.findBy(this.engine.table('listmember'), { listid: listId, entityid: id }, 1);
    if (existing[0]) return existing[0].listmemberid as string;
    const relationship = this.engine.schema.model.manyToMany.find((r) => r.schemaName === `list${memberTable}_association`)!;
    await this.associate(ctx, relationship, listId, { id, logicalName: memberTable });
    return this.store.findBy(this.engine.table('listmember'), { listid: listId, entityid: id }, 1)[0]!.listmemberid as string;
  }
}
