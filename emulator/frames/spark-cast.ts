import { choiceTag, type DataType } from './schema';
import { quoteLiteral } from './sql';

const INTEGRAL = new Set(['BIGINT', 'INTEGER', 'SMALLINT', 'TINYINT']);
const FRACTIONAL = /^(DOUBLE|FLOAT|DECIMAL)/;
const FLOATING = /^(DOUBLE|FLOAT)$/;
/** What Spark trims around a date or timestamp's text: the characters 0x00-0x20 and 0x7f. */
const TRIMMED = '[\\x00-\\x20\\x7f]*';
/** A signed year of 4 to 7 digits, then `-[m]m`, then `-[d]d` (the groups of the month and the day left open). */
const YEAR_MONTH_DAY = '([+-]?[0-9]{4,7})(?:-([0-9]{1,2})(?:-([0-9]{1,2})';
/** The texts Spark casts to a date (`stringToDate`): the day may be followed by anything after a space or `T`. */
const SPARK_DATE = { pattern: `'^${TRIMMED}${YEAR_MONTH_DAY}(?:[ T](?s:.*))?)?)?${TRIMMED}$'`, parts: ['year', 'month', 'day'] };
/**
 * The texts Spark casts to a timestamp (`stringToTimestamp`): the date's, the day followed by a space or `T` and
 * `[h]h:[m]m[:[s]s[.fraction]]`, then optionally `Z`, `UTC` or an offset.
 */
const SPARK_TIMESTAMP = {
  pattern:
    `'^${TRIMMED}${YEAR_MONTH_DAY}(?:[ T]([0-9]{1,2}):([0-9]{1,2})(?::([0-9]{1,2})(?:[.]([0-9]{0,9}))?)?` +
    `[\\x00-\\x20]*(Z|UTC|[+-][0-9]{1,2}(?::?[0-9]{2})?)?)?)?)?${TRIMMED}$'`,
  parts: ['year', 'month', 'day', 'hour', 'minute', 'second', 'fraction', 'zone'],
};

/**
 * A value cast as Spark casts it, as the generated script's ApplyMapping and Glue's readers convert values
 * (GLUE-REFERENCE section 10; that Glue's closed-source ApplyMapping follows Spark is Unconfirmed): null when it cannot be
 * cast, where DuckDB's casts would round, fail or read differently.
 * - string to an integral type: surrounding whitespace trimmed, a sign, digits, and a fractional part that is dropped
 *   (`"12.50"` is 12, `"-2.7"` is -2, `".5"` is 0); anything else, or a value out of range, is null;
 * - a fractional number to an integral type truncates toward zero (2.7 is 2, -2.7 is -2); out of range is null
 *   (Unconfirmed: the JVM saturates a double cast to long);
 * - string to boolean: `true`, `t`, `yes`, `y`, `1` and `false`, `f`, `no`, `n`, `0`, any case, trimmed; else null;
 * - string to binary: its UTF-8 bytes (DuckDB's own cast reads escape sequences instead);
 * - a double or float to a decimal: from the digits Java prints (a float widened to a double first), rounded half up;
 * - string to date: `yyyy`, `yyyy-[m]m`, `yyyy-[m]m-[d]d` (a signed year of 4 to 7 digits) and that followed by a space
 *   or `T` and anything (a time), control characters and spaces around it trimmed (the missing month or day is 1);
 *   anything else, or no such day, is null;
 * - string to timestamp: the date's forms, then a space or `T` and `[h]h:[m]m[:[s]s[.fraction]]` and a zone (`Z`,
 *   `UTC`, or an offset, which is taken off: the result is UTC, Glue's session time zone); fractions beyond
 *   microseconds are truncated. Unconfirmed: Spark's region zone ids (`America/New_York`) and time-only texts are
 *   null here.
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
  if (to === 'DATE' && from === 'VARCHAR') {
    return textParts(value, SPARK_DATE, (p) => `CASE WHEN ${p}.year <> '' THEN TRY_CAST(${dayText(p)} AS DATE) END`);
  }
  if (to === 'TIMESTAMP' && from === 'VARCHAR') {
    return textParts(value, SPARK_TIMESTAMP, (p) => {
      const or = (part: string, fallback: string): string => `coalesce(nullif(${p}.${part}, ''), '${fallback}')`;
      const local = `TRY_CAST(concat(${dayText(p)}, ' ', ${or('hour', '0')}, ':', ${or('minute', '0')}, ':', ${or('second', '0')}, '.', rpad(left(${p}.fraction, 6), 6, '0')) AS TIMESTAMP)`;
      // An offset (`+02:00`, `-0530`, `+2`) is taken off, giving UTC (Glue's session time zone); `Z` and `UTC` are UTC.
      const digits = `replace(substr(${p}.zone, 2), ':', '')`;
      const minutes = `(CASE WHEN length(${digits}) > 2 THEN CAST(left(${digits}, length(${digits}) - 2) AS INTEGER) * 60 + CAST(right(${digits}, 2) AS INTEGER) ELSE CAST(${digits} AS INTEGER) * 60 END)`;
      const offset = `(CASE WHEN ${p}.zone IN ('', 'Z', 'UTC') THEN 0 WHEN left(${p}.zone, 1) = '-' THEN -${minutes} ELSE ${minutes} END)`;
      return `CASE WHEN ${p}.year <> '' THEN ${local} - to_minutes(${offset}) END`;
    });
  }
  // Spark makes a decimal of a double from the digits Java prints (`BigDecimal(Double.toString(d))`), rounded half up:
  // 1.255 is 1.26 in decimal(10,2), where DuckDB's cast rounds the binary value (1.2549...) to 1.25. A float is made a
  // double first, as Spark does (a float 1.255 is 1.2549999952316284, so 1.25).
  if (to.startsWith('DECIMAL') && FLOATING.test(from)) return `TRY_CAST(${plainDoubleText(from === 'FLOAT' ? `CAST(${value} AS DOUBLE)` : value)} AS ${to})`;
  return `TRY_CAST(${value} AS ${to})`;
}

/**
 * A value `made` from the parts of a text matched by one of the patterns above, all read from one `regexp_extract` of
 * the named groups (a struct, which DuckDB evaluates once however often `made` uses it; a `regexp_extract` per part ran
 * the pattern again each time: ten times over for a timestamp). A text that does not match has an empty year.
 */
