import type { Repartition } from '../gluekit-nodes';
import type { NodeDefinition } from '../node-definition';

/**
 * `frame.repartition(num_partitions)` or `frame.coalesce(num_partitions)` (GLUE-REFERENCE section 8): sets how many
 * Spark partitions, and so output files per folder, the frame has on Glue. A gluekit node kind: Glue Studio has none.
 */
export const RepartitionNode: NodeDefinition<Repartition> = {
  role: 'transform',
  validate(p, check) {
    if (!Number.isInteger(p.NumPartitions) || p.NumPartitions < 1) check.fail(`NumPartitions must be a whole number from 1, found ${String(p.NumPartitions)}`);
    check.boolean('Coalesce', p.Coalesce);
  },
  emit(p, script) {
    return `${script.input(0)}.${p.Coalesce ? 'coalesce' : 'repartition'}(${p.NumPartitions}, ${script.transformationCtx})`;
  },
};
