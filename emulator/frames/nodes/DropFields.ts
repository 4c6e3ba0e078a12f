import { pathParts } from '../field-lookup';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { Projection } from '../projection';

/**
 * `DropFields`: drops the fields at the paths: `a.b` inside the struct `a` (a struct losing its last field goes too),
 * `arr.b` inside every struct element of the array `arr`. Paths not in the frame are ignored.
 */
export const compileDropFields: NodeCompiler<'DropFields'> = (node, [input], session) => {
  const output = Projection.of(input);
  for (const p of node.parameters.Paths ?? []) output.drop(pathParts(p), 'ignore-case', nodeWhere(node));
  return session.projected(node.id, input, output);
};
