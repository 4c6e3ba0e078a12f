import { choiceColumnError } from './choice-columns';
import type { DynamicFrame, Field } from './dynamic-frame';
import type { FrameSession } from './frame-session';
import { arrayOf, choiceOf, choiceTag, fromDuckDbType, STRING, structOf, type DataType } from './schema';
import { ELEMENT_STEP, memberStep, rebuildValue, structField, typeAt, type Rebuilt } from './value-rebuild';
import { quoteIdentifier, quoteLiteral } from './sql';

const INT: DataType = { kind: 'int', sql: 'INTEGER' };
const LONG: DataType = { kind: 'long', sql: 'BIGINT' };
const DOUBLE: DataType = { kind: 'double', sql: 'DOUBLE' };
const BOOLEAN: DataType = { kind: 'boolean', sql: 'BOOLEAN' };
const IN_INT = (sql: string): string => `${sql} BETWEEN -2147483648 AND 2147483647`;

/** A path to a value: field names, and `[]` for an array's elements (`items.[].qty`). */
type Path = readonly string[];

/** A path as a key: unambiguous where a field name holds a dot (`a`.`b` is not `a.b`). */
function pathKey(path: Path): string {
  return JSON.stringify(path);
}

/**
 * A JSON source's values typed as Glue's reader types them: a field whose values have different JSON types
 * (DuckDB's `JSON` type: its detection saw the conflict) is a choice of their types, and integers are `int` or `long`
 * (below). A conflict beyond the records DuckDB's detection samples makes the run read the source again with a full
 * sample (`FrameEngine`); inside structs too. Objects and arrays among a field's values are a `struct` and an `array`
 * member, typed from all of them together; inside arrays too (an element, or a field of the
 * structs in an array, of several JSON types is a choice).
 */
export async function typeJsonValues(session: FrameSession, node: string, scanKey: string, frame: DynamicFrame, only?: string): Promise<DynamicFrame> {
  // A conflict typed as a choice may bring objects or arrays whose own fields conflict (JSON inside its struct and
  // array members): those are typed in turn, one level more each round, until none is left.
  let typed = frame;
  const done = new Set<string>();
  for (;;) {
    const paths = jsonPaths(typed, only).filter((p) => !done.has(pathKey(p)));
    if (paths.length === 0) break;
    paths.forEach((p) => done.add(pathKey(p)));
    typed = await typeJsonConflicts(session, node, typed, only, paths);
  }
  return typeJsonIntegers(session, node, scanKey, typed, only);
}

/** The JSON-typed values of the fields typed: at the top level, inside structs, arrays (`[]`) and choice members. */
function jsonPaths(frame: DynamicFrame, only: string | undefined): Path[] {
  const paths: Path[] = [];
  const walk = (path: Path, type: DataType): void => {
    if (type.sql === 'JSON') paths.push(path);
    else if (type.kind === 'struct') type.fields.forEach((f) => walk([...path, f.name], f.type));
    else if (type.kind === 'array') walk([...path, ELEMENT_STEP], type.element);
    else if (type.kind === 'choice') type.options.forEach((o) => walk([...path, memberStep(o)], o));
  };
  typedFields(frame, only).forEach((f) => walk([f.name], f.dataType));
  return paths;
}

/** The top-level fields to type: all of a JSON source's, or the one field `Unbox` parsed. */
function typedFields(frame: DynamicFrame, only: string | undefined): DynamicFrame['schema'] {
  return only === undefined ? frame.schema : frame.schema.filter((f) => f.name === only);
}

const JSON_TYPE = (sql: string): string => `json_type(${sql})`;

