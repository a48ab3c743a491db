/**
 * Writes stored rows as Web API JSON: `@odata.etag`, the selected columns in table order, lookups
 * as `_x_value` with their annotations, formatted values, and `$expand`. A RowShape is compiled
 * once per request from the table, `$select`, `$expand` and the annotations the client asked for:
 * each output column becomes one step with its JSON keys encoded, its value conversion and its
 * formatter already resolved, so that writing a row reads no metadata. Lookup names and currency
 * symbols are read once per page (one query per target table), not once per row.
 */
import { Engine } from '../engine';
import { AttributeDef, isLookupType, TableDef } from '../metadata/model';
import { isStored, q, Row, typeColumn } from '../store/store';
import { Formatter, formatterFor } from './format';
import { jsonString, jsonValue, JsonWriter } from './json-writer';
import { ExpandOption, MAX_PAGE_SIZE, parseOrderBy, runCollection } from './retrieve';
import { resolveProperty } from './sql';

/** A row as SQLite returns it, values in the order of RowShape.columns (lookups as id and `<column>__t`). */
export type SqlRow = unknown[];

export interface ShapeOptions {
  select?: string[];
  expand?: ExpandOption[];
  annotate: (name: string) => boolean;
}

/** Members written after a row's own (FetchXML's linked columns). */
export type ExtraMembers = (writer: JsonWriter, row: SqlRow) => void;

const FORMATTED = 'OData.Community.Display.V1.FormattedValue';
const NAVIGATION = 'Microsoft.Dynamics.CRM.associatednavigationproperty';
const LOGICAL_NAME = 'Microsoft.Dynamics.CRM.lookuplogicalname';
/** Ids per IN (…) when reading lookup names: well under SQLite's bound-parameter limit. */
const NAME_CHUNK = 500;
const key = (name: string) => JsonWriter.key(name);

interface LookupStep {
  lookup: true;
  at: number;
  typeAt: number;
  key: string;
  formattedKey?: string;
  navigationKey?: string;
  logicalNameKey?: string;
  navigationName: (target: string) => string;
}

interface ValueStep {
  lookup: false;
  at: number;
  key: string;
  formattedKey?: string;
  format?: Formatter;
  money: boolean;
  convert?: (value: unknown) => unknown;
}

type Step = LookupStep | ValueStep;

interface ExpandStep {
  key: string;
  write: (writer: JsonWriter, row: SqlRow) => void;
}

/** Lookup primary names of one page: target table → id → name. */
type Names = Map<string, Map<string, string | null>>;

interface PageContext {
  names?: Names;
  symbols?: Map<string, string>;
}

const toBoolean = (value: unknown) => value === 1 || value === true;

/** Remembers the last value formatted: bulk rows repeat dates and numbers a lot. */
function remembering(format: Formatter): Formatter {
  let lastValue: unknown = null;
  let lastText: string | undefined;
  return (value, symbol) => {
    if (value !== lastValue) {
      lastText = format(value, symbol);
      lastValue = value;
    }
    return lastText;
  };
}

export class RowShape {
  /** The SQL columns the shape reads, in the order of its rows' values. */
  readonly columns: string[] = [];
  private readonly positions = new Map<string, number>();
  private readonly steps: Step[] = [];
  private readonly expands: ExpandStep[] = [];
  private readonly version: number | undefined;
  private readonly currency: number | undefined;
  private readonly needsNames: boolean;
  private readonly needsCurrency: boolean;

  constructor(
    private readonly engine: Engine,
    readonly table: TableDef,
    options: ShapeOptions,
  ) {
    const selected = options.select ? new Set(options.select.map((s) => resolveProperty(table, s).logicalName)) : undefined;
    this.at(table.primaryIdAttribute);
    const formatted = options.annotate(FORMATTED);
    const navigation = options.annotate(NAVIGATION);
    const logicalName = options.annotate(LOGICAL_NAME);
    for (const a of Object.values(table.attributes)) {
      if (a.writeOnly || !isStored(a)) continue;
      if (selected && !selected.has(a.logicalName) && a.logicalName !== table.primaryIdAttribute) continue;
      this.steps.push(isLookupType(a.type) ? this.lookupStep(a, formatted, navigation, logicalName) : this.valueStep(a, formatted));
    }
    const version = table.attributes.versionnumber;
    this.version = version && isStored(version) ? this.at(version.logicalName) : undefined;
    this.needsCurrency = this.steps.some((s) => !s.lookup && s.money && s.format);
    this.currency = this.needsCurrency && table.attributes.transactioncurrencyid ? this.at('transactioncurrencyid') : undefined;
    this.needsNames = this.steps.some((s) => s.lookup && s.formattedKey);
    for (const option of options.expand ?? []) this.expands.push(this.expandStep(option, options.annotate));
  }

