import type { CatalogSource } from '@aws-sdk/client-glue';
import type { NodeDefinition } from '../node-definition';
import { parsePartitionPredicate, PartitionPredicateError } from '../partition-predicate';

/** `create_dynamic_frame.from_catalog(database, table_name, push_down_predicate)`. */
export const CatalogSourceNode: NodeDefinition<CatalogSource> = {
  role: 'source',
  validate(p, check) {
    check.string('Database', p.Database);
    check.string('Table', p.Table);
    const predicate = check.optionalString('PartitionPredicate', p.PartitionPredicate);
    if (predicate !== undefined && !check.deferred(predicate)) {
      try {
        parsePartitionPredicate(predicate);
      } catch (e) {
        if (e instanceof PartitionPredicateError) check.fail(`PartitionPredicate: ${e.message}`);
        throw e;
      }
    }
  },
  emit(p, script) {
    const kwargs = [`database=${script.str(p.Database!)}`, `table_name=${script.str(p.Table!)}`];
    if (p.PartitionPredicate) kwargs.push(`push_down_predicate=${script.str(p.PartitionPredicate)}`);
    return `glueContext.create_dynamic_frame.from_catalog(${[...kwargs, script.transformationCtx].join(', ')})`;
  },
};
