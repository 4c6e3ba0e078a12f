import type { SelectFrame } from '../gluekit-nodes';
import type { NodeDefinition } from '../node-definition';

/**
 * `SelectFromCollection.apply(dfc, key)`: the frame named `Key` of a collection (a Relationalize node's), or, as
 * awsglue's `DynamicFrameCollection.select` gives, an empty frame for a name the collection does not have. A gluekit
 * node kind: Glue Studio's `SelectFromCollection` picks by position, which a relationalized collection does not fix.
 */
export const SelectFrameNode: NodeDefinition<SelectFrame, 'selection'> = {
  role: 'selection',
  validate(p, check) {
    check.string('Key', p.Key);
  },
  emit(p, script) {
    return `SelectFromCollection.apply(dfc=${script.input(0)}, key=${script.str(p.Key)}, ${script.transformationCtx})`;
  },
};
