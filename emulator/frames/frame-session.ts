import type { DuckDBConnection } from '@duckdb/node-api';
import { localCopy } from '../storage/local-copy';
import { bunzip2File, isBzip2Key } from './bzip2-input';
import { ChoiceColumns } from './choice-columns';
import type { ObjectStore } from '../storage/object-store';
import type { CatalogReader } from './catalog-reader';
import type { DynamicFrame, Field } from './dynamic-frame';
import type { Projection } from './projection';
import { fromDuckDbType } from './schema';
import { quoteIdentifier } from './sql';
import { SourceBookmarks } from './source-bookmarks';
import type { StagedRun } from './staged-run';

/**
 * Everything one job run's frame engine works with: a DuckDB connection of its own (views are per connection), the
 * catalog, the object store, a staging folder for output, and what the run has staged so far.
 */
export class FrameSession {
  readonly staged: StagedRun = { files: [], partitions: [] };
  private relations = 0;
  /** Local files handed to DuckDB, by path, and the `s3://` URIs users know them by. */
  private readonly uris = new Map<string, string>();
  /** The JSON sources' files, by local path, and the scan each belongs to (see `jsonScanOf`). */
  private readonly jsonScans = new Map<string, string>();

  constructor(
    readonly connection: DuckDBConnection,
    readonly catalog: CatalogReader,
    readonly store: ObjectStore,
    /** A folder private to this run, removed after it. */
    readonly stagingDir: string,
    /** The run's start, in epoch milliseconds: Glue's sink file names carry it (see `sinkStamp`). */
    readonly runMillis: number,
    /** Catalog columns known to hold values of another type than the catalog's, read as choices. */
    readonly choices: ChoiceColumns = new ChoiceColumns(),
    /** The sources' job bookmarks: which objects they read, and what they listed. */
    readonly bookmarks: SourceBookmarks = new SourceBookmarks(),
  ) {}

  private sinks = 0;

  /**
   * The number a sink's file names carry (`run-<n>-part-r-00000`): the run's start for its first sink, one more for each
   * further sink, so two sinks of one run writing one prefix never name a file alike. The job runner reserves as many
   * numbers per run as its graph has nodes.
   */
  sinkStamp(): number {
    const stamp = this.runMillis + this.sinks;
    this.sinks += 1;
    return stamp;
  }

  /**
   * A fresh name for a view or table of this session. Generated, never derived from a node's name, so no node name can
   * collide with another node's relation.
   */
  relationName(): string {
    this.relations += 1;
    return `gluekit_relation_${this.relations}`;
  }

  /** Creates the frame's view and reads its schema back from DuckDB (binding only, no data is read). */
  async frame(node: string, sql: string): Promise<DynamicFrame> {
    const view = this.relationName();
    return this.step(node, async () => {
      await this.connection.run(`CREATE TEMP VIEW ${quoteIdentifier(view)} AS ${sql}`);
      return { name: node, view, schema: await this.bind(`SELECT * FROM ${quoteIdentifier(view)}`) };
    });
  }

  /**
   * The fields a query gives, from one binding and no view: for a reader whose binding samples the files to detect
   * types (`read_json`), which a view would sample again each time it is bound.
   */
  schemaOf(node: string, sql: string): Promise<Field[]> {
    return this.step(node, () => this.bind(sql));
  }

  private async bind(sql: string): Promise<Field[]> {
    const bound = await this.connection.prepare(sql);
    const schema: Field[] = [];
    for (let i = 0; i < bound.columnCount; i++) {
      const dataType = fromDuckDbType(bound.columnType(i));
      schema.push({ name: bound.columnName(i), type: dataType.sql, dataType });
    }
    return schema;
  }

  /** Creates a view of a query and returns its name, for frames to select from (a frame's `base`). */
  async relation(node: string, sql: string): Promise<string> {
    const view = this.relationName();
    await this.step(node, () => this.connection.run(`CREATE TEMP VIEW ${quoteIdentifier(view)} AS ${sql}`));
    return view;
  }

  /** A frame with no fields and no records (a source whose job bookmark left nothing to read, an unknown selection). */
  async emptyFrame(node: string): Promise<DynamicFrame> {
    return { ...(await this.frame(node, 'SELECT NULL AS "_" WHERE false')), empty: true };
  }

  /**
   * A node's output as a projection of its input renders it: the projected fields, or an empty frame where the
   * projection keeps none (Glue's frame then has no fields; DuckDB cannot hold a relation without columns).
   */
  projected(node: string, input: DynamicFrame, output: Projection): Promise<DynamicFrame> {
    return output.isEmpty ? this.emptyFrame(node) : this.frame(node, `SELECT ${output.columns().join(', ')} FROM ${quoteIdentifier(input.view)}`);
  }

