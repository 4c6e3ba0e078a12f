import type { Union } from '@aws-sdk/client-glue';
import type { NodeDefinition } from '../node-definition';

/**
 * `frame1.union(frame2)`: every record of both frames (GLUE-REFERENCE section 2); awsglue's `Union` transform class is
 * broken (it references an undefined name), so the script calls the DynamicFrame method. `UnionType` DISTINCT keeps
 * one of each distinct record, through the DataFrame API: `toDF().unionByName(..., allowMissingColumns=True)
 * .distinct()` (fields matched by name, as the DynamicFrame union matches them).
 */
export const UnionNode: NodeDefinition<Union> = {
  role: 'transform',
  inputs: 2,
  validate(p, check) {
    check.oneOf('UnionType', p.UnionType, ['ALL', 'DISTINCT']);
  },
  emit(p, script) {
    if (p.UnionType === 'DISTINCT') {
      script.need('DynamicFrame');
      return `DynamicFrame.fromDF(${script.input(0)}.toDF().unionByName(${script.input(1)}.toDF(), allowMissingColumns=True).distinct(), glueContext, ${script.str(script.nodeId)})`;
    }
    return `${script.input(0)}.union(${script.input(1)}, ${script.transformationCtx})`;
  },
};
