import { NodeCompiler } from '../node-compiler';
import { quoteIdentifier } from '../sql';

/** `Union` (ALL): every record of both frames, fields matched by name (a field only one frame has is null in the other's records). */
export const compileUnion: NodeCompiler<'Union'> = (node, [first, second], session) =>
  session.frame(node.id, `SELECT * FROM ${quoteIdentifier(first.view)} UNION ALL BY NAME SELECT * FROM ${quoteIdentifier(second.view)}`);
