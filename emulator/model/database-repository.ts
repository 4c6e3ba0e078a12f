import type { Database, DatabaseInput } from '@aws-sdk/client-glue';
import type { StateStore } from '../state/state-store';
import { CATALOG_ID, catalogName } from './catalog-names';
import { alreadyExists, entityNotFound } from './glue-errors';
import { Stored, toDate, toStored } from './stored-dates';

/** A stored database, back in the API's shape: the one place its dates are converted. */
function fromStored(s: Stored<Database>): Database {
  return { ...s, CreateTime: toDate(s.CreateTime) } as Database;
}

/** Catalog databases, keyed by lower-case name. */
export class DatabaseRepository {
  constructor(private readonly state: StateStore, private readonly now: () => Date) {}

  create(input: DatabaseInput): Database {
    const name = catalogName(input?.Name, 'DatabaseInput.Name');
    const db: Database = { ...input, Name: name, CatalogId: CATALOG_ID, CreateTime: this.now() };
    if (!this.state.insert('database', name, toStored(db))) throw alreadyExists(`Database ${name} already exists.`);
    return db;
  }

  update(name: string, input: DatabaseInput): void {
    const existing = this.require(name);
    const db: Database = { ...input, Name: existing.Name, CatalogId: CATALOG_ID, CreateTime: existing.CreateTime };
    this.state.put('database', existing.Name!, toStored(db));
  }

  find(name: string): Database | undefined {
    const s = this.state.get<Stored<Database>>('database', catalogName(name, 'Name'));
    return s && fromStored(s);
  }

  require(name: string): Database {
    const db = this.find(name);
    if (!db) throw entityNotFound(`Database ${name.toLowerCase()} not found.`);
    return db;
  }

  list(): Database[] {
    return this.state.list<Stored<Database>>('database').map(fromStored);
  }

  delete(name: string): void {
    const db = this.require(name);
    this.state.delete('database', db.Name!);
  }
}
