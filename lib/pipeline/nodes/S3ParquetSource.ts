import type { S3ParquetSource } from '@aws-sdk/client-glue';
import type { NodeDefinition } from '../node-definition';
import { emitS3Connection, emitS3Read, validateS3Connection } from './s3-source-connection';

/** `create_dynamic_frame.from_options(connection_type="s3", format="parquet")`; the codec is read from the files. */
export const S3ParquetSourceNode: NodeDefinition<S3ParquetSource> = {
  role: 'source',
  validate(p, check) {
    validateS3Connection(p, check);
  },
  emit(p, script) {
    return emitS3Read(emitS3Connection(p, script, false), 'parquet', [], script);
  },
};
