import type { SelectFromCollection } from '@aws-sdk/client-glue';
import type { NodeDefinition } from '../node-definition';

/**
 * Glue Studio's `SelectFromCollection`: the frame at `Index` of a collection, as Studio prints it,
 * `SelectFromCollection.apply(dfc, key=list(dfc.keys())[Index])`. A SplitFields collection's order is its two frames';
 * a Relationalize collection's is the root, then a frame per array in the order found (Unconfirmed: Glue's order of
 * a relationalized collection's keys). An index past the collection's end fails the run (Python's IndexError).
 */
export const SelectFromCollectionNode: NodeDefinition<SelectFromCollection, 'selection'> = {
  role: 'selection',
  validate(p, check) {
    if (!Number.isInteger(p.Index) || p.Index! < 0) check.fail(`Index must be a whole number from 0, found ${String(p.Index)}`);
  },
  emit(p, script) {
    const dfc = script.input(0);
    return `SelectFromCollection.apply(dfc=${dfc}, key=list(${dfc}.keys())[${p.Index}], ${script.transformationCtx})`;
  },
};
