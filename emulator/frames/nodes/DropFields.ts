import { emptyProjection, joinPath, resolvePath } from '../field-lookup';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { quoteIdentifier } from '../sql';

/** `DropFields`: drops the listed top-level fields; unknown paths are ignored. */
export const compileDropFields: NodeCompiler<'DropFields'> = (node, [input], session) => {
  const paths = (node.parameters.Paths ?? []).map(joinPath);
  for (const p of paths) resolvePath(input, p, nodeWhere(node));
  const dropped = new Set(paths.map((p) => p.toLowerCase()));
  const cols = input.schema.filter((f) => !dropped.has(f.name.toLowerCase())).map((f) => quoteIdentifier(f.name));
  return session.frame(node.id, cols.length > 0 ? `SELECT ${cols.join(', ')} FROM ${quoteIdentifier(input.view)}` : emptyProjection(input));
};
