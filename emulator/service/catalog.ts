import type { Database, DatabaseInput, Partition, PartitionInput, Table, TableInput } from '@aws-sdk/client-glue';
import type { StateStore } from '../state/state-store';
import { alreadyExists, entityNotFound, invalidInput } from './errors';

const CATALOG_ID = '000000000000';

/** Glue names are case-insensitive and stored lower case. */
function norm(name: string | undefined, field: string): string {
  if (!name || typeof name !== 'string') throw invalidInput(`${field} is required`);
  return name.toLowerCase();
}

/** The Data Catalog operations: databases, tables, partitions. */
export class CatalogService {
  constructor(private readonly store: StateStore, private readonly now: () => Date = () => new Date()) {}

  createDatabase(input: { DatabaseInput: DatabaseInput }): void {
    const name = norm(input.DatabaseInput?.Name, 'DatabaseInput.Name');
    const db: Database = { ...input.DatabaseInput, Name: name, CatalogId: CATALOG_ID, CreateTime: this.now() };
    if (!this.store.insert('database', name, db)) throw alreadyExists(`Database ${name} already exists.`);
  }

  getDatabase(input: { Name: string }): { Database: Database } {
    const name = norm(input.Name, 'Name');
    const db = this.store.get<Database>('database', name);
    if (!db) throw entityNotFound(`Database ${name} not found.`);
    return { Database: db };
  }

  getDatabases(): { DatabaseList: Database[] } {
    return { DatabaseList: this.store.list<Database>('database') };
  }

  createTable(input: { DatabaseName: string; TableInput: TableInput }): void {
    const dbName = norm(input.DatabaseName, 'DatabaseName');
    this.getDatabase({ Name: dbName });
    const name = norm(input.TableInput?.Name, 'TableInput.Name');
    const now = this.now();
    const table: Table = {
      ...input.TableInput,
      Name: name,
      DatabaseName: dbName,
      CatalogId: CATALOG_ID,
      CreateTime: now,
      UpdateTime: now,
      IsRegisteredWithLakeFormation: false,
    };
    if (!this.store.insert('table', `${dbName}.${name}`, table, dbName)) {
      throw alreadyExists(`Table ${name} already exists in database ${dbName}.`);
    }
  }

  updateTable(input: { DatabaseName: string; TableInput: TableInput }): void {
    const dbName = norm(input.DatabaseName, 'DatabaseName');
    const name = norm(input.TableInput?.Name, 'TableInput.Name');
    const existing = this.getTable({ DatabaseName: dbName, Name: name }).Table;
    const table: Table = {
      ...input.TableInput,
      Name: name,
      DatabaseName: dbName,
      CatalogId: CATALOG_ID,
      CreateTime: existing.CreateTime,
      UpdateTime: this.now(),
      IsRegisteredWithLakeFormation: false,
    };
    this.store.put('table', `${dbName}.${name}`, table, dbName);
  }

  getTable(input: { DatabaseName: string; Name: string }): { Table: Table } {
    const dbName = norm(input.DatabaseName, 'DatabaseName');
    const name = norm(input.Name, 'Name');
    const table = this.store.get<Table>('table', `${dbName}.${name}`);
    if (!table) {
      if (!this.store.get('database', dbName)) throw entityNotFound(`Database ${dbName} not found.`);
      throw entityNotFound(`Table ${name} not found in database ${dbName}.`);
    }
    return { Table: table };
  }

  getTables(input: { DatabaseName: string }): { TableList: Table[] } {
    const dbName = norm(input.DatabaseName, 'DatabaseName');
    this.getDatabase({ Name: dbName });
    return { TableList: this.store.list<Table>('table', dbName) };
  }

  deleteTable(input: { DatabaseName: string; Name: string }): void {
    const dbName = norm(input.DatabaseName, 'DatabaseName');
    const name = norm(input.Name, 'Name');
    this.store.transaction(() => {
      if (!this.store.delete('table', `${dbName}.${name}`)) throw entityNotFound(`Table ${name} not found in database ${dbName}.`);
      this.store.deleteChildren('partition', `${dbName}.${name}`);
    });
  }

  /** Creates partitions; ones that exist are reported in `Errors`, as Glue does, and the rest are created. */
  batchCreatePartition(input: { DatabaseName: string; TableName: string; PartitionInputList: PartitionInput[] }): {
    Errors: { PartitionValues?: string[]; ErrorDetail: { ErrorCode: string; ErrorMessage: string } }[];
  } {
    const { Table: table } = this.getTable({ DatabaseName: input.DatabaseName, Name: input.TableName });
    const parent = `${table.DatabaseName}.${table.Name}`;
    const errors: { PartitionValues?: string[]; ErrorDetail: { ErrorCode: string; ErrorMessage: string } }[] = [];
    const keyCount = table.PartitionKeys?.length ?? 0;
    this.store.transaction(() => {
      for (const p of input.PartitionInputList ?? []) {
        const values = p.Values ?? [];
        if (values.length !== keyCount) {
          errors.push({
            PartitionValues: values,
            ErrorDetail: { ErrorCode: 'InvalidInputException', ErrorMessage: `The number of partition values (${values.length}) does not match the table's ${keyCount} partition keys.` },
          });
          continue;
        }
        const now = this.now();
        const partition: Partition = { ...p, DatabaseName: table.DatabaseName, TableName: table.Name, CatalogId: CATALOG_ID, CreationTime: now, LastAccessTime: now };
        if (!this.store.insert('partition', `${parent}/${JSON.stringify(values)}`, partition, parent)) {
          errors.push({ PartitionValues: values, ErrorDetail: { ErrorCode: 'AlreadyExistsException', ErrorMessage: 'Partition already exists.' } });
        }
      }
    });
    return { Errors: errors };
  }

  updatePartition(input: { DatabaseName: string; TableName: string; PartitionValueList: string[]; PartitionInput: PartitionInput }): void {
    const { Table: table } = this.getTable({ DatabaseName: input.DatabaseName, Name: input.TableName });
    const parent = `${table.DatabaseName}.${table.Name}`;
    const key = `${parent}/${JSON.stringify(input.PartitionValueList)}`;
    const existing = this.store.get<Partition>('partition', key);
    if (!existing) throw entityNotFound(`Partition not found: ${input.PartitionValueList.join(', ')} in ${parent}.`);
    this.store.put('partition', key, { ...existing, ...input.PartitionInput, LastAccessTime: this.now() }, parent);
  }

  deletePartition(input: { DatabaseName: string; TableName: string; PartitionValues: string[] }): void {
    const { Table: table } = this.getTable({ DatabaseName: input.DatabaseName, Name: input.TableName });
    const parent = `${table.DatabaseName}.${table.Name}`;
    if (!this.store.delete('partition', `${parent}/${JSON.stringify(input.PartitionValues)}`)) {
      throw entityNotFound(`Partition not found: ${input.PartitionValues.join(', ')} in ${parent}.`);
    }
  }

  getPartitions(input: { DatabaseName: string; TableName: string }): { Partitions: Partition[] } {
    const { Table: table } = this.getTable({ DatabaseName: input.DatabaseName, Name: input.TableName });
    const partitions = this.store.list<Partition>('partition', `${table.DatabaseName}.${table.Name}`);
    partitions.sort((a, b) => compareValues(a.Values ?? [], b.Values ?? []));
    return { Partitions: partitions };
  }
}

function compareValues(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}
