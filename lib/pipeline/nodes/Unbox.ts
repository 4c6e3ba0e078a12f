import type { Unbox } from '../gluekit-nodes';
import type { NodeDefinition } from '../node-definition';
import { pyString } from '../python-literal';

/**
 * `Unbox.apply(frame, path, format)` (GLUE-REFERENCE section 2): a string field whose values are JSON objects parsed
 * into a struct of the same name. A gluekit node kind: Glue Studio has no node for it. Only `json`: Glue's other
 * formats (csv with a separator) are not read by gluekit's engine.
 */
export const UnboxNode: NodeDefinition<Unbox> = {
  role: 'transform',
  errorThresholds: true,
  validate(p, check) {
    check.string('Path', p.Path);
    if ((p.Format as string) !== 'json') check.fail(`Format '${String(p.Format)}' is not supported; gluekit unboxes json only`);
  },
  emit(p, script) {
    return `Unbox.apply(${script.frame()}, path=${script.str(p.Path)}, format=${pyString(p.Format)}, ${script.transformationCtx})`;
  },
};
