import { joinPath, locate, pathParts } from '../field-lookup';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { quoteIdentifier } from '../sql';

/**
 * `Join` (equijoin): the records of both frames whose keys are equal (null keys match nothing), with every field of
 * both. A key is a path (`address.zip` reaches into a struct). A field the second frame shares with the first is kept
 * twice, the second frame's copy named with a `.` prefix (`zip` and `.zip`, GLUE-REFERENCE section 2; Unconfirmed:
 * which side gets the prefix).
 */
export const compileJoin: NodeCompiler<'Join'> = (node, [first, second], session) => {
  const where = nodeWhere(node);
  const columns = node.parameters.Columns!;
  const keys = (frame: typeof first, i: number, relation: string): string[] =>
    columns[i].Keys!.map((k) => {
      const key = locate(frame, pathParts(k), 'ignore-case', relation);
      if (!key) throw new Error(`${where} Columns[${i}]: key '${joinPath(k)}' is not a field of input '${node.inputs[i]}' (fields: ${frame.schema.map((f) => f.name).join(', ')})`);
      return key.sql;
    });
  const left = keys(first, 0, 'l');
  const right = keys(second, 1, 'r');
  const firstNames = new Set(first.schema.map((f) => f.name.toLowerCase()));
  const selected = [
    ...first.schema.map((f) => `l.${quoteIdentifier(f.name)}`),
    ...second.schema.map((f) => `r.${quoteIdentifier(f.name)} AS ${quoteIdentifier(firstNames.has(f.name.toLowerCase()) ? `.${f.name}` : f.name)}`),
  ];
  const on = left.map((l, i) => `${l} = ${right[i]}`).join(' AND ');
  return session.frame(node.id, `SELECT ${selected.join(', ')} FROM ${quoteIdentifier(first.view)} AS l JOIN ${quoteIdentifier(second.view)} AS r ON ${on}`);
};
