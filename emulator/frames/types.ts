import { GlueTypeName, parseGlueType } from '../../lib/pipeline/glue-type';
import { arrayOf, structOf, type DataType } from './schema';

/**
 * Type names across the three vocabularies the engine meets: the catalog's Hive names (`bigint`), DynamicFrame names
 * (`long`, GLUE-REFERENCE section 1) and DuckDB's (`BIGINT`). Names are parsed by `lib/pipeline/glue-type`, the same
 * parser the script generator validates with.
 */
const SCALAR_TO_DUCKDB: Record<string, string> = {
  string: 'VARCHAR',
  long: 'BIGINT',
  int: 'INTEGER',
  short: 'SMALLINT',
  byte: 'TINYINT',
  double: 'DOUBLE',
  float: 'FLOAT',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
  binary: 'BLOB',
};

/**
 * A bare `decimal`'s precision and scale: Hive's decimal(10,0) for catalog columns, awsglue's DecimalType(10,2) for an
 * ApplyMapping target (GLUE-REFERENCE section 10).
 */
export type DecimalDefault = 'catalog' | 'mapping';

/** The DuckDB type of a Hive or DynamicFrame type name; throws naming the type when it is not known. */
export function toDuckDbType(glueType: string, where: string, decimal: DecimalDefault = 'catalog'): string {
  return toDataType(glueType, where, decimal).sql;
}

/** A Hive or DynamicFrame type name in gluekit's schema model (with the DuckDB type that holds its values). */
export function toDataType(glueType: string, where: string, decimal: DecimalDefault = 'catalog'): DataType {
  return dataTypeOf(parseGlueType(glueType, where), decimal);
}

function dataTypeOf(t: GlueTypeName, decimal: DecimalDefault): DataType {
  switch (t.kind) {
    case 'scalar':
      return { kind: t.name, sql: SCALAR_TO_DUCKDB[t.name] };
    case 'decimal': {
      const precision = t.precision ?? 10;
      const scale = t.scale ?? (decimal === 'mapping' ? 2 : 0);
      return { kind: 'decimal', sql: `DECIMAL(${precision},${scale})`, precision, scale };
    }
    case 'array':
      return arrayOf(dataTypeOf(t.element, decimal));
    case 'struct':
      return structOf(t.fields.map((f) => ({ name: f.name, type: dataTypeOf(f.type, decimal) })));
    case 'map': {
      const key = dataTypeOf(t.key, decimal);
      const value = dataTypeOf(t.value, decimal);
      return { kind: 'map', sql: `MAP(${key.sql}, ${value.sql})`, key, value };
    }
  }
}

/** The DynamicFrame type name (`long`, `string`, `struct`...) of a DuckDB column type, as printSchema shows it. */
export function toGlueType(duckType: string): string {
  const t = duckType.toUpperCase();
  if (t.endsWith('[]')) return 'array';
  if (t.startsWith('STRUCT')) return 'struct';
  if (t.startsWith('MAP')) return 'map';
  if (t.startsWith('UNION')) return 'choice';
  if (t.startsWith('DECIMAL')) return 'decimal';
  switch (t) {
    case 'VARCHAR':
      return 'string';
    case 'BIGINT':
    case 'HUGEINT':
    case 'UBIGINT':
      return 'long';
    case 'INTEGER':
    case 'UINTEGER':
      return 'int';
    case 'SMALLINT':
    case 'USMALLINT':
      return 'short';
    case 'TINYINT':
    case 'UTINYINT':
      return 'byte';
    case 'DOUBLE':
      return 'double';
    case 'FLOAT':
      return 'float';
    case 'BOOLEAN':
      return 'boolean';
    case 'DATE':
      return 'date';
    case 'BLOB':
      return 'binary';
    case 'NULL':
    case '"NULL"':
      return 'null';
    default:
      return t.startsWith('TIMESTAMP') ? 'timestamp' : 'string';
  }
}

/** The catalog (Hive) type name of a DuckDB column type, for tables a sink creates. */
export function toHiveType(duckType: string): string {
  const glue = toGlueType(duckType);
  if (glue === 'long') return 'bigint';
  if (glue === 'short') return 'smallint';
  if (glue === 'byte') return 'tinyint';
  if (glue === 'decimal') return duckType.toLowerCase();
  return glue;
}
