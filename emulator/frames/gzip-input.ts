import { createReadStream, createWriteStream, promises as fs } from 'fs';
import * as path from 'path';
import { pipeline } from 'stream/promises';
import { createGunzip } from 'zlib';

/** Whether a file is to be read as gzip: every file of a source with `compressionType: gzip`, else by its `.gz` name. */
export function isGzipFile(file: string, gzip?: boolean): boolean {
  return gzip === true || /\.gz$/i.test(file);
}

/**
 * Decompresses a gzip file to `target` (a stream: the file is never held in memory), for the readers that go through
 * DuckDB's `read_text`, which does not decompress. A file that is not gzip fails naming `name`.
 */
export async function gunzipFile(file: string, target: string, name: string): Promise<string> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  try {
    await pipeline(createReadStream(file), createGunzip(), createWriteStream(target));
  } catch (e) {
    await fs.rm(target, { force: true });
    throw new Error(`${name} is read as gzip but could not be decompressed (${e instanceof Error ? e.message : String(e)}): check the file or the source's compressionType`);
  }
  return target;
}
