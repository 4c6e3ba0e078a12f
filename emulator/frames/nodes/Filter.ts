import type { FilterExpression } from '@aws-sdk/client-glue';
import { isNumberLiteral } from '../../../lib/pipeline/nodes/Filter';
import type { DynamicFrame } from '../dynamic-frame';
import { resolvePath } from '../field-lookup';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { quoteIdentifier, quoteLiteral, quoteNumber } from '../sql';

type Kind = 'number' | 'string' | 'other';

/** How Python sees a column's values: numbers (bool is an int in Python), strings, or anything else. */
function kindOf(duckType: string): Kind {
  const t = duckType.toUpperCase();
  if (t === 'VARCHAR') return 'string';
  if (/^(BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT|DOUBLE|FLOAT|BOOLEAN|DECIMAL)/.test(t)) return 'number';
  return 'other';
}

/**
 * One Studio filter condition as SQL with the truth value of the generated script's Python lambda, where a record
 * missing the field (KeyError) or a comparison that raises (TypeError: None < 5, 5 < 'a') counts as false, even when
 * negated; `==` between different kinds is simply False (so its negation is True); a constant is a number when it reads
 * as one (`isNumberLiteral`, the generator's rule), else a string.
 */
function conditionSql(input: DynamicFrame, f: FilterExpression, where: string): string {
  const values = f.Values ?? [];
  const operand = (i: number): { sql: string; kind: Kind } | 'missing' => {
    const v = values[i];
    const raw = v.Value![0];
    if (v.Type === 'COLUMNEXTRACTED') {
      const field = resolvePath(input, raw, where);
      if (!field) return 'missing';
      const sql = field.type.toUpperCase() === 'BOOLEAN' ? `CAST(${quoteIdentifier(field.name)} AS INTEGER)` : quoteIdentifier(field.name);
      return { sql, kind: kindOf(field.type) };
    }
    return isNumberLiteral(raw) ? { sql: quoteNumber(raw), kind: 'number' } : { sql: quoteLiteral(raw), kind: 'string' };
  };
  const left = operand(0);
  if (left === 'missing') return 'false';
  let sql: string;
  switch (f.Operation) {
    case 'ISNULL':
      sql = `(${left.sql} IS NULL)`;
      break;
    case 'EQ': {
      const right = operand(1);
      if (right === 'missing') return 'false';
      // Python: == never raises; values of different kinds are unequal, None == None is True.
      sql = left.kind === right.kind && left.kind !== 'other' ? `(${left.sql} IS NOT DISTINCT FROM ${right.sql})` : `(${left.sql} IS NULL AND ${right.sql} IS NULL)`;
      break;
    }
    case 'LT':
    case 'LTE':
    case 'GT':
    case 'GTE': {
      const right = operand(1);
      if (right === 'missing') return 'false';
      // Ordering across kinds raises TypeError in Python: false, negated or not.
      if (left.kind !== right.kind || left.kind === 'other') return 'false';
      const op = { LT: '<', LTE: '<=', GT: '>', GTE: '>=' }[f.Operation];
      return `COALESCE(${f.Negated ? 'NOT ' : ''}(${left.sql} ${op} ${right.sql}), false)`;
    }
    case 'REGEX': {
      const right = operand(1);
      if (right === 'missing') return 'false';
      // re.match(p, str(v)): anchored at the start only; str(None) is 'None'.
      const text = `COALESCE(CAST(${left.sql} AS VARCHAR), 'None')`;
      sql = `regexp_matches(${text}, '^(?:' || CAST(${right.sql} AS VARCHAR) || ')')`;
      break;
    }
    default:
      throw new Error(`${where}: unknown filter operation '${String(f.Operation)}'`);
  }
  return `COALESCE(${f.Negated ? `NOT ${sql}` : sql}, false)`;
}

/** `Filter`: keeps the records for which all (AND) or any (OR) of the conditions hold. */
export const compileFilter: NodeCompiler<'Filter'> = (node, [input], session) => {
  const where = nodeWhere(node);
  const joiner = node.parameters.LogicalOperator === 'OR' ? ' OR ' : ' AND ';
  const predicate = (node.parameters.Filters ?? []).map((f, i) => conditionSql(input, f, `${where} Filters[${i}]`)).join(joiner);
  return session.frame(node.id, `SELECT * FROM ${quoteIdentifier(input.view)} WHERE ${predicate}`);
};
