import type { ErrorRecords } from './dynamic-frame';
import { readerErrorSql, stageErrors } from './error-records';
import type { FrameSession } from './frame-session';
import { quoteIdentifier, quoteList, quoteLiteral } from './sql';
import { readableText, stagingFile, textLinesSql, writeLinesSql } from './text-lines';

/** JSON text with one value per key of each object, the last, at any depth: DuckDB's VARIANT keeps so (numbers keep their kinds). */
function lastValueOfEachKey(text: string): string {
  return `CAST(CAST(CAST(${text} AS JSON) AS VARIANT) AS JSON)`;
}

/** What `validJsonLines` gives: the files of well-formed records, how many records they hold, and the others. */
export interface JsonLines {
  readonly files: string[];
  readonly records: number;
  readonly errors?: ErrorRecords;
}

/**
 * Splits JSON Lines files into their well-formed records and error records, as Glue's JSON reader does with a line it
 * cannot parse (the developer guide's `errorsAsDynamicFrame` example: `msg` "error in jackson reader"): the lines
 * DuckDB parses are copied, in order, into a file of the staging folder that the source then reads as any JSON; each
 * other non-blank line becomes an error record naming the object and the line. All in DuckDB, one pass per file.
 * Unconfirmed: on Glue a malformed line can take the next line with it (its reader resumes after the next newline it
 * can parse from); gluekit makes exactly the malformed line an error record. With `lastOfDuplicateKeys` (a record had
 * a key twice, which DuckDB's reader refuses) each copied record keeps the last value of a key, as Jackson's tree
 * model does (Unconfirmed for Glue's reader).
 */
export async function validJsonLines(session: FrameSession, node: string, files: readonly string[], gzip: boolean, lastOfDuplicateKeys = false): Promise<JsonLines> {
  const record = lastOfDuplicateKeys ? lastValueOfEachKey('line') : 'line';
  const out: string[] = [];
  const errors: string[] = [];
  let records = 0;
  for (const file of files) {
    const uri = session.describePaths(file);
    const text = await readableText(session, file, gzip, 'json-lines');
    const lines = await session.table(
      node,
      `SELECT n, line, bytesread FROM (SELECT n, rtrim(raw, chr(13)) AS line, sum(strlen(raw) + 1) OVER (ORDER BY n) AS bytesread ` +
        `FROM (${textLinesSql(text)})) WHERE trim(line) <> ''`,
    );
    const target = await stagingFile(session, 'json-lines', file, '.json');
    const copied = await session.step(node, () => session.connection.runAndReadAll(writeLinesSql(`SELECT ${record} FROM ${quoteIdentifier(lines)} WHERE json_valid(line) ORDER BY n`, target)));
    records += Number(copied.getRows()[0][0]);
    session.rememberFile(target, file);
    out.push(target);
    const error = readerErrorSql(node, {
      stackTrace: `'malformed JSON record at line ' || n || ' of ' || ${quoteLiteral(uri)} || ': ' || CASE WHEN length(line) > 200 THEN left(line, 200) || '...' ELSE line END`,
      bytesread: 'bytesread',
      source: quoteLiteral(uri),
    });
    errors.push(`SELECT ${error} AS error, ${out.length} AS f, n FROM ${quoteIdentifier(lines)} WHERE NOT json_valid(line)`);
  }
  const found = await stageErrors(session, node, `SELECT error FROM (${errors.join(' UNION ALL ')}) ORDER BY f, n`);
  return { files: out, records, ...(found ? { errors: found } : {}) };
}

/**
 * `multiLine` JSON files, each read whole, split into the files DuckDB parses and one error record per file it cannot
 * (Glue's reader reads such a file as one document: Unconfirmed that the whole file is one error record). Each file is
 * tried on its own, only once a malformed record was seen.
 */
export async function validJsonDocuments(session: FrameSession, node: string, files: readonly string[], gzip: boolean): Promise<JsonLines> {
  const good: string[] = [];
  const errors: string[] = [];
  for (const [i, file] of files.entries()) {
    const uri = session.describePaths(file);
    try {
      await session.connection.run(`SELECT count(*) FROM read_json_objects(${quoteLiteral(file)}, format = 'auto'${gzip ? `, compression = 'gzip'` : ''})`);
      good.push(file);
    } catch (e) {
      const problem = session.describePaths((e instanceof Error ? e.message : String(e)).split('\n')[0].replace(/^Error: /, '').trim());
      const error = readerErrorSql(node, {
        stackTrace: quoteLiteral(`malformed JSON document ${uri}: ${problem}`),
        bytesread: 'NULL',
        source: quoteLiteral(uri),
      });
      errors.push(`SELECT ${error} AS error, ${i} AS f`);
    }
  }
  const found = errors.length > 0 ? await stageErrors(session, node, `SELECT error FROM (${errors.join(' UNION ALL ')}) ORDER BY f`) : undefined;
  return { files: good, records: good.length, ...(found ? { errors: found } : {}) };
}

/**
 * `multiLine` JSON files whose records had a key twice, which DuckDB's reader refuses: each file's records (a document,
 * or the elements of a top-level array, as the source reads them) copied as JSON Lines into the staging folder, each
 * with one value per key, the last (as `validJsonLines` does with `lastOfDuplicateKeys`).
 */
export async function dedupedJsonDocuments(session: FrameSession, node: string, files: readonly string[], gzip: boolean): Promise<JsonLines> {
  const target = await stagingFile(session, 'json-dedupe', node, '.json');
  const documents = `read_json_objects(${quoteList(files)}, format = 'auto'${gzip ? `, compression = 'gzip'` : ''})`;
  const written = await session.step(node, () => session.connection.runAndReadAll(writeLinesSql(`SELECT ${lastValueOfEachKey('json')} FROM ${documents}`, target)));
  session.rememberFile(target, files.length === 1 ? files[0] : `${session.describePaths(files[0])} (and ${files.length - 1} more)`);
  return { files: [target], records: Number(written.getRows()[0][0]) };
}
