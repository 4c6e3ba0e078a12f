import { scanCatalogTable } from '../catalog-table-scan';
import { NodeCompiler, nodeWhere } from '../node-compiler';

/** `create_dynamic_frame.from_catalog`: the table's partitions (pruned by the push-down predicate) or its location. */
export const compileCatalogSource: NodeCompiler<'CatalogSource'> = (node, _inputs, session) =>
  scanCatalogTable(session, node.id, nodeWhere(node), node.parameters.Database!, node.parameters.Table!, node.parameters.PartitionPredicate);
