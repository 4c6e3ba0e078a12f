import type { DataType } from './schema';

/**
 * How a text value of a CSV table reads as its catalog column's type: a value that parses as the type takes it, any
 * other stays a string (and makes the column a choice, see `choice-columns.ts`). The parse rules are Java's, as Glue's
 * JVM reader parses (Unconfirmed: Glue's reader is closed code):
 * - integral types: an optional sign and digits only, in range (`12.0`, `1e3`, `0x1F`, `1_000` and ` 12` stay strings,
 *   where DuckDB's own CSV reader would take them);
 * - double, float and decimal: a decimal number with an optional exponent, surrounding whitespace allowed, and for
 *   double and float `NaN` and `Infinity` (DuckDB's `inf`, `nan` and `1_000.5` stay strings);
 * - boolean: `true` or `false` in any case;
 * - date: `yyyy-m-d`; timestamp: `yyyy-m-d` with an optional ` hh:mm[:ss[.f]]` (or `T`);
 * - string and binary (its UTF-8 bytes): any value.
 *
 * Each rule is a list of cases, cheapest first (a regular expression costs as much as the CSV parse: it runs only for
 * values the cheap test cannot decide).
 */
export function textCases(sql: string, type: DataType, parsed = parsedText(sql, type)): { when: string; then: string }[] {
  switch (type.kind) {
    case 'string':
      return [{ when: 'true', then: sql }];
    case 'binary':
      return [{ when: 'true', then: `encode(${sql})` }];
    case 'long':
    case 'int':
    case 'short':
    case 'byte':
      return [
        { when: `CAST(${parsed} AS VARCHAR) = ${sql}`, then: parsed },
        { when: `regexp_full_match(${sql}, '[+-]?[0-9]+') AND ${parsed} IS NOT NULL`, then: parsed },
      ];
    case 'double':
    case 'float':
      return [
        { when: `isfinite(${parsed}) AND NOT contains(${sql}, '_')`, then: parsed },
        { when: `trim(${sql}) IN ('NaN', 'Infinity', '+Infinity', '-Infinity')`, then: `CAST(trim(${sql}) AS ${type.sql})` },
      ];
    case 'decimal':
      return [{ when: `${parsed} IS NOT NULL AND NOT contains(${sql}, '_')`, then: parsed }];
    case 'boolean':
      return [{ when: `lower(${sql}) IN ('true', 'false')`, then: `CAST(lower(${sql}) AS BOOLEAN)` }];
    case 'date':
      return [{ when: `regexp_full_match(${sql}, '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}') AND ${parsed} IS NOT NULL`, then: parsed }];
    case 'timestamp':
      return [{ when: `regexp_full_match(${sql}, '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.][0-9]*)?)?)?') AND ${parsed} IS NOT NULL`, then: parsed }];
    default:
      return [{ when: `${parsed} IS NOT NULL`, then: parsed }];
  }
}

/**
 * DuckDB's own parse of a text as `type` (null where it cannot): the rules above start from it. A scan computes it once
 * per value in an inner projection and passes its column to `readText` and `textFits` (DuckDB would otherwise cast twice).
 */
export function parsedText(sql: string, type: DataType): string {
  return type.kind === 'decimal' ? `TRY_CAST(trim(${sql}) AS ${type.sql})` : `TRY_CAST(${sql} AS ${type.sql})`;
}

/**
 * A text value (not null) read as `type`: its value where it parses (passed through `wrap`, which may make it a
 * choice's member), else `otherwise`.
 */
export function readText(sql: string, type: DataType, otherwise: string, wrap: (value: string) => string = (v) => v, parsed?: string): string {
  const rules = textCases(sql, type, parsed);
  if (rules.length === 1 && rules[0].when === 'true') return wrap(rules[0].then);
  return `CASE ${rules.map((r) => `WHEN ${r.when} THEN ${wrap(r.then)}`).join(' ')} ELSE ${otherwise} END`;
}

/** Whether a text value (not null) parses as `type`: true or false, never null. */
export function textFits(sql: string, type: DataType, parsed?: string): string {
  return `(${textCases(sql, type, parsed).map((r) => `COALESCE(${r.when}, false)`).join(' OR ')})`;
}