/** The JSON-typed values at `paths` (`jsonPaths`) typed by the kinds their values have: a choice where several. */
async function typeJsonConflicts(session: FrameSession, node: string, frame: DynamicFrame, only: string | undefined, paths: readonly Path[]): Promise<DynamicFrame> {
  // The values of each path: one per record outside arrays; inside arrays every element's, unnested (in a query of
  // their own, so a record whose arrays are empty does not hide its other values).
  const lambdas = { count: 0 };
  const outside = paths.filter((p) => !p.includes(ELEMENT_STEP));
  const inside = paths.filter((p) => p.includes(ELEMENT_STEP));
  const values = new Map<Path, string>();
  const queries: string[] = [];
  const probesOf = (list: readonly Path[], value: (p: Path) => string): string[] =>
    list.flatMap((p) => {
      const i = paths.indexOf(p);
      values.set(p, `v${i}`);
      return probes(value(p), i);
    });
  const view = quoteIdentifier(frame.view);
  if (outside.length > 0) queries.push(`SELECT ${probesOf(outside, (p) => valueAt(quoteIdentifier(p[0]), fieldType(frame, p[0]), p.slice(1))).join(', ')} FROM ${view}`);
  if (inside.length > 0) {
    const lists = inside.map((p) => `unnest(${valueList(quoteIdentifier(p[0]), fieldType(frame, p[0]), p.slice(1), lambdas)}) AS ${quoteIdentifier(`v${paths.indexOf(p)}`)}`);
    queries.push(`SELECT ${probesOf(inside, (p) => quoteIdentifier(`v${paths.indexOf(p)}`)).join(', ')} FROM (SELECT ${lists.join(', ')} FROM ${view})`);
  }
  const row: Record<string, unknown> = {};
  for (const query of queries) Object.assign(row, (await session.step(node, () => session.connection.runAndReadAll(query))).getRowObjectsJS()[0]);
  // An object or an array among the values: a member of the type its values have together (`json_transform`).
  const nested = new Map<string, { type: DataType; structure: string }>();
  for (const [i] of paths.entries()) {
    for (const kind of ['object', 'array'] as const) {
      const structure = row[`${KINDS[kind]}s${i}`];
      if (row[`${KINDS[kind]}${i}`] !== true || typeof structure !== 'string') continue;
      const shape = quoteLiteral(JSON.stringify(asReadJsonTypes(JSON.parse(structure))));
      const bound = await session.connection.prepare(`SELECT json_transform(CAST('null' AS JSON), ${shape}) AS t`);
      nested.set(`${kind}${i}`, { type: fromDuckDbType(bound.columnType(0)), structure: shape });
    }
  }
  // Each path's values as the members of their kinds (a choice where there are several).
  const typedAt = new Map<string, (v: string) => { sql: string; type: DataType } | undefined>();
  paths.forEach((path, i) => {
    typedAt.set(pathKey(path), (v) => {
      const members: { type: DataType; when: string; value: string }[] = [];
      if (row[`${KINDS.int}${i}`] === true) members.push({ type: INT, when: `${JSON_TYPE(v)} IN ('BIGINT', 'UBIGINT') AND ${IN_INT_TEXT(v)}`, value: `CAST(${v} AS INTEGER)` });
      if (row[`${KINDS.long}${i}`] === true) members.push({ type: LONG, when: `${JSON_TYPE(v)} IN ('BIGINT', 'UBIGINT')`, value: `CAST(${v} AS BIGINT)` });
      if (row[`${KINDS.double}${i}`] === true) members.push({ type: DOUBLE, when: `${JSON_TYPE(v)} = 'DOUBLE'`, value: `CAST(${v} AS DOUBLE)` });
      if (row[`${KINDS.string}${i}`] === true) members.push({ type: STRING, when: `${JSON_TYPE(v)} = 'VARCHAR'`, value: `json_extract_string(${v}, '$')` });
      if (row[`${KINDS.boolean}${i}`] === true) members.push({ type: BOOLEAN, when: `${JSON_TYPE(v)} = 'BOOLEAN'`, value: `CAST(${v} AS BOOLEAN)` });
      for (const kind of ['object', 'array'] as const) {
        const found = nested.get(`${kind}${i}`);
        if (found) members.push({ type: found.type, when: `${JSON_TYPE(v)} = ${quoteLiteral(kind.toUpperCase())}`, value: `json_transform(${v}, ${found.structure})` });
      }
      if (members.length === 0) return undefined;
      const choice = choiceOf(members.map((m) => m.type));
      const value = (m: (typeof members)[number]): string => (choice.kind === 'choice' ? `CAST(union_value(${quoteIdentifier(choiceTag(m.type))} := ${m.value}) AS ${choice.sql})` : m.value);
      return { sql: `(CASE ${members.map((m) => `WHEN ${m.when} THEN ${value(m)}`).join(' ')} END)`, type: choice };
    });
  });
  // Each JSON-typed value typed where it is (`rebuildValue` rebuilds the structs and arrays around it).
  const retype = (sql: string, type: DataType, path: Path): Rebuilt | undefined => rebuildValue(sql, type, path, (v, t, at) => (t.sql === 'JSON' ? typedAt.get(pathKey(at))?.(v) : undefined), lambdas);
  const columns = frame.schema.map((f) => {
    const made = only === undefined || f.name === only ? retype(quoteIdentifier(f.name), f.dataType, [f.name]) : undefined;
    return `${made?.sql ?? quoteIdentifier(f.name)} AS ${quoteIdentifier(f.name)}`;
  });
  return session.frame(node, `SELECT ${columns.join(', ')} FROM ${view}`);
}

