import type { DynamicFrame, Field } from './dynamic-frame';
import { javaDecimalText, javaNumberText } from './java-number-text';
import { choiceTag, type DataType } from './schema';
import { quoteIdentifier, quoteLiteral } from './sql';

/**
 * How sinks write a frame's values where DuckDB's own writers would write them otherwise than Glue: JSON lines without
 * null fields, binary as base64, doubles and decimals as Java prints them, and a choice (a DuckDB UNION) as the value it holds in JSON and CSV, and in Parquet as
 * a struct with one field per type (`toDF()`'s conversion, GLUE-REFERENCE section 1; Unconfirmed for Glue's Parquet
 * writers; the fields in order of their type names).
 */

/**
 * One JSON object per record, as SQL: the fields in frame order, and a null field left out, as Glue's (and Spark's,
 * `ignoreNullFields`) JSON writer leaves it out, inside structs too. Values are encoded by DuckDB's `to_json`, except
 * where a struct or binary value lies inside. Dates and timestamps are written as DuckDB writes them (`2024-01-05`,
 * `2024-01-05 07:08:09`; Unconfirmed: the text Glue's DynamicFrame JSON writer gives them).
 */
export function jsonLines(fields: readonly Field[]): string {
  const lambdas = { count: 0 };
  return `'{' || concat_ws(',', ${fields.map((f) => jsonMember(quoteIdentifier(f.name), f.name, f.dataType, lambdas)).join(', ')}) || '}' AS line`;
}

function jsonMember(sql: string, name: string, type: DataType, lambdas: { count: number }): string {
  return `CASE WHEN ${sql} IS NULL THEN NULL ELSE to_json(${quoteLiteral(name)}) || ':' || ${jsonValue(sql, type, lambdas)} END`;
}

/** The JSON text of a value that is not null. */
function jsonValue(sql: string, type: DataType, lambdas: { count: number }): string {
  if (!needsOwnEncoding(type)) return `to_json(${sql})`;
  switch (type.kind) {
    case 'binary':
      // Binary is written as base64 text, as Spark's JSON writer writes it.
      return `to_json(base64(${sql}))`;
    case 'double':
    case 'float':
      // As Java prints it; NaN and the infinities as strings (Jackson quotes non-numeric numbers by default).
      return `(CASE WHEN isfinite(${sql}) THEN ${javaNumberText(sql)} ELSE '"' || ${javaNumberText(sql)} || '"' END)`;
    case 'decimal':
      // As BigDecimal prints it (`1.50`), where DuckDB's to_json writes a double's text (`1.5`).
      return javaDecimalText(sql, type.scale);
    case 'struct':
      return `('{' || concat_ws(',', ${type.fields.map((f) => jsonMember(`struct_extract(${sql}, ${quoteLiteral(f.name)})`, f.name, f.type, lambdas)).join(', ')}) || '}')`;
    case 'array': {
      const element = `gluekit_element_${++lambdas.count}`;
      return `('[' || array_to_string(list_transform(${sql}, lambda ${element}: CASE WHEN ${element} IS NULL THEN 'null' ELSE ${jsonValue(element, type.element, lambdas)} END), ',') || ']')`;
    }
    case 'choice':
      return `(CASE union_tag(${sql}) ${type.options.map((o) => `WHEN ${quoteLiteral(choiceTag(o))} THEN ${jsonValue(`union_extract(${sql}, ${quoteLiteral(choiceTag(o))})`, o, lambdas)}`).join(' ')} END)`;
    default:
      return `to_json(${sql})`;
  }
}

/**
 * Whether `to_json` would write a value otherwise than Glue: a struct (its nulls), binary, a choice, or a double or float
 * (DuckDB writes `1e20` as `100000000000000000000.0`, Java as `1.0E20`), at any depth.
 */
function needsOwnEncoding(type: DataType): boolean {
  if (['binary', 'struct', 'choice', 'double', 'float', 'decimal'].includes(type.kind)) return true;
  return type.kind === 'array' ? needsOwnEncoding(type.element) : false;
}

/** The SELECT list a CSV sink writes: doubles, floats and decimals as Java prints them, the rest as DuckDB writes it. */
export function csvColumns(fields: readonly Field[]): string {
  if (fields.length === 0) return '*';
  const text = (f: Field): string => {
    const v = quoteIdentifier(f.name);
    const t = f.dataType;
    return t.kind === 'double' || t.kind === 'float' ? javaNumberText(v) : t.kind === 'decimal' ? javaDecimalText(v, t.scale) : v;
  };
  return fields.map((f) => `${text(f)} AS ${quoteIdentifier(f.name)}`).join(', ');
}

/** A frame as `toDF()` gives it to the DataFrame API (and Spark SQL): a query over its view (choices as structs). */
export function dataFrameSql(frame: DynamicFrame): string {
  return `SELECT ${parquetColumns(frame.schema)} FROM ${quoteIdentifier(frame.view)}`;
}

/**
 * The SELECT list a Parquet sink writes, and the frame as `toDF()` gives it to the DataFrame API: each field as it is,
 * except where a choice lies inside (a struct of one field per type).
 */
export function parquetColumns(fields: readonly Field[]): string {
  if (fields.length === 0) return '*';
  const lambdas = { count: 0 };
  return fields.map((f) => `${hasChoice(f.dataType) ? parquetValue(quoteIdentifier(f.name), f.dataType, lambdas) : quoteIdentifier(f.name)} AS ${quoteIdentifier(f.name)}`).join(', ');
}

/** A value with each choice inside it as a struct of one field per type, the one holding the value set. */
function parquetValue(sql: string, type: DataType, lambdas: { count: number }): string {
  if (!hasChoice(type)) return sql;
  switch (type.kind) {
    case 'choice': {
      const options = [...type.options].sort((a, b) => (choiceTag(a) < choiceTag(b) ? -1 : 1));
      const members = options.map((o) => `${quoteIdentifier(choiceTag(o))} := CASE WHEN union_tag(${sql}) = ${quoteLiteral(choiceTag(o))} THEN ${parquetValue(`union_extract(${sql}, ${quoteLiteral(choiceTag(o))})`, o, lambdas)} END`);
      return `(CASE WHEN ${sql} IS NULL THEN NULL ELSE struct_pack(${members.join(', ')}) END)`;
    }
    case 'struct':
      return `(CASE WHEN ${sql} IS NULL THEN NULL ELSE struct_pack(${type.fields.map((f) => `${quoteIdentifier(f.name)} := ${parquetValue(`struct_extract(${sql}, ${quoteLiteral(f.name)})`, f.type, lambdas)}`).join(', ')}) END)`;
    case 'array': {
      const element = `gluekit_element_${++lambdas.count}`;
      return `list_transform(${sql}, lambda ${element}: ${parquetValue(element, type.element, lambdas)})`;
    }
    default:
      return sql;
  }
}

/** Whether a choice lies in a type, at any depth (maps are written as DuckDB writes them). */
function hasChoice(type: DataType): boolean {
  switch (type.kind) {
    case 'choice':
      return true;
    case 'struct':
      return type.fields.some((f) => hasChoice(f.type));
    case 'array':
      return hasChoice(type.element);
    default:
      return false;
  }
}

