import type { FilterExpression } from '@aws-sdk/client-glue';
import { isNumberLiteral } from '../../../lib/pipeline/nodes/Filter';
import type { DynamicFrame } from '../dynamic-frame';
import { splitFieldPath } from '../../../lib/pipeline/field-path';
import { readingValues } from '../choice-columns';
import { locate } from '../field-lookup';
import { choiceTag, STRING, type DataType } from '../schema';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { quoteIdentifier, quoteLiteral, quoteNumber } from '../sql';

/**
 * How Python sees a column's values, for what a comparison does with them: numbers (bool is an int in Python, and a
 * Decimal compares with both), strings, dates, datetimes, or anything else (lists, dicts, bytes: ordering them with
 * another kind raises).
 */
type Kind = 'number' | 'string' | 'date' | 'datetime' | 'other';

function kindOf(type: DataType): Kind {
  switch (type.kind) {
    case 'string':
      return 'string';
    case 'long':
    case 'int':
    case 'short':
    case 'byte':
    case 'double':
    case 'float':
    case 'boolean':
    case 'decimal':
      return 'number';
    case 'date':
      return 'date';
    case 'timestamp':
      return 'datetime';
    default:
      return 'other';
  }
}

/**
 * The generated script's lambda in SQL. Each condition evaluates, per record, to one of three outcomes: 0 (False),
 * 1 (True) or 2 (it raises: a field missing from the record is a KeyError, `None < 4` or `'a' < 4` a TypeError).
 * `and` / `or` combine them as Python does, left to right with short circuit, an exception stopping everything; awsglue's
 * filter counts a record whose function raised KeyError, ValueError or TypeError as False (GLUE-REFERENCE section 10).
 * So in `row["n"] > 4 or row["id"] == 2`, a record with `n` None is dropped even when its id is 2.
 *
 * A nested column (`row["a"]["b"]`) raises when a struct on the way is None.
 * Unconfirmed where the local frame cannot tell: a JSON record without a key the others have reads as null here (None
 * in Python, no KeyError) until gluekit's frames keep each record's own fields.
 */
const FALSE = '0';
const TRUE = '1';
const RAISES = '2';

function truth(sql: string): string {
  return `(CASE WHEN ${sql} THEN ${TRUE} ELSE ${FALSE} END)`;
}

function conditionSql(input: DynamicFrame, f: FilterExpression, where: string): string {
  const values = f.Values ?? [];
  const operand = (i: number): Operand | 'missing' => {
    const v = values[i];
    const raw = v.Value![0];
    if (v.Type === 'COLUMNEXTRACTED') {
      // row["a"]["b"]: Python looks names up exactly; a struct on the way that is None raises TypeError.
      const field = locate(input, splitFieldPath(raw), 'exact');
      if (!field) return 'missing';
      return { sql: field.sql, type: field.type, parents: field.parents };
    }
    return { sql: isNumberLiteral(raw) ? quoteNumber(raw) : quoteLiteral(raw), type: isNumberLiteral(raw) ? NUMBER : STRING, parents: [] };
  };
  const needed = f.Operation === 'ISNULL' ? 1 : 2;
  const operands = [0, 1].slice(0, needed).map(operand);
  // Python evaluates the operands first: a missing field raises before any comparison.
  if (operands.includes('missing')) return RAISES;
  const [left, right] = operands as Operand[];
  const outcome = byValueType(left, (l) => (right ? byValueType(right, (r) => compare(f, l, r, where)) : compare(f, l, undefined, where)));
  // not (x): an exception stays an exception.
  const result = f.Negated ? `(CASE ${outcome} WHEN ${TRUE} THEN ${FALSE} WHEN ${FALSE} THEN ${TRUE} ELSE ${RAISES} END)` : outcome;
  // Subscripting a None struct on the way to an operand raises before anything is compared.
  const parents = [left, right].flatMap((o) => o?.parents ?? []);
  return parents.length > 0 ? `(CASE WHEN ${parents.map((p) => `${p} IS NULL`).join(' OR ')} THEN ${RAISES} ELSE ${result} END)` : result;
}

