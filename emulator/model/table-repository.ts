import type { Table, TableInput } from '@aws-sdk/client-glue';
import type { StateStore } from '../state/state-store';
import { CATALOG_ID, catalogName } from './catalog-names';
import type { DatabaseRepository } from './database-repository';
import { alreadyExists, entityNotFound } from './glue-errors';
import { Stored, toDate, toStored } from './stored-dates';

/** A stored table, back in the API's shape: the one place its dates are converted. */
function fromStored(s: Stored<Table>): Table {
  return {
    ...s,
    CreateTime: toDate(s.CreateTime),
    UpdateTime: toDate(s.UpdateTime),
    LastAccessTime: toDate(s.LastAccessTime),
    LastAnalyzedTime: toDate(s.LastAnalyzedTime),
  } as Table;
}

/** The updatable part of a Table (what a TableInput holds). */
export function tableInputOf(t: Table): TableInput {
  return {
    Name: t.Name,
    Description: t.Description,
    Owner: t.Owner,
    Retention: t.Retention,
    StorageDescriptor: t.StorageDescriptor,
    PartitionKeys: t.PartitionKeys,
    TableType: t.TableType,
    Parameters: t.Parameters,
    ViewOriginalText: t.ViewOriginalText,
    ViewExpandedText: t.ViewExpandedText,
  };
}

/** Catalog tables, keyed `<database>.<table>` in lower case, each under its database. */
export class TableRepository {
  constructor(private readonly state: StateStore, private readonly databases: DatabaseRepository, private readonly now: () => Date) {}

  create(database: string, input: TableInput): Table {
    const db = this.databases.require(database).Name!;
    const name = catalogName(input?.Name, 'TableInput.Name');
    const now = this.now();
    const table: Table = { ...input, Name: name, DatabaseName: db, CatalogId: CATALOG_ID, CreateTime: now, UpdateTime: now, IsRegisteredWithLakeFormation: false };
    if (!this.state.insert('table', `${db}.${name}`, toStored(table), { parent: db })) throw alreadyExists(`Table ${name} already exists in database ${db}.`);
    return table;
  }

  /** Replaces a table's definition (UpdateTable); its creation time stays. */
  update(database: string, input: TableInput): Table {
    const existing = this.require(database, catalogName(input?.Name, 'TableInput.Name'));
    const table: Table = {
      ...input,
      Name: existing.Name,
      DatabaseName: existing.DatabaseName,
      CatalogId: CATALOG_ID,
      CreateTime: existing.CreateTime,
      UpdateTime: this.now(),
      IsRegisteredWithLakeFormation: false,
    };
    this.state.put('table', `${existing.DatabaseName}.${existing.Name}`, toStored(table), { parent: existing.DatabaseName });
    return table;
  }

  find(database: string, name: string): Table | undefined {
    const s = this.state.get<Stored<Table>>('table', `${catalogName(database, 'DatabaseName')}.${catalogName(name, 'Name')}`);
    return s && fromStored(s);
  }

  /** The table, or EntityNotFoundException naming the database or the table, as Glue does. */
  require(database: string, name: string): Table {
    const table = this.find(database, name);
    if (!table) {
      const db = this.databases.require(database).Name;
      throw entityNotFound(`Table ${name.toLowerCase()} not found in database ${db}.`);
    }
    return table;
  }

  list(database: string): Table[] {
    const db = this.databases.require(database).Name!;
    return this.state.list<Stored<Table>>('table', { parent: db }).map(fromStored);
  }

  /** Deletes a table and its partitions. */
  delete(database: string, name: string): void {
    const table = this.require(database, name);
    const key = `${table.DatabaseName}.${table.Name}`;
    this.state.transaction(() => {
      this.state.delete('table', key);
      this.state.deleteChildren('partition', key);
    });
  }
}
