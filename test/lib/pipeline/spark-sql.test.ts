import { parseSparkSql, queryInputs, SparkSqlError } from '../../../lib/pipeline/spark-sql';
import type { SqlExpr } from '../../../lib/pipeline/spark-sql';

/** The parser of the SQL step's subset: Spark's precedence, the tree it gives, and refusals naming line and column. */
function itemOf(query: string): SqlExpr {
  const item = parseSparkSql(query).selects[0].items[0];
  if (item.kind !== 'expr') throw new Error('not an expression');
  return item.expr;
}

/** An expression as a compact string: operators parenthesized as parsed. */
function shape(e: SqlExpr): string {
  switch (e.kind) {
    case 'binary':
      return `(${shape(e.left)} ${e.op} ${shape(e.right)})`;
    case 'column':
      return e.name;
    case 'number':
      return e.text;
    case 'string':
      return `'${e.value}'`;
    case 'not':
      return `NOT ${shape(e.expr)}`;
    default:
      return e.kind;
  }
}

test("+, - and || are one level, left to right; * / % bind tighter; NOT binds tighter than AND, AND than OR", () => {
  expect(shape(itemOf("SELECT 'a' || 1 + 2 FROM t"))).toBe("(('a' || 1) + 2)");
  expect(shape(itemOf('SELECT 1 - 2 || 3 * 4 % 5 FROM t'))).toBe('((1 - 2) || ((3 * 4) % 5))');
  expect(shape(itemOf('SELECT a OR NOT b AND c FROM t'))).toBe('(a OR (NOT b AND c))');
  expect(shape(itemOf('SELECT a = b + 1 FROM t'))).toBe('(a = (b + 1))');
});

test('literals: ints, bigints past 32 bits, decimals, doubles by exponent or D, L suffixes; strings unescaped as Spark does', () => {
  const types = ['1', '3000000000', '1.50', '1e3', '2D', '7L'].map((n) => {
    const e = itemOf(`SELECT ${n} FROM t`);
    return e.kind === 'number' ? `${e.text}:${e.type}` : e.kind;
  });
  expect(types).toEqual(['1:int', '3000000000:bigint', '1.50:decimal', '1e3:double', '2:double', '7:bigint']);
  expect(itemOf("SELECT 'it\\'s\\n' FROM t")).toEqual({ kind: 'string', value: "it's\n" });
  expect(itemOf('SELECT "double quoted" FROM t')).toEqual({ kind: 'string', value: 'double quoted' });
});

test('the inputs a query reads are the names it does not define itself', () => {
  expect(queryInputs(parseSparkSql('WITH a AS (SELECT * FROM x) SELECT * FROM a JOIN (SELECT * FROM y) s ON a.k = s.k, z')).map((r) => r.name)).toEqual(['x', 'y', 'z']);
});

test.each([
  ['SELECT a FROM t WHERE', 'expected a value: a column, a literal, a function call, CASE, CAST or ( (found the end of the text) at line 1, column 22'],
  ['SELECT a\nFROM t\nWHERE EXISTS (SELECT b FROM u', "expected ')' (found the end of the text) at line 3, column 30"],
  ['SELECT a FROM t ORDER BY a NULLS MIDDLE', "expected FIRST or LAST after NULLS (found 'MIDDLE') at line 1, column 34"],
  ['SELECT row_number() OVER w AS n FROM t', "a named window (OVER w) is not in the SQL subset gluekit runs; write the window in parentheses (found 'w') at line 1, column 26"],
  ['SELECT a FROM t EXCEPT', 'expected SELECT (found the end of the text) at line 1, column 23'],
  ['SELECT 1.5L FROM t', "'1.5L' is not a number: the L suffix is for whole numbers at line 1, column 8"],
  ["SELECT 'open FROM t", 'unterminated string at line 1, column 8'],
  ['SELECT CAST(a AS MAP) FROM t', "expected a type: STRING, VARCHAR, CHAR, INT, INTEGER, BIGINT, LONG, SMALLINT, SHORT, TINYINT, BYTE, DOUBLE, FLOAT, REAL, BOOLEAN, DATE, TIMESTAMP, DECIMAL, DEC, NUMERIC (found 'MAP') at line 1, column 18"],
])('refuses %j naming where', (query, message) => {
  expect(() => parseSparkSql(query)).toThrow(SparkSqlError);
  expect(() => parseSparkSql(query)).toThrow(message);
});
