/** SQL text helpers for the frame engine (DuckDB dialect). */

/** A quoted identifier: `"provider id"`. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A quoted string literal. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A list of string literals, `['a', 'b']`. */
export function literalList(values: string[]): string {
  return `[${values.map(literal).join(', ')}]`;
}
