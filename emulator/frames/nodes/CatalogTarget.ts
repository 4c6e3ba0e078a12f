import { writeCatalogTable } from '../catalog-table-write';
import { joinPath } from '../field-lookup';
import { NodeCompiler } from '../node-compiler';

/**
 * `write_dynamic_frame.from_catalog`: writes in the table's format, delimiter, header and column order to its location.
 * It adds no partition to the catalog: the generated script passes no `enableUpdateCatalog`, and without it Glue
 * registers none (GLUE-REFERENCE section 10); a crawler, or an S3CatalogTarget, makes them known.
 */
export const compileCatalogTarget: NodeCompiler<'CatalogTarget'> = async (node, [input], session) => {
  const p = node.parameters;
  await writeCatalogTable(session, node.id, input, p.Database!, p.Table!, (p.PartitionKeys ?? []).map(joinPath));
  return undefined;
};
