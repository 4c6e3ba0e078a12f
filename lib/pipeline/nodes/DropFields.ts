import type { DropFields } from '@aws-sdk/client-glue';
import type { NodeDefinition } from '../node-definition';

/** `DropFields.apply(frame, paths)`. */
export const DropFieldsNode: NodeDefinition<DropFields> = {
  role: 'transform',
  errorThresholds: true,
  validate(p, check) {
    check.paths('Paths', p.Paths);
  },
  emit(p, script) {
    return `DropFields.apply(${script.frame()}, paths=${script.paths(p.Paths)}, ${script.transformationCtx})`;
  },
};
