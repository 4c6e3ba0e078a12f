import type { DynamicFrame } from '../dynamic-frame';
import type { NodeCompiler } from '../node-compiler';
import type { DataType } from '../schema';
import type { FrameSession } from '../frame-session';
import { flattenStructs } from '../flatten-structs';
import { quoteIdentifier } from '../sql';

/**
 * One frame of a relationalized collection being built: the SQL relation its columns are read from, the columns that
 * order its records (the root's `rowid`, then each level's element index), and its leading columns (`id`, `index`).
 */
interface Level {
  readonly key: string;
  readonly relation: string;
  /** The SQL of a record's position in the frame, from 1, over the relation. */
  readonly position: string;
  readonly order: readonly string[];
  readonly lead: readonly string[];
  /** The values to flatten: the dotted name they start at, their SQL over the relation, their type. */
  readonly values: readonly { readonly name: string; readonly sql: string; readonly type: DataType }[];
}

/**
 * `Relationalize` (GLUE-REFERENCE section 2): the root frame, named by `RootTableName`, holds the records with every
 * struct flattened into dotted names (`location.state`) and every array replaced by a join key (a long); each array
 * gives a frame `<root>_<path>` with `id` (the key), `index` (the element's position from 0, an int) and the element,
 * flattened the same way under `<path>.val` (`friends.val.name`; `friends.val` for a value that is not a struct). An
 * array inside the elements gives its own frame, keyed from its parent's (`people_friends.val.tags`).
 *
 * The input is materialized once (read once, and numbered in a fixed order) so that a key is the same in the frame
 * that holds it and in the frame it keys. Unconfirmed: Glue's key values. Here an array's key is its record's position
 * in its frame, from 1 (the root's records in the order read; the element records of an array inside elements in
 * their parent's order, then by index): a null or missing array has a null key, an empty one a key and no element
 * records. Glue generates its keys per partition; only their joining is to be relied on. Unconfirmed too: the names of
 * frames for arrays inside arrays. The staging path is not written locally.
 */
export const compileRelationalize: NodeCompiler<'Relationalize'> = async (node, [input], session) => {
  // The table's columns get private names, so no field (one named `rowid`) can hide DuckDB's row number.
  const columns = input.schema.map((f, i) => ({ field: f, column: `gluekit_field_${i}` }));
  const selected = columns.length > 0 ? columns.map((c) => `${quoteIdentifier(c.field.name)} AS ${c.column}`).join(', ') : '*';
  const table = await session.table(node.id, `SELECT ${selected} FROM ${quoteIdentifier(input.view)}`);
  const root = node.parameters.RootTableName;
  const order = 'gluekit_order_0';
  const frames = new Map<string, DynamicFrame>();
  const pending: Level[] = [
    {
      key: root,
      relation: `SELECT rowid AS ${order}, * FROM ${quoteIdentifier(table)}`,
      // The table's rowid follows its insertion order: no sort needed.
      position: `${order} + 1`,
      order: [order],
      lead: [],
      values: columns.map((c) => ({ name: c.field.name, sql: c.column, type: c.field.dataType })),
    },
  ];
  while (pending.length > 0) {
    const level = pending.shift()!;
    const { frame, children } = await flattenLevel(node.id, level, root, session);
    if (frames.has(level.key)) throw new Error(`node '${node.id}' (Relationalize): two frames would be named '${level.key}'`);
    frames.set(level.key, frame);
    pending.push(...children);
  }
  return { name: node.id, frames };
};

/** One level's frame, and the levels of the arrays it holds. */
async function flattenLevel(nodeId: string, level: Level, root: string, session: FrameSession): Promise<{ frame: DynamicFrame; children: Level[] }> {
  const columns: string[] = [...level.lead];
  const names = new Set<string>(['id', 'index'].slice(0, level.lead.length));
  const children: Level[] = [];
  const keyOf = (sql: string): string => `CASE WHEN ${sql} IS NULL THEN NULL ELSE ${level.position} END`;
  const add = (name: string, sql: string): void => {
    if (names.has(name)) throw new Error(`node '${nodeId}' (Relationalize): frame '${level.key}' would have two fields named '${name}' (a field's name holds a dot where a struct's flattened name falls)`);
    names.add(name);
    columns.push(`${sql} AS ${quoteIdentifier(name)}`);
  };
  const pivot = (name: string, sql: string, type: DataType): void => {
    if (type.kind === 'array') {
      add(name, keyOf(sql));
      const index = `gluekit_order_${level.order.length}`;
      children.push({
        key: `${root}_${name}`,
        relation:
          `SELECT ${level.order.join(', ')}, gluekit_key, unnest(gluekit_array) AS gluekit_element, generate_subscripts(gluekit_array, 1) - 1 AS ${index} ` +
          `FROM (SELECT ${level.order.join(', ')}, ${keyOf(sql)} AS gluekit_key, ${sql} AS gluekit_array FROM (${level.relation}))`,
        position: `row_number() OVER (ORDER BY ${[...level.order, index].join(', ')})`,
        order: [...level.order, index],
        lead: ['gluekit_key AS "id"', `CAST(${index} AS INTEGER) AS "index"`],
        values: [{ name: `${name}.val`, sql: 'gluekit_element', type: type.element }],
      });
      return;
    }
    add(name, sql);
  };
  for (const v of level.values) flattenStructs(v.name, v.sql, v.type, pivot);
  const frame = await session.frame(nodeId, `SELECT ${columns.join(', ')} FROM (${level.relation})`);
  return { frame, children };
}