/** The probe columns of a value's kinds: `<kind><i>` whether some value is of the kind, `<kind>s<i>` the objects' and arrays' shapes. */
const KINDS = { int: 'i', long: 'l', double: 'd', string: 's', boolean: 'b', object: 'o', array: 'a' } as const;
const IN_INT_TEXT = (v: string): string => `TRY_CAST(${v} AS HUGEINT) BETWEEN -2147483648 AND 2147483647`;

function probes(v: string, i: number): string[] {
  const integer = `${JSON_TYPE(v)} IN ('BIGINT', 'UBIGINT')`;
  return [
    `bool_or(${integer} AND ${IN_INT_TEXT(v)}) AS ${KINDS.int}${i}`,
    `bool_or(${integer} AND NOT (${IN_INT_TEXT(v)})) AS ${KINDS.long}${i}`,
    `bool_or(${JSON_TYPE(v)} = 'DOUBLE') AS ${KINDS.double}${i}`,
    `bool_or(${JSON_TYPE(v)} = 'VARCHAR') AS ${KINDS.string}${i}`,
    `bool_or(${JSON_TYPE(v)} = 'BOOLEAN') AS ${KINDS.boolean}${i}`,
    `bool_or(${JSON_TYPE(v)} = 'OBJECT') AS ${KINDS.object}${i}`,
    `bool_or(${JSON_TYPE(v)} = 'ARRAY') AS ${KINDS.array}${i}`,
    // The shape of the objects, and of the arrays, as DuckDB's detection would type them alone.
    `CAST(json_group_structure(CASE WHEN ${JSON_TYPE(v)} = 'OBJECT' THEN ${v} END) AS VARCHAR) AS ${KINDS.object}s${i}`,
    `CAST(json_group_structure(CASE WHEN ${JSON_TYPE(v)} = 'ARRAY' THEN ${v} END) AS VARCHAR) AS ${KINDS.array}s${i}`,
  ];
}

function fieldType(frame: DynamicFrame, name: string): DataType {
  return frame.schema.find((f) => f.name === name)!.dataType;
}

/** The value at `rest` below a value, a path outside arrays (SQL): a struct's field, a choice's member (null where the value is another). */
function valueAt(sql: string, type: DataType, rest: Path): string {
  if (rest.length === 0) return sql;
  const [inner, innerType] = stepInto(sql, type, rest[0]);
  return valueAt(inner, innerType, rest.slice(1));
}