  /** The position of a column in the rows, added to the columns read if new. */
  at(column: string): number {
    let position = this.positions.get(column);
    if (position === undefined) {
      position = this.columns.length;
      this.columns.push(column);
      this.positions.set(column, position);
    }
    return position;
  }

  /** A row of this shape from a row read through the Records layer. */
  fromRecord(row: Row): SqlRow {
    const sql = this.engine.store.toSql(this.table, row);
    return this.columns.map((c) => sql[c] ?? null);
  }

  private lookupStep(a: AttributeDef, formatted: boolean, navigation: boolean, logicalName: boolean): LookupStep {
    const name = `_${a.logicalName}_value`;
    const navigationNames = new Map<string, string>();
    return {
      lookup: true,
      at: this.at(a.logicalName),
      typeAt: this.at(typeColumn(a.logicalName)),
      key: key(name),
      formattedKey: formatted ? key(`${name}@${FORMATTED}`) : undefined,
      navigationKey: navigation ? key(`${name}@${NAVIGATION}`) : undefined,
      logicalNameKey: logicalName ? key(`${name}@${LOGICAL_NAME}`) : undefined,
      navigationName: (target) => {
        let navigationName = navigationNames.get(target);
        if (navigationName === undefined) navigationNames.set(target, (navigationName = this.engine.schema.navigationNameFor(this.table, a, target)));
        return navigationName;
      },
    };
  }

  private valueStep(a: AttributeDef, formatted: boolean): ValueStep {
    const money = a.type === 'Money';
    const format = formatted ? (money ? formatterFor(a) : remembering(formatterFor(a))) : undefined;
    return {
      lookup: false,
      at: this.at(a.logicalName),
      key: key(a.logicalName),
      formattedKey: format ? key(`${a.logicalName}@${FORMATTED}`) : undefined,
      format,
      money,
      convert: a.type === 'Boolean' ? toBoolean : a.type === 'MultiSelectPicklist' ? String : undefined,
    };
  }

  private expandStep(option: ExpandOption, annotate: (name: string) => boolean): ExpandStep {
    const engine = this.engine;
    const nav = engine.schema.navigation(this.table, option.navigation)!;
    const nested = { select: option.select, expand: option.expand, annotate };
    if (nav.kind === 'lookup') {
      const idAt = this.at(nav.attribute.logicalName);
      const typeAt = this.at(typeColumn(nav.attribute.logicalName));
      const shapes = new Map<string, RowShape>();
      return {
        key: key(option.navigation),
        write: (writer, row) => {
          const id = row[idAt] as string | null;
          const targetName = row[typeAt] as string | null;
          let related: SqlRow[] = [];
          let shape: RowShape | undefined;
          if (id && targetName && (!nav.target || targetName === nav.target)) {
            shape = shapes.get(targetName);
            if (!shape) shapes.set(targetName, (shape = new RowShape(engine, engine.table(targetName), nested)));
            related = engine.store.rows(`SELECT ${shape.columns.map(q).join(', ')} FROM ${q(targetName)} WHERE ${q(shape.table.primaryIdAttribute)} = ?`, [id]);
          }
          if (shape && related.length) shape.writeRow(writer, related[0]!, shape.pageContext(related));
          else writer.raw('null');
        },
      };
    }
    let target: TableDef;
    let where: (id: string) => { sql: string; params: unknown[] };
    if (nav.kind === 'parties') {
      target = engine.table('activityparty');
      where = (id) => ({ sql: `"t"."activityid" = ?`, params: [id] });
    } else if (nav.kind === 'oneToMany') {
      target = engine.table(nav.table);
      where = (id) => ({ sql: `"t".${q(nav.attribute)} = ?`, params: [id] });
    } else {
      const r = nav.relationship;
      target = engine.table(nav.other);
      const [mine, theirs] = nav.thisIsEntity1 ? [r.entity1Attribute, r.entity2Attribute] : [r.entity2Attribute, r.entity1Attribute];
      where = (id) => ({ sql: `"t".${q(target.primaryIdAttribute)} IN (SELECT ${q(theirs)} FROM ${q(r.intersectEntity)} WHERE ${q(mine)} = ?)`, params: [id] });
    }
    const shape = new RowShape(engine, target, nested);
    const orders = parseOrderBy(target, option.orderby);
    const idAt = this.at(this.table.primaryIdAttribute);
    return {
      key: key(option.navigation),
      write: (writer, row) => {
        const result = runCollection(engine, target, { columns: shape.columns, filter: option.filter, where: where(row[idAt] as string), orders, top: option.top, pageSize: MAX_PAGE_SIZE });
        shape.writeArray(writer, result.rows);
      },
    };
  }

  /** Writes rows as a JSON array; lookup names and currency symbols are read once for all of them. */
  writeArray(writer: JsonWriter, rows: SqlRow[], extra?: ExtraMembers): void {
    const context = this.pageContext(rows);
    writer.raw('[');
    for (let i = 0; i < rows.length; i++) {
      if (i) writer.raw(',');
      const before = writer.size;
      this.writeRow(writer, rows[i]!, context, extra);
      // Rows of one page are about the same size: room for the rest, with a margin, at once.
      if (i === 0) writer.reserve(Math.ceil((writer.size - before) * (rows.length - 1) * 1.25));
    }
    writer.raw(']');
  }

