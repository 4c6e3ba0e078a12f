import { NodeCompiler } from '../node-compiler';
import { dataFrameSql } from '../sink-values';
import { quoteIdentifier } from '../sql';

/**
 * `Union`: every record of both frames, fields matched by name (a field only one frame has is null in the other's
 * records). DISTINCT keeps one of each distinct record, over the frames as `toDF()` gives them (a choice as a struct).
 * An empty frame (no fields) adds nothing.
 */
export const compileUnion: NodeCompiler<'Union'> = (node, [first, second], session) => {
  const distinct = node.parameters.UnionType === 'DISTINCT';
  // An empty frame (no fields, no records) adds nothing, not even its placeholder field.
  const [kept, other] = first.empty ? [second, first] : [first, second];
  if (other.empty) return distinct && !kept.empty ? session.frame(node.id, `SELECT DISTINCT * FROM (${dataFrameSql(kept)})`) : session.same(node.id, kept);
  if (distinct) return session.frame(node.id, `SELECT DISTINCT * FROM (${dataFrameSql(first)} UNION ALL BY NAME ${dataFrameSql(second)})`);
  return session.frame(node.id, `SELECT * FROM ${quoteIdentifier(first.view)} UNION ALL BY NAME SELECT * FROM ${quoteIdentifier(second.view)}`);
};
