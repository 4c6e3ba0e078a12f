import { DuckDBTypeId, type DuckDBType } from '@duckdb/node-api';
import { quoteIdentifier } from './sql';

/**
 * gluekit's schema model: a frame's types by their DynamicFrame names (GLUE-REFERENCE section 1: `long`, `int`,
 * `string`, `struct`...), each with the DuckDB type that holds its values (`sql`), so a node can both reason in Glue's
 * terms and write SQL. Built from the types DuckDB binds for a view, never from parsing type text.
 */
export type ScalarKind = 'string' | 'long' | 'int' | 'short' | 'byte' | 'double' | 'float' | 'boolean' | 'date' | 'timestamp' | 'binary' | 'null';

export type DataType =
  | { readonly kind: ScalarKind; readonly sql: string }
  | { readonly kind: 'decimal'; readonly sql: string; readonly precision: number; readonly scale: number }
  | { readonly kind: 'array'; readonly sql: string; readonly element: DataType }
  | { readonly kind: 'struct'; readonly sql: string; readonly fields: readonly StructField[] }
  | { readonly kind: 'map'; readonly sql: string; readonly key: DataType; readonly value: DataType };

export interface StructField {
  readonly name: string;
  readonly type: DataType;
}

export type StructType = Extract<DataType, { kind: 'struct' }>;

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
  const sql = t.toString();
  switch (t.typeId) {
    case DuckDBTypeId.DECIMAL:
      return { kind: 'decimal', sql, precision: t.width, scale: t.scale };
    case DuckDBTypeId.LIST:
      return { kind: 'array', sql, element: fromDuckDbType(t.valueType) };
    case DuckDBTypeId.ARRAY:
      return { kind: 'array', sql, element: fromDuckDbType(t.valueType) };
    case DuckDBTypeId.STRUCT:
      return { kind: 'struct', sql, fields: t.entryNames.map((name, i) => ({ name, type: fromDuckDbType(t.entryTypes[i]) })) };
    case DuckDBTypeId.MAP:
      return { kind: 'map', sql, key: fromDuckDbType(t.keyType), value: fromDuckDbType(t.valueType) };
    default:
      return { kind: SCALARS[t.typeId] ?? 'string', sql };
  }
}

/** The DynamicFrame name of a type, with its parameters where Glue prints them (`decimal(10,2)`). */
export function glueTypeName(t: DataType): string {
  return t.kind === 'decimal' ? `decimal(${t.precision},${t.scale})` : t.kind;
}

/** A struct type of these fields (its DuckDB type written out), for a struct a node rebuilds. */
export function structOf(fields: readonly StructField[]): StructType {
  return { kind: 'struct', sql: `STRUCT(${fields.map((f) => `${quoteIdentifier(f.name)} ${f.type.sql}`).join(', ')})`, fields };
}

/** An array type of this element type. */
export function arrayOf(element: DataType): DataType {
  return { kind: 'array', sql: `${element.sql}[]`, element };
}
