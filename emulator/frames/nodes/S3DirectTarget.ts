import { joinPath } from '../field-lookup';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { s3Destination } from '../s3-destination';
import { stage } from '../staging';

/** `S3DirectTarget`: csv, json or parquet under `Path`. */
export const compileS3DirectTarget: NodeCompiler<'S3DirectTarget'> = async (node, [input], session) => {
  const p = node.parameters;
  const format = p.Format as 'csv' | 'json' | 'parquet';
  const destination = s3Destination(p.Path!, `${nodeWhere(node)} Path`);
  const compression = p.Compression ?? (format === 'parquet' ? 'snappy' : 'none');
  await stage(session, node.id, input, { format, compression, partitionKeys: (p.PartitionKeys ?? []).map(joinPath) }, destination);
  return undefined;
};
