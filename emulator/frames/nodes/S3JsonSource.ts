import { JSON_FULL_SAMPLE } from '../choice-columns';
import { typeJsonValues } from '../json-value-types';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { s3SourceFiles } from '../s3-source-files';
import { quoteList, quoteLiteral } from '../sql';

/**
 * `from_options(format="json")`: one JSON object per line (any JSON layout with `Multiline`). Integers are `int` or
 * `long` by their values, and a field whose values have several JSON types is a choice (`typeJsonValues`). Not yet as
 * Glue: a field holding integers and fractions reads as double (Glue: a choice of int and double).
 */
export const compileS3JsonSource: NodeCompiler<'S3JsonSource'> = async (node, _inputs, session) => {
  const p = node.parameters;
  const where = nodeWhere(node);
  if (p.JsonPath) throw new Error(`${where}: JsonPath is not supported by gluekit's frame engine yet; remove it`);
  const files = await s3SourceFiles(session, node.id, where, p);
  if (files.length === 0) return session.emptyFrame(node.id);
  // gzip DuckDB decompresses itself; bzip2 files are decompressed before (`s3SourceFiles`).
  const compression = String(p.CompressionType) === 'gzip' ? `, compression = 'gzip'` : '';
  const format = p.Multiline ? 'auto' : 'newline_delimited';
  const scanKey = `${node.id}/json`;
  session.noteJsonScan(files, scanKey);
  // DuckDB types fields from a sample of records; a later value of another type makes the run read them all.
  const sample = session.choices.has(scanKey, JSON_FULL_SAMPLE) ? ', sample_size = -1' : '';
  // Strings stay strings: Glue's reader does not read `2024-01-15` as a date, as DuckDB's detection would.
  const read = await session.frame(
    node.id,
    `SELECT * FROM read_json(${quoteList(files)}, format = ${quoteLiteral(format)}, union_by_name = true, hive_partitioning = false, dateformat = 'disabled', timestampformat = 'disabled'${sample}${compression})`,
  );
  return typeJsonValues(session, node.id, scanKey, read);
};
