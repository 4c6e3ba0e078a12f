import type { StorageDescriptor } from '@aws-sdk/client-glue';
import { writeCatalogTable } from '../catalog-table-write';
import { joinPath } from '../field-lookup';
import { escapePartitionValue, HIVE_DEFAULT_PARTITION } from '../hive-partition-path';
import { NodeCompiler } from '../node-compiler';

/**
 * `write_dynamic_frame.from_catalog` with `enableUpdateCatalog` (updateBehavior LOG): writes as a CatalogTarget, and the
 * partitions it wrote are added to the table when the run commits (those the table has already stay as they are).
 */
export const compileS3CatalogTarget: NodeCompiler<'S3CatalogTarget'> = async (node, [input], session) => {
  const p = node.parameters;
  const written = await writeCatalogTable(session, node.id, input, p.Database!, p.Table!, (p.PartitionKeys ?? []).map(joinPath));
  const { table, destination, keys } = written;
  if ((table.PartitionKeys ?? []).length === 0) return undefined;
  session.staged.partitions.push({
    database: table.DatabaseName!,
    table: table.Name!,
    inputs: written.partitions.map((values) => {
      const folder = keys.map((k, i) => `${k}=${escapePartitionValue(values[i])}`).join('/');
      const sd: StorageDescriptor = { ...table.StorageDescriptor, Location: `s3://${destination.bucket}/${destination.prefix}${folder}/` };
      return { Values: values.map((v) => v ?? HIVE_DEFAULT_PARTITION), StorageDescriptor: sd };
    }),
  });
  return undefined;
};
