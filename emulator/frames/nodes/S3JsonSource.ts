import { JSON_DUPLICATE_KEYS, JSON_FULL_SAMPLE, JSON_MALFORMED_LINES } from '../choice-columns';
import { dedupedJsonDocuments, validJsonDocuments, validJsonLines } from '../json-lines';
import { jsonPathProblem } from '../../../lib/pipeline/json-path';
import { recordsAtJsonPath } from '../json-path';
import { assumeJsonScalars, typeJsonValues, withScalarsAsJson } from '../json-value-types';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { s3SourceFiles } from '../s3-source-files';
import { quoteList, quoteLiteral } from '../sql';

/**
 * `from_options(format="json")`: one JSON object per line (any JSON layout with `Multiline`). Integers are `int` or
 * `long` by their values, and a field whose values have several JSON types is a choice (`typeJsonValues`). A line that
 * is not JSON is an error record (`json-lines.ts`), and so is a `Multiline` file that is not. A field of integers and
 * fractions is a choice of `int` (or `long`) and `double`, as Jackson reads them (outside arrays). A `jsonPath` selects
 * the records in each document (`json-path.ts`).
 */
export const compileS3JsonSource: NodeCompiler<'S3JsonSource'> = async (node, _inputs, session) => {
  const p = node.parameters;
  const where = nodeWhere(node);
  const pathProblem = p.JsonPath ? jsonPathProblem(p.JsonPath) : undefined;
  if (pathProblem) throw new Error(`${where}: ${pathProblem}`);
  let files = await s3SourceFiles(session, node.id, where, p);
  if (files.length === 0) return session.emptyFrame(node.id);
  const scanKey = `${node.id}/json`;
  session.noteJsonScan(files, scanKey);
  // gzip DuckDB decompresses itself; bzip2 files are decompressed before (`s3SourceFiles`).
  const gzip = String(p.CompressionType) === 'gzip';
  let compression = gzip ? `, compression = 'gzip'` : '';
  // A jsonPath: the records it selects, written as JSON Lines to the staging folder, are what the source reads.
  let multiLine = p.Multiline === true;
  if (p.JsonPath) {
    const selected = await recordsAtJsonPath(session, node.id, files, p.JsonPath, multiLine, gzip);
    if (selected.records === 0) return session.emptyFrame(node.id);
    files = selected.files;
    compression = '';
    multiLine = false;
    session.noteJsonScan(files, scanKey);
  }
  // A malformed record seen: the well-formed lines, copied (decompressed) to the staging folder, or with multiLine the
  // files DuckDB parses; error records for the others.
  // A key twice in a record: the records are copied with one value per key, the last; multiLine files as JSON Lines.
  let duplicates = session.choices.has(scanKey, JSON_DUPLICATE_KEYS);
  if (duplicates && multiLine) {
    const deduped = await dedupedJsonDocuments(session, node.id, files, gzip);
    if (deduped.records === 0) return session.emptyFrame(node.id);
    files = deduped.files;
    compression = '';
    multiLine = false;
    duplicates = false;
    session.noteJsonScan(files, scanKey);
  }
  const gzipped = compression !== '';
  const lines =
    !session.choices.has(scanKey, JSON_MALFORMED_LINES) && !duplicates
      ? undefined
      : multiLine
        ? await validJsonDocuments(session, node.id, files, gzipped)
        : await validJsonLines(session, node.id, files, gzipped, duplicates);
  if (lines) {
    files = lines.files;
    if (!multiLine) {
      compression = '';
      session.noteJsonScan(files, scanKey);
    }
    if (lines.records === 0) return { ...(await session.emptyFrame(node.id)), ...(lines.errors ? { errors: [lines.errors] } : {}) };
  }
  const format = multiLine ? 'auto' : 'newline_delimited';
  // DuckDB types fields from a sample of records; a later value of another type makes the run read them all.
  const sample = session.choices.has(scanKey, JSON_FULL_SAMPLE) ? ', sample_size = -1' : '';
  // Strings stay strings: Glue's reader does not read `2024-01-15` as a date, as DuckDB's detection would. Objects
  // stay structs however many keys they have (DuckDB makes a MAP of an object of over 200 sparse keys, and a `json`
  // column of such records).
  const options = `format = ${quoteLiteral(format)}, union_by_name = true, hive_partitioning = false, dateformat = 'disabled', timestampformat = 'disabled', map_inference_threshold = -1${sample}${compression}`;
  // The types DuckDB detects from its sample (one binding: a view would sample the files again).
  const detection = `SELECT * FROM read_json(${quoteList(files)}, ${options})`;
  const detected = await session.schemaOf(node.id, detection);
  // Scalar fields are read again as JSON text (the detected types given as columns), so a value of another JSON type
  // than the sample's (which DuckDB would convert) and an integer among doubles (an `int` for Jackson) are seen.
  // The data is read with the columns given (no sampling again).
  const asJson = detected.map((f) => withScalarsAsJson(f.dataType));
  const columns = detected.map((f, i) => `${quoteLiteral(f.name)}: ${quoteLiteral(asJson[i]?.sql ?? f.type)}`);
  const text = await session.frame(node.id, `SELECT * FROM read_json(${quoteList(files)}, ${options}, columns = {${columns.join(', ')}})`);
  const read = asJson.some((t) => t !== undefined) ? await assumeJsonScalars(session, node.id, scanKey, text, detected) : text;
  const typed = await typeJsonValues(session, node.id, scanKey, read);
  return lines?.errors ? { ...typed, errors: [lines.errors] } : typed;
};
