import { NodeCompiler } from '../node-compiler';
import { parquetColumns } from '../sink-values';
import { quoteIdentifier } from '../sql';

/**
 * `Union`: every record of both frames, fields matched by name (a field only one frame has is null in the other's
 * records). DISTINCT keeps one of each distinct record, over the frames as `toDF()` gives them (a choice as a struct).
 * An empty frame (no fields) adds nothing.
 */
export const compileUnion: NodeCompiler<'Union'> = (node, [first, second], session) => {
  // An empty frame (no fields, no records) adds nothing, not even its placeholder field.
  if (second.empty && !(first.empty)) return node.parameters.UnionType === 'DISTINCT' ? session.frame(node.id, `SELECT DISTINCT ${parquetColumns(first.schema)} FROM ${quoteIdentifier(first.view)}`) : session.same(node.id, first);
  if (first.empty) return node.parameters.UnionType === 'DISTINCT' && !second.empty ? session.frame(node.id, `SELECT DISTINCT ${parquetColumns(second.schema)} FROM ${quoteIdentifier(second.view)}`) : session.same(node.id, second);
  if (node.parameters.UnionType === 'DISTINCT') {
    const both = `SELECT ${parquetColumns(first.schema)} FROM ${quoteIdentifier(first.view)} UNION ALL BY NAME SELECT ${parquetColumns(second.schema)} FROM ${quoteIdentifier(second.view)}`;
    return session.frame(node.id, `SELECT DISTINCT * FROM (${both})`);
  }
  return session.frame(node.id, `SELECT * FROM ${quoteIdentifier(first.view)} UNION ALL BY NAME SELECT * FROM ${quoteIdentifier(second.view)}`);
};
