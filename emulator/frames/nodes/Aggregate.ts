import type { AggFunction } from '@aws-sdk/client-glue';
import { locate, pathParts } from '../field-lookup';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { NUMERIC_KINDS, type DataType } from '../schema';
import { sparkCast } from '../spark-cast';
import { quoteIdentifier } from '../sql';

/** One aggregate: SQL over the grouped rows, and SQL over that result giving the field (`value` names the former). */
interface Aggregation {
  readonly inner: string;
  readonly outer: (value: string) => string;
}

const INTEGRAL = new Set(['byte', 'short', 'int', 'long']);

/**
 * Aggregate (`toDF().groupBy(groups).agg(...)`): one record per distinct group (one for the whole frame without
 * groups), each group named by its path's last part and each aggregate as Spark names it (`sum(amount)`,
 * `count(DISTINCT id)`, `sum(DISTINCT x)`). Types and nulls follow Spark 3: `sum` of integers is a long, of
 * floating numbers a double, of decimal(p,s) decimal(p+10,s); `avg` a double (decimal(p+4,s+4) for a decimal);
 * `count` a long counting values that are not null; `min`, `max`, `first`, `last` keep the type (`first` and `last`
 * take a null value too, in the order read; Spark's order is its own, Unconfirmed); `stddev_*`, `var_*`, `kurtosis`
 * (n·m4/m2² − 3) and `skewness` (√n·m3/m2^1.5) are doubles, null where Spark divides by zero (one value for the
 * sample ones, no spread for kurtosis and skewness). A string column is cast to double for the numeric functions, as
 * Spark does. Overflowing a long `sum` fails here where Spark wraps around (Unconfirmed).
 */
export const compileAggregate: NodeCompiler<'Aggregate'> = (node, [input], session) => {
  const where = nodeWhere(node);
  const field = (path: readonly string[], at: string): { sql: string; type: DataType } => {
    const found = locate(input, pathParts(path), 'ignore-case');
    if (!found) throw new Error(`${where}: ${at} '${path.join('.')}' is not a field of the frame (fields: ${input.schema.map((f) => f.name).join(', ')})`);
    if (found.type.kind === 'choice') throw new Error(`${where}: ${at} '${path.join('.')}' is a choice of types; resolve it first (resolveChoice)`);
    return found;
  };
  const groups = (node.parameters.Groups ?? []).map((g, i) => {
    const { sql } = field(g, `Groups[${i}]`);
    const parts = pathParts(g);
    return { sql, name: parts[parts.length - 1] };
  });
  const aggs = (node.parameters.Aggs ?? []).map((a, i) => {
    const { sql, type } = field(a.Column ?? [], `Aggs[${i}].Column`);
    const column = pathParts(a.Column).join('.');
    return { ...aggregation(a.AggFunc!, sql, type, `${where} Aggs[${i}] (${a.AggFunc} of '${column}')`), name: sparkName(a.AggFunc!, column) };
  });
  const names = [...groups.map((g) => g.name), ...aggs.map((a) => a.name)];
  // DuckDB, like Spark, takes names ignoring case: two names differing only so are one.
  const lower = names.map((n) => n.toLowerCase());
  const duplicate = names.find((_n, i) => lower.indexOf(lower[i]) !== i);
  if (duplicate) throw new Error(`${where}: two fields would be named '${duplicate}'`);
  const inner = [...groups.map((g, i) => `${g.sql} AS gluekit_group_${i}`), ...aggs.map((a, i) => `${a.inner} AS gluekit_agg_${i}`)];
  const outer = [...groups.map((g, i) => `gluekit_group_${i} AS ${quoteIdentifier(g.name)}`), ...aggs.map((a, i) => `${a.outer(`gluekit_agg_${i}`)} AS ${quoteIdentifier(a.name)}`)];
  const groupBy = groups.length > 0 ? ` GROUP BY ${groups.map((_g, i) => `gluekit_group_${i}`).join(', ')}` : '';
  return session.frame(node.id, `SELECT ${outer.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${quoteIdentifier(input.view)}${groupBy})`);
};

/** Spark's name for an aggregate's field. */
function sparkName(fn: AggFunction, column: string): string {
  if (fn === 'countDistinct') return `count(DISTINCT ${column})`;
  if (fn === 'sumDistinct') return `sum(DISTINCT ${column})`;
  return `${fn}(${column})`;
}

function aggregation(fn: AggFunction, sql: string, type: DataType, where: string): Aggregation {
  const same = (inner: string): Aggregation => ({ inner, outer: (v) => v });
  switch (fn) {
    case 'count':
      return same(`count(${sql})`);
    case 'countDistinct':
      return same(`count(DISTINCT ${sql})`);
    case 'min':
    case 'max':
    case 'first':
    case 'last':
      return same(`${fn}(${sql})`);
    default:
  }
  const number = numeric(sql, type, where);
  switch (fn) {
    case 'sum':
    case 'sumDistinct': {
      const distinct = fn === 'sumDistinct' ? 'DISTINCT ' : '';
      if (type.kind === 'decimal') return same(`CAST(sum(${distinct}${sql}) AS DECIMAL(${Math.min(38, type.precision + 10)}, ${type.scale}))`);
      if (INTEGRAL.has(type.kind)) return same(`CAST(sum(${distinct}${sql}) AS BIGINT)`);
      return same(`sum(${distinct}${number})`);
    }
    case 'avg':
      if (type.kind === 'decimal') return same(`CAST(avg(${sql}) AS DECIMAL(${Math.min(38, type.precision + 4)}, ${Math.min(38, type.scale + 4)}))`);
      return same(`avg(${number})`);
    case 'stddev_pop':
    case 'stddev_samp':
    case 'var_pop':
    case 'var_samp':
      return same(`${fn}(${number})`);
    case 'kurtosis':
    case 'skewness': {
      // The values of the group, then their central moments in two passes; null where the spread is zero.
      const moment = (v: string, k: number): string => `list_sum(list_transform(${v}, x -> (x - list_avg(${v})) ** ${k}))`;
      return {
        inner: `list(${number}) FILTER (WHERE ${number} IS NOT NULL)`,
        outer: (v) =>
          fn === 'kurtosis'
            ? `CASE WHEN len(${v}) = 0 OR ${moment(v, 2)} = 0 THEN NULL ELSE len(${v}) * ${moment(v, 4)} / (${moment(v, 2)} * ${moment(v, 2)}) - 3.0 END`
            : `CASE WHEN len(${v}) = 0 OR ${moment(v, 2)} = 0 THEN NULL ELSE sqrt(len(${v})) * ${moment(v, 3)} / (${moment(v, 2)} ** 1.5) END`,
      };
    }
    default:
      throw new Error(`${where}: unknown aggregate function`);
  }
}

/** A numeric value as a double for Spark's numeric aggregates: numbers as they are, strings cast as Spark casts them. */
function numeric(sql: string, type: DataType, where: string): string {
  if (type.kind === 'string') return sparkCast(sql, 'VARCHAR', 'DOUBLE');
  if (!NUMERIC_KINDS.has(type.kind)) throw new Error(`${where}: a ${type.kind} field cannot be aggregated so (Spark refuses it: the function needs numbers)`);
  return `CAST(${sql} AS DOUBLE)`;
}
