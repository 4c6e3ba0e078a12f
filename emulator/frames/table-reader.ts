import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ObjectStore } from '../storage/object-store';
import type { CatalogReader } from './catalog-reader';
import { scanCatalogTable } from './catalog-table-scan';
import { choiceColumnOf, withChoiceColumns } from './choice-columns';
import { FrameSession } from './frame-session';
import { quoteIdentifier } from './sql';

/** A column of a table read: its name and DuckDB type. */
export interface TableColumn {
  readonly name: string;
  readonly type: string;
}

export interface TableRows {
  readonly schema: TableColumn[];
  /** Rows as plain values: BIGINT as number when it is a safe integer, else as a string. */
  readonly rows: Record<string, unknown>[];
  /** Rows in the table, counted without the limit. */
  readonly count: number;
}

export interface ReadTableOptions {
  readonly limit?: number;
  /** Columns to sort by, for a stable preview. Default: all columns in order. */
  readonly orderBy?: string[];
}

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Date) return value;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

/**
 * Reads a catalog table the way a job's catalog source does, for previews and test assertions (not a job's data path).
 * It writes nothing to the state: copies of remote objects, if any, go to a private temporary folder.
 */
export async function readTable(catalog: CatalogReader, store: ObjectStore, database: string, table: string, options: ReadTableOptions = {}): Promise<TableRows> {
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'gluekit-read-'));
  // Spills go to the private folder too, never to `.tmp` in the working folder (DuckDB's default).
  const instance = await DuckDBInstance.create(':memory:', { temp_directory: path.join(scratch, 'spill') });
  try {
    // A column found to hold a choice is read again (see `choice-columns.ts`).
    return await withChoiceColumns(async (choices) => {
      const connection = await instance.connect();
      const session = new FrameSession(connection, catalog, store, scratch, Date.now(), choices);
      try {
        const frame = await scanCatalogTable(session, 'preview', `table ${database}.${table}`, database, table, undefined, `cannot read ${database}.${table}`);
        const order = (options.orderBy ?? frame.schema.map((f) => f.name)).map((c) => `${quoteIdentifier(c)} NULLS FIRST`).join(', ');
        const limit = options.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(options.limit))}` : '';
        const result = await connection.runAndReadAll(`SELECT * FROM ${quoteIdentifier(frame.view)}${order ? ` ORDER BY ${order}` : ''}${limit}`);
        const count = await connection.runAndReadAll(`SELECT count(*) AS n FROM ${quoteIdentifier(frame.view)}`);
        // A choice's value is shown as the value it is (DuckDB gives it with its tag).
        const choiceColumns = frame.schema.filter((f) => f.dataType.kind === 'choice').map((f) => f.name);
        const rows = result.getRowObjectsJS().map((r) => {
          const row: Record<string, unknown> = { ...r };
          for (const c of choiceColumns) row[c] = (r[c] as { value?: unknown } | null)?.value ?? null;
          return plain(row) as Record<string, unknown>;
        });
        return { schema: frame.schema.map((f) => ({ name: f.name, type: f.type })), rows, count: Number(count.getRowObjectsJS()[0].n) };
      } catch (e) {
        if (choiceColumnOf(e)) throw e;
        const message = session.describePaths((e as Error).message);
        throw new Error(/ not found in database /.test(message) ? `${message} (gluekit tables lists the tables)` : message);
      } finally {
        connection.closeSync();
      }
    });
  } finally {
    instance.closeSync();
    await fs.rm(scratch, { recursive: true, force: true });
  }
}
