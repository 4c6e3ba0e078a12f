import { choiceTag, type DataType } from './schema';
import { quoteLiteral } from './sql';

const INTEGRAL = new Set(['BIGINT', 'INTEGER', 'SMALLINT', 'TINYINT']);
const FRACTIONAL = /^(DOUBLE|FLOAT|DECIMAL)/;

/**
 * A value cast as Spark casts it, as the generated script's ApplyMapping and Glue's readers convert values
 * (GLUE-REFERENCE section 10; that Glue's closed-source ApplyMapping follows Spark is Unconfirmed): null when it cannot be
 * cast, where DuckDB's casts would round, fail or read differently.
 * - string to an integral type: surrounding whitespace trimmed, a sign, digits, and a fractional part that is dropped
 *   (`"12.50"` is 12, `"-2.7"` is -2, `".5"` is 0); anything else, or a value out of range, is null;
 * - a fractional number to an integral type truncates toward zero (2.7 is 2, -2.7 is -2); out of range is null
 *   (Unconfirmed: the JVM saturates a double cast to long);
 * - string to boolean: `true`, `t`, `yes`, `y`, `1` and `false`, `f`, `no`, `n`, `0`, any case, trimmed; else null;
 * - string to binary: its UTF-8 bytes (DuckDB's own cast reads escape sequences instead).
 */
export function sparkCast(value: string, from: string, to: string): string {
  if (from === to) return value;
  if (INTEGRAL.has(to) && from === 'VARCHAR') {
    const text = `trim(${value})`;
    const sign = `regexp_extract(${text}, '^[+-]?', 0)`;
    const digits = `regexp_extract(${text}, '^[+-]?([0-9]*)', 1)`;
    return `(CASE WHEN regexp_full_match(${text}, '[+-]?[0-9]*([.][0-9]*)?') AND NOT regexp_full_match(${text}, '[+-]?') THEN TRY_CAST(${sign} || CASE WHEN ${digits} = '' THEN '0' ELSE ${digits} END AS ${to}) END)`;
  }
  if (INTEGRAL.has(to) && FRACTIONAL.test(from)) return `TRY_CAST(trunc(${value}) AS ${to})`;
  if (to === 'BOOLEAN' && from === 'VARCHAR') {
    const word = `lower(trim(${value}))`;
    return `(CASE WHEN ${word} IN ('true', 't', 'yes', 'y', '1') THEN true WHEN ${word} IN ('false', 'f', 'no', 'n', '0') THEN false END)`;
  }
  if (to === 'BLOB' && from === 'VARCHAR') return `encode(${value})`;
  return `TRY_CAST(${value} AS ${to})`;
}


/**
 * `sparkCast` from a type of gluekit's schema model: a choice's value is cast from the type it has (each member cast
 * on its own, as Glue converts each value of a DynamicRecord from its own type).
 */
export function castValue(value: string, from: DataType, to: DataType): string {
  if (from.kind !== 'choice') return sparkCast(value, from.sql, to.sql);
  const members = from.options.map((o) => `WHEN ${quoteLiteral(choiceTag(o))} THEN ${castValue(`union_extract(${value}, ${quoteLiteral(choiceTag(o))})`, o, to)}`);
  return `(CASE union_tag(${value}) ${members.join(' ')} END)`;
}
