import type { Partition, Table } from '@aws-sdk/client-glue';

/**
 * What the frame engine reads of the Data Catalog: a table and its partitions. The model implements it; the engine
 * never writes the catalog (a run's catalog changes are committed with the run, by exec).
 */
export interface CatalogReader {
  /** The table, or an error with Glue's message (`Table x not found in database y.`). */
  getTable(database: string, table: string): Table;
  /** The table's partitions, sorted by their values. */
  getPartitions(database: string, table: string): Partition[];
}
