import { createHash } from 'crypto';
import { createReadStream, createWriteStream, promises as fs } from 'fs';
import * as path from 'path';
import { pipeline } from 'stream/promises';
import unbzip2Stream from 'unbzip2-stream';

/** Whether an object is bzip2-compressed, as Glue's readers decide it: by its `.bz2` extension. */
export function isBzip2Key(key: string): boolean {
  return /\.bz2$/i.test(key);
}

/**
 * Decompresses a bzip2 file into `scratchDir` (a stream: the file is never held in memory) and returns the new file,
 * named by a hash of `name` and keeping the extensions before `.bz2` (`a.csv.bz2` gives `<hash>.csv`), so DuckDB reads
 * the text Glue's reader would. A file that is not bzip2 fails naming `name`.
 */
export async function bunzip2File(file: string, name: string, scratchDir: string): Promise<string> {
  const base = name.slice(name.lastIndexOf('/') + 1).replace(/\.bz2$/i, '');
  const extension = /((\.[A-Za-z0-9]{1,12}){1,2})$/.exec(base)?.[1] ?? '';
  const target = path.join(scratchDir, 'bunzip2', `${createHash('sha256').update(name).digest('hex').slice(0, 40)}${extension}`);
  await fs.mkdir(path.dirname(target), { recursive: true });
  try {
    await pipeline(createReadStream(file), unbzip2Stream(), createWriteStream(target));
  } catch (e) {
    await fs.rm(target, { force: true });
    throw new Error(`${name} has the .bz2 extension but could not be decompressed as bzip2 (${e instanceof Error ? e.message : String(e)}): check the file, or rename it if it is not compressed`);
  }
  return target;
}
