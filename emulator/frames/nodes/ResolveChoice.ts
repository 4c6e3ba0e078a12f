import { splitFieldPath } from '../../../lib/pipeline/field-path';
import { editInArray, withElementSteps } from '../array-edit';
import { ELEMENT_STEP } from '../value-rebuild';
import { readingValues } from '../choice-columns';
import type { DynamicFrame } from '../dynamic-frame';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { Projection, type Replacement } from '../projection';
import { choiceTag, structOf, type DataType } from '../schema';
import { type ChoiceParts, choiceCase } from '../choice-parts';
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
export const compileResolveChoice: NodeCompiler<'ResolveChoice'> = async (node, [input], session) => {
  const p = node.parameters;
  const where = nodeWhere(node);
  // Over a source that gives its choices' parts (a CSV catalog table), the output reads them from the source's relation
  // and never builds the choices (`choice-parts.ts`); else it reads the input's view.
  const base = input.base;
  const output = base ? Projection.over(input.schema.map((f) => ({ name: f.name, sql: base.fields.get(f.name)!, type: f.dataType }))) : Projection.of(input);
  const access = (path: readonly string[], name: string, sql: string, type: DataType): Choice => choiceAccess(sql, type, path.length === 1 ? base?.choices.get(name) : undefined);
  // A path into an array (`myList[].price`): the field holding the array is replaced by the array rebuilt.
  const lambdas = { count: 0 };
  const replaceAt = (path: readonly string[], match: 'exact' | 'ignore-case', action: string, at: string): void => {
    const inArray = path.indexOf(ELEMENT_STEP);
    if (inArray < 0) {
      output.replace(path, match, (name, sql, type) => resolve(action, name, access(path, name, sql, type), type, at));
      return;
    }
    output.replace(path.slice(0, inArray), match, (name, sql, type) => {
      const made = editInArray(sql, type, path.slice(inArray), match, (n, v, t) => resolve(action, n, choiceAccess(v, t, undefined), t, at), at, lambdas);
      return made ? { inPlace: [{ name, ...made }], appended: [] } : undefined;
    });
  };
  if (p.Specs) {
    for (const [i, spec] of p.Specs.entries()) replaceAt(withElementSteps(splitFieldPath(spec.Path)), 'ignore-case', spec.Action, `${where} Specs[${i}]`);
  } else if (p.Choice === 'match_catalog') {
    const table = session.catalog.getTable(p.Database!, p.Table!);
    const columns = [...(table.StorageDescriptor?.Columns ?? []), ...(table.PartitionKeys ?? [])];
    for (const path of choicePaths(input).filter((c) => c.length === 1)) {
      const column = columns.find((c) => c.Name?.toLowerCase() === path[0].toLowerCase());
      if (!column) continue;
      const target = toDataType(column.Type ?? 'string', `${where} column '${column.Name}' of ${p.Database}.${p.Table}`);
      output.replace(path, 'exact', (name, sql, type) => ({ inPlace: [{ name, sql: access(path, name, sql, type).cast(target), type: target }], appended: [] }));
    }
  } else {
    // make_cols cannot turn an array's element into several fields: such choices stay (Unconfirmed for Glue).
    for (const path of choicePaths(input)) if (!(p.Choice === 'make_cols' && path[path.length - 1] === ELEMENT_STEP)) replaceAt(path, 'exact', p.Choice!, where);
  }
  if (!base || output.isEmpty) return session.projected(node.id, input, output);
  return session.frame(node.id, `SELECT ${output.columns().join(', ')} FROM ${quoteIdentifier(base.relation)}`);
};

/** A field's value as a resolution reads it: each member of a choice, the value cast, whether it is null. */
interface Choice {
  readonly sql: string;
  member(tag: string, type: DataType): string;
  cast(target: DataType): string;
  readonly isNull: string;
}

/** Reads a choice through its DuckDB UNION, or through the parts its source made it from (`choice-parts.ts`). */
function choiceAccess(sql: string, type: DataType, parts: ChoiceParts | undefined): Choice {
  if (!parts) {
    return { sql, member: (tag) => `union_extract(${sql}, ${quoteLiteral(tag)})`, cast: (target) => castValue(sql, type, target), isNull: `${sql} IS NULL` };
  }
  return {
    sql,
    member: (tag, memberType) => choiceCase(parts, (t, v) => (choiceTag(t) === tag ? v : `CAST(NULL AS ${memberType.sql})`)),
    cast: (target) => choiceCase(parts, (t, v) => castValue(v, t, target)),
    isNull: parts.isNull,
  };
}

function resolve(action: string, name: string, value: Choice, type: DataType, where: string): Replacement | undefined {
  const sql = value.sql;
  const member = (o: DataType): string => value.member(choiceTag(o), o);
  if (action === 'make_cols' || action === 'make_struct') {
    if (type.kind !== 'choice') return undefined;
    if (action === 'make_cols') {
      const columns = type.options.map((o) => ({ name: `${name}_${choiceTag(o)}`, sql: member(o), type: o }));
      return { inPlace: columns.slice(0, 1), appended: columns.slice(1) };
    }
    const options = [...type.options].sort((a, b) => (choiceTag(a) < choiceTag(b) ? -1 : 1));
    const struct = structOf(options.map((o) => ({ name: choiceTag(o), type: o })));
    const packed = `(CASE WHEN ${value.isNull} THEN NULL ELSE struct_pack(${options.map((o) => `${quoteIdentifier(choiceTag(o))} := ${member(o)}`).join(', ')}) END)`;
    return { inPlace: [{ name, sql: packed, type: struct }], appended: [] };
  }
  const [kind, typeName] = [action.slice(0, action.indexOf(':')), action.slice(action.indexOf(':') + 1)];
  // awsglue's DecimalType defaults to decimal(10,2), as ApplyMapping's.
  const target = toDataType(typeName, `${where} '${action}'`, 'mapping');
  if (kind === 'cast') return { inPlace: [{ name, sql: value.cast(target), type: target }], appended: [] };
  // project: the values that are of the type, the others null.
  const options = type.kind === 'choice' ? type.options : [type];
  const kept = options.find((o) => o.kind === target.kind);
  const source = kept === undefined ? undefined : type.kind === 'choice' ? member(kept) : sql;
  // No value is of the type: all null, the field still read (see readingValues).
  return { inPlace: [{ name, sql: source === undefined ? readingValues([sql], `CAST(NULL AS ${target.sql})`) : castValue(source, kept!, target), type: target }], appended: [] };
}

/** The paths of the frame's choices: at the top level, inside structs and inside arrays (`ELEMENT_STEP` steps). */
function choicePaths(frame: DynamicFrame): string[][] {
  const out: string[][] = [];
  const walk = (path: string[], type: DataType): void => {
    if (type.kind === 'choice') out.push(path);
    else if (type.kind === 'struct') type.fields.forEach((f) => walk([...path, f.name], f.type));
    else if (type.kind === 'array') walk([...path, ELEMENT_STEP], type.element);
  };
  frame.schema.forEach((f) => walk([f.name], f.dataType));
  return out;
}
