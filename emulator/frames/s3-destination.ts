import { parseS3Uri } from '../storage/s3-uri';
import type { Destination } from './staging';

/** Where an `s3://bucket/prefix` target writes: the bucket and the prefix as a folder (ending in `/`, or empty). */
export function s3Destination(uri: string, where: string): Destination {
  const { bucket, key } = parseS3Uri(uri, where);
  return { bucket, prefix: key === '' || key.endsWith('/') ? key : `${key}/` };
}
