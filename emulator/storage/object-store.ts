import type { Readable } from 'stream';

/**
 * The object store the emulator reads and writes S3 data through: keys and streams only, so an S3-compatible endpoint
 * can stand behind it as well as the default local folder (`<state-dir>/s3/<bucket>/<key>`).
 */
export interface ObjectInfo {
  readonly bucket: string;
  /** Full object key, no leading slash. */
  readonly key: string;
  readonly size: number;
  readonly lastModified: Date;
}

/** Bytes of an object: `offset` and `length`, or the last `suffix` bytes (an HTTP suffix range, as a Parquet footer read). */
export type ByteRange = { readonly offset: number; readonly length: number } | { readonly suffix: number };

export interface ObjectStore {
  /** Makes an empty bucket; one that exists is left as it is. */
  createBucket(bucket: string): Promise<void>;
  /** Every object whose key starts with `prefix`, sorted by key. A missing bucket lists nothing. */
  list(bucket: string, prefix: string): Promise<ObjectInfo[]>;
  /** An object's size and time, or undefined when there is none. */
  head(bucket: string, key: string): Promise<ObjectInfo | undefined>;
  /** An object's bytes, or a range of them. */
  read(bucket: string, key: string, range?: ByteRange): Promise<Buffer>;
  /** An object's bytes as a stream. */
  readStream(bucket: string, key: string): Promise<Readable>;
  /** Writes an object whole: readers see the old object or the new one, never a part. */
  write(bucket: string, key: string, body: Buffer | string | Readable): Promise<void>;
  /** Deletes an object; a missing one is not an error (as S3). */
  delete(bucket: string, key: string): Promise<void>;
}

/**
 * What a backend whose objects are local files offers beyond keys and streams, so DuckDB reads the files where they are
 * and a run's staged output is renamed into place instead of copied. Engines ask for it with `localFileAccess(store)`
 * and fall back to streams when a backend has none.
 */
export interface LocalFileAccess {
  /** The file holding an object (which need not exist yet). */
  localFile(bucket: string, key: string): string;
  /** Moves a local file into the store as an object (a rename on the same file system). */
  adoptFile(bucket: string, key: string, file: string): Promise<void>;
}

/** The store's local-file access, when its backend has one. */
export function localFileAccess(store: ObjectStore): LocalFileAccess | undefined {
  const candidate = store as Partial<LocalFileAccess>;
  return typeof candidate.localFile === 'function' && typeof candidate.adoptFile === 'function' ? (candidate as LocalFileAccess) : undefined;
}
