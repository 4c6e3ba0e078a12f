import type { FrameSession } from './frame-session';
import { quoteLiteral } from './sql';
import { readableText, stagingFile, textLinesSql, writeLinesSql } from './text-lines';

/** How Glue's CSV reader splits a file (GLUE-REFERENCE sections 3 and 10). */
export interface CsvLineFormat {
  readonly separator: string;
  /** The quote character, or undefined when quoting is off (`quoteChar: -1`). */
  readonly quote?: string;
  readonly escaper?: string;
  readonly withHeader: boolean;
  readonly skipFirst: boolean;
  /** Every file is gzip-compressed (a source's `compressionType`); else a `.gz` name says so. */
  readonly gzip?: boolean;
  /** `multiLine`: a quoted value runs on across lines (one still open at the end of the file ends there). */
  readonly multiLine?: boolean;
}

/** A character as a literal inside an RE2 character class or pattern. */
function re(c: string): string {
  return c.replace(/[\\^$.|?*+()[\]{}-]/g, (m) => `\\${m}`);
}

/** How one line is split into fields (`CsvLineFormat` without what concerns whole files). */
export type CsvFieldFormat = Pick<CsvLineFormat, 'separator' | 'quote' | 'escaper'>;

/**
 * SQL that reads one line of CSV as Glue's reader splits it without `multiLine`:
 * - a quoted value holds separators, `""` inside it is one quote, text after its closing quote is appended; a quoted
 *   value still open at the end of the line ends there;
 * - the escaper takes the next character as it is, anywhere, except `\n \r \t \0` after it, which stand for a newline,
 *   a carriage return, a tab and NUL (Glue's format docs); an escaper that is the quote character is the doubling;
 * - an unquoted empty field is null, a quoted empty one the empty string.
 */
export interface CsvLineSplitter {
  /** The fields of a line (a VARCHAR expression, read once), as written: a `VARCHAR[]` expression. */
  fields(line: string): string;
  /** A field as written (a VARCHAR expression, read several times: pass a column or a lambda parameter) read as its value. */
  value(field: string): string;
}

export function csvLineSplitter(format: CsvFieldFormat): CsvLineSplitter {
  const S = re(format.separator);
  const Q = format.quote !== undefined ? re(format.quote) : undefined;
  const escaper = format.escaper !== undefined && format.escaper !== format.quote ? format.escaper : undefined;
  const E = escaper !== undefined ? re(escaper) : undefined;
  // A character of an unquoted value, of a quoted one, and an escaped pair.
  // `[\s\S]`: an escaped character may be a line break (inside a multiLine record).
  const escaped = E ? `${E}[\\s\\S]|${E}$|` : '';
  const plain = `(?:${escaped}[^${S}${E ?? ''}])*`;
  const field = Q ? `${Q}(?:${escaped}[^${Q}${E ?? ''}]|${Q}${Q})*(?:${Q}${plain})?|${plain}` : plain;
  const unescape = (v: string, extra: string): string => {
    if (!E && !extra) return v;
    const pieces = [E ? `${E}[\\s\\S]|${E}$` : '', extra, E ? `[^${E}${Q ?? ''}]+` : `[^${Q ?? ''}]+`, Q ?? ''].filter((x) => x !== '').join('|');
    const token = 'gluekit_piece';
    const mapped = [
      ...(E ? [`WHEN ${token} = ${quoteLiteral(`${escaper}n`)} THEN chr(10)`, `WHEN ${token} = ${quoteLiteral(`${escaper}r`)} THEN chr(13)`, `WHEN ${token} = ${quoteLiteral(`${escaper}t`)} THEN chr(9)`, `WHEN ${token} = ${quoteLiteral(`${escaper}0`)} THEN chr(0)`, `WHEN length(${token}) = 2 AND ${token}[1] = ${quoteLiteral(escaper!)} THEN ${token}[2]`] : []),
      ...(Q && extra ? [`WHEN ${token} = ${quoteLiteral(format.quote! + format.quote!)} THEN ${quoteLiteral(format.quote!)}`] : []),
    ];
    return `array_to_string(list_transform(regexp_extract_all(${v}, ${quoteLiteral(pieces)}), lambda ${token}: CASE ${mapped.join(' ')} ELSE ${token} END), '')`;
  };
  return {
    // Each field with the separator before it (one put before the line for the first): every match is a whole field,
    // and none is empty, so RE2's empty match at the end of the text never counts as a field.
    fields: (line) => `regexp_extract_all(${quoteLiteral(format.separator)} || ${line}, ${quoteLiteral(`${S}(${field})`)}, 1)`,
    value: (f) => {
      if (!Q) return `CASE WHEN ${f} = '' THEN NULL ELSE ${unescape(f, '')} END`;
      const parts = `regexp_extract(${f}, ${quoteLiteral(`^${Q}((?:${escaped}[^${Q}${E ?? ''}]|${Q}${Q})*)${Q}?([\\s\\S]*)$`)}, ['body', 'tail'])`;
      return `CASE WHEN ${f} = '' THEN NULL WHEN starts_with(${f}, ${quoteLiteral(format.quote!)}) THEN ${unescape(`${parts}.body`, `${Q}${Q}`)} || ${unescape(`${parts}.tail`, '')} ELSE ${unescape(f, '')} END`;
    },
  };
}

