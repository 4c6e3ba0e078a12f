import { scanCatalogTable } from '../catalog-table-scan';
import { NodeCompiler, nodeWhere } from '../node-compiler';

/** Glue Studio's S3 catalog source: the table read as `CatalogSource` reads it (`from_catalog`). */
export const compileS3CatalogSource: NodeCompiler<'S3CatalogSource'> = (node, _inputs, session) =>
  scanCatalogTable(session, node.id, nodeWhere(node), node.parameters.Database!, node.parameters.Table!, node.parameters.PartitionPredicate);
