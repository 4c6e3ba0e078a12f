import type { FrameSession } from './frame-session';
import { quoteList, quoteLiteral } from './sql';
import { stagingFile, writeLinesSql } from './text-lines';

/**
 * A JSON source's `jsonPath` (GLUE-REFERENCE section 3): the records are what the path selects in each JSON document
 * (a line, or with `multiLine` each value of the file), so a file of `{"records": [...]}` wrappers reads its records
 * with `$.records[*]`. The path is JsonPath's common subset, `$` then `.name`, `['name']`, `[n]` and `[*]`; DuckDB
 * evaluates it. A selected array's elements are records, a selected object is one, anything else is no record
 * (Unconfirmed: Glue's reader is closed code). The records are written, one per line, to a file of the staging folder
 * that the source then reads as JSON Lines.
 */
export async function recordsAtJsonPath(session: FrameSession, node: string, files: readonly string[], jsonPath: string, multiLine: boolean, gzip: boolean): Promise<{ files: string[]; records: number }> {
  const target = await stagingFile(session, 'json-path', node, '.json');
  const documents = `read_json_objects(${quoteList(files)}, format = ${quoteLiteral(multiLine ? 'unstructured' : 'newline_delimited')}${gzip ? `, compression = 'gzip'` : ''})`;
  // DuckDB writes a quoted name `."name"`, where JsonPath writes `['name']`.
  const path_ = quoteLiteral(jsonPath.replace(/\['([^'\\]*)'\]/g, (_m, name: string) => `."${name.replace(/"/g, '\\"')}"`));
  // A wildcard path gives a list of matches, any other one match (null where there is none).
  const matches = jsonPath.includes('[*]') ? `SELECT unnest(json_extract(json, ${path_})) AS v FROM ${documents}` : `SELECT json_extract(json, ${path_}) AS v FROM ${documents}`;
  const records = `SELECT unnest(CASE WHEN json_type(v) = 'ARRAY' THEN CAST(v AS JSON[]) ELSE [v] END) AS r FROM (${matches}) WHERE json_type(v) IN ('OBJECT', 'ARRAY')`;
  const written = await session.step(node, () => session.connection.runAndReadAll(writeLinesSql(`SELECT CAST(json(r) AS VARCHAR) FROM (${records}) WHERE json_type(r) = 'OBJECT'`, target)));
  session.rememberFile(target, files.length === 1 ? files[0] : `${session.describePaths(files[0])} (and ${files.length - 1} more)`);
  return { files: [target], records: Number(written.getRows()[0][0]) };
}
