/**
 * A DynamicFrame field path as awsglue reads it: dots separate the parts (`address.state` is the field `state` of the
 * struct `address`) and backticks quote a part that holds a dot (`` `a.b`.c `` is [a.b, c]). The generated script passes
 * paths as these strings, so the engine splits them the same way.
 */
export function splitFieldPath(path: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of path) {
    if (ch === '`') quoted = !quoted;
    else if (ch === '.' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}
