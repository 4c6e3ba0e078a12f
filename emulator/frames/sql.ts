/**
 * The one place text becomes DuckDB SQL: every name is quoted by `quoteIdentifier` and every value by `quoteLiteral`
 * (or bound as a parameter), so no user value (a node name, a column, a path, a partition value) is pasted into a query.
 */

/** A quoted identifier: `"provider id"`; `"` doubled. NUL cannot be in an identifier. */
export function quoteIdentifier(name: string): string {
  if (name.includes('\0')) throw new Error(`the name '${name.replace(/\0/g, '\\0')}' holds a NUL character`);
  return `"${name.replace(/"/g, '""')}"`;
}

/** A quoted string literal: `'it''s'`. DuckDB's standard strings take backslashes literally; NUL is refused. */
export function quoteLiteral(value: string): string {
  if (value.includes('\0')) throw new Error(`the value '${value.replace(/\0/g, '\\0')}' holds a NUL character`);
  return `'${value.replace(/'/g, "''")}'`;
}

/** A list of string literals, `['a', 'b']`. */
export function quoteList(values: readonly string[]): string {
  return `[${values.map(quoteLiteral).join(', ')}]`;
}

/** A boolean option value. */
export function sqlBoolean(value: boolean): string {
  return value ? 'true' : 'false';
}

/** A number written as SQL: only a plain decimal literal (`-12`, `3.5`, `1e3`) passes; anything else is refused. */
export function quoteNumber(text: string): string {
  if (!/^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(text)) throw new Error(`'${text}' is not a number`);
  return `(${text})`;
}
