/**
 * OData 4.0 `$filter` as the Dataverse Web API accepts it: comparisons, and/or/not, parentheses,
 * contains/startswith/endswith, null, GUID and date literals, parameter aliases (@p1), and the
 * Dataverse query functions In/NotIn. Produces an AST that ./sql.ts compiles for rows and
 * ./evaluate.ts runs over metadata objects.
 */
import { errors } from '../http/errors';

export type Literal = { kind: 'lit'; type: 'string' | 'number' | 'bool' | 'null' | 'guid' | 'date' | 'enum'; value: string | number | boolean | null };
export type Operand = { kind: 'prop'; name: string } | Literal;
export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; expr: FilterNode }
  | { kind: 'cmp'; op: CompareOp; left: Operand; right: Operand }
  | { kind: 'call'; name: 'contains' | 'startswith' | 'endswith'; property: string; value: Literal }
  | { kind: 'in'; property: string; values: Literal[]; negate: boolean }
  | { kind: 'const'; value: boolean };

type Token = { t: 'str' | 'word' | 'num' | 'punct'; v: string; pos: number };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let v = '';
      const start = i++;
      for (;;) {
        if (i >= text.length) throw errors.badQuery(`Syntax error: unterminated string literal at position ${start} in '${text}'.`);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            v += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += text[i++];
      }
      tokens.push({ t: 'str', v, pos: start });
    } else if ('(),[]='.includes(c)) {
      tokens.push({ t: 'punct', v: c, pos: i++ });
    } else {
      const start = i;
      while (i < text.length && !/[\s(),[\]=']/.test(text[i]!)) i++;
      // An enum literal: Microsoft.Dynamics.CRM.AttributeTypeCode'Picklist'
      if (text[i] === "'" && /[A-Za-z]$/.test(text.slice(start, i)) && text.slice(start, i).includes('.')) {
        const end = text.indexOf("'", i + 1);
        tokens.push({ t: 'word', v: `enum:${text.slice(i + 1, end)}`, pos: start });
        i = end + 1;
        continue;
      }
      const word = text.slice(start, i);
      tokens.push({ t: /^-?\d+(\.\d+)?([eE][+-]?\d+)?[mMdDfFlL]?$/.test(word) ? 'num' : 'word', v: word, pos: start });
    }
  }
  return tokens;
}

export function parseFilter(text: string, aliases: Record<string, string> = {}): FilterNode {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const fail = (what: string): never => {
    const t = peek();
    throw errors.badQuery(`Syntax error at position ${t ? t.pos : text.length} in '${text}': ${what}.`);
  };
  const expect = (v: string) => {
    const t = next();
    if (!t || t.v !== v) fail(`'${v}' expected`);
  };
  const isWord = (v: string) => peek()?.t === 'word' && peek()!.v.toLowerCase() === v;

  function literal(token: Token): Literal {
    if (token.t === 'str') return { kind: 'lit', type: 'string', value: token.v };
    if (token.t === 'num') return { kind: 'lit', type: 'number', value: Number(token.v.replace(/[mMdDfFlL]$/, '')) };
    const v = token.v;
    if (v.startsWith('enum:')) return { kind: 'lit', type: 'enum', value: v.slice(5) };
    if (v === 'true' || v === 'false') return { kind: 'lit', type: 'bool', value: v === 'true' };
    if (v === 'null') return { kind: 'lit', type: 'null', value: null };
    if (GUID.test(v)) return { kind: 'lit', type: 'guid', value: v.toLowerCase() };
    if (DATE.test(v)) return { kind: 'lit', type: 'date', value: v };
    if (v.startsWith('@')) {
      const aliased = aliases[v];
      if (aliased === undefined) throw errors.badQuery(`The parameter alias '${v}' is not defined in the query.`);
      return literal(tokenize(aliased)[0] ?? fail(`a value for ${v}`));
    }
    return fail(`a literal was expected but '${v}' was found`);
  }

  function operand(): Operand {
    const t = next() ?? fail('an operand');
    if (t.t === 'word' && /^[A-Za-z_][\w./]*$/.test(t.v) && !['true', 'false', 'null'].includes(t.v) && !GUID.test(t.v) && !DATE.test(t.v)) return { kind: 'prop', name: t.v };
    return literal(t);
  }

  function primary(): FilterNode {
    const t = peek() ?? fail('an expression');
    if (t.t === 'punct' && t.v === '(') {
      next();
      const e = or();
      expect(')');
      return e;
    }
    if (t.t === 'word') {
      const lower = t.v.toLowerCase();
      if ((lower === 'contains' || lower === 'startswith' || lower === 'endswith') && tokens[pos + 1]?.v === '(') {
        next();
        next();
        const prop = operand();
        expect(',');
        const value = operand();
        expect(')');
        if (prop.kind !== 'prop' || value.kind !== 'lit') fail(`${lower}(property, 'value') expected`);
        return { kind: 'call', name: lower as 'contains', property: (prop as { name: string }).name, value: value as Literal };
      }
      const m = /^(?:Microsoft\.Dynamics\.CRM\.)(In|NotIn)$/.exec(t.v);
      if (m) {
        next();
        expect('(');
        let property = '';
        let values: Literal[] = [];
        for (;;) {
          const name = next()?.v;
          expect('=');
          if (name === 'PropertyName') property = String(literal(next() ?? fail('a property name')).value);
          else if (name === 'PropertyValues') {
            expect('[');
            values = [];
            while (peek()?.v !== ']') {
              values.push(literal(next() ?? fail('a value')));
              if (peek()?.v === ',') next();
            }
            expect(']');
          } else fail(`unknown parameter ${name}`);
          if (peek()?.v === ',') {
            next();
            continue;
          }
          break;
        }
        expect(')');
        return { kind: 'in', property, values, negate: m[1] === 'NotIn' };
      }
      if (/^Microsoft\.Dynamics\.CRM\./.test(t.v)) throw errors.badQuery(`The query function '${t.v}' is not supported by this emulator.`);
    }
    const left = operand();
    const opToken = next() ?? fail('a comparison operator');
    const op = opToken.v.toLowerCase();
    if (!['eq', 'ne', 'gt', 'ge', 'lt', 'le'].includes(op)) fail(`unknown operator '${opToken.v}'`);
    const right = operand();
    return { kind: 'cmp', op: op as CompareOp, left, right };
  }

  function unary(): FilterNode {
    if (isWord('not')) {
      next();
      return { kind: 'not', expr: unary() };
    }
    return primary();
  }

  function and(): FilterNode {
    let left = unary();
    while (isWord('and')) {
      next();
      left = { kind: 'and', left, right: unary() };
    }
    return left;
  }

  function or(): FilterNode {
    let left = and();
    while (isWord('or')) {
      next();
      left = { kind: 'or', left, right: and() };
    }
    return left;
  }

  if (tokens.length === 0) return { kind: 'const', value: true };
  const tree = or();
  if (pos < tokens.length) fail(`unexpected '${tokens[pos]!.v}'`);
  return tree;
}
