/**
 * The crawler's model of a column type while it is being inferred, and the Hive type string it becomes in the Data
 * Catalog (`bigint`, `array<struct<a:bigint,b:string>>`...). `undefined` stands for "no evidence yet" (only nulls or
 * empty values were seen); such a type renders as `string` (GLUE-REFERENCE section 4: a column empty everywhere is string).
 */
export type InferredType =
  | { readonly kind: 'primitive'; readonly name: string }
  | { readonly kind: 'struct'; readonly fields: readonly InferredField[] }
  | { readonly kind: 'array'; readonly element: InferredType | undefined }
  | { readonly kind: 'map'; readonly key: InferredType | undefined; readonly value: InferredType | undefined };

export interface InferredField {
  readonly name: string;
  readonly type: InferredType | undefined;
}

const primitives = new Map<string, InferredType>();

/** The primitive type named `name` (`bigint`, `double`, `decimal(10,2)`...). */
export function primitive(name: string): InferredType {
  let t = primitives.get(name);
  if (!t) {
    t = { kind: 'primitive', name };
    primitives.set(name, t);
  }
  return t;
}

export const STRING = primitive('string');
export const BIGINT = primitive('bigint');
export const DOUBLE = primitive('double');
export const BOOLEAN = primitive('boolean');

/** The Hive type string of an inferred type, as the Data Catalog stores it (no spaces). */
export function renderType(t: InferredType | undefined): string {
  if (t === undefined) return 'string';
  switch (t.kind) {
    case 'primitive':
      return t.name;
    case 'array':
      return `array<${renderType(t.element)}>`;
    case 'map':
      return `map<${renderType(t.key)},${renderType(t.value)}>`;
    case 'struct':
      return `struct<${t.fields.map((f) => `${f.name}:${renderType(f.type)}`).join(',')}>`;
  }
}

/** Integer types by width, for widening (int + bigint -> bigint). */
const INTEGER_RANK: Record<string, number> = { tinyint: 1, smallint: 2, int: 3, bigint: 4 };
/** Floating types by width (float + double -> double). */
const FLOAT_RANK: Record<string, number> = { float: 1, double: 2 };

function mergePrimitive(a: string, b: string): string {
  if (a === b) return a;
  const ia = INTEGER_RANK[a];
  const ib = INTEGER_RANK[b];
  if (ia !== undefined && ib !== undefined) return ia >= ib ? a : b;
  const fa = FLOAT_RANK[a];
  const fb = FLOAT_RANK[b];
  if (fa !== undefined && fb !== undefined) return fa >= fb ? a : b;
  // An integer with a floating type becomes double.
  if ((ia !== undefined || fa !== undefined) && (ib !== undefined || fb !== undefined)) return 'double';
  return 'string';
}

/**
 * The type of a column whose values had types `a` and `b` (in different rows or different files).
 *
 * GLUE-REFERENCE section 4 and the crawler's observed output: `bigint` + `double` -> `double`, anything else mixed ->
 * `string`; structs merge field by field (fields in order of first appearance), arrays merge their elements.
 * **Unconfirmed** (gluekit's choice): integer types widen to the wider one (`int` + `bigint` -> `bigint`), `float` +
 * `double` -> `double`, and any integer with a floating type -> `double`; these only arise with Parquet files.
 */
export function mergeTypes(a: InferredType | undefined, b: InferredType | undefined): InferredType | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a === b) return a;
  if (a.kind === 'primitive' && b.kind === 'primitive') return primitive(mergePrimitive(a.name, b.name));
  if (a.kind === 'array' && b.kind === 'array') return { kind: 'array', element: mergeTypes(a.element, b.element) };
  if (a.kind === 'map' && b.kind === 'map') return { kind: 'map', key: mergeTypes(a.key, b.key), value: mergeTypes(a.value, b.value) };
  if (a.kind === 'struct' && b.kind === 'struct') return { kind: 'struct', fields: mergeFields(a.fields, b.fields) };
  return STRING;
}

/** Merges two field lists by name: fields of `a` in order with merged types, then the fields only `b` has. */
export function mergeFields(a: readonly InferredField[], b: readonly InferredField[]): InferredField[] {
  const out = a.map((f) => ({ name: f.name, type: f.type }));
  const index = new Map(out.map((f, i) => [f.name, i]));
  for (const f of b) {
    const i = index.get(f.name);
    if (i === undefined) {
      index.set(f.name, out.length);
      out.push({ name: f.name, type: f.type });
    } else {
      out[i] = { name: f.name, type: mergeTypes(out[i].type, f.type) };
    }
  }
  return out;
}
