import type { S3CatalogTarget } from '@aws-sdk/client-glue';
import type { NodeDefinition } from '../node-definition';
import { pyBool, pyDict, pyString } from '../python-literal';

/**
 * `write_dynamic_frame.from_catalog(..., additional_options={"enableUpdateCatalog": True, "updateBehavior": "LOG",
 * "partitionKeys": [...]})`: writes like a CatalogTarget and adds the partitions it wrote to the table (GLUE-REFERENCE
 * section 10). Only `UpdateBehavior` LOG (the table's schema stays) is supported yet: `UPDATE_IN_DATABASE` would also
 * change the table's columns.
 */
export const S3CatalogTargetNode: NodeDefinition<S3CatalogTarget> = {
  role: 'target',
  validate(p, check) {
    check.string('Database', p.Database);
    check.string('Table', p.Table);
    if (check.paths('PartitionKeys', p.PartitionKeys).length === 0) check.fail('PartitionKeys must name the partition keys whose partitions the catalog gets');
    if (p.SchemaChangePolicy?.EnableUpdateCatalog !== true) check.fail('SchemaChangePolicy.EnableUpdateCatalog must be true (a sink that leaves the catalog alone is a CatalogTarget)');
    check.oneOf('SchemaChangePolicy.UpdateBehavior', p.SchemaChangePolicy?.UpdateBehavior ?? 'LOG', ['LOG']);
    check.unsupported('AutoDataQuality', p.AutoDataQuality?.IsEnabled ? true : undefined, 'data quality rules');
  },
  emit(p, script) {
    const options = pyDict([
      ['enableUpdateCatalog', pyBool(true)],
      ['updateBehavior', pyString('LOG')],
      ['partitionKeys', script.paths(p.PartitionKeys)],
    ]);
    return `glueContext.write_dynamic_frame.from_catalog(${script.frame()}, database=${script.str(p.Database!)}, table_name=${script.str(p.Table!)}, additional_options=${options}, ${script.transformationCtx})`;
  },
};