/** The values at `rest` below a value, as one list (SQL): through arrays every element's, through structs the field's. */
function valueList(sql: string, type: DataType, rest: Path, lambdas: { count: number }): string {
  if (rest.length === 0) return `[${sql}]`;
  if (rest[0] === ELEMENT_STEP && type.kind === 'array') {
    if (rest.length === 1) return sql;
    const element = `gluekit_element_${++lambdas.count}`;
    return `flatten(list_transform(${sql}, lambda ${element}: ${valueList(element, type.element, rest.slice(1), lambdas)}))`;
  }
  const [inner, innerType] = stepInto(sql, type, rest[0]);
  return valueList(inner, innerType, rest.slice(1), lambdas);
}

/** One step of a path into a struct's field or a choice's member: its SQL and type. */
function stepInto(sql: string, type: DataType, step: string): [string, DataType] {
  if (type.kind === 'struct') {
    const field = type.fields.find((f) => f.name === step);
    if (field) return [structField(sql, field.name), field.type];
  }
  if (type.kind === 'choice') {
    const member = type.options.find((o) => memberStep(o) === step);
    if (member) return [`union_extract(${sql}, ${quoteLiteral(choiceTag(member))})`, member];
  }
  throw new Error(`gluekit bug: no value at ${step} of a ${type.kind}`);
}

/**
 * JSON integers as Glue's reader types them (Jackson): `int` where the value fits 32 bits, `long` where it does not, so
 * a field holding both is a choice of `int` and `long` (GLUE-REFERENCE section 1; the issue's `{"price": 5}` is an
 * `int`). DuckDB reads every integer as BIGINT: each integer path (at the top level, inside structs and inside arrays)
 * is read as an `int`, a value out of range raising the error that makes the run read the path again
 * (`choice-columns.ts`), then as a `long` where no value fits an int and as a choice where some do. Clean data is read
 * once; such a path costs the first pass up to its first large value.
 */
async function typeJsonIntegers(session: FrameSession, node: string, scanKey: string, frame: DynamicFrame, only: string | undefined): Promise<DynamicFrame> {
  const paths: Path[] = [];
  typedFields(frame, only).forEach((f) => integerPaths([f.name], f.dataType, paths));
  if (paths.length === 0) return frame;
  const noted = paths.filter((p) => session.choices.has(scanKey, pathKey(p)));
  const fitting = new Set<string>();
  if (noted.length > 0) {
    const lambdas = { count: 0 };
    const probes = noted.map((p, i) => {
      const field = frame.schema.find((f) => f.name === p[0])!;
      return `EXISTS (SELECT 1 FROM ${quoteIdentifier(frame.view)} WHERE COALESCE(${anyFits(quoteIdentifier(p[0]), field.dataType, p.slice(1), lambdas)}, false) LIMIT 1) AS f${i}`;
    });
    const row = (await session.step(node, () => session.connection.runAndReadAll(`SELECT ${probes.join(', ')}`))).getRowObjectsJS()[0];
    noted.forEach((p, i) => row[`f${i}`] === true && fitting.add(pathKey(p)));
  }
  const lambdas = { count: 0 };
  // Each integer (a BIGINT the reader gave) as an int, a long or a choice of both, where it is.
  const asInteger = (sql: string, type: DataType, path: readonly string[]): Rebuilt | undefined => {
    if (type.kind !== 'long') return undefined;
    const key = pathKey(path);
    if (!session.choices.has(scanKey, key)) return { sql: `(CASE WHEN ${sql} IS NULL THEN NULL WHEN ${IN_INT(sql)} THEN CAST(${sql} AS INTEGER) ELSE ${choiceColumnError(scanKey, key)} END)`, type: INT };
    if (!fitting.has(key)) return { sql: `CAST(${sql} AS BIGINT)`, type: LONG };
    const choice = choiceOf([INT, LONG]);
    const member = (tag: string, value: string): string => `CAST(union_value(${quoteIdentifier(tag)} := ${value}) AS ${choice.sql})`;
    return { sql: `(CASE WHEN ${sql} IS NULL THEN NULL WHEN ${IN_INT(sql)} THEN ${member('int', `CAST(${sql} AS INTEGER)`)} ELSE ${member('long', `CAST(${sql} AS BIGINT)`)} END)`, type: choice };
  };
  const retype = (sql: string, type: DataType, path: Path): Rebuilt | undefined => rebuildValue(sql, type, path, asInteger, lambdas);
  const typed = (f: DynamicFrame['schema'][number]): string | undefined => (only === undefined || f.name === only ? retype(quoteIdentifier(f.name), f.dataType, [f.name])?.sql : undefined);
  const columns = frame.schema.map((f) => `${typed(f) ?? quoteIdentifier(f.name)} AS ${quoteIdentifier(f.name)}`);
  return session.frame(node, `SELECT ${columns.join(', ')} FROM ${quoteIdentifier(frame.view)}`);
}

