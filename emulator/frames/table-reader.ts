import { promises as fs } from 'fs';
import * as path from 'path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { CatalogService } from '../service/catalog';
import type { ObjectStore } from '../storage/object-store';
import type { Field } from './dynamic-frame';
import { FrameSession } from './frame-session';
import { catalogSource } from './sources';
import { ident } from './sql';

export interface TableRows {
  readonly schema: Field[];
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
 */
export async function readTable(catalog: CatalogService, store: ObjectStore, scratchDir: string, database: string, table: string, options: ReadTableOptions = {}): Promise<TableRows> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const stagingDir = path.join(scratchDir, `read-${process.pid}-${Date.now()}`);
  try {
    const session = new FrameSession(connection, catalog, store, stagingDir, Date.now());
    const frame = await catalogSource(session, 'preview', { Database: database, Table: table });
    const order = (options.orderBy ?? frame.schema.map((f) => f.name)).map((c) => `${ident(c)} NULLS FIRST`).join(', ');
    const limit = options.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(options.limit))}` : '';
    const result = await connection.runAndReadAll(`SELECT * FROM ${ident(frame.view)}${order ? ` ORDER BY ${order}` : ''}${limit}`);
    const count = await connection.runAndReadAll(`SELECT count(*) AS n FROM ${ident(frame.view)}`);
    await session.assertNoRejects('preview');
    return {
      schema: frame.schema,
      rows: result.getRowObjectsJS().map((r) => plain(r) as Record<string, unknown>),
      count: Number(count.getRowObjectsJS()[0].n),
    };
  } catch (e) {
    const session = new FrameSession(connection, catalog, store, stagingDir, 0);
    throw new Error(session.describePaths((e as Error).message));
  } finally {
    connection.closeSync();
    instance.closeSync();
    await fs.rm(stagingDir, { recursive: true, force: true });
  }
}
