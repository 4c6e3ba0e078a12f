import { emptyProjection, joinPath, resolvePath } from '../field-lookup';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { quoteIdentifier } from '../sql';
import { toDuckDbType } from '../types';

/**
 * A value cast as the DynamicFrame cast does: null when it cannot be cast. A string becomes binary as its UTF-8 bytes
 * (Spark's cast); DuckDB's own VARCHAR to BLOB cast reads escape sequences instead.
 */
function cast(value: string, from: string, to: string): string {
  if (from === to) return value;
  if (to === 'BLOB' && from === 'VARCHAR') return `encode(${value})`;
  return `TRY_CAST(${value} AS ${to})`;
}

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
    cols.push(`${cast(quoteIdentifier(field.name), field.type, target)} AS ${quoteIdentifier(to)}`);
  }
  return session.frame(node.id, cols.length > 0 ? `SELECT ${cols.join(', ')} FROM ${quoteIdentifier(input.view)}` : emptyProjection(input));
};
