import { filledColumn } from '../../../lib/pipeline/nodes/FillMissingValues';
import { findName } from '../field-lookup';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import type { DataType } from '../schema';
import { sparkCast } from '../spark-cast';
import { quoteIdentifier } from '../sql';

const NUMERIC = new Set<DataType['kind']>(['byte', 'short', 'int', 'long', 'float', 'double', 'decimal']);

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
    const hint = type.kind === 'choice' ? ': resolve the choice first (resolveChoice)' : '';
    throw new Error(`${where}: column '${field.name}' is a ${type.kind}; FillMissingValues fills columns of a single scalar type${hint}`);
  }
  const value = quoteIdentifier(field.name);
  const from = quoteIdentifier(input.view);
  // A field null everywhere is JSON text (`z: null`), which an empty string is not.
  const missing = type.sql === 'VARCHAR' ? `(${value} IS NULL OR ${value} = '')` : `${value} IS NULL`;
  const estimate = NUMERIC.has(type.kind)
    ? `(SELECT ${sparkCast(`avg(${value})`, 'DOUBLE', type.sql)} FROM ${from})`
    : `(SELECT ${value} FROM ${from} WHERE NOT ${missing} GROUP BY ${value} ORDER BY count(*) DESC, ${value} LIMIT 1)`;
  const filled = `CASE WHEN ${missing} THEN ${estimate} ELSE ${value} END AS ${quoteIdentifier(filledColumn(node.parameters))}`;
  const replaced = findName(names, filledColumn(node.parameters), 'ignore-case');
  const columns = names.map((n, j) => (j === replaced ? filled : quoteIdentifier(n)));
  if (replaced < 0) columns.push(filled);
  return session.frame(node.id, `SELECT ${columns.join(', ')} FROM ${from}`);
};
