import { emptyProjection, joinPath, resolvePath } from '../field-lookup';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { quoteIdentifier } from '../sql';
import { sparkCast } from '../spark-cast';
import { toDuckDbType } from '../types';

/**
 * `ApplyMapping`: only mapped fields survive, in mapping order, each cast to its target type. A value that cannot be
 * cast becomes null (TRY_CAST), as a DynamicFrame cast does; a source field that does not exist is left out.
 */
export const compileApplyMapping: NodeCompiler<'ApplyMapping'> = (node, [input], session) => {
  const cols: string[] = [];
  for (const [i, m] of (node.parameters.Mapping ?? []).entries()) {
    if (m.Dropped) continue;
    const where = `${nodeWhere(node)} Mapping[${i}]`;
    const from = joinPath(m.FromPath);
    const to = m.ToKey ?? from;
    if (to.includes('.')) throw new Error(`${where}: building a struct ('${to}') is not supported by gluekit's frame engine yet`);
    const field = resolvePath(input, from, where);
    if (!field) continue;
    const target = toDuckDbType(m.ToType ?? 'string', `${where} ToType`, 'mapping');
    cols.push(`${sparkCast(quoteIdentifier(field.name), field.type, target)} AS ${quoteIdentifier(to)}`);
  }
  return session.frame(node.id, cols.length > 0 ? `SELECT ${cols.join(', ')} FROM ${quoteIdentifier(input.view)}` : emptyProjection(input));
};
