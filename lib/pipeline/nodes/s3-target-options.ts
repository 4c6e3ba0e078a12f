import type { S3DirectTarget, S3GlueParquetTarget } from '@aws-sdk/client-glue';
import type { NodeCheck } from '../node-check';

/** Parquet codecs gluekit writes (Studio's `ParquetCompressionType`; `none` is `uncompressed`). */
export const PARQUET_COMPRESSIONS = ['snappy', 'gzip', 'uncompressed', 'none'] as const;
/** CSV and JSON sink compressions gluekit writes. */
export const TEXT_SINK_COMPRESSIONS = ['none', 'gzip', 'bzip2'] as const;

/** What every S3 target shares: an `s3://` Path, partition keys, and no settings the awsglue calls cannot express. */
export function validateS3Target(p: S3GlueParquetTarget | S3DirectTarget, check: NodeCheck): void {
  check.s3Uri('Path', p.Path);
  check.paths('PartitionKeys', p.PartitionKeys);
  if (p.SchemaChangePolicy?.EnableUpdateCatalog) {
    check.fail("SchemaChangePolicy.EnableUpdateCatalog is not supported by gluekit's script generator; crawl the output instead");
  }
  check.unsupported('NumberTargetPartitions', p.NumberTargetPartitions, 'a Spark repartition before the write');
  if (p.AutoDataQuality?.IsEnabled) check.fail('AutoDataQuality is not supported by gluekit yet; remove it');
}
