import { NodeCompiler, nodeWhere } from '../node-compiler';
import { Projection } from '../projection';
import type { DataType } from '../schema';
import { quoteIdentifier, quoteLiteral } from '../sql';

/** A field that may be null everywhere: its path, and SQL counting its values that are not null. */
interface Candidate {
  readonly path: string[];
  readonly count: string;
  /** For an array of structs: the paths of its elements' fields. */
  readonly elementFields?: string[][];
}

/**
 * `DropNullFields`: drops the fields whose type is null, null or missing in every record (GLUE-REFERENCE section 2), at
 * the top level and inside structs and arrays of structs (not maps). Which fields those are depends on the data, as
 * Glue's computed schema does: one counting query decides, then the frame keeps the others. A struct left without
 * fields goes too (Unconfirmed: Glue may keep it as an empty struct, which DuckDB cannot hold).
 */
export const compileDropNullFields: NodeCompiler<'DropNullFields'> = async (node, [input], session) => {
  if (input.schema.length === 0) return session.frame(node.id, `SELECT * FROM ${quoteIdentifier(input.view)}`);
  const candidates: Candidate[] = [];
  const lambdas = { count: 0 };
  for (const f of input.schema) candidates.push(...fieldsOf([f.name], quoteIdentifier(f.name), f.dataType, (v) => `count(${v})`, lambdas));
  const counts = await session.step(node.id, () =>
    session.connection.runAndReadAll(`SELECT ${candidates.map((c, i) => `${c.count} AS c${i}`).join(', ')} FROM ${quoteIdentifier(input.view)}`),
  );
  const row = counts.getRowObjectsJS()[0];
  const output = Projection.of(input);
  const key = (path: readonly string[]): string => JSON.stringify(path);
  const empty = new Set(candidates.filter((_c, i) => Number(row[`c${i}`] ?? 0) === 0).map((c) => key(c.path)));
  // An array whose elements' fields are all null everywhere goes as a whole (its structs would have no field left).
  for (const c of candidates) if (c.elementFields?.every((p) => empty.has(key(p)))) empty.add(key(c.path));
  // An array dropped whole takes its elements' fields with it; the rest go deepest first, so a struct whose every
  // field goes is dropped as a whole afterwards.
  const arrays = candidates.filter((c) => c.elementFields && empty.has(key(c.path))).map((c) => c.path);
  const insideArray = (path: string[]): boolean => arrays.some((a) => a.length < path.length && key(path.slice(0, a.length)) === key(a));
  const paths = [...empty].map((k) => JSON.parse(k) as string[]).filter((p) => !insideArray(p)).sort((a, b) => b.length - a.length);
  for (const path of paths) output.drop(path, 'exact', nodeWhere(node));
  return session.projected(node.id, input, output);
};

/**
 * A field and the fields inside it that could be null everywhere. `count` turns a value's SQL into an aggregate
 * counting its non-null values (inside an array: over every element of every record).
 */
function fieldsOf(path: string[], sql: string, type: DataType, count: (value: string) => string, lambdas: { count: number }, inArray = false): Candidate[] {
  if (type.kind === 'struct') {
    const inner = type.fields.flatMap((f) => fieldsOf([...path, f.name], `struct_extract(${sql}, ${quoteLiteral(f.name)})`, f.type, count, lambdas, inArray));
    return [{ path, count: count(sql) }, ...inner];
  }
  // Arrays of structs inside arrays keep their fields (Unconfirmed: Glue looks into those too).
  if (type.kind === 'array' && type.element.kind === 'struct' && !inArray) {
    const element = `gluekit_element_${++lambdas.count}`;
    const inElements = (value: string): string => `sum(len(list_filter(${sql}, lambda ${element}: (${value}) IS NOT NULL)))`;
    const inner = type.element.fields.flatMap((f) => fieldsOf([...path, f.name], `struct_extract(${element}, ${quoteLiteral(f.name)})`, f.type, inElements, lambdas, true));
    return [{ path, count: count(sql), elementFields: type.element.fields.map((f) => [...path, f.name]) }, ...inner];
  }
  return [{ path, count: count(sql) }];
}
