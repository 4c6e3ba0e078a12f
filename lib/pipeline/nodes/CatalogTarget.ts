import type { BasicCatalogTarget } from '@aws-sdk/client-glue';
import type { NodeDefinition } from '../node-definition';
import { pyDict } from '../python-literal';

/** `write_dynamic_frame.from_catalog(database, table_name)`: writes in the table's format to its location. */
export const CatalogTargetNode: NodeDefinition<BasicCatalogTarget> = {
  role: 'target',
  validate(p, check) {
    check.string('Database', p.Database);
    check.string('Table', p.Table);
    check.paths('PartitionKeys', p.PartitionKeys);
  },
  emit(p, script) {
    const kwargs = [script.frame(), `database=${script.str(p.Database!)}`, `table_name=${script.str(p.Table!)}`];
    if (p.PartitionKeys && p.PartitionKeys.length > 0) kwargs.push(`additional_options=${pyDict([['partitionKeys', script.paths(p.PartitionKeys)]])}`);
    return `glueContext.write_dynamic_frame.from_catalog(${[...kwargs, script.transformationCtx].join(', ')})`;
  },
};