  /** Writes one row as a JSON object, after `lead` (members already encoded, each followed by a comma). */
  writeRow(writer: JsonWriter, row: SqlRow, context: PageContext, extra?: ExtraMembers, lead = ''): void {
    // The row's own members are built as one string and appended once.
    let json = `{${lead}"@odata.etag":"W/\\"${(this.version !== undefined && row[this.version]) ?? 0}\\""`;
    let symbol: string | undefined;
    for (const step of this.steps) {
      const value = row[step.at] ?? null;
      if (step.lookup) {
        if (value !== null) {
          const target = row[step.typeAt] as string;
          if (step.formattedKey) json += step.formattedKey + jsonValue(context.names?.get(target)?.get(value as string) ?? null);
          if (step.navigationKey) json += step.navigationKey + jsonString(step.navigationName(target));
          if (step.logicalNameKey) json += step.logicalNameKey + jsonValue(target);
        }
        json += step.key + jsonValue(value);
        continue;
      }
      if (value !== null && step.format) {
        if (step.money) symbol ??= context.symbols?.get(((this.currency !== undefined && (row[this.currency] as string | null)) || this.engine.baseCurrencyId) as string) ?? '';
        const text = step.format(value, symbol ?? '');
        if (text !== undefined) json += step.formattedKey! + jsonString(text);
      }
      json += step.key + jsonValue(value !== null && step.convert ? step.convert(value) : value);
    }
    writer.raw(json);
    for (const e of this.expands) e.write(writer.raw(e.key), row);
    extra?.(writer, row);
    writer.raw('}');
  }

  pageContext(rows: SqlRow[]): PageContext {
    return { names: this.needsNames ? this.lookupNames(rows) : undefined, symbols: this.needsCurrency ? this.currencySymbols() : undefined };
  }

  /** The primary names of every lookup target on the page, one query per target table and chunk. */
  private lookupNames(rows: SqlRow[]): Names {
    const wanted = new Map<string, Set<string>>();
    for (const step of this.steps) {
      if (!step.lookup || !step.formattedKey) continue;
      for (const row of rows) {
        const id = row[step.at] as string | null;
        if (!id) continue;
        const target = row[step.typeAt] as string;
        let ids = wanted.get(target);
        if (!ids) wanted.set(target, (ids = new Set()));
        ids.add(id);
      }
    }
    const names: Names = new Map();
    for (const [targetName, ids] of wanted) {
      const found = new Map<string, string | null>();
      names.set(targetName, found);
      const target = this.engine.schema.table(targetName);
      if (!target || !target.attributes[target.primaryNameAttribute]) continue;
      const all = [...ids];
      for (let i = 0; i < all.length; i += NAME_CHUNK) {
        const chunk = all.slice(i, i + NAME_CHUNK);
        const sql = `SELECT ${q(target.primaryIdAttribute)}, ${q(target.primaryNameAttribute)} FROM ${q(target.logicalName)} WHERE ${q(target.primaryIdAttribute)} IN (${chunk.map(() => '?').join(',')})`;
        for (const r of this.engine.store.rows(sql, chunk)) found.set(r[0] as string, (r[1] as string | null) ?? null);
      }
    }
    return names;
  }

  private currencySymbols(): Map<string, string> {
    const rows = this.engine.store.rows('SELECT "transactioncurrencyid", "currencysymbol" FROM "transactioncurrency"', []);
    return new Map(rows.map((r) => [r[0] as string, (r[1] as string | null) ?? '']));
  }
}

/** One record read through the Records layer (single GET, return=representation), after `lead`. */
export function writeRecord(writer: JsonWriter, engine: Engine, table: TableDef, row: Row, options: ShapeOptions, lead = ''): JsonWriter {
  const shape = new RowShape(engine, table, options);
  const values = shape.fromRecord(row);
  shape.writeRow(writer, values, shape.pageContext([values]), undefined, lead);
  return writer;
}

/** A collection body: the `head` members, `value` with the rows, then the `tail` members. */
export function writeCollection(shape: RowShape, rows: SqlRow[], head: Record<string, unknown>, tail: Record<string, unknown> = {}, extra?: ExtraMembers): Buffer {
  const writer = new JsonWriter();
  writer.raw('{');
  for (const [name, value] of Object.entries(head)) writer.raw(JsonWriter.key(name, true)).value(value).raw(',');
  writer.raw('"value":');
  shape.writeArray(writer, rows, extra);
  for (const [name, value] of Object.entries(tail)) writer.raw(JsonWriter.key(name)).value(value);
  return writer.raw('}').toBuffer();
}
