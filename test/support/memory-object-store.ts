import { Readable } from 'stream';
import type { ByteRange, ObjectInfo, ObjectStore } from '../../emulator/storage/object-store';

/** An ObjectStore held in memory: keys and streams only, like an S3 endpoint, with no local files at all. */
export class MemoryObjectStore implements ObjectStore {
  readonly objects = new Map<string, { body: Buffer; lastModified: Date }>();

  async createBucket(): Promise<void> {}

  async list(bucket: string, prefix: string): Promise<ObjectInfo[]> {
    return [...this.objects]
      .filter(([k]) => k.startsWith(`${bucket}/${prefix}`))
      .map(([k, o]) => ({ bucket, key: k.slice(bucket.length + 1), size: o.body.length, lastModified: o.lastModified }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
  }

  async head(bucket: string, key: string): Promise<ObjectInfo | undefined> {
    const o = this.objects.get(`${bucket}/${key}`);
    return o && { bucket, key, size: o.body.length, lastModified: o.lastModified };
  }

  async read(bucket: string, key: string, range?: ByteRange): Promise<Buffer> {
    const o = this.objects.get(`${bucket}/${key}`);
    if (!o) throw new Error(`NoSuchKey: s3://${bucket}/${key}`);
    if (!range) return o.body;
    if ('suffix' in range) return o.body.subarray(Math.max(0, o.body.length - range.suffix));
    return o.body.subarray(range.offset, range.offset + range.length);
  }

  async readStream(bucket: string, key: string): Promise<Readable> {
    return Readable.from([await this.read(bucket, key)]);
  }

  async write(bucket: string, key: string, body: Buffer | string | Readable): Promise<void> {
    let bytes: Buffer;
    if (body instanceof Readable) {
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
      bytes = Buffer.concat(chunks);
    } else bytes = Buffer.from(body);
    this.objects.set(`${bucket}/${key}`, { body: bytes, lastModified: new Date() });
  }

  async delete(bucket: string, key: string): Promise<void> {
    this.objects.delete(`${bucket}/${key}`);
  }
}
