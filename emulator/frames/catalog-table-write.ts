import type { Table } from '@aws-sdk/client-glue';
import type { DynamicFrame } from './dynamic-frame';
import type { FrameSession } from './frame-session';
import { s3Destination } from './s3-destination';
import { quoteIdentifier } from './sql';
import { Destination, stage } from './staging';

/** What a catalog sink wrote: the table, where, the partition keys it wrote by, and each partition folder's values. */
export interface CatalogTableWrite {
  readonly table: Table;
  readonly destination: Destination;
  readonly keys: string[];
  readonly partitions: (string | null)[][];
}

/**
 * `write_dynamic_frame.from_catalog`'s writing: in the table's format, delimiter, header and column order, to its
 * location, in folders by the table's partition keys (or the sink's, for a table without any).
 */
export async function writeCatalogTable(session: FrameSession, node: string, input: DynamicFrame, database: string, tableName: string, partitionKeys: string[]): Promise<CatalogTableWrite> {
  const where = `node '${node}' (${database}.${tableName})`;
  let table: Table;
  try {
    table = session.catalog.getTable(database, tableName);
  } catch (e) {
    throw new Error(`node '${node}': ${(e as Error).message}`);
  }
  const location = table.StorageDescriptor?.Location;
  if (!location) throw new Error(`${where}: the table has no StorageDescriptor.Location to write to`);
  const params = { ...(table.StorageDescriptor?.Parameters ?? {}), ...(table.Parameters ?? {}) };
  const classification = (params.classification ?? 'parquet').toLowerCase();
  if (classification !== 'parquet' && classification !== 'csv' && classification !== 'json') throw new Error(`${where}: cannot write classification '${classification}'`);
  const tableKeys = (table.PartitionKeys ?? []).map((k) => k.Name!);
  const keys = tableKeys.length > 0 ? tableKeys : partitionKeys;
  const destination = s3Destination(location, `${where} Location`);
  const serde = table.StorageDescriptor?.SerdeInfo?.Parameters ?? {};
  const delimiter = params.delimiter ?? serde['field.delim'] ?? serde.separatorChar ?? ',';
  const header = params['skip.header.line.count'] === '1';
  const columns = (table.StorageDescriptor?.Columns ?? []).map((c) => c.Name!);
  const missing = columns.filter((c) => !input.schema.some((f) => f.name.toLowerCase() === c.toLowerCase()));
  if (missing.length > 0) throw new Error(`${where}: the frame lacks the table's column(s) ${missing.join(', ')}`);
  const ordered = columns.length > 0 ? await session.frame(node, `SELECT ${[...columns, ...keys].map(quoteIdentifier).join(', ')} FROM ${quoteIdentifier(input.view)}`) : input;
  const partitions = await stage(session, node, ordered, { format: classification, compression: classification === 'parquet' ? 'snappy' : 'none', partitionKeys: keys, delimiter, header }, destination);
  return { table, destination, keys, partitions };
}