/**
 * Rewrites CSV files as Glue's reader splits them without `multiLine` (`csvLineSplitter`), into canonical CSV (comma
 * separated, `"` quoted where needed, a null an empty field, the empty string `""`) that DuckDB's reader then reads as
 * any CSV. All in DuckDB, one query per file: every line is a record (a `\r\n` end too; empty lines are skipped);
 * `skipFirst` drops the first record after the header (or the first record without one).
 * Returns the new files with their columns, each remembered under its object's `s3://` URI for messages.
 */
export async function csvAsLines(session: FrameSession, files: readonly string[], format: CsvLineFormat): Promise<CsvLinesFile[]> {
  const splitter = csvLineSplitter(format);
  const canonical = (v: string): string => `CASE WHEN ${v} IS NULL THEN '' WHEN ${v} = '' OR regexp_matches(${v}, '[",\\r\\n]') THEN '"' || replace(${v}, '"', '""') || '"' ELSE ${v} END`;
  const out: CsvLinesFile[] = [];
  for (const file of files) {
    const target = await stagingFile(session, 'csv-lines', file, '.csv');
    const text = await readableText(session, file, format.gzip, 'csv-lines');
    const lines = `SELECT n, rtrim(raw, chr(13)) AS line FROM (${format.multiLine ? csvRecordsSql(text, format) : textLinesSql(text)})`;
    const records = `SELECT n, row_number() OVER (ORDER BY n) AS r, line FROM (${lines}) WHERE line <> ''`;
    const skipped = format.skipFirst ? ` AND r <> ${format.withHeader ? 2 : 1}` : '';
    const split = `SELECT n, r, ${splitter.fields('line')} AS fs FROM (${records})`;
    const rewritten = `array_to_string(list_transform(fs, lambda gluekit_field: ${canonical(splitter.value('gluekit_field'))}), ',')`;
    await session.connection.run(writeLinesSql(`SELECT ${rewritten} FROM (${split}) WHERE true${skipped} ORDER BY n`, target));
    // The file's columns, as Glue's reader names them: the header's names (an empty one `col<i>`), then `col<i>` for
    // the fields of rows longer than the header (Unconfirmed); without a header `col0`, `col1`... as wide as its
    // widest row. Read here because DuckDB's sniffer cannot read a file of rows of different lengths.
    const header = format.withHeader ? `(list(list_transform(fs, lambda gluekit_field: ${splitter.value('gluekit_field')})) FILTER (WHERE r = 1))[1]` : 'NULL';
    const shape = (await session.connection.runAndReadAll(`SELECT max(len(fs)) AS width, ${header} AS header FROM (${split})`)).getRowObjectsJS()[0];
    const names = (shape.header as (string | null)[] | null) ?? [];
    const width = Math.max(Number(shape.width ?? 0), names.length);
    session.rememberFile(target, file);
    if (width > 0) out.push({ file: target, columns: Array.from({ length: width }, (_x, i) => names[i] || `col${i}`) });
  }
  return out;
}

/**
 * The records of a CSV file read with `multiLine`, as `textLinesSql` gives lines (`raw`, numbered `n`): a line break
 * inside quotes stays in its record. The file is read as one value (DuckDB's `read_text`): for files DuckDB's own
 * reader refused.
 */
function csvRecordsSql(file: string, format: CsvFieldFormat): string {
  const S = re(format.separator);
  const Q = format.quote !== undefined ? re(format.quote) : undefined;
  const E = format.escaper !== undefined && format.escaper !== format.quote ? re(format.escaper) : undefined;
  // As `csvLineSplitter` splits fields: a quote opens a quoted part only at a field's start (it may span lines and
  // stays open to the end of the file); elsewhere a quote is text; an escaped line break is part of the value.
  const plain = `(?:${E ? `${E}[\\s\\S]|` : ''}[^${S}${E ?? ''}\\n])*${E ?? ''}${E ? '?' : ''}`;
  const quoted = Q ? `${Q}(?:${E ? `${E}[\\s\\S]|` : ''}[^${Q}${E ?? ''}]|${Q}${Q})*(?:${Q}|$)${plain}|` : '';
  const field = `(?:${quoted}${plain})`;
  const record = quoteLiteral(`${field}(?:${S}${field})*`);
  const split = `regexp_extract_all(content, ${record})`;
  return `SELECT unnest(${split}) AS raw, generate_subscripts(${split}, 1) AS n FROM read_text(${quoteLiteral(file)})`;
}

/** A file `csvAsLines` wrote (canonical CSV, its header line kept) and the names of its columns. */
export interface CsvLinesFile {
  readonly file: string;
  readonly columns: readonly string[];
}
