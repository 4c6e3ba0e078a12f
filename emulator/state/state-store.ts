import * as fs from 'fs';
import * as path from 'path';
import Database from 'libsql';
import { MIGRATIONS } from './migrations';

/** The kinds of documents the emulator keeps: one per Glue entity. */
export type DocumentKind =
  | 'database'
  | 'table'
  | 'partition'
  | 'crawler'
  | 'crawl'
  | 'job'
  | 'jobRun'
  /** A job's bookmark: what its sources have read, by transformation_ctx. */
  | 'jobBookmark'
  | 'workflow'
  | 'trigger'
  | 'workflowRun'
  /** What one deploy of a stack created, so the next deploy can remove what the stack dropped. */
  | 'deployment';

/** Where a document sits: its parent (a job's runs are under the job) and, for runs, its state, both indexed. */
export interface DocumentPlace {
  readonly parent?: string;
  readonly status?: string;
}

export interface ListOptions {
  readonly parent?: string;
  /** Only documents in one of these states. */
  readonly status?: readonly string[];
  /** Newest (last inserted) first. */
  readonly newestFirst?: boolean;
  readonly limit?: number;
}

type Statement = Database.Statement<unknown[]>;

/** The statement `list` runs, with its parameters (exported so a test can check its query plan). */
export function listQuery(kind: DocumentKind, options: ListOptions): { sql: string; params: unknown[] } {
  const where = ['kind = ?'];
  const params: unknown[] = [kind];
  if (options.parent !== undefined) {
    where.push('parent = ?');
    params.push(options.parent);
  }
  if (options.status !== undefined) {
    where.push(`status IN (${options.status.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...options.status);
  }
  const order = options.newestFirst ? 'DESC' : 'ASC';
  const limit = options.limit !== undefined ? ' LIMIT ?' : '';
  if (options.limit !== undefined) params.push(Math.max(0, Math.floor(options.limit)));
  return { sql: `SELECT body FROM documents WHERE ${where.join(' AND ')} ORDER BY rowid ${order}${limit}`, params };
}

/** The statement `count` runs, with its parameters. */
export function countQuery(kind: DocumentKind, parent: string, status: readonly string[]): { sql: string; params: unknown[] } {
  return { sql: `SELECT count(*) AS n FROM documents WHERE kind = ? AND parent = ? AND status IN (${status.map(() => '?').join(', ') || 'NULL'})`, params: [kind, parent, ...status] };
}

/** How the state directory is opened: `write` takes part in the owner lock; `read` never writes (and cannot). */
export type StateMode = 'write' | 'read';

/**
 * The emulator's state in SQLite: one JSON document per Glue entity, with its parent and (for runs) its state as indexed
 * columns. Every statement is prepared once and reused (libsql keeps native memory per `prepare()`, libsql-js#153).
 * Bodies come back as parsed JSON: converting them to API shapes (dates included) is the model's business, per field.
 */
export class StateStore {
  private readonly db: InstanceType<typeof Database>;
  private readonly statements = new Map<string, Statement>();

  /** Opens (creating when needed, in write mode) `<stateDir>/state.db`; `':memory:'` keeps everything in memory. */
  constructor(readonly stateDir: string | ':memory:', readonly mode: StateMode = 'write') {
    if (stateDir === ':memory:') {
      this.db = new Database(':memory:');
    } else {
      const file = path.join(stateDir, 'state.db');
      if (mode === 'read' && !fs.existsSync(file)) throw new Error(`no gluekit state in ${stateDir}: nothing has run there yet; run a workflow, job or crawler first (gluekit run), or point --state-dir at the right folder`);
      fs.mkdirSync(stateDir, { recursive: true });
      this.db = new Database(file);
      if (mode === 'write') this.db.exec('PRAGMA journal_mode = WAL');
    }
    this.db.exec('PRAGMA busy_timeout = 5000');
    if (mode === 'write') this.migrate();
    else {
      this.checkVersion();
      this.db.exec('PRAGMA query_only = ON');
    }
  }

  /** A statement, prepared on first use and reused after. */
  statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private version(): number {
    return Number((this.db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
  }

  private checkVersion(): void {
    const current = this.version();
    if (current > MIGRATIONS.length) {
      throw new Error(`state store schema version ${current} is newer than this gluekit understands (${MIGRATIONS.length}); upgrade gluekit or use another --state-dir`);
    }
    if (this.mode === 'read' && current < MIGRATIONS.length) {
      throw new Error(`state in ${this.stateDir} was written by an older gluekit (schema ${current}); run a gluekit command that writes (gluekit run) to upgrade it, then read it again`);
    }
  }

  private migrate(): void {
    this.checkVersion();
    for (let v = this.version(); v < MIGRATIONS.length; v++) {
      this.transaction(() => {
        this.db.exec(MIGRATIONS[v]);
        this.db.exec(`PRAGMA user_version = ${Number(v + 1)}`);
      });
    }
  }

  get<T>(kind: DocumentKind, key: string): T | undefined {
    const row = this.statement('SELECT body FROM documents WHERE kind = ? AND key = ?').get(kind, key) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as T) : undefined;
  }

  /** Documents of a kind, in insertion order (or newest first), filtered by parent and state. */
  list<T>(kind: DocumentKind, options: ListOptions = {}): T[] {
    const { sql, params } = listQuery(kind, options);
    const rows = this.statement(sql).all(...params) as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as T);
  }

  /** How many documents of a kind are under a parent in one of the states (by index). */
  count(kind: DocumentKind, parent: string, status: readonly string[]): number {
    const { sql, params } = countQuery(kind, parent, status);
    return Number((this.statement(sql).get(...params) as { n: number }).n);
  }

  /** How many distinct statements this store has prepared (each is prepared once, then reused). */
  get preparedStatements(): number {
    return this.statements.size;
  }

  /** Refuses a write to a state opened read-only, saying what to do. */
  private writable(): void {
    if (this.mode === 'read') throw new Error(`the state in ${this.stateDir} was opened read-only (as gluekit tables and show open it, beside a process that may own it), and this operation writes; do it from the process that owns the state, or from gluekit run`);
  }

  /** Inserts a document; returns false (changing nothing) when one with that key exists. */
  insert(kind: DocumentKind, key: string, body: unknown, place: DocumentPlace = {}): boolean {
    this.writable();
    const result = this.statement('INSERT OR IGNORE INTO documents (kind, key, parent, status, body) VALUES (?, ?, ?, ?, ?)').run(
      kind,
      key,
      place.parent ?? '',
      place.status ?? null,
      JSON.stringify(body),
    );
    return result.changes > 0;
  }

  /** Inserts or replaces a document, keeping its place in insertion order when it existed. */
  put(kind: DocumentKind, key: string, body: unknown, place: DocumentPlace = {}): void {
    this.writable();
    const json = JSON.stringify(body);
    const updated = this.statement('UPDATE documents SET body = ?, parent = ?, status = ? WHERE kind = ? AND key = ?').run(json, place.parent ?? '', place.status ?? null, kind, key);
    if (updated.changes === 0) {
      this.statement('INSERT INTO documents (kind, key, parent, status, body) VALUES (?, ?, ?, ?, ?)').run(kind, key, place.parent ?? '', place.status ?? null, json);
    }
  }

  delete(kind: DocumentKind, key: string): boolean {
    this.writable();
    return this.statement('DELETE FROM documents WHERE kind = ? AND key = ?').run(kind, key).changes > 0;
  }

  deleteChildren(kind: DocumentKind, parent: string): number {
    this.writable();
    return this.statement('DELETE FROM documents WHERE kind = ? AND parent = ?').run(kind, parent).changes;
  }

  /** Runs `fn` in one transaction: all its writes land, or none. Nested calls join the outer transaction. */
  transaction<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    this.writable();
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = fn();
      this.db.exec('COMMIT');
      return result;
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw e;
    }
  }

  /**
   * Runs async `fn` in one transaction. Whatever else writes while it awaits joins the transaction, so use it only where
   * nothing else runs (a deploy, before any run starts).
   */
  async transactionAsync<T>(fn: () => Promise<T>): Promise<T> {
    if (this.db.inTransaction) return fn();
    this.writable();
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = await fn();
      this.db.exec('COMMIT');
      return result;
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw e;
    }
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }
}
