/**
 * Type names across the three vocabularies the engine meets: the catalog's Hive names (`bigint`), DynamicFrame names
 * (`long`, GLUE-REFERENCE section 1) and DuckDB's (`BIGINT`).
 */

const SCALAR_TO_DUCKDB: Record<string, string> = {
  string: 'VARCHAR',
  varchar: 'VARCHAR',
  char: 'VARCHAR',
  bigint: 'BIGINT',
  long: 'BIGINT',
  int: 'INTEGER',
  integer: 'INTEGER',
  smallint: 'SMALLINT',
  short: 'SMALLINT',
  tinyint: 'TINYINT',
  byte: 'TINYINT',
  double: 'DOUBLE',
  float: 'FLOAT',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
  binary: 'BLOB',
  decimal: 'DECIMAL(10,0)',
};

/** The DuckDB type of a Hive or DynamicFrame type name; throws naming the type when it is not known. */
export function toDuckDbType(glueType: string, where: string): string {
  const t = glueType.trim().toLowerCase();
  const decimal = /^decimal\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(t);
  if (decimal) return `DECIMAL(${decimal[1]},${decimal[2]})`;
  if (/^(var)?char\s*\(\d+\)$/.test(t)) return 'VARCHAR';
  const array = /^array<(.*)>$/.exec(t);
  if (array) return `${toDuckDbType(array[1], where)}[]`;
  const struct = /^struct<(.*)>$/.exec(t);
  if (struct) {
    const fields = splitTopLevel(struct[1]).map((f) => {
      const colon = f.indexOf(':');
      if (colon < 0) throw new Error(`${where}: malformed struct field '${f}' in type '${glueType}'`);
      return `"${f.slice(0, colon).trim().replace(/"/g, '""')}" ${toDuckDbType(f.slice(colon + 1), where)}`;
    });
    return `STRUCT(${fields.join(', ')})`;
  }
  const map = /^map<(.*)>$/.exec(t);
  if (map) {
    const [k, v] = splitTopLevel(map[1]);
    return `MAP(${toDuckDbType(k, where)}, ${toDuckDbType(v, where)})`;
  }
  const scalar = SCALAR_TO_DUCKDB[t];
  if (!scalar) throw new Error(`${where}: unknown type '${glueType}'`);
  return scalar;
}

function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '<' || c === '(') depth++;
    else if (c === '>' || c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** The DynamicFrame type name (`long`, `string`, `struct`...) of a DuckDB column type, as printSchema shows it. */
export function toGlueType(duckType: string): string {
  const t = duckType.toUpperCase();
  if (t.endsWith('[]')) return 'array';
  if (t.startsWith('STRUCT')) return 'struct';
  if (t.startsWith('MAP')) return 'map';
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
