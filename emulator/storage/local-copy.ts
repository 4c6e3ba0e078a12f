import { createWriteStream, promises as fs } from 'fs';
import * as path from 'path';
import { pipeline } from 'stream/promises';
import { localFileAccess, ObjectStore } from './object-store';

/**
 * A local file holding an object, for engines that read files (DuckDB): the object's own file when the backend keeps
 * objects as files, otherwise a copy streamed into `scratchDir` (which the caller removes when done).
 */
export async function localCopy(store: ObjectStore, bucket: string, key: string, scratchDir: string): Promise<string> {
  const files = localFileAccess(store);
  if (files) return files.localFile(bucket, key);
  const target = path.join(scratchDir, 'objects', encodeURIComponent(bucket), ...key.split('/').map(encodeURIComponent));
  await fs.mkdir(path.dirname(target), { recursive: true });
  await pipeline(await store.readStream(bucket, key), createWriteStream(target));
  return target;
}
