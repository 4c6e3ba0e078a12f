import type { S3DirectTarget } from '@aws-sdk/client-glue';
import type { NodeDefinition } from '../node-definition';
import { pyDict, pyString } from '../python-literal';
import { PARQUET_COMPRESSIONS, TEXT_SINK_COMPRESSIONS, validateS3Target } from './s3-target-options';

export const S3_DIRECT_FORMATS = ['csv', 'json', 'parquet'] as const;

/** `write_dynamic_frame.from_options(connection_type="s3", format=csv|json|parquet)`. */
export const S3DirectTargetNode: NodeDefinition<S3DirectTarget> = {
  role: 'target',
  validate(p, check) {
    validateS3Target(p, check);
    const format = check.oneOf('Format', p.Format, S3_DIRECT_FORMATS);
    if (p.Compression !== undefined) check.oneOf('Compression', p.Compression, format === 'parquet' ? PARQUET_COMPRESSIONS : TEXT_SINK_COMPRESSIONS);
  },
  emit(p, script) {
    const connection: [string, string][] = [['path', script.str(p.Path!)]];
    const formatOptions: [string, string][] = [];
    if (p.Format === 'parquet') formatOptions.push(['compression', pyString(p.Compression ?? 'snappy')]);
    else if (p.Compression !== undefined && p.Compression !== 'none') connection.push(['compression', pyString(p.Compression)]);
    connection.push(['partitionKeys', script.paths(p.PartitionKeys)]);
    return (
      `glueContext.write_dynamic_frame.from_options(${script.frame()}, connection_type="s3", connection_options=${pyDict(connection)}, ` +
      `format=${pyString(p.Format!)}, ${formatOptions.length > 0 ? `format_options=${pyDict(formatOptions)}, ` : ''}${script.transformationCtx})`
    );
  },
};
