/**
 * Type names as a pipeline graph spells them: DynamicFrame names (`long`, GLUE-REFERENCE section 1) and the catalog's Hive
 * names (`bigint`, `decimal(10,2)`, `array<struct<a:int>>`). Parsed once here, so the script generator and the engine
 * accept exactly the same names.
 */
export type GlueTypeName =
  | { readonly kind: 'scalar'; readonly name: ScalarTypeName }
  | { readonly kind: 'decimal'; readonly precision?: number; readonly scale?: number }
  | { readonly kind: 'array'; readonly element: GlueTypeName }
  | { readonly kind: 'struct'; readonly fields: readonly { readonly name: string; readonly type: GlueTypeName }[] }
  | { readonly kind: 'map'; readonly key: GlueTypeName; readonly value: GlueTypeName };

export type ScalarTypeName = 'string' | 'long' | 'int' | 'short' | 'byte' | 'double' | 'float' | 'boolean' | 'date' | 'timestamp' | 'binary';

/** Every scalar spelling (lower case) and the DynamicFrame type it names. */
const SCALARS: Readonly<Record<string, ScalarTypeName>> = {
  string: 'string',
  varchar: 'string',
  char: 'string',
  bigint: 'long',
  long: 'long',
  int: 'int',
  integer: 'int',
  smallint: 'short',
  short: 'short',
  tinyint: 'byte',
  byte: 'byte',
  double: 'double',
  float: 'float',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'timestamp',
  binary: 'binary',
};

/** Parses a type name; throws `unknown type '<text>'` (prefixed by `where`) when it is not one. */
export function parseGlueType(text: string, where: string): GlueTypeName {
  const t = text.trim().toLowerCase();
  const fail = (why = `unknown type '${text}'`): never => {
    throw new Error(`${where}: ${why}`);
  };
  if (t === 'decimal') return { kind: 'decimal' };
  const decimal = /^decimal\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(t);
  if (decimal) {
    const precision = Number(decimal[1]);
    const scale = Number(decimal[2]);
    if (precision < 1 || precision > 38 || scale > precision) fail(`decimal(${precision},${scale}) needs 1 <= precision <= 38 and scale <= precision`);
    return { kind: 'decimal', precision, scale };
  }
  if (/^(var)?char\s*\(\s*\d+\s*\)$/.test(t)) return { kind: 'scalar', name: 'string' };
  const array = /^array\s*<(.*)>$/.exec(t);
  if (array) return { kind: 'array', element: parseGlueType(array[1], where) };
  const struct = /^struct\s*<(.*)>$/.exec(t);
  if (struct) {
    const fields = splitTopLevel(struct[1]).map((f) => {
      const colon = f.indexOf(':');
      if (colon <= 0) fail(`malformed struct field '${f}' in type '${text}'`);
      return { name: f.slice(0, colon).trim(), type: parseGlueType(f.slice(colon + 1), where) };
    });
    return { kind: 'struct', fields };
  }
  const map = /^map\s*<(.*)>$/.exec(t);
  if (map) {
    const parts = splitTopLevel(map[1]);
    if (parts.length !== 2) fail(`map type '${text}' needs a key and a value type`);
    return { kind: 'map', key: parseGlueType(parts[0], where), value: parseGlueType(parts[1], where) };
  }
  const scalar = SCALARS[t];
  if (!scalar) fail();
  return { kind: 'scalar', name: scalar };
}

function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '<' || c === '(') depth++;
    else if (c === '>' || c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}
