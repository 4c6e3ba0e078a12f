import type { DataType } from './schema';
import { quoteLiteral } from './sql';

/**
 * Walks a value down its structs, giving each value that is not a struct to `leaf` under its dotted name
 * (`address.geo.lat`), in the structs' field order: how Unnest and Relationalize name a struct's fields.
 */
export function flattenStructs(name: string, sql: string, type: DataType, leaf: (name: string, sql: string, type: DataType) => void): void {
  if (type.kind !== 'struct') {
    leaf(name, sql, type);
    return;
  }
  for (const f of type.fields) flattenStructs(`${name}.${f.name}`, `struct_extract(${sql}, ${quoteLiteral(f.name)})`, f.type, leaf);
}
