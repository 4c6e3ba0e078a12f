/** Python 3 source text for the literal values a generated Glue script holds. */

/** A Python 3 string literal, ASCII only: quotes, backslashes and control characters escaped, others as \u / \U escapes. */
export function pyString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code <= 0xffff)) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else if (code > 0xffff) out += `\\U${code.toString(16).padStart(8, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

export function pyBool(value: boolean): string {
  return value ? 'True' : 'False';
}

/** A Python list of already-printed expressions. */
export function pyList(items: readonly string[]): string {
  return `[${items.join(', ')}]`;
}

/** A Python dict with string keys and already-printed values, in the order given. */
export function pyDict(entries: readonly (readonly [string, string])[]): string {
  return `{${entries.map(([k, v]) => `${pyString(k)}: ${v}`).join(', ')}}`;
}
