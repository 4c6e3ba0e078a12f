import { NodeCompiler, nodeWhere } from '../node-compiler';
import { s3SourceFiles } from '../s3-source-files';
import { quoteList, quoteLiteral } from '../sql';

/** `from_options(format="json")`: one JSON object per line (any JSON layout with `Multiline`). */
export const compileS3JsonSource: NodeCompiler<'S3JsonSource'> = async (node, _inputs, session) => {
  const p = node.parameters;
  const where = nodeWhere(node);
  if (p.JsonPath) throw new Error(`${where}: JsonPath is not supported by gluekit's frame engine yet; remove it`);
  const files = await s3SourceFiles(session, where, p);
  const compression = p.CompressionType && String(p.CompressionType) !== 'none' ? `, compression = ${quoteLiteral(p.CompressionType)}` : '';
  const format = p.Multiline ? 'auto' : 'newline_delimited';
  return session.frame(node.id, `SELECT * FROM read_json(${quoteList(files)}, format = ${quoteLiteral(format)}, union_by_name = true, hive_partitioning = false${compression})`);
};
