import { splitFieldPath } from '../../../lib/pipeline/field-path';
import { splitFieldsKeys } from '../../../lib/pipeline/nodes/SplitFields';
import { locate } from '../field-lookup';
import type { NodeCompiler } from '../node-compiler';
import { NUMERIC_KINDS } from '../schema';
import { quoteIdentifier, quoteLiteral, quoteNumber } from '../sql';

/**
 * `SplitRows`: the records for which every comparison holds, and the others. A comparison holds where the field has a
 * value of the constant's kind (a number field against a number, a string field against a string) that compares so;
 * a missing or null field, or one of another kind, does not (Unconfirmed: awsglue compares in closed code).
 */
export const compileSplitRows: NodeCompiler<'SplitRows'> = async (node, [input], session) => {
  const conditions = node.parameters.Comparisons.map((c) => {
    const field = locate(input, splitFieldPath(c.Path), 'ignore-case');
    if (!field) return 'false';
    const numeric = typeof c.Value === 'number';
    if (numeric ? !NUMERIC_KINDS.has(field.type.kind) : field.type.kind !== 'string') return 'false';
    const operation = c.Operation === '!=' ? '<>' : c.Operation;
    return `coalesce(${field.sql} ${operation} ${numeric ? quoteNumber(String(c.Value)) : quoteLiteral(c.Value as string)}, false)`;
  });
  const all = conditions.join(' AND ');
  const [name1, name2] = splitFieldsKeys(node.id);
  const view = quoteIdentifier(input.view);
  return {
    name: node.id,
    frames: new Map([
      [name1, await session.frame(node.id, `SELECT * FROM ${view} WHERE ${all}`)],
      [name2, await session.frame(node.id, `SELECT * FROM ${view} WHERE NOT (${all})`)],
    ]),
  };
};
