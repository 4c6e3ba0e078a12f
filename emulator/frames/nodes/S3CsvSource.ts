import { CSV_QUOTE_CHARS, CSV_SEPARATORS } from '../../../lib/pipeline/csv-format';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { s3SourceFiles } from '../s3-source-files';
import { quoteIdentifier, quoteList, quoteLiteral } from '../sql';

/**
 * `from_options(format="csv")`: files read together by column name (a file may lack some columns). Without a header,
 * Glue names the columns `col0`, `col1`...
 */
export const compileS3CsvSource: NodeCompiler<'S3CsvSource'> = async (node, _inputs, session) => {
  const p = node.parameters;
  const files = await s3SourceFiles(session, node.id, nodeWhere(node), p);
  if (files.length === 0) return session.emptyFrame(node.id);
  const quote = CSV_QUOTE_CHARS[p.QuoteChar as keyof typeof CSV_QUOTE_CHARS];
  const header = p.WithHeader === true;
  const options = [
    `header = ${header}`,
    `delim = ${quoteLiteral(CSV_SEPARATORS[p.Separator as keyof typeof CSV_SEPARATORS])}`,
    `quote = ${quoteLiteral(typeof quote === 'number' ? '' : quote)}`,
    ...(p.Escaper ? [`escape = ${quoteLiteral(p.Escaper)}`] : []),
    ...(p.SkipFirst ? ['skip = 1'] : []),
    // gzip DuckDB decompresses itself; bzip2 files are decompressed before (`s3SourceFiles`).
    ...(String(p.CompressionType) === 'gzip' ? [`compression = 'gzip'`] : []),
    // A quoted empty value ("") is the empty string, not null (Spark keeps it since 2.4).
    'allow_quoted_nulls = false',
    'union_by_name = true',
    'hive_partitioning = false',
  ];
  const sql = `SELECT * FROM read_csv(${quoteList(files)}, ${options.join(', ')})`;
  if (header) return session.frame(node.id, sql);
  const probe = await session.frame(node.id, sql);
  return session.frame(node.id, `SELECT ${probe.schema.map((f, i) => `${quoteIdentifier(f.name)} AS ${quoteIdentifier(`col${i}`)}`).join(', ')} FROM ${quoteIdentifier(probe.view)}`);
};
