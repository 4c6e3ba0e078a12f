import { invalidInput } from './glue-errors';

/** The local Data Catalog's account. */
export const CATALOG_ID = '000000000000';

/** Glue catalog names are case-insensitive and stored lower case. */
export function catalogName(name: unknown, field: string): string {
  if (typeof name !== 'string' || name === '') throw invalidInput(`${field} is required`);
  return name.toLowerCase();
}
