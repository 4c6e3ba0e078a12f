import { joinPath, resolvePath } from '../field-lookup';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { quoteIdentifier } from '../sql';

/** `RenameField`: renames one field; a path that is not in the frame leaves the frame unchanged, as in Glue. */
export const compileRenameField: NodeCompiler<'RenameField'> = (node, [input], session) => {
  const where = nodeWhere(node);
  const from = joinPath(node.parameters.SourcePath);
  const to = joinPath(node.parameters.TargetPath);
  if (node.parameters.TargetPath!.length > 1 || to.includes('.')) throw new Error(`${where}: renaming into a nested path ('${to}') is not supported by gluekit's frame engine yet`);
  const field = resolvePath(input, from, where);
  if (!field) return session.frame(node.id, `SELECT * FROM ${quoteIdentifier(input.view)}`);
  const cols = input.schema
    .filter((f) => f === field || f.name.toLowerCase() !== to.toLowerCase())
    .map((f) => (f === field ? `${quoteIdentifier(f.name)} AS ${quoteIdentifier(to)}` : quoteIdentifier(f.name)));
  return session.frame(node.id, `SELECT ${cols.join(', ')} FROM ${quoteIdentifier(input.view)}`);
};
