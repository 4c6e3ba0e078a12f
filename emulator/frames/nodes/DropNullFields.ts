import { emptyProjection } from '../field-lookup';
import { NodeCompiler } from '../node-compiler';
import { quoteIdentifier } from '../sql';

/**
 * `DropNullFields`: drops the top-level fields that are null in every record. Which fields those are depends on the
 * data, as Glue's computed schema does: one counting query decides, then the frame keeps the others.
 * Unconfirmed: fields inside structs are not looked into yet (Glue recurses into structs and arrays of structs).
 */
export const compileDropNullFields: NodeCompiler<'DropNullFields'> = async (node, [input], session) => {
  if (input.schema.length === 0) return session.frame(node.id, `SELECT * FROM ${quoteIdentifier(input.view)}`);
  const counts = await session.step(node.id, () =>
    session.connection.runAndReadAll(`SELECT ${input.schema.map((f, i) => `count(${quoteIdentifier(f.name)}) AS c${i}`).join(', ')} FROM ${quoteIdentifier(input.view)}`),
  );
  const row = counts.getRowObjectsJS()[0];
  const kept = input.schema.filter((_f, i) => Number(row[`c${i}`]) > 0).map((f) => quoteIdentifier(f.name));
  return session.frame(node.id, kept.length > 0 ? `SELECT ${kept.join(', ')} FROM ${quoteIdentifier(input.view)}` : emptyProjection(input));
};
