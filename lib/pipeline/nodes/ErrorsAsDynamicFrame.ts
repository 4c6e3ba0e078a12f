import type { ErrorsAsDynamicFrame } from '../gluekit-nodes';
import type { NodeDefinition } from '../node-definition';

/**
 * `frame.errorsAsDynamicFrame()` (GLUE-REFERENCE section 8): the error records of the steps that led to the frame, one
 * `error` struct each. A gluekit node kind: Glue Studio has no node for it.
 */
export const ErrorsAsDynamicFrameNode: NodeDefinition<ErrorsAsDynamicFrame> = {
  role: 'transform',
  startsErrorLineage: true,
  validate() {},
  emit(_p, script) {
    return `${script.input(0)}.errorsAsDynamicFrame()`;
  },
};
