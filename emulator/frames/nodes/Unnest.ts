import { flattenStructs } from '../flatten-structs';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { quoteIdentifier } from '../sql';

/**
 * `UnnestFrame` (GLUE-REFERENCE section 2): every struct's fields, at any depth, become top-level fields named by their
 * dotted paths (`address.geo.lat`), in the struct's place; a null struct gives nulls. Arrays stay as they are, structs
 * inside them too (Unconfirmed: the reference also speaks of `<array>.val.<field>` names for structs inside arrays,
 * which is Relationalize's naming).
 */
export const compileUnnest: NodeCompiler<'Unnest'> = async (node, [input], session) => {
  const columns: string[] = [];
  const names = new Set<string>();
  for (const f of input.schema) {
    flattenStructs(f.name, quoteIdentifier(f.name), f.dataType, (name, sql) => {
      if (names.has(name)) throw new Error(`${nodeWhere(node)}: the frame would have two fields named '${name}' (a field's name holds a dot where a struct's flattened name falls)`);
      names.add(name);
      columns.push(`${sql} AS ${quoteIdentifier(name)}`);
    });
  }
  return session.frame(node.id, columns.length === 0 ? `SELECT * FROM ${quoteIdentifier(input.view)}` : `SELECT ${columns.join(', ')} FROM ${quoteIdentifier(input.view)}`);
};
