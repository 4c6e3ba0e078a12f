import type { SplitFields } from '@aws-sdk/client-glue';
import type { NodeDefinition } from '../node-definition';
import { pyString } from '../python-literal';

/**
 * The names of a splitting node's two frames (SplitFields: the fields at its paths and the others; SplitRows: the
 * records that match and the others): `<node id>_0` and `<node id>_1`.
 */
export function splitFieldsKeys(nodeId: string): [string, string] {
  return [`${nodeId}_0`, `${nodeId}_1`];
}

/**
 * `SplitFields.apply(frame, paths, name1, name2)` (GLUE-REFERENCE section 2): a collection of two frames, the fields
 * at the paths (as SelectFields keeps them) and the others (as DropFields leaves them), named as `splitFieldsKeys`
 * says. A SelectFromCollection node (`Index` 0 or 1) or a SelectFrame node picks one.
 */
export const SplitFieldsNode: NodeDefinition<SplitFields, 'collection'> = {
  role: 'collection',
  errorThresholds: true,
  validate(p, check) {
    if (check.paths('Paths', p.Paths).length === 0) check.fail('Paths must list at least one path');
  },
  emit(p, script) {
    const [name1, name2] = splitFieldsKeys(script.nodeId);
    return `SplitFields.apply(${script.frame()}, paths=${script.paths(p.Paths)}, name1=${pyString(name1)}, name2=${pyString(name2)}, ${script.transformationCtx})`;
  },
};
