import type { DropDuplicates } from '@aws-sdk/client-glue';
import type { NodeDefinition } from '../node-definition';

/**
 * Glue Studio's Drop Duplicates: one record per distinct value of `Columns` (top-level field names; without them, of
 * whole records), printed as Studio prints it, through the DataFrame API:
 * `DynamicFrame.fromDF(frame.toDF().dropDuplicates([...]), glueContext, "<id>")`.
 */
export const DropDuplicatesNode: NodeDefinition<DropDuplicates> = {
  role: 'transform',
  validate(p, check) {
    check.paths('Columns', p.Columns).forEach((c, i) => {
      if (c.length !== 1 || c[0].includes('.')) check.fail(`Columns[${i}] '${c.join('.')}' must be a top-level field name (Spark's dropDuplicates takes no nested paths)`);
    });
  },
  emit(p, script) {
    script.need('DynamicFrame');
    const columns = p.Columns && p.Columns.length > 0 ? script.paths(p.Columns) : '';
    return `DynamicFrame.fromDF(${script.input(0)}.toDF().dropDuplicates(${columns}), glueContext, ${script.str(script.nodeId)})`;
  },
};
