import { createReadStream, createWriteStream, promises as fs, realpathSync } from 'fs';
import { randomBytes } from 'crypto';
import * as path from 'path';
import { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import type { ByteRange, LocalFileAccess, ObjectInfo, ObjectStore } from './object-store';

/**
 * An ObjectStore over plain files: object `s3://b/k` is the file `<root>/b/k`, so sample data can be dropped in with cp.
 * Every entry point refuses a bucket, key or prefix that would reach outside its bucket's folder.
 */
export class LocalFolderStore implements ObjectStore, LocalFileAccess {
  /** Each bucket folder's real path once resolved (a run resolves thousands of keys of one bucket). */
  private readonly realRoots = new Map<string, string>();

  constructor(readonly root: string) {}

  /** The folder of a bucket (for copying sample files in by hand). */
  bucketFolder(bucket: string): string {
    return this.bucketDir(bucket);
  }

  async createBucket(bucket: string): Promise<void> {
    await fs.mkdir(this.bucketDir(bucket), { recursive: true });
  }

  async list(bucket: string, prefix: string): Promise<ObjectInfo[]> {
    const root = this.bucketDir(bucket);
    // The deepest folder the prefix names: checked like a key, so `../x` cannot list outside the bucket.
    const slash = prefix.lastIndexOf('/');
    const startKey = slash >= 0 ? prefix.slice(0, slash + 1) : '';
    checkKey(bucket, prefix, 'prefix');
    const start = startKey === '' ? root : this.file(bucket, startKey, 'prefix');
    const out: ObjectInfo[] = [];
    const walk = async (dir: string, keyPrefix: string): Promise<void> => {
      let entries: import('fs').Dirent[];
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return;
        throw e;
      }
      // Sub-folders and files are read concurrently (a table of 10,000 partition folders is 10,000 reads); the result is
      // sorted below.
      await Promise.all(
        entries.map(async (entry) => {
          const key = keyPrefix + entry.name;
          if (entry.isDirectory()) {
            if ((key + '/').startsWith(prefix) || prefix.startsWith(key + '/')) await walk(path.join(dir, entry.name), key + '/');
          } else if (entry.isFile() && key.startsWith(prefix) && !isTemporary(entry.name)) {
            const stat = await fs.stat(path.join(dir, entry.name));
            out.push({ bucket, key, size: stat.size, lastModified: stat.mtime });
          }
        }),
      );
    };
    await walk(start, startKey);
    out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return out;
  }

  async head(bucket: string, key: string): Promise<ObjectInfo | undefined> {
    try {
      const stat = await fs.stat(this.file(bucket, key));
      return stat.isFile() ? { bucket, key, size: stat.size, lastModified: stat.mtime } : undefined;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
      throw e;
    }
  }

  async read(bucket: string, key: string, range?: ByteRange): Promise<Buffer> {
    const file = this.file(bucket, key);
    if (range === undefined) return fs.readFile(file);
    const handle = await fs.open(file, 'r');
    try {
      const { size } = await handle.stat();
      const start = 'suffix' in range ? Math.max(0, size - range.suffix) : Math.min(range.offset, size);
      const length = 'suffix' in range ? size - start : Math.max(0, Math.min(range.length, size - start));
      const buf = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buf, 0, length, start);
      return buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async readStream(bucket: string, key: string): Promise<Readable> {
    const file = this.file(bucket, key);
    await fs.access(file);
    return createReadStream(file);
  }

  async write(bucket: string, key: string, body: Buffer | string | Readable): Promise<void> {
    const file = this.file(bucket, key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = temporaryName(file);
    try {
      if (body instanceof Readable) await pipeline(body, createWriteStream(tmp));
      else await fs.writeFile(tmp, body);
      await fs.rename(tmp, file);
    } catch (e) {
      await fs.rm(tmp, { force: true });
      throw e;
    }
  }

  async delete(bucket: string, key: string): Promise<void> {
    try {
      await fs.rm(this.file(bucket, key), { force: true });
    } catch (e) {
      // A key under a name that is an object, not a folder, names no object: nothing to delete (as S3).
      if ((e as NodeJS.ErrnoException).code !== 'ENOTDIR') throw e;
    }
  }

  localFile(bucket: string, key: string): string {
    return this.file(bucket, key);
  }

  async adoptFile(bucket: string, key: string, file: string): Promise<void> {
    const target = this.file(bucket, key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    try {
      await fs.rename(file, target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
      const tmp = temporaryName(target);
      await fs.copyFile(file, tmp);
      await fs.rename(tmp, target);
      await fs.rm(file);
    }
  }

  private bucketDir(bucket: string): string {
    if (!bucket || bucket === '.' || bucket === '..' || /[/\\\0]/.test(bucket)) throw new Error(`'${bucket}' is not a bucket name`);
    return path.join(path.resolve(this.root), bucket);
  }

  /** The file of a key; a key (or prefix) that is not inside its bucket's folder is refused. */
  private file(bucket: string, key: string, what: 'key' | 'prefix' = 'key'): string {
    const root = this.bucketDir(bucket);
    checkKey(bucket, key, what);
    const full = path.resolve(root, key);
    const rel = path.relative(root, full);
    if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) || !this.resolvesInside(root, full)) {
      throw new Error(`object ${what} '${key}' escapes bucket '${bucket}'`);
    }
    return full;
  }

  /**
   * Whether `file` stays inside `root` once links are followed: the deepest part of its path that exists is resolved,
   * so a symbolic link inside a bucket folder cannot lead a key outside it.
   */
  private resolvesInside(root: string, file: string): boolean {
    let realRoot = this.realRoots.get(root);
    if (realRoot === undefined) {
      try {
        realRoot = realpathSync.native(root);
      } catch {
        return true; // no bucket folder yet: nothing in it can be a link
      }
      this.realRoots.set(root, realRoot);
    }
    let existing = file;
    for (;;) {
      try {
        const real = realpathSync.native(existing);
        return real === realRoot || real.startsWith(`${realRoot}${path.sep}`);
      } catch {
        // Not there (or not resolvable: a link loop, no permission): its folder decides; no bucket folder any more,
        // nothing in it can be a link.
        if (existing === root) return true;
        existing = path.dirname(existing);
      }
    }
  }
}

/**
 * Refuses what a folder cannot hold as its bucket's object: a NUL character, a leading `/`, or a `.` or `..` path segment
 * (S3 allows `a/../b` as a key; as a file it would be another file, or one outside the bucket).
 */
function checkKey(bucket: string, key: string, what: 'key' | 'prefix'): void {
  if (key.includes('\0')) throw new Error(`object ${what} '${key.replace(/\0/g, '\\0')}' holds a NUL character`);
  if (key.startsWith('/') || key.split(/[/\\]/).some((s) => s === '.' || s === '..')) {
    throw new Error(`object ${what} '${key}' escapes bucket '${bucket}' (it starts with / or has a . or .. segment)`);
  }
}

/** A sibling temporary name, hidden (leading `.`) and unique, that listings skip. */
function temporaryName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.gluekit-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

function isTemporary(name: string): boolean {
  return name.startsWith('.') && name.includes('.gluekit-tmp-');
}