/** The paths of the integers in a type (inside the struct and array members of a choice too). */
function integerPaths(path: Path, type: DataType, out: Path[]): void {
  if (type.kind === 'long') out.push(path);
  else if (type.kind === 'struct') type.fields.forEach((f) => integerPaths([...path, f.name], f.type, out));
  else if (type.kind === 'array') integerPaths([...path, '[]'], type.element, out);
  else if (type.kind === 'choice') type.options.filter((o) => o.kind === 'struct' || o.kind === 'array').forEach((o) => integerPaths([...path, memberStep(o)], o, out));
}

/** Whether some integer at `rest` below a value fits 32 bits (SQL; null when there is none). */
function anyFits(sql: string, type: DataType, rest: Path, lambdas: { count: number }): string {
  if (rest.length === 0) return IN_INT(sql);
  if (rest[0] === '[]' && type.kind === 'array') {
    const element = `gluekit_element_${++lambdas.count}`;
    return `list_aggregate(list_transform(${sql}, lambda ${element}: ${anyFits(element, type.element, rest.slice(1), lambdas)}), 'bool_or')`;
  }
  if (type.kind === 'struct') {
    const field = type.fields.find((f) => f.name === rest[0]);
    if (field) return anyFits(`struct_extract(${sql}, ${quoteLiteral(field.name)})`, field.type, rest.slice(1), lambdas);
  }
  if (type.kind === 'choice') {
    const member = type.options.find((o) => memberStep(o) === rest[0]);
    if (member) return anyFits(`union_extract(${sql}, ${quoteLiteral(choiceTag(member))})`, member, rest.slice(1), lambdas);
  }
  return 'false';
}

const JSON_TEXT: DataType = { kind: 'string', sql: 'JSON' };

/**
 * How a JSON value's text is told to be of the kind DuckDB's detection gave its field, without parsing it: a number
 * starts with a digit or a minus sign (a double has a point or an exponent, an integer neither), a string with a quote,
 * a boolean is `true` or `false`; and the value of that kind read from the text.
 */
const SCALAR_TEXT: Partial<Record<DataType['kind'], { readonly is: (v: string) => string; readonly value: (v: string, type: DataType) => string }>> = {
  long: { is: (v) => `(${NUMBER_START(v)} AND NOT ${HAS_FRACTION(v)})`, value: (v, t) => `CAST(CAST(${v} AS VARCHAR) AS ${t.sql})` },
  double: { is: (v) => `(${NUMBER_START(v)} AND ${HAS_FRACTION(v)})`, value: (v) => `CAST(CAST(${v} AS VARCHAR) AS DOUBLE)` },
  boolean: { is: (v) => `CAST(${v} AS VARCHAR) IN ('true', 'false')`, value: (v) => `(CAST(${v} AS VARCHAR) = 'true')` },
  string: { is: (v) => `ascii(${v}) = 34`, value: (v) => `(${v} ->> '$')` },
};
const NUMBER_START = (v: string): string => `(ascii(${v}) BETWEEN 48 AND 57 OR ascii(${v}) = 45)`;
const HAS_FRACTION = (v: string): string => `(contains(${v}, '.') OR contains(${v}, 'e') OR contains(${v}, 'E'))`;

