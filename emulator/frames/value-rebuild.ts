import { arrayOf, choiceOf, choiceTag, structOf, type DataType } from './schema';
import { quoteIdentifier, quoteLiteral } from './sql';

/** A value's new SQL and type. */
export interface Rebuilt {
  readonly sql: string;
  readonly type: DataType;
}

/** The step of a path into an array's elements. */
export const ELEMENT_STEP = '[]';

/** The step of a path into a choice's struct or array member (`<struct>`, `<array>`). */
export function memberStep(member: DataType): string {
  return `<${choiceTag(member)}>`;
}

/**
 * A value rebuilt in SQL where `at` replaces something in it: `at` is asked first about the value itself, then (where
 * it gives undefined) about what the value holds: a struct's fields (rebuilt with `struct_pack`, a null struct staying
 * null), an array's elements (`list_transform`) and a choice's struct and array members (the union rebuilt). A path
 * names each value: field names, `ELEMENT_STEP` and `memberStep`s. Undefined where nothing changes.
 */
export function rebuildValue(sql: string, type: DataType, path: readonly string[], at: (sql: string, type: DataType, path: readonly string[]) => Rebuilt | undefined, lambdas: { count: number }): Rebuilt | undefined {
  const replaced = at(sql, type, path);
  if (replaced) return replaced;
  if (type.kind === 'struct') {
    const fields = type.fields.map((f) => ({ name: f.name, old: f.type, made: rebuildValue(structField(sql, f.name), f.type, [...path, f.name], at, lambdas) }));
    if (fields.every((f) => !f.made)) return undefined;
    return packStruct(sql, fields.map((f) => ({ name: f.name, sql: f.made?.sql ?? structField(sql, f.name), type: f.made?.type ?? f.old })));
  }
  if (type.kind === 'array') {
    const element = `gluekit_element_${++lambdas.count}`;
    const made = rebuildValue(element, type.element, [...path, ELEMENT_STEP], at, lambdas);
    return made ? { sql: `list_transform(${sql}, lambda ${element}: ${made.sql})`, type: arrayOf(made.type) } : undefined;
  }
  if (type.kind === 'choice') {
    const members = type.options.map((o) => {
      const tag = choiceTag(o);
      const value = `union_extract(${sql}, ${quoteLiteral(tag)})`;
      return { tag, value, old: o, made: o.kind === 'struct' || o.kind === 'array' ? rebuildValue(value, o, [...path, memberStep(o)], at, lambdas) : undefined };
    });
    if (members.every((m) => !m.made)) return undefined;
    const choice = choiceOf(members.map((m) => m.made?.type ?? m.old));
    const cases = members.map((m) => `WHEN ${quoteLiteral(m.tag)} THEN CAST(union_value(${quoteIdentifier(m.tag)} := ${m.made?.sql ?? m.value}) AS ${choice.sql})`);
    return { sql: `(CASE CAST(union_tag(${sql}) AS VARCHAR) ${cases.join(' ')} END)`, type: choice };
  }
  return undefined;
}

/** A field of a struct value (SQL). */
export function structField(sql: string, name: string): string {
  return `struct_extract(${sql}, ${quoteLiteral(name)})`;
}

/** A struct value made of these fields in place of `sql`, null where `sql` is null. */
export function packStruct(sql: string, fields: readonly { name: string; sql: string; type: DataType }[]): Rebuilt {
  const packed = fields.map((f) => `${quoteIdentifier(f.name)} := ${f.sql}`);
  return { sql: `(CASE WHEN ${sql} IS NULL THEN NULL ELSE struct_pack(${packed.join(', ')}) END)`, type: structOf(fields.map((f) => ({ name: f.name, type: f.type }))) };
}

/** The type at a path below a type (`rebuildValue`'s steps), if there is one. */
export function typeAt(type: DataType, path: readonly string[]): DataType | undefined {
  let current: DataType | undefined = type;
  for (const step of path) {
    if (current === undefined) return undefined;
    if (step === ELEMENT_STEP) current = current.kind === 'array' ? current.element : undefined;
    else if (current.kind === 'struct') current = current.fields.find((f) => f.name === step)?.type;
    else if (current.kind === 'choice') current = current.options.find((o) => memberStep(o) === step);
    else current = undefined;
  }
  return current;
}
