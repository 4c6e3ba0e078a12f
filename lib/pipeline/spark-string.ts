/**
 * Spark's `ParserUtils.unescapeSQLString` for the body of a quoted literal (spark.sql.parser.escapedStringLiterals
 * false, the default): `\0` NUL, `\'`, `\"`, `\b` backspace, `\n`, `\r`, `\t`, `\Z` (U+001A), `\\` a backslash;
 * `\%` and `\_` keep their backslash (so that a LIKE pattern still sees the escape); `\uXXXX` a UTF-16 unit;
 * `\ooo` (first digit 0 or 1, then two octal digits) a character; a backslash before any other character keeps
 * that character. Unconfirmed: Spark reads `\u` followed by non-hex characters as garbage; here `\u` without four hex
 * digits gives `u`.
 */
export function unescapeSparkString(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[i + 1];
    if (n === 'u' && /^[0-9A-Fa-f]{4}$/.test(body.slice(i + 2, i + 6))) {
      out += String.fromCharCode(parseInt(body.slice(i + 2, i + 6), 16));
      i += 5;
      continue;
    }
    if (/^[01][0-7][0-7]$/.test(body.slice(i + 1, i + 4))) {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
      continue;
    }
    i++;
    switch (n) {
      case '0': out += '\u0000'; break;
      case 'b': out += '\b'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'Z': out += '\u001A'; break;
      case '%': out += '\\%'; break;
      case '_': out += '\\_'; break;
      default: out += n; // \' \" \\ and any other character: the character itself
    }
  }
  return out;
}
