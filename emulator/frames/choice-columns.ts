import { quoteLiteral } from './sql';

/**
 * Columns of catalog tables found to hold a value that does not read as the column's catalog type. Glue reads such a
 * column as a choice (the value stays a string, GLUE-REFERENCE section 1: "provider id: choice of long and string").
 *
 * A DynamicFrame's schema depends on its data, which a DuckDB view cannot know before it is read. So a scan first
 * assumes every value fits: a value that does not raises an error naming its column (`choiceColumnError`), the run
 * notes the column here and starts again, and the scan then types the column as a choice (or as `string` when no
 * value fits). Clean data is read once; a messy column costs the first pass up to its first bad value.
 */
export class ChoiceColumns {
  private readonly columns = new Map<string, Set<string>>();

  /** Whether column `column` of a scan (`<node>/<database>.<table>`) is read as a choice. */
  has(table: string, column: string): boolean {
    return this.columns.get(table.toLowerCase())?.has(column.toLowerCase()) ?? false;
  }

  /** Notes a column; false when it was already noted (another pass would not help). */
  add(table: string, column: string): boolean {
    const key = table.toLowerCase();
    const set = this.columns.get(key) ?? new Set<string>();
    this.columns.set(key, set);
    if (set.has(column.toLowerCase())) return false;
    set.add(column.toLowerCase());
    return true;
  }
}

const MARKER = /gluekit-choice-column:([^:\s]*):([^:\s]*):end/;

/** SQL raising the error that tells the run that `column` of `table` holds a value of another type. */
export function choiceColumnError(table: string, column: string): string {
  return `error(${quoteLiteral(choiceColumnMessage(table, column))})`;
}

/** The message of that error, for an error raised in JavaScript. */
export function choiceColumnMessage(table: string, column: string): string {
  return `gluekit-choice-column:${encodeURIComponent(table)}:${encodeURIComponent(column)}:end`;
}

/** The pseudo-column a JSON source notes when DuckDB's type detection missed a conflict: read it with a full sample. */
export const JSON_FULL_SAMPLE = '*full-sample';

/**
 * The pseudo-column a JSON source notes when a record was not JSON: read its files line by line, each malformed line an
 * error record (`json-lines.ts`).
 */
export const JSON_MALFORMED_LINES = '*malformed-lines';

/**
 * The pseudo-column a JSON source notes when a record had a key twice (DuckDB's reader refuses it): read its files line
 * by line, each record with one value per key, the last (`json-lines.ts`).
 */
export const JSON_DUPLICATE_KEYS = '*duplicate-keys';

/**
 * The pseudo-column an S3 CSV source notes when a value held a line break (a quoted newline) without `multiLine`: read
 * its files line by line, as Glue's reader does (`csv-lines.ts`).
 */
export const CSV_LINE_MODE = '*line-mode';

/** The table and column an error raised by `choiceColumnError` names, if it is one. */
export function choiceColumnOf(error: unknown): { table: string; column: string } | undefined {
  const found = MARKER.exec(error instanceof Error ? error.message : String(error));
  return found ? { table: decodeURIComponent(found[1]), column: decodeURIComponent(found[2]) } : undefined;
}

/**
 * Runs `attempt` until no new choice column turns up: each error naming a column not yet noted adds it and tries again
 * (the attempt starts from nothing each time: its own session and an empty staging folder).
 */
export async function withChoiceColumns<T>(attempt: (choices: ChoiceColumns) => Promise<T>): Promise<T> {
  const choices = new ChoiceColumns();
  for (;;) {
    try {
      return await attempt(choices);
    } catch (e) {
      const found = choiceColumnOf(e);
      if (!found || !choices.add(found.table, found.column)) throw e;
    }
  }
}

/**
 * `result`, in an expression that still reads `values`. A node that decides from a field's type alone (a filter
 * comparing a number column with a string, a projection to another type) would otherwise never read the field, and a
 * value of another type in it would never make it a choice. Written so DuckDB does not fold it away.
 */
export function readingValues(values: readonly string[], result: string): string {
  if (values.length === 0) return result;
  const isNull = values.map((v) => `(${v}) IS NULL`).join(' OR ');
  return `(CASE WHEN ${isNull} THEN ${result} WHEN NOT (${isNull}) THEN ${result} END)`;
}
