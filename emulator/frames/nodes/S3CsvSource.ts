import { promises as fs } from 'fs';
import { CSV_QUOTE_CHARS, CSV_SEPARATORS } from '../../../lib/pipeline/csv-format';
import { choiceColumnError, CSV_LINE_MODE } from '../choice-columns';
import { csvAsLines } from '../csv-lines';
import { guessedKind, typeCsvValues } from '../csv-value-types';
import type { DynamicFrame, Field } from '../dynamic-frame';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { s3SourceFiles } from '../s3-source-files';
import { quoteIdentifier, quoteList, quoteLiteral } from '../sql';

/** The largest multiLine CSV file read whole when DuckDB's reader refused it (Unconfirmed for Glue: no limit there). */
const MULTILINE_WHOLE_FILE_BYTES = 256 * 2 ** 20;

async function largeFile(files: readonly string[], bytes: number): Promise<string | undefined> {
  for (const file of files) if ((await fs.stat(file)).size > bytes) return file;
  return undefined;
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0].replace(/^Error: /, '');
}

/**
 * `from_options(format="csv")`: files read together by column name (a file may lack some columns). Without a header,
 * Glue names the columns `col0`, `col1`... Without `multiLine` every line is a record, as Glue's reader reads it: DuckDB
 * reads the files, and a value holding a line break (a quoted newline DuckDB joined) makes the run read them again line
 * by line (`csv-lines.ts`), as it does from the start with an escaper or `skipFirst`. With `multiLine`, DuckDB's reader
 * (a quoted value may span lines), and where it refuses a file, or with an escaper or `skipFirst`, the same split with
 * records that span lines. Values are typed one by one, as Glue's reader types them (`csv-value-types.ts`): a
 * column of several kinds is a choice.
 */
