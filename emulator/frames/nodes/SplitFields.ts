import { splitFieldsKeys } from '../../../lib/pipeline/nodes/SplitFields';
import { pathParts } from '../field-lookup';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { Projection } from '../projection';

/**
 * `SplitFields` (GLUE-REFERENCE section 2): the fields at the paths, as SelectFields keeps them, and the others, as
 * DropFields leaves them, each a frame of the collection.
 */
export const compileSplitFields: NodeCompiler<'SplitFields'> = async (node, [input], session) => {
  const paths = (node.parameters.Paths ?? []).map(pathParts);
  const selected = Projection.of(input).select(paths, 'ignore-case');
  const rest = Projection.of(input);
  for (const p of paths) rest.drop(p, 'ignore-case', nodeWhere(node));
  const [name1, name2] = splitFieldsKeys(node.id);
  return { name: node.id, frames: new Map([[name1, await session.projected(node.id, input, selected)], [name2, await session.projected(node.id, input, rest)]]) };
};
