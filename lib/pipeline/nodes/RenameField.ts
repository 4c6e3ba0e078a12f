import type { RenameField } from '@aws-sdk/client-glue';
import type { NodeDefinition } from '../node-definition';

/** `RenameField.apply(frame, old_name, new_name)`: full paths (`address.state`). */
export const RenameFieldNode: NodeDefinition<RenameField> = {
  role: 'transform',
  errorThresholds: true,
  validate(p, check) {
    check.path('SourcePath', p.SourcePath);
    check.path('TargetPath', p.TargetPath);
  },
  emit(p, script) {
    return `RenameField.apply(${script.frame()}, old_name=${script.path(p.SourcePath!)}, new_name=${script.path(p.TargetPath!)}, ${script.transformationCtx})`;
  },
};
