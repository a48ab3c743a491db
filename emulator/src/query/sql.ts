/**
 * Compiles $filter trees (and FetchXML conditions) into SQLite predicates over one table, with
 * the literal converted to the column's stored form. Text columns compare case-insensitively.
 */
import { errors } from '../http/errors';
import { AttributeDef, isLookupType, TableDef } from '../metadata/model';
import { isStored, q } from '../store/store';
import { parseGuid } from '../util/ids';
import { CompareOp, FilterNode, Literal, Operand } from './filter-parser';
import { normalizeDate } from './values';

export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return '?';
  }
}

/** The attribute a Web API property name refers to: `name`, or `_lookup_value` for lookups. */
export function resolveProperty(table: TableDef, name: string): AttributeDef {
  const m = /^_(.+)_value$/.exec(name);
  if (m) {
    const a = table.attributes[m[1]!];
    if (a && isLookupType(a.type)) return a;
  }
  const a = table.attributes[name];
  if (!a || !isStored(a) || isLookupType(a.type) || a.writeOnly) {
    throw errors.badQuery(`Could not find a property named '${name}' on type 'Microsoft.Dynamics.CRM.${table.logicalName}'.`);
  }
  return a;
}

/** Converts a literal to the stored representation of the attribute it is compared with. */
export function sqlValue(table: TableDef, a: AttributeDef, lit: { type: Literal['type']; value: unknown }): unknown {
  if (lit.value === null) return null;
  const bad = () => errors.badQuery(`A binary operator with incompatible types was detected. Found operand types for '${a.logicalName}' of '${table.logicalName}' and the literal ${JSON.stringify(lit.value)}.`);
  switch (a.type) {
    case 'Lookup':
    case 'Customer':
    case 'Owner':
    case 'Uniqueidentifier': {
      const g = parseGuid(lit.value);
      if (!g) throw bad();
      return g;
    }
    case 'Boolean':
      if (lit.type === 'bool' || typeof lit.value === 'boolean') return lit.value ? 1 : 0;
      if (lit.value === 1 || lit.value === 0 || lit.value === '1' || lit.value === '0') return Number(lit.value);
      throw bad();
    case 'Integer':
    case 'BigInt':
    case 'Picklist':
    case 'State':
    case 'Status':
    case 'Decimal':
    case 'Double':
    case 'Money': {
      const n = typeof lit.value === 'number' ? lit.value : Number(lit.value);
      if (lit.type === 'string' && typeof lit.value === 'string' && lit.value.trim() !== '' && !Number.isNaN(n)) return n;
      if (typeof lit.value !== 'number' && (lit.type !== 'number' || Number.isNaN(n))) throw bad();
      return n;
    }
    case 'DateTime':
      return normalizeDate(String(lit.value), a.dateOnly, `'${a.logicalName}'`);
    default:
      if (typeof lit.value === 'object') throw bad();
      return String(lit.value);
  }
}

const SQL_OP: Record<CompareOp, string> = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' };

export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function column(alias: string, a: AttributeDef): string {
  return `${q(alias)}.${q(a.logicalName)}`;
}

export function compareSql(alias: string, table: TableDef, a: AttributeDef, op: CompareOp, value: unknown, params: SqlParams): string {
  const c = column(alias, a);
  if (value === null) {
    if (op === 'eq') return `${c} IS NULL`;
    if (op === 'ne') return `${c} IS NOT NULL`;
    throw errors.badQuery(`The operator '${op}' cannot be used with null.`);
  }
  // Dataverse's "ne" also matches rows where the column is null.
  if (op === 'ne') return `(${c} IS NULL OR ${c} <> ${params.add(value)})`;
  return `${c} ${SQL_OP[op]} ${params.add(value)}`;
}

function operandAttribute(table: TableDef, o: Operand): AttributeDef {
  if (o.kind !== 'prop') throw errors.badQuery('The left side of a comparison must be a property.');
  if (o.name.includes('/')) throw errors.badQuery(`Navigation paths in $filter ('${o.name}') are not supported by this emulator; filter on the lookup's _value property.`);
  return resolveProperty(table, o.name);
}

export function compileFilter(node: FilterNode, table: TableDef, alias: string, params: SqlParams): string {
  switch (node.kind) {
    case 'const':
      return node.value ? '1=1' : '1=0';
    case 'and':
    case 'or':
      return `(${compileFilter(node.left, table, alias, params)} ${node.kind.toUpperCase()} ${compileFilter(node.right, table, alias, params)})`;
    case 'not':
      return `NOT (${compileFilter(node.expr, table, alias, params)})`;
    case 'cmp': {
      let { left, right, op } = node;
      if (left.kind === 'lit' && right.kind === 'prop') {
        [left, right] = [right, left];
        op = ({ gt: 'lt', lt: 'gt', ge: 'le', le: 'ge', eq: 'eq', ne: 'ne' } as const)[op];
      }
      const a = operandAttribute(table, left);
      if (right.kind !== 'lit') throw errors.badQuery('Comparing two properties is not supported.');
      return compareSql(alias, table, a, op, sqlValue(table, a, right), params);
    }
    case 'call': {
      const a = operandAttribute(table, { kind: 'prop', name: node.property });
      if (!['String', 'Memo', 'EntityName'].includes(a.type)) throw errors.badQuery(`The function '${node.name}' requires a string property; '${node.property}' is ${a.type}.`);
      const text = likeEscape(String(node.value.value ?? ''));
      const pattern = node.name === 'contains' ? `%${text}%` : node.name === 'startswith' ? `${text}%` : `%${text}`;
      return `${column(alias, a)} LIKE ${params.add(pattern)} ESCAPE '\\'`;
    }
    case 'in': {
      const a = operandAttribute(table, { kind: 'prop', name: node.property });
      if (node.values.length === 0) return node.negate ? '1=1' : '1=0';
      const list = node.values.map((v) => params.add(sqlValue(table, a, v))).join(', ');
      return `${column(alias, a)} ${node.negate ? 'NOT IN' : 'IN'} (${list})`;
    }
  }
}
