import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { localCopy } from '../storage/local-copy';
import type { ObjectInfo, ObjectStore } from '../storage/object-store';
import { duckdbTypeToInferred } from './duckdb-type';
import type { FileSchema } from './file-schema';

/** `PAR1`, the magic at both ends of a Parquet file. */
export const PARQUET_MAGIC = Buffer.from('PAR1', 'ascii');

/**
 * Reads Parquet schemas and row counts from file footers with DuckDB (one in-memory instance, opened on first use and
 * shared by the files of one crawl; call `close()` when done). Parquet types map to Hive names as in `duckdb-type.ts`.
 */
export class ParquetSchemaReader {
  private connection?: Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }>;
  /** Where copies of objects a remote store holds are put for DuckDB (made on first use, removed by close). */
  private scratch?: Promise<string>;

  private connect(): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }> {
    this.connection ??= (async () => {
      const instance = await DuckDBInstance.create(':memory:');
      return { instance, connection: await instance.connect() };
    })();
    return this.connection;
  }

  /**
   * The schema (columns in file order, top-level names lower-cased) and exact row count of a Parquet object.
   * Throws an Error naming `s3://bucket/key` when the footer cannot be read. `compressionType` is `none`: the crawler's
   * observed output for Parquet, whose pages are compressed inside the file.
   */
  async read(store: ObjectStore, object: ObjectInfo): Promise<FileSchema> {
    const uri = `s3://${object.bucket}/${object.key}`;
    let localFile: string | undefined;
    try {
      const tail = await store.read(object.bucket, object.key, { suffix: PARQUET_MAGIC.length });
      if (!tail.equals(PARQUET_MAGIC)) throw new Error('the file starts with PAR1 but does not end with it (truncated?)');
      this.scratch ??= fs.mkdtemp(path.join(os.tmpdir(), 'gluekit-crawl-'));
      localFile = await localCopy(store, object.bucket, object.key, await this.scratch);
      const { connection } = await this.connect();
      // The file is a bound parameter: nothing of a path reaches the SQL text.
      const described = await connection.runAndReadAll('DESCRIBE SELECT * FROM read_parquet($1, hive_partitioning = false)', [localFile]);
      const columns = described.getRowObjectsJS().map((row) => ({
        name: String(row.column_name).toLowerCase(),
        type: duckdbTypeToInferred(String(row.column_type)),
      }));
      const metadata = await connection.runAndReadAll('SELECT num_rows FROM parquet_file_metadata($1)', [localFile]);
      const recordCount = Number(metadata.getRowObjectsJS()[0]?.num_rows ?? 0);
      return { classification: 'parquet', compressionType: 'none', columns, recordCount, recordBytes: object.size };
    } catch (e) {
      // DuckDB's message names the local file; the user knows the object by its S3 URI.
      const message = localFile ? (e as Error).message.split(localFile).join(uri) : (e as Error).message;
      throw new Error(`cannot read the Parquet footer of ${uri}: ${message}`);
    }
  }

  /** Closes the DuckDB instance, if one was opened. */
  async close(): Promise<void> {
    const scratch = this.scratch;
    this.scratch = undefined;
    if (scratch) await fs.rm(await scratch, { recursive: true, force: true });
    const opened = this.connection;
    this.connection = undefined;
    if (!opened) return;
    const { instance, connection } = await opened;
    connection.closeSync();
    instance.closeSync();
  }
}