/** A compared value: its SQL, its type, and the structs its path passes through. */
interface Operand {
  readonly sql: string;
  readonly type: DataType;
  readonly parents: readonly string[];
}

const NUMBER: DataType = { kind: 'double', sql: 'DOUBLE' };

/**
 * A choice's value is a Python value of the type it has: the outcome is decided per record, by the value's type (a
 * `long` compares with numbers, a `string` with strings). Any other operand is its own type.
 */
function byValueType(o: Operand, outcome: (o: Operand) => string): string {
  if (o.type.kind !== 'choice') return outcome(o);
  const members = o.type.options.map((m) => `WHEN ${quoteLiteral(choiceTag(m))} THEN ${outcome({ sql: `union_extract(${o.sql}, ${quoteLiteral(choiceTag(m))})`, type: m, parents: [] })}`);
  return `(CASE union_tag(${o.sql}) ${members.join(' ')} ELSE ${outcome({ sql: 'NULL', type: o.type.options[0], parents: [] })} END)`;
}

/** One comparison of two operands of known types, as Python makes it. */
function compare(f: FilterExpression, leftOperand: Operand, rightOperand: Operand | undefined, where: string): string {
  const side = (o: Operand): { sql: string; kind: Kind } => ({ sql: o.type.kind === 'boolean' ? `CAST(${o.sql} AS INTEGER)` : o.sql, kind: kindOf(o.type) });
  const left = side(leftOperand);
  const right = rightOperand ? side(rightOperand) : left;
  switch (f.Operation) {
    case 'ISNULL':
      return truth(`${left.sql} IS NULL`);
    case 'EQ':
      // == never raises: values of different kinds are unequal (None == None is True).
      return left.kind === right.kind && left.kind !== 'other'
        ? truth(`${left.sql} IS NOT DISTINCT FROM ${right.sql}`)
        : readingValues([left.sql, right.sql], truth(`${left.sql} IS NULL AND ${right.sql} IS NULL`));
    case 'LT':
    case 'LTE':
    case 'GT':
    case 'GTE': {
      // Ordering None, or values of different kinds, raises TypeError.
      // Read the operands all the same: a value of another type in them would make them a choice (readingValues).
      if (left.kind !== right.kind || left.kind === 'other') return readingValues([left.sql, right.sql], RAISES);
      const op = { LT: '<', LTE: '<=', GT: '>', GTE: '>=' }[f.Operation];
      return `(CASE WHEN ${left.sql} IS NULL OR ${right.sql} IS NULL THEN ${RAISES} WHEN ${left.sql} ${op} ${right.sql} THEN ${TRUE} ELSE ${FALSE} END)`;
    }
    case 'REGEX': {
      // re.match(p, str(v)): anchored at the start only; str(None) is 'None'.
      const text = `COALESCE(CAST(${left.sql} AS VARCHAR), 'None')`;
      return truth(`regexp_matches(${text}, '^(?:' || CAST(${right.sql} AS VARCHAR) || ')')`);
    }
    default:
      throw new Error(`${where}: unknown filter operation '${String(f.Operation)}'`);
  }
}

/** Python's `a and b` / `a or b` over outcomes: an exception in `a` stops it; `b` is evaluated only when needed. */
function combine(a: string, b: string, operator: 'AND' | 'OR'): string {
  const decided = operator === 'AND' ? FALSE : TRUE;
  return `(CASE ${a} WHEN ${RAISES} THEN ${RAISES} WHEN ${decided} THEN ${decided} ELSE ${b} END)`;
}

/** `Filter`: keeps the records for which the generated lambda is True. */
export const compileFilter: NodeCompiler<'Filter'> = (node, [input], session) => {
  const where = nodeWhere(node);
  const operator = node.parameters.LogicalOperator === 'OR' ? 'OR' : 'AND';
  const outcomes = (node.parameters.Filters ?? []).map((f, i) => conditionSql(input, f, `${where} Filters[${i}]`));
  const lambda = outcomes.reduce((a, b) => combine(a, b, operator));
  return session.frame(node.id, `SELECT * FROM ${quoteIdentifier(input.view)} WHERE ${lambda} = ${TRUE}`);
};