export const compileS3CsvSource: NodeCompiler<'S3CsvSource'> = async (node, _inputs, session) => {
  const p = node.parameters;
  const where = nodeWhere(node);
  const files = await s3SourceFiles(session, node.id, where, p);
  if (files.length === 0) return session.emptyFrame(node.id);
  const quote = CSV_QUOTE_CHARS[p.QuoteChar as keyof typeof CSV_QUOTE_CHARS];
  const separator = CSV_SEPARATORS[p.Separator as keyof typeof CSV_SEPARATORS];
  const header = p.WithHeader === true;
  const scanKey = `${node.id}/csv`;
  // Read record by record from the start where DuckDB's reader cannot follow Glue's: an escaper (anywhere, `\n` a
  // newline) or skipFirst; without multiLine also once a value held a line break.
  let lineMode = p.Escaper !== undefined || p.SkipFirst === true || (!p.Multiline && session.choices.has(scanKey, CSV_LINE_MODE));
  // A quoted empty value ("") is the empty string, not null (Spark keeps it since 2.4).
  // skip = 0: DuckDB's sniffer would otherwise take the lines before the widest run of equal rows for a preamble and
  // drop them (a ragged file lost its first records).
  const common = ['allow_quoted_nulls = false', 'hive_partitioning = false', 'skip = 0'];
  // Every value is read as text and typed on its own (`csv-value-types.ts`), from a guess of each column's kind that
  // DuckDB's sniffer makes from a sample (numbers as BIGINT or DOUBLE, anything else VARCHAR).
  const GUESS = `auto_type_candidates = ['BIGINT', 'DOUBLE', 'VARCHAR']`;
  const readAs = async (list: string, options: readonly string[]) => ({
    // Only its types are used: one binding, no view (a view's every binding would sniff the files again).
    guess: await session.schemaOf(node.id, `SELECT * FROM read_csv(${list}, ${[...options, GUESS].join(', ')})`),
    text: await session.frame(node.id, `SELECT * FROM read_csv(${list}, ${[...options, 'all_varchar = true'].join(', ')})`),
  });
  // Line by line: each file's columns are known from its lines (`csvAsLines`), so DuckDB reads them without sniffing,
  // as text, the files together by column name; every column is then probed for its kinds.
  const readLines = async (refused?: unknown) => {
    // With multiLine each file is read as one value (a record may span lines): only files up to a size.
    const large = p.Multiline ? await largeFile(files, MULTILINE_WHOLE_FILE_BYTES) : undefined;
    if (large) {
      const why = refused === undefined ? 'an escaper or skipFirst with multiLine is read record by record' : `DuckDB's CSV reader refused it (${session.describePaths(firstLine(refused))})`;
      throw new Error(`${where}: ${session.describePaths(large)} is over ${MULTILINE_WHOLE_FILE_BYTES / 2 ** 20} MB, the most gluekit reads as one multiLine value, and ${why}; split the file or drop multiLine`);
    }
    const lines = await csvAsLines(session, files, {
      separator,
      quote: typeof quote === 'number' ? undefined : quote,
      escaper: p.Escaper,
      withHeader: header,
      skipFirst: p.SkipFirst === true,
      gzip: String(p.CompressionType) === 'gzip',
      multiLine: p.Multiline === true,
    });
    if (lines.length === 0) return undefined;
    // Rows shorter than the widest get nulls; DuckDB pads them only in a single-threaded scan when a value holds a
    // line break (an escaped \n). One read per file (union_by_name would make DuckDB sniff them).
    const reads = lines.map((l) => {
      const columns = `{${l.columns.map((c) => `${quoteLiteral(c)}: 'VARCHAR'`).join(', ')}}`;
      return `SELECT * FROM read_csv(${quoteList([l.file])}, header = ${header}, auto_detect = false, columns = ${columns}, delim = ',', quote = '"', escape = '"', null_padding = true, parallel = false, ${common.join(', ')})`;
    });
    const text = await session.frame(node.id, reads.join(' UNION ALL BY NAME '));
    return { guess: text.schema, text, probe: true };
  };
  let read: { guess: readonly Field[]; text: DynamicFrame; probe: boolean } | undefined;
  if (lineMode) read = await readLines();
  else {
    const options = [
      `header = ${header}`,
      `delim = ${quoteLiteral(separator)}`,
      `quote = ${quoteLiteral(typeof quote === 'number' ? '' : quote)}`,
      // gzip DuckDB decompresses itself; bzip2 files are decompressed before (`s3SourceFiles`).
      ...(String(p.CompressionType) === 'gzip' ? [`compression = 'gzip'`] : []),
      'union_by_name = true',
      ...common,
    ];
    try {
      read = { ...(await readAs(quoteList(files), options)), probe: false };
    } catch (e) {
      // DuckDB's reader refused the files (an unterminated quote, a ragged line): they are read record by record as
      // Glue's reader reads them, without multiLine a line a record; with multiLine a quoted value running on across
      // lines.
      lineMode = true;
      read = await readLines(e);
    }
  }
  if (!read) return session.emptyFrame(node.id);
  const guesses = new Map(read.guess.map((f) => [f.name, f.type]));
  const columns = read.text.schema.map((f, i) => ({ source: f.name, name: header || lineMode ? f.name : `col${i}`, guess: guessedKind(guesses.get(f.name) ?? 'VARCHAR') }));
  // Without multiLine a line break inside a value means DuckDB joined two of Glue's records: the run reads the files
  // again line by line. A filter, so it runs whatever fields later steps keep (the record count depends on it). Only
  // the columns taken for strings are checked: in a number column such a value is no number, which makes the run
  // probe every column (`csv-value-types.ts`), and then all are checked.
  const probed = read.probe || columns.some((c) => session.choices.has(scanKey, c.name));
  const texts = columns.filter((c) => probed || c.guess === 'string').map((c) => quoteIdentifier(c.source));
  const check =
    !p.Multiline && !lineMode && texts.length > 0
      ? ` WHERE CASE WHEN ${texts.map((t) => `contains(${t}, chr(10)) OR contains(${t}, chr(13))`).join(' OR ')} THEN ${choiceColumnError(scanKey, CSV_LINE_MODE)} ELSE true END`
      : '';
  const records = check ? await session.frame(node.id, `SELECT * FROM ${quoteIdentifier(read.text.view)}${check}`) : read.text;
  return typeCsvValues(session, node.id, scanKey, records, columns, read.probe);
};
