import { createHash } from 'crypto';

/** The Data Catalog's longest table name. */
export const MAX_TABLE_NAME = 128;

/**
 * A crawler table name (GLUE-REFERENCE section 4): the table prefix followed by the folder's or file's name, lower
 * case, every character other than a letter, digit or `_` replaced by `_` (`persons.json` -> `persons_json`,
 * `year=2017` -> `year_2017`), truncated to 128 characters.
 */
export function crawlerTableName(name: string, prefix = ''): string {
  return (prefix + name).toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, MAX_TABLE_NAME);
}

/**
 * Makes table names unique: the first table (in the given order) keeps its name, later ones get `_` and a hash of
 * their location. **Unconfirmed**: Glue appends "a hash suffix" of unspecified form; gluekit uses the first 8 hex
 * digits of the location's SHA-256, keeping the name within 128 characters.
 */
export function uniqueTableNames(tables: readonly { name: string; location: string }[]): string[] {
  const used = new Set<string>();
  return tables.map(({ name, location }) => {
    let unique = name;
    if (used.has(unique)) {
      const hash = createHash('sha256').update(location).digest('hex');
      for (let n = 8; used.has(unique) && n <= hash.length; n += 8) {
        const suffix = `_${hash.slice(0, n)}`;
        unique = name.slice(0, MAX_TABLE_NAME - suffix.length) + suffix;
      }
    }
    used.add(unique);
    return unique;
  });
}
