import { DuckDBTypeId, type DuckDBType } from '@duckdb/node-api';
import { quoteIdentifier } from './sql';

/**
 * gluekit's schema model: a frame's types by their DynamicFrame names (GLUE-REFERENCE section 1: `long`, `int`,
 * `string`, `struct`...), each with the DuckDB type that holds its values (`sql`), so a node can both reason in Glue's
 * terms and write SQL. Built from the types DuckDB binds for a view, never from parsing type text.
 *
 * A `choice` (a field whose values have different types, GLUE-REFERENCE section 1) is a DuckDB UNION whose member tags
 * are the Glue type names (`UNION("long" BIGINT, "string" VARCHAR)`): each value keeps its own type.
 */
export type ScalarKind = 'string' | 'long' | 'int' | 'short' | 'byte' | 'double' | 'float' | 'boolean' | 'date' | 'timestamp' | 'binary' | 'null';

export type DataType =
  | { readonly kind: ScalarKind; readonly sql: string }
  | { readonly kind: 'decimal'; readonly sql: string; readonly precision: number; readonly scale: number }
  | { readonly kind: 'array'; readonly sql: string; readonly element: DataType }
  | { readonly kind: 'struct'; readonly sql: string; readonly fields: readonly StructField[] }
  | { readonly kind: 'map'; readonly sql: string; readonly key: DataType; readonly value: DataType }
  | { readonly kind: 'choice'; readonly sql: string; readonly options: readonly DataType[] };

export interface StructField {
  readonly name: string;
  readonly type: DataType;
}

/** The `string` type. */
export const STRING: DataType = { kind: 'string', sql: 'VARCHAR' };

/** The kinds of numbers. */
export const NUMERIC_KINDS: ReadonlySet<DataType['kind']> = new Set(['byte', 'short', 'int', 'long', 'float', 'double', 'decimal']);

export type StructType = Extract<DataType, { kind: 'struct' }>;
export type ChoiceType = Extract<DataType, { kind: 'choice' }>;

const SCALARS: Partial<Record<DuckDBTypeId, ScalarKind>> = {
  [DuckDBTypeId.VARCHAR]: 'string',
  [DuckDBTypeId.BIGINT]: 'long',
  [DuckDBTypeId.HUGEINT]: 'long',
  [DuckDBTypeId.UBIGINT]: 'long',
  [DuckDBTypeId.UHUGEINT]: 'long',
  [DuckDBTypeId.INTEGER]: 'int',
  [DuckDBTypeId.UINTEGER]: 'int',
  [DuckDBTypeId.SMALLINT]: 'short',
  [DuckDBTypeId.USMALLINT]: 'short',
  [DuckDBTypeId.TINYINT]: 'byte',
  [DuckDBTypeId.UTINYINT]: 'byte',
  [DuckDBTypeId.DOUBLE]: 'double',
  [DuckDBTypeId.FLOAT]: 'float',
  [DuckDBTypeId.BOOLEAN]: 'boolean',
  [DuckDBTypeId.DATE]: 'date',
  [DuckDBTypeId.TIMESTAMP]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_S]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_MS]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_NS]: 'timestamp',
  [DuckDBTypeId.TIMESTAMP_TZ]: 'timestamp',
  [DuckDBTypeId.BLOB]: 'binary',
  [DuckDBTypeId.SQLNULL]: 'null',
};

/**
 * The model of a type DuckDB bound. DuckDB types without a DynamicFrame counterpart (TIME, INTERVAL, UUID, ENUM...)
 * are `string`, the type Glue's readers give values they do not type.
 */
