import type { S3GlueParquetTarget } from '@aws-sdk/client-glue';
import type { NodeDefinition } from '../node-definition';
import { pyDict, pyString } from '../python-literal';
import { PARQUET_COMPRESSIONS, validateS3Target } from './s3-target-options';

/** `write_dynamic_frame.from_options(format="glueparquet")`: Parquet, snappy unless `Compression` says otherwise. */
export const S3GlueParquetTargetNode: NodeDefinition<S3GlueParquetTarget> = {
  role: 'target',
  validate(p, check) {
    validateS3Target(p, check);
    if (p.Compression !== undefined) check.oneOf('Compression', p.Compression, PARQUET_COMPRESSIONS);
  },
  emit(p, script) {
    const connection = pyDict([['path', script.str(p.Path!)], ['partitionKeys', script.paths(p.PartitionKeys)]]);
    return (
      `glueContext.write_dynamic_frame.from_options(${script.frame()}, connection_type="s3", connection_options=${connection}, ` +
      `format="glueparquet", format_options=${pyDict([['compression', pyString(p.Compression ?? 'snappy')]])}, ${script.transformationCtx})`
    );
  },
};
