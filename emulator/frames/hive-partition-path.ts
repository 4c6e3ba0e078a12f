/**
 * Hive-style partition folder names as Spark writes them (`ExternalCatalogUtils.escapePathName`, GLUE-REFERENCE section
 * 10): in `key=value`, the value escapes only control characters, `" # % ' * / : = ? \ { [ ] ^` and DEL as `%XX`;
 * spaces and non-ASCII letters stay as they are; a null or empty value is `__HIVE_DEFAULT_PARTITION__`.
 */
export const HIVE_DEFAULT_PARTITION = '__HIVE_DEFAULT_PARTITION__';

const ESCAPED = new Set(['"', '#', '%', "'", '*', '/', ':', '=', '?', '\\', '\u007f', '{', '[', ']', '^']);

/** A partition value as its folder name's part after `key=`. */
export function escapePartitionValue(value: string | null): string {
  if (value === null || value === '') return HIVE_DEFAULT_PARTITION;
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || ESCAPED.has(ch)) out += `%${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += ch;
  }
  return out;
}

/** The value a folder name's part after `key=` stands for (`null` for the default partition). */
export function unescapePartitionValue(text: string): string | null {
  if (text === HIVE_DEFAULT_PARTITION) return null;
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
