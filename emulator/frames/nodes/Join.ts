import { joinPath, locate, pathParts } from '../field-lookup';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { dataFrameSql } from '../sink-values';
import { quoteIdentifier } from '../sql';

/** The SQL join of each Studio join type that goes through the DataFrame API. */
const SQL_JOINS: Record<string, string> = { left: 'LEFT JOIN', right: 'RIGHT JOIN', outer: 'FULL JOIN', leftsemi: 'SEMI JOIN', leftanti: 'ANTI JOIN' };

/**
 * `Join`: equijoin gives the records of both frames whose keys are equal (null keys match nothing), with every field of
 * both. A key is a path (`address.zip` reaches into a struct). A field the second frame shares with the first is kept
 * twice, the second frame's copy named with a `.` prefix (`zip` and `.zip`, GLUE-REFERENCE section 2; Unconfirmed:
 * which side gets the prefix). The other types are Spark DataFrame joins over the frames as `toDF()` gives them:
 * left, right and outer keep every field of both, null where a side has no match, and refuse a name both frames have
 * (Spark would keep both and `fromDF` cannot take them); leftsemi keeps the first frame's records that have a match,
 * leftanti those that have none, with the first frame's fields only. An empty frame (no fields) matches nothing.
 */
export const compileJoin: NodeCompiler<'Join'> = (node, [first, second], session) => {
  const where = nodeWhere(node);
  // An empty frame (no fields, no records) matches nothing: the first frame's records stay only where the join keeps
  // records without a match (left, outer, leftanti), with no field of the empty side.
  if (first.empty || second.empty) {
    const keepsFirst = ['left', 'outer', 'leftanti'].includes(node.parameters.JoinType!) && !first.empty;
    const keepsSecond = ['right', 'outer'].includes(node.parameters.JoinType!) && !second.empty;
    if (keepsFirst) return session.same(node.id, first);
    if (keepsSecond) return session.same(node.id, second);
    return session.emptyFrame(node.id);
  }
  const columns = node.parameters.Columns!;
  const keys = (frame: typeof first, i: number, relation: string): string[] =>
    columns[i].Keys!.map((k) => {
      const key = locate(frame, pathParts(k), 'ignore-case', relation);
      if (!key) throw new Error(`${where} Columns[${i}]: key '${joinPath(k)}' is not a field of input '${node.inputs[i]}' (fields: ${frame.schema.map((f) => f.name).join(', ')})`);
      return key.sql;
    });
  const left = keys(first, 0, 'l');
  const right = keys(second, 1, 'r');
  const on = left.map((l, i) => `${l} = ${right[i]}`).join(' AND ');
  const type = node.parameters.JoinType!;
  if (type !== 'equijoin') {
    const inputs = `(${dataFrameSql(first)}) AS l ${SQL_JOINS[type]} (${dataFrameSql(second)}) AS r ON ${on}`;
    if (type === 'leftsemi' || type === 'leftanti') return session.frame(node.id, `SELECT l.* FROM ${inputs}`);
    const names = new Map(first.schema.map((f) => [f.name.toLowerCase(), f.name]));
    const shared = second.schema.filter((f) => names.has(f.name.toLowerCase())).map((f) => f.name);
    if (shared.length > 0) {
      throw new Error(`${where}: both inputs have a field named ${shared.map((n) => `'${n}'`).join(', ')}; the ${type} join keeps both copies under one name, which a DynamicFrame cannot hold: rename the second input's fields first (Glue Studio adds a prefix such as right_)`);
    }
    return session.frame(node.id, `SELECT l.*, r.* FROM ${inputs}`);
  }
  const firstNames = new Set(first.schema.map((f) => f.name.toLowerCase()));
  const selected = [
    ...first.schema.map((f) => `l.${quoteIdentifier(f.name)}`),
    ...second.schema.map((f) => `r.${quoteIdentifier(f.name)} AS ${quoteIdentifier(firstNames.has(f.name.toLowerCase()) ? `.${f.name}` : f.name)}`),
  ];
  return session.frame(node.id, `SELECT ${selected.join(', ')} FROM ${quoteIdentifier(first.view)} AS l JOIN ${quoteIdentifier(second.view)} AS r ON ${on}`);
};