  /** A frame as it is, under a node of its own (a new view over it). */
  async same(node: string, frame: DynamicFrame): Promise<DynamicFrame> {
    return { ...(await this.frame(node, `SELECT * FROM ${quoteIdentifier(frame.view)}`)), ...(frame.empty ? { empty: true } : {}) };
  }

  /**
   * Materializes a query as a temp table of this session and returns its name: for a node whose several frames must see
   * the same records in the same order (numbered in the table's insertion order, `rowid`). DuckDB spills it to disk
   * beyond its memory limit.
   */
  async table(node: string, sql: string): Promise<string> {
    const table = this.relationName();
    await this.step(node, () => this.connection.run(`CREATE TEMP TABLE ${quoteIdentifier(table)} AS ${sql}`));
    return table;
  }

  /**
   * A temp table of text columns holding `rows` (null where a value is null), appended through DuckDB's appender: for
   * what a run knows before it reads any data (a catalog scan's file of each partition and its values), which as a
   * `VALUES` list in a view would be parsed and bound again each time a query uses the view (a table of 10,000
   * partitions: 0.3 s a time).
   */
  async textTable(node: string, columns: readonly string[], rows: readonly (readonly (string | null)[])[]): Promise<string> {
    const table = this.relationName();
    await this.step(node, async () => {
      await this.connection.run(`CREATE TEMP TABLE ${quoteIdentifier(table)} (${columns.map((c) => `${quoteIdentifier(c)} VARCHAR`).join(', ')})`);
      const appender = await this.connection.createAppender(table, 'main', 'temp');
      try {
        for (const row of rows) {
          for (const value of row) {
            if (value === null) appender.appendNull();
            else appender.appendVarchar(value);
          }
          appender.endRow();
        }
      } finally {
        appender.closeSync();
      }
    });
    return table;
  }

  /** Names `file` in messages as `source` is named (a file made from an object's file: its `s3://` URI). */
  rememberFile(file: string, source: string): void {
    this.uris.set(file, this.uris.get(source) ?? source);
  }

  /**
   * A local file DuckDB can read for an object, remembered so messages can name it by its `s3://` URI. A bzip2 object
   * (`.bz2`, which Glue's readers decompress by its extension, or any object with `bzip2`: a source's `compressionType`;
   * DuckDB cannot decompress it) is decompressed into the staging folder.
   */
  async localFile(bucket: string, key: string, bzip2 = false): Promise<string> {
    const uri = `s3://${bucket}/${key}`;
    let file = await localCopy(this.store, bucket, key, this.stagingDir);
    if (bzip2 || isBzip2Key(key)) file = await bunzip2File(file, uri, this.stagingDir);
    this.uris.set(file, uri);
    return file;
  }

  /** Notes the files a JSON source reads, so a conversion error DuckDB raises in one names the source's scan. */
  noteJsonScan(files: readonly string[], scanKey: string): void {
    for (const f of files) this.jsonScans.set(f, scanKey);
  }

  /**
   * The JSON scan whose file DuckDB could not read: a value it could not convert (`JSON transform error in file
   * "..."`: its type detection sampled records without the value of another type that comes later), or a record that
   * is not JSON (`Malformed JSON in file "..."`), or a record with a key twice (`... has duplicate key "..."`).
   */
  jsonScanOf(error: unknown): { scan: string; cause: 'malformed' | 'duplicate-key' | 'conversion' } | undefined {
    const message = error instanceof Error ? error.message : String(error);
    const found = /(JSON transform error|Malformed JSON) in file "([^"]+)"/.exec(message);
    const scan = found ? this.jsonScans.get(found[2]) : undefined;
    if (scan === undefined) return undefined;
    return { scan, cause: found![1] === 'Malformed JSON' ? 'malformed' : / has duplicate key "/.test(message) ? 'duplicate-key' : 'conversion' };
  }

  /** Runs one node's DuckDB work; a DuckDB error becomes one naming the node, without the echoed SQL. */
  async step<T>(node: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      const message = (e instanceof Error ? e.message : String(e)).replace(/^Error: /, '').split(/\n\s*\nLINE \d+:/)[0].trim();
      throw new Error(message.startsWith('node ') || message.startsWith('pipeline node ') ? message : `node '${node}': ${message}`);
    }
  }

  /** Local file paths in a message (DuckDB names the files it read) as the `s3://` URIs the user knows. */
  describePaths(message: string): string {
    let out = message;
    for (const [file, uri] of [...this.uris].sort((a, b) => b[0].length - a[0].length)) out = out.split(file).join(uri);
    return out;
  }
}
