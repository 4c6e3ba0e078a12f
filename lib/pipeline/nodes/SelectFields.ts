import type { SelectFields } from '@aws-sdk/client-glue';
import type { NodeDefinition } from '../node-definition';

/** `SelectFields.apply(frame, paths)`: keeps the listed top-level fields. */
export const SelectFieldsNode: NodeDefinition<SelectFields> = {
  role: 'transform',
  errorThresholds: true,
  validate(p, check) {
    check.paths('Paths', p.Paths);
  },
  emit(p, script) {
    return `SelectFields.apply(${script.frame()}, paths=${script.paths(p.Paths)}, ${script.transformationCtx})`;
  },
};
