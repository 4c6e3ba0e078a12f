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

/**
 * A decimal of a given scale as Java's `BigDecimal.toString` writes it (Spark's CSV writer, Jackson for JSON): plain
 * with all its scale's digits (`1.50`, `100.00`), except where its adjusted exponent is under -6, which only a scale
 * over 6 allows: then scientific (`1E-7`, `1.5E-8`, and a zero of scale 9 `0E-9`).
 */
export function javaDecimalText(sql: string, scale: number): string {
  const plain = `CAST(${sql} AS VARCHAR)`;
  if (scale <= 6) return plain;
  const significant = `ltrim(replace(replace(${plain}, '-', ''), '.', ''), '0')`;
  const digits = `COALESCE(NULLIF(${significant}, ''), '0')`;
  const adjusted = `(length(${digits}) - 1 - ${scale})`;
  const mantissa = `left(${digits}, 1) || CASE WHEN length(${digits}) > 1 THEN '.' || substr(${digits}, 2) ELSE '' END`;
  return `(CASE WHEN ${adjusted} >= -6 THEN ${plain} ELSE CASE WHEN ${sql} < 0 THEN '-' ELSE '' END || ${mantissa} || 'E' || CAST(${adjusted} AS VARCHAR) END)`;
}
