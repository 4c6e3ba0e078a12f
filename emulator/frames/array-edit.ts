import { findName, type NameMatch } from './field-lookup';
import type { Replacement } from './projection';
import { arrayOf, type DataType } from './schema';
import { ELEMENT_STEP, packStruct, structField } from './value-rebuild';

/**
 * Splits each part of a field path that ends in `[]` into the part and an `ELEMENT_STEP` (GLUE-REFERENCE section 1:
 * array paths use `[]`, as `myList[].price`).
 */
export function withElementSteps(parts: readonly string[]): string[] {
  return parts.flatMap((part) => {
    const steps: string[] = [];
    let name = part;
    while (name.endsWith(ELEMENT_STEP) && name.length > ELEMENT_STEP.length) {
      name = name.slice(0, -ELEMENT_STEP.length);
      steps.push(ELEMENT_STEP);
    }
    return [name, ...steps];
  });
}

/**
 * A value edited at a path that starts by going into its array (`rest` begins with `ELEMENT_STEP`): the arrays rebuilt
 * with `list_transform`, the structs on the way with `struct_pack`, the field at the end replaced as `replace` says
 * (its in-place fields where it was, its appended ones at the end of its struct). An array element itself can take
 * one in-place field only. Undefined where the path is not in the type or `replace` changes nothing.
 */
export function editInArray(
  sql: string,
  type: DataType,
  rest: readonly string[],
  match: NameMatch,
  replace: (name: string, sql: string, type: DataType) => Replacement | undefined,
  where: string,
  lambdas: { count: number },
): { sql: string; type: DataType } | undefined {
  if (rest.length === 0) return undefined;
  if (rest[0] === ELEMENT_STEP) {
    if (type.kind !== 'array') return undefined;
    const element = `gluekit_element_${++lambdas.count}`;
    let made: { sql: string; type: DataType } | undefined;
    if (rest.length === 1) {
      const replaced = replace('element', element, type.element);
      if (!replaced) return undefined;
      if (replaced.inPlace.length !== 1 || replaced.appended.length > 0) throw new Error(`${where}: an array's element cannot become ${replaced.inPlace.length + replaced.appended.length} fields`);
      made = replaced.inPlace[0];
    } else made = editInArray(element, type.element, rest.slice(1), match, replace, where, lambdas);
    return made ? { sql: `list_transform(${sql}, lambda ${element}: ${made.sql})`, type: arrayOf(made.type) } : undefined;
  }
  if (type.kind !== 'struct') return undefined;
  const i = findName(type.fields.map((f) => f.name), rest[0], match);
  if (i < 0) return undefined;
  const member = (f: { name: string }): string => structField(sql, f.name);
  const field = type.fields[i];
  let fields: { name: string; sql: string; type: DataType }[];
  if (rest.length === 1) {
    const replaced = replace(field.name, member(field), field.type);
    if (!replaced) return undefined;
    const kept = type.fields.map((f) => ({ name: f.name, sql: member(f), type: f.type }));
    fields = [...kept.slice(0, i), ...replaced.inPlace, ...kept.slice(i + 1), ...replaced.appended];
  } else {
    const made = editInArray(member(field), field.type, rest.slice(1), match, replace, where, lambdas);
    if (!made) return undefined;
    fields = type.fields.map((f, j) => (j === i ? { name: f.name, ...made } : { name: f.name, sql: member(f), type: f.type }));
  }
  return packStruct(sql, fields);
}
