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
  | 'workflow'
  | 'trigger'
  | 'workflowRun'
  /** What one deploy of a stack created, so the next deploy can remove what the stack dropped. */
  | 'deployment';

/** API timestamp fields: stored as ISO strings, read back as Dates (the API's types). */
const DATE_FIELDS = new Set([
  'CreateTime', 'UpdateTime', 'CreationTime', 'LastAccessTime', 'LastAnalyzedTime', 'CreatedOn', 'LastModifiedOn',
  'StartedOn', 'CompletedOn', 'LastUpdated', 'StartTime',
]);

function parse<T>(body: string): T {
  return JSON.parse(body, (key, value) => (DATE_FIELDS.has(key) && typeof value === 'string' ? new Date(value) : value)) as T;
}

interface Row {
  key: string;
  body: string;
}

/**
 * The emulator's state (catalog, crawlers, jobs, runs) in SQLite, one JSON document per Glue entity in the API's own
 * shape. Every change that touches more than one document runs in a transaction, so a failure never leaves half of it.
 */
export class StateStore {
  private readonly db: InstanceType<typeof Database>;

  /** Opens (creating when needed) `<stateDir>/state.db`; `':memory:'` keeps everything in memory. */
  constructor(stateDir: string | ':memory:') {
    if (stateDir === ':memory:') {
      this.db = new Database(':memory:');
    } else {
      fs.mkdirSync(stateDir, { recursive: true });
      this.db = new Database(path.join(stateDir, 'state.db'));
      this.db.exec('PRAGMA journal_mode = WAL');
    }
    this.db.exec('PRAGMA busy_timeout = 5000');
    this.migrate();
  }

  private migrate(): void {
    const current = Number((this.db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
    if (current > MIGRATIONS.length) {
      throw new Error(`state store schema version ${current} is newer than this gluekit understands (${MIGRATIONS.length}); upgrade gluekit or use another --state-dir`);
    }
    for (let v = current; v < MIGRATIONS.length; v++) {
      this.transaction(() => {
        this.db.exec(MIGRATIONS[v]);
        this.db.exec(`PRAGMA user_version = ${v + 1}`);
      });
    }
  }

  get<T>(kind: DocumentKind, key: string): T | undefined {
    const row = this.db.prepare('SELECT body FROM documents WHERE kind = ? AND key = ?').get(kind, key) as Row | undefined;
    return row ? parse<T>(row.body) : undefined;
  }

  /** Documents of a kind (under one parent when given), in insertion order. */
  list<T>(kind: DocumentKind, parent?: string): T[] {
    const rows = (
      parent === undefined
        ? this.db.prepare('SELECT body FROM documents WHERE kind = ? ORDER BY rowid').all(kind)
        : this.db.prepare('SELECT body FROM documents WHERE kind = ? AND parent = ? ORDER BY rowid').all(kind, parent)
    ) as Row[];
    return rows.map((r) => parse<T>(r.body));
  }

  /** Inserts a document; returns false (changing nothing) when one with that key exists. */
  insert(kind: DocumentKind, key: string, body: unknown, parent = ''): boolean {
    const result = this.db
      .prepare('INSERT OR IGNORE INTO documents (kind, key, parent, body) VALUES (?, ?, ?, ?)')
      .run(kind, key, parent, JSON.stringify(body));
    return result.changes > 0;
  }

  /** Inserts or replaces a document, keeping its place in insertion order when it existed. */
  put(kind: DocumentKind, key: string, body: unknown, parent = ''): void {
    const json = JSON.stringify(body);
    const updated = this.db.prepare('UPDATE documents SET body = ?, parent = ? WHERE kind = ? AND key = ?').run(json, parent, kind, key);
    if (updated.changes === 0) {
      this.db.prepare('INSERT INTO documents (kind, key, parent, body) VALUES (?, ?, ?, ?)').run(kind, key, parent, json);
    }
  }

  delete(kind: DocumentKind, key: string): boolean {
    return this.db.prepare('DELETE FROM documents WHERE kind = ? AND key = ?').run(kind, key).changes > 0;
  }

  deleteChildren(kind: DocumentKind, parent: string): number {
    return this.db.prepare('DELETE FROM documents WHERE kind = ? AND parent = ?').run(kind, parent).changes;
  }

  /** Runs `fn` in one transaction: all its writes land, or none. Nested calls join the outer transaction. */
  transaction<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    return this.db.transaction(fn)();
  }

  close(): void {
    this.db.close();
  }
}
