import { joinPath, locate, pathParts } from '../field-lookup';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { quoteIdentifier } from '../sql';

/**
 * `mergeDynamicFrame`: every staging record, and the source records whose primary keys no staging record has (a null
 * key matches nothing, so such a source record stays). Records keep their own fields (matched by name, as `union`).
 * Unconfirmed: that staging records without a source record are added (an upsert), which the developer guide does not
 * say either way. An empty frame (no fields) on one side gives the other side's records.
 */
export const compileMerge: NodeCompiler<'Merge'> = (node, inputs, session) => {
  const where = nodeWhere(node);
  const p = node.parameters;
  const [source, staging] = node.inputs[0] === p.Source ? [inputs[0], inputs[1]] : [inputs[1], inputs[0]];
  // An empty frame (no fields, no records) on one side: the other side's records, as they are.
  if (staging.empty) return session.same(node.id, source);
  if (source.empty) return session.same(node.id, staging);
  const keys = (p.PrimaryKeys ?? []).map((k) => {
    const parts = pathParts(k);
    const s = locate(source, parts, 'ignore-case', 's');
    const t = locate(staging, parts, 'ignore-case', 't');
    if (!s || !t) throw new Error(`${where}: primary key '${joinPath(k)}' is not a field of the ${!s ? `source '${p.Source}'` : 'staging frame'}`);
    return `${s.sql} = ${t.sql}`;
  });
  return session.frame(
    node.id,
    `SELECT * FROM ${quoteIdentifier(staging.view)} UNION ALL BY NAME ` +
      `SELECT s.* FROM ${quoteIdentifier(source.view)} AS s WHERE NOT EXISTS (SELECT 1 FROM ${quoteIdentifier(staging.view)} AS t WHERE ${keys.join(' AND ')})`,
  );
};
