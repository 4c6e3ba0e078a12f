import { NodeCompiler, nodeWhere } from '../node-compiler';

/** `SelectFromCollection` by position: the collection's frame at `Index`, in the collection's order. */
export const compileSelectFromCollection: NodeCompiler<'SelectFromCollection'> = async (node, [collection], session) => {
  const keys = [...collection.frames.keys()];
  const index = node.parameters.Index!;
  if (index >= keys.length) throw new Error(`${nodeWhere(node)}: Index ${index} is past the end of '${collection.name}', which has ${keys.length} frames (${keys.join(', ')})`);
  return session.same(node.id, collection.frames.get(keys[index])!);
};
