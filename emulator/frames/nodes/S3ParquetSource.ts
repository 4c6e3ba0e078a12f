import { NodeCompiler, nodeWhere } from '../node-compiler';
import { s3SourceFiles } from '../s3-source-files';
import { quoteList } from '../sql';

/** `from_options(format="parquet")`: files read together by column name. */
export const compileS3ParquetSource: NodeCompiler<'S3ParquetSource'> = async (node, _inputs, session) => {
  const files = await s3SourceFiles(session, node.id, nodeWhere(node), node.parameters);
  if (files.length === 0) return session.emptyFrame(node.id);
  return session.frame(node.id, `SELECT * FROM read_parquet(${quoteList(files)}, union_by_name = true, hive_partitioning = false)`);
};
