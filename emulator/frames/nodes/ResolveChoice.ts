import { splitFieldPath } from '../../../lib/pipeline/field-path';
import { readingValues } from '../choice-columns';
import type { DynamicFrame } from '../dynamic-frame';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { Projection, type Replacement } from '../projection';
import { choiceTag, structOf, type DataType } from '../schema';
import { castValue } from '../spark-cast';
import { quoteIdentifier, quoteLiteral } from '../sql';
import { toDataType } from '../types';

/**
 * `ResolveChoice` (GLUE-REFERENCE section 1): each spec's path, or with `Choice` every choice of the frame (inside
 * structs too), resolved by its action:
 * - `cast:<type>`: every value cast from the type it has (one that does not cast is null); also on a field that is not
 *   a choice;
 * - `project:<type>`: the values of that type kept, the others null;
 * - `make_cols`: a `<field>_<type>` field per type of the choice, the first in the field's place, the others appended
 *   at the end of its struct;
 * - `make_struct`: a struct with a field per type, in order of the type names (as `toDF()` makes it);
 * - `match_catalog`: each top-level choice whose name is a column of the table cast to the column's type.
 * `make_cols`, `make_struct` and `match_catalog` leave a field that is not a choice as it is. A path not in the frame
 * is ignored. Unconfirmed: the order of `make_cols`' appended fields (the choice's order: a CSV column's catalog type
 * first).
 */
export const compileResolveChoice: NodeCompiler<'ResolveChoice'> = (node, [input], session) => {
  const p = node.parameters;
  const where = nodeWhere(node);
  const output = Projection.of(input);
  if (p.Specs) {
    for (const [i, spec] of p.Specs.entries()) {
      const at = `${where} Specs[${i}]`;
      if (spec.Path.includes('[]')) throw new Error(`${at}: the path '${spec.Path}' goes into an array, which gluekit's frame engine does not resolve yet`);
      output.replace(splitFieldPath(spec.Path), 'ignore-case', (name, sql, type) => resolve(spec.Action, name, sql, type, at));
    }
  } else if (p.Choice === 'match_catalog') {
    const table = session.catalog.getTable(p.Database!, p.Table!);
    const columns = [...(table.StorageDescriptor?.Columns ?? []), ...(table.PartitionKeys ?? [])];
    for (const path of choicePaths(input, where).filter((c) => c.length === 1)) {
      const column = columns.find((c) => c.Name?.toLowerCase() === path[0].toLowerCase());
      if (!column) continue;
      const target = toDataType(column.Type ?? 'string', `${where} column '${column.Name}' of ${p.Database}.${p.Table}`);
      output.replace(path, 'exact', (name, sql, type) => ({ inPlace: [{ name, sql: castValue(sql, type, target), type: target }], appended: [] }));
    }
  } else {
    for (const path of choicePaths(input, where)) output.replace(path, 'exact', (name, sql, type) => resolve(p.Choice!, name, sql, type, where));
  }
  return session.projected(node.id, input, output);
};

function resolve(action: string, name: string, sql: string, type: DataType, where: string): Replacement | undefined {
  const member = (tag: string): string => `union_extract(${sql}, ${quoteLiteral(tag)})`;
  if (action === 'make_cols' || action === 'make_struct') {
    if (type.kind !== 'choice') return undefined;
    if (action === 'make_cols') {
      const columns = type.options.map((o) => ({ name: `${name}_${choiceTag(o)}`, sql: member(choiceTag(o)), type: o }));
      return { inPlace: columns.slice(0, 1), appended: columns.slice(1) };
    }
    const options = [...type.options].sort((a, b) => (choiceTag(a) < choiceTag(b) ? -1 : 1));
    const struct = structOf(options.map((o) => ({ name: choiceTag(o), type: o })));
    const packed = `(CASE WHEN ${sql} IS NULL THEN NULL ELSE struct_pack(${options.map((o) => `${quoteIdentifier(choiceTag(o))} := ${member(choiceTag(o))}`).join(', ')}) END)`;
    return { inPlace: [{ name, sql: packed, type: struct }], appended: [] };
  }
  const [kind, typeName] = [action.slice(0, action.indexOf(':')), action.slice(action.indexOf(':') + 1)];
  // awsglue's DecimalType defaults to decimal(10,2), as ApplyMapping's.
  const target = toDataType(typeName, `${where} '${action}'`, 'mapping');
  if (kind === 'cast') return { inPlace: [{ name, sql: castValue(sql, type, target), type: target }], appended: [] };
  // project: the values that are of the type, the others null.
  const options = type.kind === 'choice' ? type.options : [type];
  const kept = options.find((o) => o.kind === target.kind);
  const source = kept === undefined ? undefined : type.kind === 'choice' ? member(choiceTag(kept)) : sql;
  // No value is of the type: all null, the field still read (see readingValues).
  return { inPlace: [{ name, sql: source === undefined ? readingValues([sql], `CAST(NULL AS ${target.sql})`) : castValue(source, kept!, target), type: target }], appended: [] };
}

/** The paths of the frame's choices, at the top level and inside structs; a choice inside an array is refused. */
function choicePaths(frame: DynamicFrame, where: string): string[][] {
  const out: string[][] = [];
  const walk = (path: string[], type: DataType, inArray: boolean): void => {
    if (type.kind === 'choice') {
      if (inArray) throw new Error(`${where}: the choice '${path.join('.')}' lies inside an array, which gluekit's frame engine does not resolve yet`);
      out.push(path);
    } else if (type.kind === 'struct') type.fields.forEach((f) => walk([...path, f.name], f.type, inArray));
    else if (type.kind === 'array') walk(path, type.element, true);
  };
  frame.schema.forEach((f) => walk([f.name], f.dataType, false));
  return out;
}
