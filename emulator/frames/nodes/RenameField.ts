import { pathParts } from '../field-lookup';
import { NodeCompiler } from '../node-compiler';
import { Projection } from '../projection';
import { quoteIdentifier } from '../sql';

/**
 * `RenameField`: the field at the full path `SourcePath` gets the path `TargetPath`. In the same struct it keeps its
 * place (replacing a field already called so); to another struct it moves there, made where missing, and goes last.
 * A path that is not in the frame leaves the frame unchanged, as in Glue.
 */
export const compileRenameField: NodeCompiler<'RenameField'> = (node, [input], session) => {
  const output = Projection.of(input);
  output.rename(pathParts(node.parameters.SourcePath), pathParts(node.parameters.TargetPath), 'ignore-case');
  return session.frame(node.id, `SELECT ${output.columns().join(', ')} FROM ${quoteIdentifier(input.view)}`);
};
