import { pathParts } from '../field-lookup';
import { NodeCompiler } from '../node-compiler';
import { Projection } from '../projection';

/**
 * `SelectFields`: keeps the fields at the paths, in the frame's order; a nested path (`address.state`) keeps that part
 * of its struct (Unconfirmed: GLUE-REFERENCE section 2 says SelectFields selects top-level fields; the stand-ins keep the
 * part). Paths not in the frame are ignored.
 */
export const compileSelectFields: NodeCompiler<'SelectFields'> = (node, [input], session) => {
  const output = Projection.of(input).select((node.parameters.Paths ?? []).map(pathParts), 'ignore-case');
  return session.projected(node.id, input, output);
};