export function fromDuckDbType(t: DuckDBType): DataType {
  // DuckDB's JSON type is VARCHAR with an alias: kept by name, so nodes can tell JSON text (a conflict its detection saw).
  const sql = t.alias === 'JSON' ? 'JSON' : t.toString();
  switch (t.typeId) {
    case DuckDBTypeId.DECIMAL:
      return { kind: 'decimal', sql, precision: t.width, scale: t.scale };
    // A list, struct, map or union is written out from its members' types, so a JSON member keeps its name in it
    // (DuckDB's own text of `JSON[]` is `VARCHAR[]`: a query casting to it would turn JSON values into text).
    case DuckDBTypeId.LIST:
      return arrayOf(fromDuckDbType(t.valueType));
    case DuckDBTypeId.ARRAY:
      return { kind: 'array', sql, element: fromDuckDbType(t.valueType) };
    case DuckDBTypeId.STRUCT:
      return structOf(t.entryNames.map((name, i) => ({ name, type: fromDuckDbType(t.entryTypes[i]) })));
    case DuckDBTypeId.MAP: {
      const [key, value] = [fromDuckDbType(t.keyType), fromDuckDbType(t.valueType)];
      return { kind: 'map', sql: `MAP(${key.sql}, ${value.sql})`, key, value };
    }
    case DuckDBTypeId.UNION: {
      const options = t.memberTypes.map(fromDuckDbType);
      return { kind: 'choice', sql: `UNION(${options.map((o, i) => `${quoteIdentifier(t.memberTags[i])} ${o.sql}`).join(', ')})`, options };
    }
    default:
      return { kind: SCALARS[t.typeId] ?? 'string', sql };
  }
}


/** A struct type of these fields (its DuckDB type written out), for a struct a node rebuilds. */
export function structOf(fields: readonly StructField[]): StructType {
  return { kind: 'struct', sql: `STRUCT(${fields.map((f) => `${quoteIdentifier(f.name)} ${f.type.sql}`).join(', ')})`, fields };
}

/** An array type of this element type. */
export function arrayOf(element: DataType): DataType {
  return { kind: 'array', sql: `${element.sql}[]`, element };
}

/**
 * A choice of these types (Glue's `mergeDataTypes`: a type already among them is not repeated, a choice inside is
 * flattened); a single type is itself. Members are tagged by Glue type name, as the choice's SQL says.
 */
export function choiceOf(types: readonly DataType[]): DataType {
  const options: DataType[] = [];
  for (const t of types.flatMap((x) => (x.kind === 'choice' ? x.options : [x]))) {
    if (t.kind === 'null' || options.some((o) => choiceTag(o) === choiceTag(t))) continue;
    options.push(t);
  }
  if (options.length === 1) return options[0];
  return { kind: 'choice', sql: `UNION(${options.map((o) => `${quoteIdentifier(choiceTag(o))} ${o.sql}`).join(', ')})`, options };
}

/** The tag a type has as a member of a choice: its Glue type name without parameters (`long`, `decimal`, `struct`). */
export function choiceTag(t: DataType): string {
  return t.kind;
}

/**
 * The schema as `DynamicFrame.printSchema()` prints it (GLUE-REFERENCE section 1): `root`, then one line per field,
 * nested types indented below their field (`element` for an array's, `key` and `value` for a map's), and a choice's
 * types below it by name alone, in order of their names. Types print by their names (Unconfirmed: that a decimal
 * prints as `decimal`, without precision and scale).
 */
export function printSchema(fields: readonly StructField[]): string {
  const lines = ['root'];
  const walk = (label: string, type: DataType, depth: number): void => {
    lines.push(`${' |   '.repeat(depth)} |-- ${label}`);
    for (const [name, child] of children(type)) walk(name === undefined ? child.kind : `${name}: ${child.kind}`, child, depth + 1);
  };
  for (const f of fields) walk(`${f.name}: ${f.type.kind}`, f.type, 0);
  return lines.join('\n') + '\n';
}

/** What prints below a type: a struct's fields, an array's element, a map's key and value, a choice's types. */
function children(type: DataType): [string | undefined, DataType][] {
  switch (type.kind) {
    case 'struct':
      return type.fields.map((f) => [f.name, f.type]);
    case 'array':
      return [['element', type.element]];
    case 'map':
      return [['key', type.key], ['value', type.value]];
    case 'choice':
      return [...type.options].sort((a, b) => (choiceTag(a) < choiceTag(b) ? -1 : 1)).map((o) => [undefined, o]);
    default:
      return [];
  }
}
