import type { Partition, PartitionError, PartitionInput, Table } from '@aws-sdk/client-glue';
import type { StateStore } from '../state/state-store';
import { CATALOG_ID } from './catalog-names';
import { alreadyExists, entityNotFound, invalidInput } from './glue-errors';
import { Stored, toDate, toStored } from './stored-dates';
import type { TableRepository } from './table-repository';

/** A stored partition, back in the API's shape: the one place its dates are converted. */
function fromStored(s: Stored<Partition>): Partition {
  return { ...s, CreationTime: toDate(s.CreationTime), LastAccessTime: toDate(s.LastAccessTime), LastAnalyzedTime: toDate(s.LastAnalyzedTime) } as Partition;
}

function tableKey(table: Table): string {
  return `${table.DatabaseName}.${table.Name}`;
}

function partitionKey(table: Table, values: readonly string[]): string {
  return `${tableKey(table)}/${JSON.stringify(values)}`;
}

/** A table's partitions, keyed by their values, under the table. */
export class PartitionRepository {
  constructor(private readonly state: StateStore, private readonly tables: TableRepository, private readonly now: () => Date) {}

  /** Creates partitions; ones that exist or do not fit the table's keys are reported in `Errors`, as Glue does. */
  createMany(database: string, tableName: string, inputs: readonly PartitionInput[]): PartitionError[] {
    const table = this.tables.require(database, tableName);
    const keyCount = table.PartitionKeys?.length ?? 0;
    const errors: PartitionError[] = [];
    this.state.transaction(() => {
      for (const p of inputs) {
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
        if (!this.state.insert('partition', partitionKey(table, values), toStored(partition), { parent: tableKey(table) })) {
          errors.push({ PartitionValues: values, ErrorDetail: { ErrorCode: 'AlreadyExistsException', ErrorMessage: 'Partition already exists.' } });
        }
      }
    });
    return errors;
  }

  /** UpdatePartition: replaces a partition's definition; new `Values` move it (refused onto another partition's). */
  update(database: string, tableName: string, values: readonly string[], input: PartitionInput): void {
    const table = this.tables.require(database, tableName);
    const oldKey = partitionKey(table, values);
    const existing = this.state.get<Stored<Partition>>('partition', oldKey);
    if (!existing) throw entityNotFound(`Partition not found: ${values.join(', ')} in ${tableKey(table)}.`);
    const newValues = input.Values ?? values;
    const keyCount = table.PartitionKeys?.length ?? 0;
    if (newValues.length !== keyCount) throw invalidInput(`The number of partition values (${newValues.length}) does not match the table's ${keyCount} partition keys.`);
    const newKey = partitionKey(table, newValues);
    const updated: Partition = { ...fromStored(existing), ...input, Values: [...newValues], LastAccessTime: this.now() };
    this.state.transaction(() => {
      if (newKey !== oldKey) {
        if (this.state.get('partition', newKey)) throw alreadyExists(`Partition already exists: ${newValues.join(', ')} in ${tableKey(table)}.`);
        this.state.delete('partition', oldKey);
      }
      this.state.put('partition', newKey, toStored(updated), { parent: tableKey(table) });
    });
  }

  find(database: string, tableName: string, values: readonly string[]): Partition | undefined {
    const table = this.tables.require(database, tableName);
    const s = this.state.get<Stored<Partition>>('partition', partitionKey(table, values));
    return s && fromStored(s);
  }

  delete(database: string, tableName: string, values: readonly string[]): void {
    const table = this.tables.require(database, tableName);
    if (!this.state.delete('partition', partitionKey(table, values))) throw entityNotFound(`Partition not found: ${values.join(', ')} in ${tableKey(table)}.`);
  }

  /** A table's partitions, sorted by their values. */
  list(database: string, tableName: string): Partition[] {
    const table = this.tables.require(database, tableName);
    const partitions = this.state.list<Stored<Partition>>('partition', { parent: tableKey(table) }).map(fromStored);
    return partitions.sort((a, b) => compareValues(a.Values ?? [], b.Values ?? []));
  }
}

function compareValues(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}
