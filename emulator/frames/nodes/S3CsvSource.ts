import { CSV_QUOTE_CHARS, CSV_SEPARATORS } from '../../../lib/pipeline/csv-format';
import { choiceColumnError, CSV_LINE_MODE } from '../choice-columns';
import { csvAsLines } from '../csv-lines';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { s3SourceFiles } from '../s3-source-files';
import { quoteIdentifier, quoteList, quoteLiteral } from '../sql';

/**
 * `from_options(format="csv")`: files read together by column name (a file may lack some columns). Without a header,
 * Glue names the columns `col0`, `col1`... Without `multiLine` every line is a record, as Glue's reader reads it: DuckDB
 * reads the files, and a value holding a line break (a quoted newline DuckDB joined) makes the run read them again line
 * by line (`csv-lines.ts`), as it does from the start with an escaper or `skipFirst`. With `multiLine`, DuckDB's reader
 * (a quoted value may span lines); an escaper is not supported with it yet.
 */
export const compileS3CsvSource: NodeCompiler<'S3CsvSource'> = async (node, _inputs, session) => {
  const p = node.parameters;
  const where = nodeWhere(node);
  let files = await s3SourceFiles(session, node.id, where, p);
  if (files.length === 0) return session.emptyFrame(node.id);
  const quote = CSV_QUOTE_CHARS[p.QuoteChar as keyof typeof CSV_QUOTE_CHARS];
  const separator = CSV_SEPARATORS[p.Separator as keyof typeof CSV_SEPARATORS];
  const header = p.WithHeader === true;
  const scanKey = `${node.id}/csv`;
  let lineMode = !p.Multiline && (p.Escaper !== undefined || p.SkipFirst === true || session.choices.has(scanKey, CSV_LINE_MODE));
  if (p.Multiline && p.Escaper !== undefined) throw new Error(`${where}: an escaper with multiLine is not supported by gluekit's frame engine yet; remove one of them`);
  // A quoted empty value ("") is the empty string, not null (Spark keeps it since 2.4).
  const common = ['allow_quoted_nulls = false', 'union_by_name = true', 'hive_partitioning = false'];
  const readLines = async () => {
    const lines = await csvAsLines(session, files, {
      separator,
      quote: typeof quote === 'number' ? undefined : quote,
      escaper: p.Escaper,
      withHeader: header,
      skipFirst: p.SkipFirst === true,
      gzip: String(p.CompressionType) === 'gzip',
    });
    // Rows shorter than the header get nulls; DuckDB pads them only in a single-threaded scan when a value holds a
    // line break (an escaped \n).
    return session.frame(node.id, `SELECT * FROM read_csv(${quoteList(lines)}, header = ${header}, delim = ',', quote = '"', escape = '"', null_padding = true, parallel = false, ${common.join(', ')})`);
  };
  let read;
  if (lineMode) read = await readLines();
  else {
    const options = [
      `header = ${header}`,
      `delim = ${quoteLiteral(separator)}`,
      `quote = ${quoteLiteral(typeof quote === 'number' ? '' : quote)}`,
      // gzip DuckDB decompresses itself; bzip2 files are decompressed before (`s3SourceFiles`).
      ...(String(p.CompressionType) === 'gzip' ? [`compression = 'gzip'`] : []),
      ...common,
    ];
    try {
      read = await session.frame(node.id, `SELECT * FROM read_csv(${quoteList(files)}, ${options.join(', ')})`);
    } catch (e) {
      // DuckDB's reader refused the files (an unterminated quote, a ragged line): without multiLine, Glue's reader reads
      // them line by line, and so does this one; with multiLine the error is the files' own.
      if (p.Multiline) throw e;
      lineMode = true;
      read = await readLines();
    }
  }
  const columns = read.schema.map((f, i) => `${quoteIdentifier(f.name)} AS ${quoteIdentifier(header ? f.name : `col${i}`)}`);
  // Without multiLine a line break inside a value means DuckDB joined two of Glue's records: the run reads the files
  // again line by line. A filter, so it runs whatever fields later steps keep (the record count depends on it).
  const texts = read.schema.filter((f) => f.type === 'VARCHAR').map((f) => quoteIdentifier(f.name));
  const check =
    !p.Multiline && !lineMode && texts.length > 0
      ? ` WHERE CASE WHEN ${texts.map((t) => `contains(${t}, chr(10)) OR contains(${t}, chr(13))`).join(' OR ')} THEN ${choiceColumnError(scanKey, CSV_LINE_MODE)} ELSE true END`
      : '';
  return session.frame(node.id, `SELECT ${columns.join(', ')} FROM ${quoteIdentifier(read.view)}${check}`);
};
