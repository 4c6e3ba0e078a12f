import type { Merge } from '@aws-sdk/client-glue';
import type { NodeDefinition } from '../node-definition';

/**
 * `source.mergeDynamicFrame(stage_dynamic_frame=staging, primary_keys=[...])`, as Glue Studio's Merge node prints it:
 * a staging record replaces every source record with its primary keys; source records no staging record matches stay
 * (GLUE-REFERENCE section 2). `Source` names which input is the source, the other is the staging frame.
 */
export const MergeNode: NodeDefinition<Merge> = {
  role: 'transform',
  errorThresholds: true,
  inputs: 2,
  validate(p, check) {
    const source = check.string('Source', p.Source);
    if (Array.isArray(p.Inputs) && !p.Inputs.includes(source)) check.fail(`Source '${source}' is not one of its Inputs (${p.Inputs.join(', ')})`);
    const keys = check.paths('PrimaryKeys', p.PrimaryKeys);
    if (keys.length === 0) check.fail('PrimaryKeys must name at least one key');
  },
  emit(p, script) {
    const [source, staging] = p.Inputs![0] === p.Source ? [script.input(0), script.input(1)] : [script.input(1), script.input(0)];
    return `${source}.mergeDynamicFrame(stage_dynamic_frame=${staging}, primary_keys=${script.paths(p.PrimaryKeys)}, ${script.transformationCtx})`;
  },
};
