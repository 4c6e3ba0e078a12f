import { splitFieldPath } from '../../lib/pipeline/field-path';
import type { DynamicFrame, Field } from './dynamic-frame';
import type { DataType, StructField } from './schema';
import { quoteIdentifier, quoteLiteral } from './sql';

/**
 * How a path's names match a frame's: `exact` as a Python dict does (a Filter's lambda), or `ignore-case` where an
 * exact match wins and otherwise a name differing only in case is taken (the catalog lower-cases names; ApplyMapping's
 * `caseSensitive` is false by default). Unconfirmed: that SelectFields, DropFields, RenameField and Join keys match
 * like ApplyMapping.
 */
export type NameMatch = 'exact' | 'ignore-case';

/** A Studio path (a list of parts) as the dotted path awsglue takes. */
export function joinPath(path: readonly string[] | undefined): string {
  return (path ?? []).join('.');
}

/** A node's path as the parts awsglue reads from the dotted string the script passes (backticks quote a dot). */
export function pathParts(path: readonly string[] | undefined): string[] {
  return splitFieldPath(joinPath(path));
}

/** The index of the member called `name`, matched as `match` says; -1 when there is none. */
export function findName(names: readonly string[], name: string, match: NameMatch): number {
  const exact = names.indexOf(name);
  if (exact >= 0 || match === 'exact') return exact;
  const lower = name.toLowerCase();
  return names.findIndex((n) => n.toLowerCase() === lower);
}

/** Finds a top-level field by name (an exact match first, then ignoring case, as the catalog lower-cases names). */
export function findField(frame: DynamicFrame, name: string): Field | undefined {
  const i = findName(frame.schema.map((f) => f.name), name, 'ignore-case');
  return i >= 0 ? frame.schema[i] : undefined;
}

/** A field found by path: the SQL that reads its value, its type, and the structs the path passes through. */
export interface Located {
  readonly sql: string;
  readonly type: DataType;
  /** The SQL of each struct on the way, outermost first (empty for a top-level field). */
  readonly parents: readonly string[];
}

/**
 * The field at a path (`address.state` is `state` inside the struct `address`). Undefined when a part is missing or
 * the path goes through something other than a struct (an array, a map, a scalar): awsglue finds nothing there either.
 * `relation` qualifies the top-level column (`l."a"`) where a query reads several.
 */
export function locate(frame: DynamicFrame, parts: readonly string[], match: NameMatch, relation?: string): Located | undefined {
  let fields: readonly (Field | StructField)[] = frame.schema.map((f) => ({ name: f.name, type: f.dataType }));
  let sql = '';
  const parents: string[] = [];
  for (const [depth, part] of parts.entries()) {
    const i = findName(fields.map((f) => f.name), part, match);
    if (i < 0) return undefined;
    const field = fields[i] as StructField;
    if (depth > 0) parents.push(sql);
    sql = depth === 0 ? `${relation ? `${relation}.` : ''}${quoteIdentifier(field.name)}` : `struct_extract(${sql}, ${quoteLiteral(field.name)})`;
    if (depth === parts.length - 1) return { sql, type: field.type, parents };
    if (field.type.kind !== 'struct') return undefined;
    fields = field.type.fields;
  }
  return undefined;
}

