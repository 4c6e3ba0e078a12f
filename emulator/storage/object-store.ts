/**
 * The object store the emulator reads and writes S3 data through. The default backend is a local folder
 * (`<state-dir>/s3/<bucket>/<key>`); an S3-compatible endpoint can stand behind the same interface.
 */
export interface ObjectInfo {
  /** Bucket name. */
  readonly bucket: string;
  /** Full object key, no leading slash. */
  readonly key: string;
  readonly size: number;
  readonly lastModified: Date;
}

export interface ObjectStore {
  /** Every object whose key starts with `prefix`, sorted by key. An empty or missing bucket lists nothing. */
  list(bucket: string, prefix: string): Promise<ObjectInfo[]>;
  /** The first `length` bytes of an object (the whole object when `length` is omitted). */
  read(bucket: string, key: string, length?: number): Promise<Buffer>;
  /** The last `length` bytes of an object (a Parquet footer, for instance). */
  readTail(bucket: string, key: string, length: number): Promise<Buffer>;
  write(bucket: string, key: string, body: Buffer | string): Promise<void>;
  delete(bucket: string, key: string): Promise<void>;
  /** Moves a local file into the store as an object (the local backend renames it; a remote one uploads it). */
  importFile(bucket: string, key: string, file: string): Promise<void>;
  /**
   * A local file path holding the object, for engines (DuckDB) that read files. The local backend returns the
   * object's own file; a remote backend would download to a cache first.
   */
  localPath(bucket: string, key: string): Promise<string>;
  /** The local folder where a bucket's objects live, or where staged output can be moved into the bucket. */
  bucketRoot(bucket: string): string;
}

/** Splits `s3://bucket/key/prefix` into its bucket and key. Throws a clear error on anything else. */
export function parseS3Uri(uri: string, where = 'path'): { bucket: string; key: string } {
  const match = /^s3a?:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!match) {
    throw new Error(`${where}: '${uri}' is not an S3 URI; expected s3://<bucket>/<key>`);
  }
  return { bucket: match[1], key: match[2] };
}
