import { Writable } from 'stream';
import { pipeline } from 'stream/promises';
import * as zlib from 'zlib';
import type { ObjectInfo, ObjectStore } from '../storage/object-store';

/** What compression the crawler recognises from a file's first bytes (GLUE-REFERENCE section 4: gzip, bzip2...). */
export type DetectedCompression = 'none' | 'gzip' | 'bzip2';

/** The compression a file's first bytes announce: gzip `1f 8b`, bzip2 `BZh`. */
export function detectCompression(head: Buffer): DetectedCompression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 3 && head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68) return 'bzip2';
  return 'none';
}

/** The start of a text file's (uncompressed) content. */
export interface TextSample {
  /** The first bytes of the content, at most the requested limit. */
  readonly bytes: Buffer;
  /** The content's whole (uncompressed) size. */
  readonly totalBytes: number;
  /** Whether the content goes on past `bytes`. */
  readonly truncated: boolean;
}

/** 1 MB: the text classifiers' sample (GLUE-REFERENCE section 4). */
export const SAMPLE_BYTES = 1024 * 1024;
/** 10 MB: how far a JSON sample grows when its first record does not fit in 1 MB. */
export const MAX_JSON_SAMPLE_BYTES = 10 * 1024 * 1024;

/**
 * Reads the first `limit` bytes of an object's content, decompressing gzip. For gzip the whole object is streamed
 * through the decompressor (only `limit` bytes are kept) to learn the uncompressed size the record count is scaled by.
 * Throws when the gzip stream is corrupt; the caller treats that file as UNKNOWN.
 */
export async function readTextSample(store: ObjectStore, object: ObjectInfo, compression: 'none' | 'gzip', limit: number): Promise<TextSample> {
  if (compression === 'none') {
    const bytes = await store.read(object.bucket, object.key, { offset: 0, length: Math.min(limit, object.size) });
    return { bytes, totalBytes: object.size, truncated: object.size > bytes.length };
  }
  const kept: Buffer[] = [];
  let keptBytes = 0;
  let totalBytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      totalBytes += chunk.length;
      if (keptBytes < limit) {
        const part = chunk.subarray(0, limit - keptBytes);
        kept.push(part);
        keptBytes += part.length;
      }
      callback();
    },
  });
  await pipeline(await store.readStream(object.bucket, object.key), zlib.createGunzip(), sink);
  return { bytes: Buffer.concat(kept), totalBytes, truncated: totalBytes > keptBytes };
}
