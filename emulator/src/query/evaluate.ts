/** Runs a $filter tree over plain objects (table definitions), comparing strings case-insensitively. */
import { errors } from '../http/errors';
import { FilterNode, Operand } from './filter-parser';

function valueOf(operand: Operand, item: Record<string, unknown>): unknown {
  if (operand.kind === 'lit') return operand.value;
  let current: unknown = item;
  for (const part of operand.name.split('/')) current = current && typeof current === 'object' ? (current as Record<string, unknown>)[part] : undefined;
  if (current === undefined && !(operand.name in item)) throw errors.badQuery(`Could not find a property named '${operand.name}' on the metadata type.`);
  return current ?? null;
}

function norm(v: unknown): unknown {
  return typeof v === 'string' ? v.toLowerCase() : v;
}

export function evaluate(node: FilterNode, item: Record<string, unknown>): boolean {
  switch (node.kind) {
    case 'const':
      return node.value;
    case 'and':
      return evaluate(node.left, item) && evaluate(node.right, item);
    case 'or':
      return evaluate(node.left, item) || evaluate(node.right, item);
    case 'not':
      return !evaluate(node.expr, item);
    case 'cmp': {
      const l = norm(valueOf(node.left, item));
      const r = norm(valueOf(node.right, item));
      switch (node.op) {
        case 'eq':
          return l === r;
        case 'ne':
          return l !== r;
        case 'gt':
          return (l as number) > (r as number);
        case 'ge':
          return (l as number) >= (r as number);
        case 'lt':
          return (l as number) < (r as number);
        case 'le':
          return (l as number) <= (r as number);
      }
      return false;
    }
    case 'call': {
      const v = String(valueOf({ kind: 'prop', name: node.property }, item) ?? '').toLowerCase();
      const s = String(node.value.value ?? '').toLowerCase();
      return node.name === 'contains' ? v.includes(s) : node.name === 'startswith' ? v.startsWith(s) : v.endsWith(s);
    }
    case 'in': {
      const v = norm(valueOf({ kind: 'prop', name: node.property }, item));
      const hit = node.values.some((x) => norm(x.value) === v);
      return node.negate ? !hit : hit;
    }
  }
}