/** Whether a detected type is a scalar `assumeJsonScalars` checks (DuckDB's own JSON conflicts stay as they are). */
function checkedScalar(type: DataType): boolean {
  return SCALAR_TEXT[type.kind] !== undefined && type.sql !== 'JSON';
}

/**
 * The type a JSON source reads a field as so that its values keep their JSON text: DuckDB types a field from a sample
 * of records and converts a later value of another JSON type silently (`true` in a number field is 1, `1.5` in an
 * integer field 2, `7` in a string field "7"; duckdb#25786), and merges integers and fractions into DOUBLE, where
 * Jackson makes `5` an `int` and `5.5` a `double`. Scalars become JSON text, in structs and arrays too; undefined where
 * a type has none.
 */
export function withScalarsAsJson(type: DataType): DataType | undefined {
  if (checkedScalar(type)) return JSON_TEXT;
  if (type.kind === 'array') {
    const element = withScalarsAsJson(type.element);
    return element === undefined ? undefined : arrayOf(element);
  }
  if (type.kind !== 'struct') return undefined;
  const fields = type.fields.map((f) => ({ name: f.name, type: withScalarsAsJson(f.type) }));
  return fields.every((f) => f.type === undefined) ? undefined : structOf(fields.map((f, i) => ({ name: f.name, type: f.type ?? type.fields[i].type })));
}

/** The marker key of a JSON scalar path found to hold a value of another JSON type (a choice). */
function scalarKey(path: Path): string {
  return `scalar:${pathKey(path)}`;
}

/**
 * A JSON source's scalar fields, read as JSON text (`withScalarsAsJson`), as their detected types again: each value
 * assumed of its field's kind, one of another kind raising the error that makes the run read the field as a choice
 * (left JSON here, for `typeJsonValues` to type). Clean fields are read once.
 */
export async function assumeJsonScalars(session: FrameSession, node: string, scanKey: string, frame: DynamicFrame, detected: readonly Field[]): Promise<DynamicFrame> {
  const lambdas = { count: 0 };
  // Each value read as JSON text where its detected type (`was`) is a checked scalar, as that type again; a path found
  // to hold another kind stays JSON, for `typeJsonValues`.
  const assume = (field: number) => (v: string, read: DataType, path: readonly string[]): Rebuilt | undefined => {
    const was = typeAt(detected[field].dataType, path.slice(1));
    const text = was && SCALAR_TEXT[was.kind];
    if (!was || !text || read.sql !== 'JSON' || !checkedScalar(was) || session.choices.has(scanKey, scalarKey(path))) return undefined;
    return { sql: `(CASE WHEN ${v} IS NULL THEN NULL WHEN ${text.is(v)} THEN ${text.value(v, was)} WHEN ${JSON_TYPE(v)} = 'NULL' THEN NULL ELSE ${choiceColumnError(scanKey, scalarKey(path))} END)`, type: was };
  };
  const columns = frame.schema.map((f, i) => `${rebuildValue(quoteIdentifier(f.name), f.dataType, [f.name], assume(i), lambdas)?.sql ?? quoteIdentifier(f.name)} AS ${quoteIdentifier(f.name)}`);
  return session.frame(node, `SELECT ${columns.join(', ')} FROM ${quoteIdentifier(frame.view)}`);
}

/**
 * A `json_structure` with the types DuckDB's JSON reader gives, so the JSON source's typing applies as it is: an integer
 * is a BIGINT (not UBIGINT), a value null everywhere is JSON.
 */
export function asReadJsonTypes(structure: unknown): unknown {
  if (structure === 'UBIGINT') return 'BIGINT';
  if (structure === 'NULL') return 'JSON';
  if (Array.isArray(structure)) return structure.map(asReadJsonTypes);
  if (typeof structure === 'object' && structure !== null) return Object.fromEntries(Object.entries(structure).map(([k, v]) => [k, asReadJsonTypes(v)]));
  return structure;
}
