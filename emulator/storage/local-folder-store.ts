import { promises as fs } from 'fs';
import * as path from 'path';
import type { ObjectInfo, ObjectStore } from './object-store';

/** An ObjectStore over plain files: object `s3://b/k` is the file `<root>/b/k`, so sample data can be dropped in with cp. */
export class LocalFolderStore implements ObjectStore {
  constructor(readonly root: string) {}

  bucketRoot(bucket: string): string {
    return path.join(this.root, bucket);
  }

  private file(bucket: string, key: string): string {
    if (!bucket || bucket.includes('/') || bucket === '.' || bucket === '..') throw new Error(`'${bucket}' is not a bucket name`);
    const root = path.resolve(this.bucketRoot(bucket));
    const full = path.resolve(root, key);
    const rel = path.relative(root, full);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      throw new Error(`object key '${key}' escapes bucket '${bucket}'`);
    }
    return full;
  }

  async list(bucket: string, prefix: string): Promise<ObjectInfo[]> {
    const root = this.bucketRoot(bucket);
    const out: ObjectInfo[] = [];
    // Start the walk at the deepest folder the prefix names, so listing one table does not walk the whole bucket.
    const slash = prefix.lastIndexOf('/');
    const startKey = slash >= 0 ? prefix.slice(0, slash + 1) : '';
    const walk = async (dir: string, keyPrefix: string): Promise<void> => {
      let entries: import('fs').Dirent[];
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return;
        throw e;
      }
      for (const entry of entries) {
        const key = keyPrefix + entry.name;
        if (entry.isDirectory()) {
          if ((key + '/').startsWith(prefix) || prefix.startsWith(key + '/')) await walk(path.join(dir, entry.name), key + '/');
        } else if (entry.isFile() && key.startsWith(prefix)) {
          const stat = await fs.stat(path.join(dir, entry.name));
          out.push({ bucket, key, size: stat.size, lastModified: stat.mtime });
        }
      }
    };
    await walk(path.join(root, startKey), startKey);
    out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return out;
  }

  async read(bucket: string, key: string, length?: number): Promise<Buffer> {
    const file = this.file(bucket, key);
    if (length === undefined) return fs.readFile(file);
    const handle = await fs.open(file, 'r');
    try {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buf, 0, length, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async readTail(bucket: string, key: string, length: number): Promise<Buffer> {
    const file = this.file(bucket, key);
    const handle = await fs.open(file, 'r');
    try {
      const { size } = await handle.stat();
      const start = Math.max(0, size - length);
      const buf = Buffer.alloc(size - start);
      const { bytesRead } = await handle.read(buf, 0, buf.length, start);
      return buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async write(bucket: string, key: string, body: Buffer | string): Promise<void> {
    const file = this.file(bucket, key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.gluekit-tmp-${process.pid}`;
    await fs.writeFile(tmp, body);
    await fs.rename(tmp, file);
  }

  async delete(bucket: string, key: string): Promise<void> {
    await fs.rm(this.file(bucket, key), { force: true });
  }

  async importFile(bucket: string, key: string, file: string): Promise<void> {
    const target = this.file(bucket, key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    try {
      await fs.rename(file, target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
      await fs.copyFile(file, `${target}.gluekit-tmp-${process.pid}`);
      await fs.rename(`${target}.gluekit-tmp-${process.pid}`, target);
      await fs.rm(file);
    }
  }

  async localPath(bucket: string, key: string): Promise<string> {
    return this.file(bucket, key);
  }
}