function textParts(value: string, text: { pattern: string; parts: readonly string[] }, made: (parts: string) => string): string {
  const parts = `regexp_extract(${value}, ${text.pattern}, [${text.parts.map((n) => `'${n}'`).join(', ')}])`;
  return `(${made(`(${parts})`)})`;
}

/** The `yyyy-m-d` text of a matched date's parts (a missing month or day is 1). */
function dayText(parts: string): string {
  return `concat(ltrim(${parts}.year, '+'), '-', coalesce(nullif(${parts}.month, ''), '1'), '-', coalesce(nullif(${parts}.day, ''), '1'))`;
}

/**
 * A double's shortest digits (as Java's `Double.toString` has them, and DuckDB's text) written without an exponent:
 * DuckDB writes `6e-05` and `1e+20`, whose cast to a decimal would round on the exponent form. NaN and the infinities
 * stay as DuckDB writes them (no decimal reads them). Unconfirmed at 10^16 and above, where the JDKs of Glue 4 and 5
 * print some doubles with more digits than the shortest.
 */
function plainDoubleText(value: string): string {
  const text = `CAST(abs(${value}) AS VARCHAR)`;
  const mantissa = `split_part(${text}, 'e', 1)`;
  const whole = `split_part(${mantissa}, '.', 1)`;
  const digits = `(${whole} || split_part(${mantissa}, '.', 2))`;
  const point = `(length(${whole}) + TRY_CAST(split_part(${text}, 'e', 2) AS INTEGER))`;
  const plain =
    `CASE WHEN ${point} <= 0 THEN '0.' || repeat('0', -${point}) || ${digits} ` +
    `WHEN ${point} >= length(${digits}) THEN ${digits} || repeat('0', ${point} - length(${digits})) ` +
    `ELSE left(${digits}, ${point}) || '.' || substr(${digits}, ${point} + 1) END`;
  return `(CASE WHEN ${value} < 0 THEN '-' ELSE '' END || CASE WHEN contains(${text}, 'e') THEN ${plain} ELSE ${text} END)`;
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
