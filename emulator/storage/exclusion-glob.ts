/**
 * An exclusion pattern of a crawler or an S3 source (GLUE-REFERENCE sections 3 and 4), compiled to a RegExp over an object key relative to the
 * include path: `*` any characters within one folder level, `**` any characters across levels, `?` one character
 * (not `/`), `[a-z]` and `[!a-c]` character classes, `{a,b}` alternatives (not nested; globs inside them work),
 * `\` escapes the next character. The whole key must match (`*.csv` excludes `x.csv` but not `sub/x.csv`; use
 * `**.csv` for every level or `departments/**` for a whole folder).
 *
 * **Unconfirmed**: patterns are matched against object keys only, not against folder paths on their own
 * (`departments` alone excludes nothing below `departments/`), as Java's glob PathMatcher, which the crawler follows, does.
 */
export function compileExclusionGlob(pattern: string): RegExp {
  let out = '';
  let inBraces = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      if (i < pattern.length) out += escapeRegExp(pattern[i]);
    } else if (c === '*') {
      if (pattern[i + 1] === '*') {
        out += '.*';
        i++;
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      const negated = body.startsWith('!');
      if (negated) body = body.slice(1);
      out += `[${negated ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = end;
    } else if (c === '{' && !inBraces) {
      inBraces = true;
      out += '(?:';
    } else if (c === '}' && inBraces) {
      inBraces = false;
      out += ')';
    } else if (c === ',' && inBraces) {
      out += '|';
    } else {
      out += escapeRegExp(c);
    }
  }
  if (inBraces) throw new Error(`exclusion pattern '${pattern}' has '{' without a closing '}'`);
  return new RegExp(`^${out}$`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Whether `relativeKey` (relative to the include path) matches one of the exclusion patterns. */
export function isExcluded(relativeKey: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((p) => p.test(relativeKey));
}
