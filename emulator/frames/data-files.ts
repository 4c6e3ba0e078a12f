import { isHiddenKey } from '../storage/hidden-key';
import { parseS3Uri } from '../storage/s3-uri';
import type { FrameSession } from './frame-session';

/**
 * The data files at an S3 path, as local files DuckDB can read: the object itself when the path names one, else the
 * objects under it as a folder (`s3://b/in` does not take `in_old/`). Hadoop/Spark markers below the path (`_SUCCESS`,
 * `.crc`, `_temporary/`) and empty objects are skipped, and so is an object an exclusion pattern matches (by its key
 * below the path, or its whole `s3://` URI).
 */
export async function dataFiles(session: FrameSession, uri: string, recurse = true, exclusions: readonly RegExp[] = []): Promise<string[]> {
  const { bucket, key } = parseS3Uri(uri);
  const folder = key === '' || key.endsWith('/') ? key : `${key}/`;
  const objects = await session.store.list(bucket, key);
  const files: string[] = [];
  for (const o of objects) {
    let rest: string;
    if (o.key === key) rest = key.slice(key.lastIndexOf('/') + 1);
    else if (o.key.startsWith(folder)) rest = o.key.slice(folder.length);
    else continue;
    if (!recurse && rest.includes('/')) continue;
    if (isHiddenKey(rest)) continue;
    if (o.size === 0) continue;
    if (exclusions.some((x) => x.test(rest) || x.test(`s3://${bucket}/${o.key}`))) continue;
    files.push(await session.localFile(bucket, o.key));
  }
  return files;
}
