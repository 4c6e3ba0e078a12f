import { filledColumn } from '../../../lib/pipeline/nodes/FillMissingValues';
import { findName } from '../field-lookup';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { NUMERIC_KINDS } from '../schema';
import { sparkCast } from '../spark-cast';
import { quoteIdentifier } from '../sql';

/**
 * `FillMissingValues`: the frame with one more top-level field (or that field replaced in place, matched ignoring case:
 * Unconfirmed), holding `ImputedPath`'s value where it has one and an estimate where it is missing (null, or an empty
 * string). Glue's estimates are the predictions of a model it trains on the frame (linear regression, random forest),
 * which a local run cannot reproduce; the local estimate is the simplest such model, one value for every missing row:
 * the mean of the values present for a number (cast back to the column's type as Spark casts, so an integer mean
 * truncates), the most frequent value present for anything else (ties to the smallest value), null when no value is
 * present. Only the filled values differ from Glue's. The column keeps its type (Unconfirmed: Glue's regression may
 * give a double). Structs, arrays, maps and choices are refused.
 */
export const compileFillMissingValues: NodeCompiler<'FillMissingValues'> = async (node, [input], session) => {
  if (input.empty) return session.same(node.id, input);
  const where = nodeWhere(node);
  const column = node.parameters.ImputedPath!;
  const names = input.schema.map((f) => f.name);
  const i = findName(names, column, 'ignore-case');
  if (i < 0) throw new Error(`${where}: the frame has no column '${column}' to fill; its columns are ${names.join(', ')}`);
  const field = input.schema[i];
  const type = field.dataType;
  if (type.kind === 'struct' || type.kind === 'array' || type.kind === 'map' || type.kind === 'choice') {
    const hint = type.kind === 'choice' ? ': resolve the choice first (resolveChoice)' : type.kind === 'struct' ? ': unnest() first to fill one of its fields' : '';
    throw new Error(`${where}: column '${field.name}' is a ${type.kind}; FillMissingValues fills columns of a single scalar type${hint}`);
  }
  const value = quoteIdentifier(field.name);
  const from = quoteIdentifier(input.view);
  // A field null everywhere is JSON text (`z: null`), which an empty string is not.
  const missingOf = (v: string): string => (type.sql === 'VARCHAR' ? `(${v} IS NULL OR ${v} = '')` : `${v} IS NULL`);
  const missing = missingOf(value);
  // The estimate is computed once, into a one-row table (a subquery in the view would read the input again wherever
  // the frame is read: chained fills would read their source 2^n times).
  const estimate = await session.table(
    node.id,
    NUMERIC_KINDS.has(type.kind)
      ? `SELECT ${sparkCast(`avg(${value})`, 'DOUBLE', type.sql)} AS ${ESTIMATE} FROM ${from}`
      : `SELECT (SELECT ${value} FROM ${from} WHERE NOT ${missing} GROUP BY ${value} ORDER BY count(*) DESC, ${value} LIMIT 1) AS ${ESTIMATE}`,
  );
  const own = `${from}.${value}`;
  const filled = `CASE WHEN ${missingOf(own)} THEN ${quoteIdentifier(estimate)}.${ESTIMATE} ELSE ${own} END AS ${quoteIdentifier(filledColumn(node.parameters))}`;
  const replaced = findName(names, filledColumn(node.parameters), 'ignore-case');
  const columns = names.map((n, j) => (j === replaced ? filled : `${from}.${quoteIdentifier(n)}`));
  if (replaced < 0) columns.push(filled);
  return session.frame(node.id, `SELECT ${columns.join(', ')} FROM ${from} CROSS JOIN ${quoteIdentifier(estimate)}`);
};

const ESTIMATE = 'gluekit_estimate';
