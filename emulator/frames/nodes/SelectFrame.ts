import type { NodeCompiler } from '../node-compiler';


/**
 * `SelectFromCollection.apply(dfc, key)`: the collection's frame named `Key`. A name the collection does not have gives
 * an empty frame, as awsglue's `DynamicFrameCollection.select` does.
 */
export const compileSelectFrame: NodeCompiler<'SelectFrame'> = async (node, [collection], session) => {
  const frame = collection.frames.get(node.parameters.Key);
  return frame ? session.same(node.id, frame) : session.emptyFrame(node.id);
};
