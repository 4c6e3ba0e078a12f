import { isHiddenKey } from '../storage/hidden-key';
import { parseS3Uri } from '../storage/s3-uri';
import type { FrameSession } from './frame-session';

/** How `dataFiles` lists a path. */
export interface DataFileOptions {
  /** Whether objects in sub-folders count. @default true */
  readonly recurse?: boolean;
  readonly exclusions?: readonly RegExp[];
  /** The reading source's transformation_ctx: its job bookmark decides which objects it reads. */
  readonly bookmark?: string;
  /** Every object is bzip2-compressed, whatever its name (a source's `compressionType: bzip2`). */
  readonly bzip2?: boolean;
}

/**
 * The data files at an S3 path, as local files DuckDB can read: the object itself when the path names one, else the
 * objects under it as a folder (`s3://b/in` does not take `in_old/`). Hadoop/Spark markers below the path (`_SUCCESS`,
 * `.crc`, `_temporary/`) and empty objects are skipped, and so is an object an exclusion pattern matches (by its key
 * below the path, or its whole `s3://` URI), or one the source's job bookmark has read already.
 */
export async function dataFiles(session: FrameSession, uri: string, options: DataFileOptions = {}): Promise<string[]> {
  const { recurse = true, exclusions = [], bookmark, bzip2 = false } = options;
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
    if (bookmark !== undefined && !session.bookmarks.admit(bookmark, bucket, o.key, o.lastModified)) continue;
    files.push(await session.localFile(bucket, o.key, bzip2));
  }
  return files;
}
