import type { Union } from '@aws-sdk/client-glue';
import type { NodeDefinition } from '../node-definition';

/**
 * `frame1.union(frame2)`: every record of both frames (GLUE-REFERENCE section 2). awsglue's `Union` transform class is
 * broken (it references an undefined name), so the script calls the DynamicFrame method. Only `UnionType` ALL is
 * supported yet; DISTINCT would drop duplicate records.
 */
export const UnionNode: NodeDefinition<Union> = {
  role: 'transform',
  inputs: 2,
  validate(p, check) {
    check.oneOf('UnionType', p.UnionType, ['ALL']);
  },
  emit(_p, script) {
    return `${script.input(0)}.union(${script.input(1)}, ${script.transformationCtx})`;
  },
};
