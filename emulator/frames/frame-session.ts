import * as path from 'path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CatalogService } from '../service/catalog';
import type { ObjectStore } from '../storage/object-store';
import type { DynamicFrame, Field } from './dynamic-frame';
import { ident } from './sql';

/** Output a sink staged during a run, moved into the object store only when the whole run succeeds. */
export interface StagedOutput {
  readonly bucket: string;
  /** Key prefix the staged folder's files land under (ends with `/`). */
  readonly prefix: string;
  /** The local folder holding the staged files, laid out as they will be under `prefix`. */
  readonly folder: string;
  /** After the files land: catalog changes (a catalog sink's new partitions). */
  readonly afterCommit?: () => void;
}

/**
 * Everything one job run's frame engine works with: a DuckDB connection of its own (views are per connection), the
 * catalog, the object store, and a staging folder for output.
 */
export class FrameSession {
  readonly staged: StagedOutput[] = [];

  constructor(
    readonly connection: DuckDBConnection,
    readonly catalog: CatalogService,
    readonly store: ObjectStore,
    /** A folder private to this run, removed after it. */
    readonly stagingDir: string,
    /** The run's start, in epoch milliseconds: Glue's sink file names carry it. */
    readonly runMillis: number,
  ) {}

  /** Creates the frame's view and reads its schema back from DuckDB (binding only, no data is read). */
  async frame(name: string, sql: string): Promise<DynamicFrame> {
    const view = `frame_${name}`;
    return this.step(name, async () => {
      await this.connection.run(`CREATE OR REPLACE TEMP VIEW ${ident(view)} AS ${sql}`);
      const described = await this.connection.runAndReadAll(`DESCRIBE SELECT * FROM ${ident(view)}`);
      const schema: Field[] = described.getRowObjectsJS().map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
      return { name, view, schema };
    });
  }

  /**
   * CSV sources are read with `store_rejects`, so a value that does not fit its column's type is recorded instead of
   * aborting the scan with a message that cannot name the file. After a scan, this turns the first such value into an
   * error naming the s3:// file, the line, the column and the value. Nothing is written when this throws.
   */
  async assertNoRejects(node: string): Promise<void> {
    let rows: Record<string, unknown>[];
    try {
      const result = await this.connection.runAndReadAll(
        `SELECT s.file_path, e.line, e.column_name, e.error_type, e.error_message, e.csv_line
           FROM reject_errors e JOIN reject_scans s USING (scan_id, file_id)
          ORDER BY s.file_path, e.line`,
      );
      rows = result.getRowObjectsJS();
    } catch {
      return; // no CSV scan stored rejects: the reject tables do not exist
    }
    if (rows.length === 0) return;
    const first = rows[0];
    const distinct = new Set(rows.map((r) => `${r.file_path}:${r.line}`)).size;
    const more = distinct > 1 ? ` (and ${distinct - 1} more bad line(s))` : '';
    const file = this.describePaths(String(first.file_path));
    const detail = String(first.error_message).replace(/^Error when converting column "[^"]*"\. /, '');
    throw new Error(
      `node '${node}': cannot read ${file} line ${first.line}, column "${first.column_name}": ${detail}${more}. ` +
        'Glue would read such a column as a choice type, which gluekit does not support yet: fix the data or the column type in the catalog.',
    );
  }

  /** Runs one node's DuckDB work; a DuckDB error becomes one naming the node, without the echoed SQL. */
  async step<T>(node: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      const message = (e instanceof Error ? e.message : String(e)).replace(/^Error: /, '').split(/\n\s*\nLINE \d+:/)[0].trim();
      throw new Error(message.startsWith('node ') ? message : `node '${node}': ${message}`);
    }
  }

  /** Maps local file paths in a message (DuckDB names the files it read) back to the `s3://` URIs the user knows. */
  describePaths(message: string): string {
    const root = path.dirname(this.store.bucketRoot('bucket'));
    const escaped = root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return message.replace(new RegExp(`${escaped}/([^/\\s'"]+)/`, 'g'), 's3://$1/');
  }
}
