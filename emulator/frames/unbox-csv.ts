import { csvLineSplitter } from './csv-lines';
import { typeCsvValues } from './csv-value-types';
import type { DynamicFrame } from './dynamic-frame';
import type { FrameSession } from './frame-session';
import type { StructField } from './schema';
import { quoteIdentifier, quoteLiteral } from './sql';
import { readText } from './text-values';

/** Unbox's csv options (GLUE-REFERENCE section 2), as Glue's CSV reader takes them. */
export interface UnboxCsvFormat {
  readonly separator: string;
  readonly escaper?: string;
  readonly withHeader: boolean;
  readonly skipFirst: boolean;
  /** `withSchema`: the struct's fields, by position, each value read as its type. */
  readonly schema?: readonly StructField[];
}

const PRESENT = 'gluekit_unbox_present';
const VALUES = 'gluekit_unbox_values';
const NAMES = 'gluekit_unbox_names';

/**
 * `Unbox.apply(frame, path, format="csv", ...)`: each value of the string field read as the text of a CSV file, by the
 * rules of the CSV source (`csvLineSplitter`: separator, `"` quotes, escaper; empty lines skipped, `\r\n` accepted),
 * and its first record becomes a struct of the same name, in the field's place. Its fields are `col0`, `col1`... as
 * wide as the widest record, or with `withHeader` the names of each value's first line (an empty one `col<i>`, values
 * beyond it `col<i>`, as the CSV source names them); `skipFirst` skips the first record after the header. Values are
 * typed one by one as the CSV source types them (`csv-value-types.ts`: long, double or string, a field of several kinds
 * a choice). All in DuckDB: one pass finds the width (or the names), one probes the kinds.
 *
 * Unconfirmed (the docs list the options and no example): that a value is read as a whole file whose first record is
 * taken (later records are dropped); that null text, text without a record and an empty value give a null struct; the
 * order of header names that differ between records (by position, then name); that a header name given twice (ignoring
 * case, as DuckDB's struct names do) is one field holding the first such column's value.
 */
export async function unboxCsv(session: FrameSession, node: string, input: DynamicFrame, field: string, format: UnboxCsvFormat): Promise<DynamicFrame> {
  const splitter = csvLineSplitter({ separator: format.separator, quote: '"', escaper: format.escaper });
  const record = (format.withHeader ? 2 : 1) + (format.skipFirst ? 1 : 0);
  const valuesOf = (line: string): string => `list_transform(${splitter.fields(line)}, lambda gluekit_field: ${splitter.value('gluekit_field')})`;
  const lines = `list_filter(list_transform(string_split(${quoteIdentifier(field)}, chr(10)), lambda gluekit_line: rtrim(gluekit_line, chr(13))), lambda gluekit_line: gluekit_line <> '')`;
  const linesOf = `SELECT *, ${lines} AS gluekit_unbox_lines FROM ${quoteIdentifier(input.view)}`;
  // Each field's name in its record: the header's (an empty one, or one beyond the header, `col<i>`), or `col<i>`.
  const header = format.withHeader ? valuesOf('gluekit_unbox_lines[1]') : 'CAST([] AS VARCHAR[])';
  const named = `SELECT *, list_transform(range(1, greatest(len(${VALUES}), len(gluekit_unbox_header)) + 1), lambda i: coalesce(nullif(gluekit_unbox_header[i], ''), 'col' || (i - 1))) AS ${NAMES}
    FROM (SELECT *, ${valuesOf(`gluekit_unbox_lines[${record}]`)} AS ${VALUES}, ${header} AS gluekit_unbox_header FROM (${linesOf}))`;
  if (format.schema) return withSchema(session, node, input, field, format.schema, `SELECT *, ${valuesOf(`gluekit_unbox_lines[${record}]`)} AS ${VALUES} FROM (${linesOf})`);
  const parsed = await session.relation(node, named);
  const names = await session.step(node, async () => {
    const found = await session.connection.runAndReadAll(
      // Names differing only in case are one field (DuckDB's struct names ignore case), spelt as first seen.
      `SELECT min_by(name, [r, pos]) AS name FROM (SELECT unnest(${NAMES}) AS name, generate_subscripts(${NAMES}, 1) AS pos, r ` +
        `FROM (SELECT ${NAMES}, row_number() OVER () AS r FROM ${quoteIdentifier(parsed)} WHERE ${VALUES} IS NOT NULL)) GROUP BY lower(name) ORDER BY min(pos), 1`,
    );
    return found.getRowObjectsJS().map((r) => String(r.name));
  });
  const kept = input.schema.map((f) => quoteIdentifier(f.name));
  if (names.length === 0) {
    return session.frame(node, `SELECT ${input.schema.map((f) => (f.name === field ? `CAST(NULL AS JSON) AS ${quoteIdentifier(f.name)}` : quoteIdentifier(f.name))).join(', ')} FROM ${quoteIdentifier(parsed)}`);
  }
  // The values as text, one column each, then typed (every column probed: no guess to start from).
  const lowered = `list_transform(${NAMES}, lambda gluekit_name: lower(gluekit_name))`;
  const text = names.map((name, i) => `${VALUES}[list_position(${lowered}, ${quoteLiteral(name.toLowerCase())})] AS ${quoteIdentifier(`gluekit_unbox_${i}`)}`);
  const texts = await session.frame(node, `SELECT ${kept.join(', ')}, ${VALUES} IS NOT NULL AS ${PRESENT}, ${text.join(', ')} FROM ${quoteIdentifier(parsed)}`);
  const columns = names.map((_name, i) => ({ source: `gluekit_unbox_${i}`, name: `gluekit_unbox_typed_${i}`, guess: 'string' as const }));
  const typed = await typeCsvValues(session, node, `${node}/unbox-csv`, texts, columns, true, [...input.schema.map((f) => f.name), PRESENT]);
  const struct = `CASE WHEN ${PRESENT} THEN struct_pack(${names.map((name, i) => `${quoteIdentifier(name)} := ${quoteIdentifier(`gluekit_unbox_typed_${i}`)}`).join(', ')}) END`;
  return session.frame(node, `SELECT ${input.schema.map((f) => (f.name === field ? `${struct} AS ${quoteIdentifier(f.name)}` : quoteIdentifier(f.name))).join(', ')} FROM ${quoteIdentifier(typed.view)}`);
}

/**
 * Unbox with `withSchema`: each record's values taken by position as the schema's fields (a header line skipped, its
 * names unused; values beyond the schema dropped, missing ones null) and read as their types by the rules a CSV catalog
 * table's text is read by (`text-values.ts`); a value that does not read as its type is null. Unconfirmed: that the
 * header's names are not matched to the schema's, and that such a value is null (not a choice or an error record).
 */
async function withSchema(session: FrameSession, node: string, input: DynamicFrame, field: string, schema: readonly StructField[], records: string): Promise<DynamicFrame> {
  const value = (i: number): string => `${VALUES}[${i + 1}]`;
  const fields = schema.map((f, i) => `${quoteIdentifier(f.name)} := (CASE WHEN ${value(i)} IS NULL THEN NULL ELSE ${readText(value(i), f.type, `CAST(NULL AS ${f.type.sql})`)} END)`);
  const struct = `CASE WHEN ${VALUES} IS NOT NULL THEN struct_pack(${fields.join(', ')}) END`;
  return session.frame(node, `SELECT ${input.schema.map((f) => (f.name === field ? `${struct} AS ${quoteIdentifier(f.name)}` : quoteIdentifier(f.name))).join(', ')} FROM (${records})`);
}
