import { asReadJsonTypes, typeJsonValues } from '../json-value-types';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { quoteIdentifier, quoteLiteral } from '../sql';
import { toDataType } from '../types';
import { unboxCsv } from '../unbox-csv';

/**
 * `Unbox.apply(frame, path, format)`: the top-level string field parsed into a struct of the same name, in its place
 * (a path the frame does not have leaves the frame as it is). csv: `unbox-csv.ts`. json: the struct's fields are what
 * DuckDB finds in every value (`json_group_structure`, one pass over the frame), then typed as a JSON source types
 * them (`typeJsonValues`: a field of several JSON types a choice, integers `int` or `long`). Unconfirmed: a value that
 * is not a JSON object (text, an array, a number) gives null (Glue may make an error record).
 */
export const compileUnbox: NodeCompiler<'Unbox'> = async (node, [input], session) => {
  const p = node.parameters;
  const where = nodeWhere(node);
  const field = input.schema.find((f) => f.name === p.Path) ?? input.schema.find((f) => f.name.toLowerCase() === p.Path.toLowerCase());
  if (!field) return session.same(node.id, input);
  if (field.dataType.kind !== 'string') throw new Error(`${where}: the field '${field.name}' is of type ${field.dataType.kind}, not string: Unbox parses ${p.Format === 'csv' ? 'CSV' : 'JSON'} text`);
  if (p.Format === 'csv') {
    const schema = p.Schema?.map((f, i) => ({ name: f.Name, type: toDataType(f.Type, `${where} Schema[${i}].Type`) }));
    return unboxCsv(session, node.id, input, field.name, { separator: p.Separator ?? ',', escaper: p.Escaper, withHeader: p.WithHeader === true, skipFirst: p.SkipFirst === true, schema });
  }
  const text = quoteIdentifier(field.name);
  const object = `(CASE WHEN json_valid(${text}) AND json_type(${text}) = 'OBJECT' THEN ${text} END)`;
  const found = await session.step(node.id, () => session.connection.runAndReadAll(`SELECT CAST(json_group_structure(CAST(${object} AS JSON)) AS VARCHAR) AS s FROM ${quoteIdentifier(input.view)}`));
  const structure = found.getRowObjectsJS()[0].s;
  // No object at all: the field is null in every record.
  const parsed = typeof structure === 'string' ? `json_transform(${object}, ${quoteLiteral(JSON.stringify(asReadJsonTypes(JSON.parse(structure))))})` : 'CAST(NULL AS JSON)';
  const columns = input.schema.map((f) => (f === field ? `${parsed} AS ${text}` : quoteIdentifier(f.name)));
  const unboxed = await session.frame(node.id, `SELECT ${columns.join(', ')} FROM ${quoteIdentifier(input.view)}`);
  return typeJsonValues(session, node.id, `${node.id}/unbox`, unboxed, field.name);
};
