import type { Unnest } from '../gluekit-nodes';
import type { NodeDefinition } from '../node-definition';

/**
 * `UnnestFrame.apply(frame)` (GLUE-REFERENCE section 2): the fields of every struct, at any depth, become top-level
 * fields named by their dotted paths (`address.state`). A gluekit node kind: Glue Studio has no node for it.
 */
export const UnnestNode: NodeDefinition<Unnest> = {
  role: 'transform',
  errorThresholds: true,
  validate() {},
  emit(_p, script) {
    return `UnnestFrame.apply(${script.frame()}, ${script.transformationCtx})`;
  },
};
