import { createHash } from 'crypto';
import { createWriteStream, promises as fs } from 'fs';
import * as path from 'path';
import { pipeline } from 'stream/promises';
import { localFileAccess, ObjectStore } from './object-store';

/** Characters DuckDB reads as a glob in a file path: a path holding one would match other files too. */
const GLOB_CHARACTERS = /[*?[\]{}]/;

/**
 * A local file holding an object, for engines that read files (DuckDB): the object's own file when the backend keeps
 * objects as files and its path cannot be read as a glob, otherwise a copy streamed into `scratchDir` (which the caller
 * removes when done). A copy is named by a hash of the object's name, keeping only its extensions (`.csv.gz`), so no key
 * (`../x`, `a*b`) decides where it lands or what it matches.
 */
export async function localCopy(store: ObjectStore, bucket: string, key: string, scratchDir: string): Promise<string> {
  const files = localFileAccess(store);
  if (files) {
    const file = files.localFile(bucket, key);
    if (!GLOB_CHARACTERS.test(file)) return file;
  }
  const extension = /((\.[A-Za-z0-9]{1,12}){1,3})$/.exec(key.slice(key.lastIndexOf('/') + 1))?.[1] ?? '';
  const target = path.join(scratchDir, 'objects', `${createHash('sha256').update(`${bucket}/${key}`).digest('hex').slice(0, 40)}${extension}`);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await pipeline(await store.readStream(bucket, key), createWriteStream(target));
  return target;
}
