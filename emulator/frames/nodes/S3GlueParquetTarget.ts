import { joinPath } from '../field-lookup';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { s3Destination } from '../s3-destination';
import { stage } from '../staging';

/** `S3GlueParquetTarget`: Parquet (snappy by default) under `Path`. */
export const compileS3GlueParquetTarget: NodeCompiler<'S3GlueParquetTarget'> = async (node, [input], session) => {
  const p = node.parameters;
  const destination = s3Destination(p.Path!, `${nodeWhere(node)} Path`);
  await stage(session, node.id, input, { format: 'parquet', compression: p.Compression ?? 'snappy', partitionKeys: (p.PartitionKeys ?? []).map(joinPath) }, destination);
  return undefined;
};
