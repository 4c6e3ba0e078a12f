import type { StorageDescriptor, Table } from '@aws-sdk/client-glue';
import { joinPath } from '../field-lookup';
import { HIVE_DEFAULT_PARTITION, escapePartitionValue } from '../hive-partition-path';
import { NodeCompiler } from '../node-compiler';
import { s3Destination } from '../s3-destination';
import { quoteIdentifier } from '../sql';
import { stage } from '../staging';

/**
 * `write_dynamic_frame.from_catalog`: writes in the table's format, delimiter, header and column order to its location;
 * the partitions it wrote are added to the catalog when the run commits.
 */
export const compileCatalogTarget: NodeCompiler<'CatalogTarget'> = async (node, [input], session) => {
  const p = node.parameters;
  const where = `node '${node.id}' (CatalogTarget ${p.Database}.${p.Table})`;
  let table: Table;
  try {
    table = session.catalog.getTable(p.Database!, p.Table!);
  } catch (e) {
    throw new Error(`node '${node.id}': ${(e as Error).message}`);
  }
  const location = table.StorageDescriptor?.Location;
  if (!location) throw new Error(`${where}: the table has no StorageDescriptor.Location to write to`);
  const params = { ...(table.StorageDescriptor?.Parameters ?? {}), ...(table.Parameters ?? {}) };
  const classification = (params.classification ?? 'parquet').toLowerCase();
  if (classification !== 'parquet' && classification !== 'csv' && classification !== 'json') throw new Error(`${where}: cannot write classification '${classification}'`);
  const tableKeys = (table.PartitionKeys ?? []).map((k) => k.Name!);
  const keys = tableKeys.length > 0 ? tableKeys : (p.PartitionKeys ?? []).map(joinPath);
  const destination = s3Destination(location, `${where} Location`);
  const serde = table.StorageDescriptor?.SerdeInfo?.Parameters ?? {};
  const delimiter = params.delimiter ?? serde['field.delim'] ?? serde.separatorChar ?? ',';
  const header = params['skip.header.line.count'] === '1';
  const columns = (table.StorageDescriptor?.Columns ?? []).map((c) => c.Name!);
  const missing = columns.filter((c) => !input.schema.some((f) => f.name.toLowerCase() === c.toLowerCase()));
  if (missing.length > 0) throw new Error(`${where}: the frame lacks the table's column(s) ${missing.join(', ')}`);
  const ordered = columns.length > 0 ? await session.frame(node.id, `SELECT ${[...columns, ...keys].map(quoteIdentifier).join(', ')} FROM ${quoteIdentifier(input.view)}`) : input;
  const written = await stage(session, node.id, ordered, { format: classification, compression: classification === 'parquet' ? 'snappy' : 'none', partitionKeys: keys, delimiter, header }, destination);
  if (tableKeys.length === 0) return undefined;
  session.staged.partitions.push({
    database: table.DatabaseName!,
    table: table.Name!,
    inputs: written.map((values) => {
      const folder = tableKeys.map((k, i) => `${k}=${escapePartitionValue(values[i])}`).join('/');
      const sd: StorageDescriptor = { ...table.StorageDescriptor, Location: `s3://${destination.bucket}/${destination.prefix}${folder}/` };
      return { Values: values.map((v) => v ?? HIVE_DEFAULT_PARTITION), StorageDescriptor: sd };
    }),
  });
  return undefined;
};
