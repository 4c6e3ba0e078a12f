/**
 * A double or float as Java's `Double.toString` / `Float.toString` writes it, which Glue's JSON and CSV writers (Jackson
 * and Spark's) use: plain for magnitudes in [10^-3, 10^7) (`12.0`, `0.001`, `1234567.0`), else scientific with `E`
 * (`1.0E7`, `1.23456789E7`, `1.0E-4`), and `NaN`, `Infinity`, `-Infinity`. The digits are the shortest that read back as
 * the same value, which DuckDB's own text also has (the JDK 19+ algorithm; older JDKs print a few values with more).
 */
export function javaNumberText(sql: string): string {
  const text = `CAST(abs(${sql}) AS VARCHAR)`;
  const mantissa = `split_part(${text}, 'e', 1)`;
  const exponent = `COALESCE(TRY_CAST(NULLIF(split_part(${text}, 'e', 2), '') AS INTEGER), 0)`;
  const whole = `split_part(${mantissa}, '.', 1)`;
  const digitsWithZeros = `(${whole} || split_part(${mantissa}, '.', 2))`;
  const leadingZeros = `(length(${digitsWithZeros}) - length(ltrim(${digitsWithZeros}, '0')))`;
  const digits = `rtrim(ltrim(${digitsWithZeros}, '0'), '0')`;
  const scientific =
    `left(${digits}, 1) || '.' || COALESCE(NULLIF(substr(${digits}, 2), ''), '0') || 'E' || ` + `CAST(${exponent} + length(${whole}) - 1 - ${leadingZeros} AS VARCHAR)`;
  return (
    `(CASE WHEN ${sql} IS NULL THEN NULL WHEN isnan(${sql}) THEN 'NaN' WHEN isinf(${sql}) THEN CASE WHEN ${sql} > 0 THEN 'Infinity' ELSE '-Infinity' END ` +
    `WHEN ${sql} = 0 OR (abs(${sql}) >= 0.001 AND abs(${sql}) < 10000000) THEN CAST(${sql} AS VARCHAR) ` +
    `ELSE CASE WHEN ${sql} < 0 THEN '-' ELSE '' END || ${scientific} END)`
  );
}
