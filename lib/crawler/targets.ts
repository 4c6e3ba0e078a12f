import type * as s3 from 'aws-cdk-lib/aws-s3';

/** An S3 include path of a crawler: a bucket and a key prefix, with optional exclusion globs relative to it. */
export interface S3Target {
  readonly bucket: s3.IBucket;
  /** Key prefix under the bucket, e.g. `raw/medicare/`. Default: the whole bucket. */
  readonly prefix?: string;
  /** Glue exclusion globs relative to the include path (`**.tmp`, `archive/**`). */
  readonly exclusions?: string[];
}

/** The include path `s3://<bucket>/<prefix>` of a target. */
export function s3TargetPath(target: S3Target): string {
  const prefix = (target.prefix ?? '').replace(/^\/+/, '');
  return `s3://${target.bucket.bucketName}/${prefix}`;
}
