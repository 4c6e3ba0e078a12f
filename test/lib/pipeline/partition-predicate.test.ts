import {
  parsePartitionPredicate,
  PartitionPredicate,
  PartitionPredicateError,
  predicateColumns,
} from '../../../lib/pipeline/partition-predicate';

const col = (name: string) => ({ kind: 'column', name }) as const;
const str = (value: string) => ({ kind: 'literal', type: 'string', value }) as const;
const int = (value: string) => ({ kind: 'literal', type: 'integer', value }) as const;
const dec = (value: string) => ({ kind: 'literal', type: 'decimal', value }) as const;
const bool = (value: boolean) => ({ kind: 'literal', type: 'boolean', value }) as const;
const NULL = { kind: 'literal', type: 'null', value: null } as const;

function errorOf(text: string): PartitionPredicateError {
  try {
    parsePartitionPredicate(text);
  } catch (e) {
    return e as PartitionPredicateError;
  }
  throw new Error(`no error for ${text}`);
}

describe('parsePartitionPredicate: tree shapes', () => {
  test('a comparison of a column with a string', () => {
    expect(parsePartitionPredicate("year = '2024'")).toEqual({ kind: 'comparison', op: '=', left: col('year'), right: str('2024') });
  });

  test("the Glue developer guide's example, with == and lower-case and", () => {
    expect(parsePartitionPredicate("(year=='2017' and month=='04')")).toEqual({
      kind: 'and',
      left: { kind: 'comparison', op: '=', left: col('year'), right: str('2017') },
      right: { kind: 'comparison', op: '=', left: col('month'), right: str('04') },
    });
  });

  test.each([
    ['=', '='],
    ['==', '='],
    ['!=', '!='],
    ['<>', '!='],
    ['<', '<'],
    ['<=', '<='],
    ['>', '>'],
    ['>=', '>='],
    ['<=>', '<=>'],
  ])('operator %s is %s', (written, op) => {
    expect(parsePartitionPredicate(`a ${written} 1`)).toEqual({ kind: 'comparison', op, left: col('a'), right: int('1') });
    expect(parsePartitionPredicate(`a${written}1`)).toEqual({ kind: 'comparison', op, left: col('a'), right: int('1') });
  });

  test('AND binds tighter than OR', () => {
    expect(parsePartitionPredicate('a = 1 OR b = 2 AND c = 3')).toEqual({
      kind: 'or',
      left: { kind: 'comparison', op: '=', left: col('a'), right: int('1') },
      right: {
        kind: 'and',
        left: { kind: 'comparison', op: '=', left: col('b'), right: int('2') },
        right: { kind: 'comparison', op: '=', left: col('c'), right: int('3') },
      },
    });
  });

  test('NOT binds tighter than AND and applies to the whole comparison', () => {
    expect(parsePartitionPredicate('NOT a = 1 AND b = 2')).toEqual({
      kind: 'and',
      left: { kind: 'not', operand: { kind: 'comparison', op: '=', left: col('a'), right: int('1') } },
      right: { kind: 'comparison', op: '=', left: col('b'), right: int('2') },
    });
  });

  test('parentheses group, and AND chains are left associative', () => {
    expect(parsePartitionPredicate('(a OR b) AND c AND NOT NOT d')).toEqual({
      kind: 'and',
      left: { kind: 'and', left: { kind: 'or', left: col('a'), right: col('b') }, right: col('c') },
      right: { kind: 'not', operand: { kind: 'not', operand: col('d') } },
    });
  });

  test('IN and NOT IN take a list of literals of any kind', () => {
    expect(parsePartitionPredicate(`m IN ('01', "02", -3, 4.5, TRUE, NULL) AND d NOT IN (1)`)).toEqual({
      kind: 'and',
      left: { kind: 'in', negated: false, value: col('m'), list: [str('01'), str('02'), int('-3'), dec('4.5'), bool(true), NULL] },
      right: { kind: 'in', negated: true, value: col('d'), list: [int('1')] },
    });
  });

  test('BETWEEN and NOT BETWEEN; the AND inside BETWEEN is not a conjunction', () => {
    expect(parsePartitionPredicate("day BETWEEN '01' AND '15' AND hour NOT BETWEEN 0 AND 5")).toEqual({
      kind: 'and',
      left: { kind: 'between', negated: false, value: col('day'), low: str('01'), high: str('15') },
      right: { kind: 'between', negated: true, value: col('hour'), low: int('0'), high: int('5') },
    });
  });

  test('LIKE and NOT LIKE keep the backslash of \\_ and \\% for the LIKE escape', () => {
    expect(parsePartitionPredicate("name LIKE 'a\\_b%' OR name NOT LIKE '100\\%'")).toEqual({
      kind: 'or',
      left: { kind: 'like', negated: false, value: col('name'), pattern: 'a\\_b%' },
      right: { kind: 'like', negated: true, value: col('name'), pattern: '100\\%' },
    });
  });

  test('IS NULL and IS NOT NULL', () => {
    expect(parsePartitionPredicate('a IS NULL OR b IS NOT NULL')).toEqual({
      kind: 'or',
      left: { kind: 'isNull', negated: false, value: col('a') },
      right: { kind: 'isNull', negated: true, value: col('b') },
    });
  });

  test('keywords are case-insensitive; column names keep their spelling', () => {
    expect(parsePartitionPredicate("Year = '1' aNd NoT Month iS nOt NuLl oR x In (tRuE) and y BeTwEeN 1 AnD 2")).toEqual({
      kind: 'or',
      left: {
        kind: 'and',
        left: { kind: 'comparison', op: '=', left: col('Year'), right: str('1') },
        right: { kind: 'not', operand: { kind: 'isNull', negated: true, value: col('Month') } },
      },
      right: {
        kind: 'and',
        left: { kind: 'in', negated: false, value: col('x'), list: [bool(true)] },
        right: { kind: 'between', negated: false, value: col('y'), low: int('1'), high: int('2') },
      },
    });
  });

  test('backtick identifiers: keywords, spaces and a doubled backtick', () => {
    expect(parsePartitionPredicate('`in` = 1 AND `my col` = 2 AND `a``b` = 3')).toEqual({
      kind: 'and',
      left: {
        kind: 'and',
        left: { kind: 'comparison', op: '=', left: col('in'), right: int('1') },
        right: { kind: 'comparison', op: '=', left: col('my col'), right: int('2') },
      },
      right: { kind: 'comparison', op: '=', left: col('a`b'), right: int('3') },
    });
  });

  test.each([
    ["'plain'", 'plain'],
    [`"double"`, 'double'],
    [`'it\\'s'`, "it's"],
    [`"say \\"hi\\""`, 'say "hi"'],
    [`'a"b'`, 'a"b'],
    [`"a'b"`, "a'b"],
    ["'back\\\\slash'", 'back\\slash'],
    ["'\\n\\t\\r\\0'", '\n\t\r\u0000'],
    ["'\\%\\_'", '\\%\\_'],
    ["'\\q\\d'", 'qd'],
    ["'\\u0041\\101'", 'AA'],
    ["'\\b\\Z'", '\b\u001A'],
    // Unconfirmed choice: \u without four hex digits keeps the u.
    ["'\\uZZ'", 'uZZ'],
    ["''", ''],
  ])('string literal %s is %j', (literal, value) => {
    expect(parsePartitionPredicate(`${literal} = c`)).toEqual({ kind: 'comparison', op: '=', left: str(value), right: col('c') });
  });

  test('number literals: integers, decimals, a minus sign with or without a space', () => {
    expect(parsePartitionPredicate('a IN (0, 007, 2024, -1, - 2, 1.50, .5, 5., -0.25)')).toEqual({
      kind: 'in',
      negated: false,
      value: col('a'),
      list: [int('0'), int('007'), int('2024'), int('-1'), int('-2'), dec('1.50'), dec('.5'), dec('5.'), dec('-0.25')],
    });
  });

  test('a boolean literal, NULL or a column alone is a predicate', () => {
    expect(parsePartitionPredicate('true')).toEqual(bool(true));
    expect(parsePartitionPredicate('FALSE')).toEqual(bool(false));
    expect(parsePartitionPredicate('null')).toEqual(NULL);
    expect(parsePartitionPredicate('is_current')).toEqual(col('is_current'));
    expect(parsePartitionPredicate('NOT (is_current)')).toEqual({ kind: 'not', operand: col('is_current') });
  });

  test('a parenthesised predicate can be compared, and a parenthesised value too', () => {
    expect(parsePartitionPredicate('(a = 1) = true AND (b) > (2)')).toEqual({
      kind: 'and',
      left: { kind: 'comparison', op: '=', left: { kind: 'comparison', op: '=', left: col('a'), right: int('1') }, right: bool(true) },
      right: { kind: 'comparison', op: '>', left: col('b'), right: int('2') },
    });
  });

  test('comparisons chain to the left, as in Spark', () => {
    expect(parsePartitionPredicate('a = b = true')).toEqual({
      kind: 'comparison',
      op: '=',
      left: { kind: 'comparison', op: '=', left: col('a'), right: col('b') },
      right: bool(true),
    });
  });

  test('tabs and newlines are whitespace', () => {
    expect(parsePartitionPredicate("\n\tyear\r\n=\t'2024'\n")).toEqual({ kind: 'comparison', op: '=', left: col('year'), right: str('2024') });
  });
});

describe('parsePartitionPredicate: refused text', () => {
  const ALLOWED = 'only comparisons, AND/OR/NOT, IN, BETWEEN, LIKE and IS NULL over partition columns are allowed';

  test.each([
    ["year = '2020' ; COPY (SELECT 1) TO '/tmp/x'", "unexpected ';' at character 15"],
    ["read_text('/etc/passwd') IS NOT NULL", `unexpected '(' after 'read_text' at character 10; ${ALLOWED}`],
    ["year = '1' -- comment", "unexpected '--' at character 12; comments are not allowed"],
    ["year = '1' /* comment */", "unexpected '/*' at character 12; comments are not allowed"],
    ["year = 'abc", 'unterminated string starting at character 8'],
    ['year = "abc', 'unterminated string starting at character 8'],
    ["year = 'abc\\'", 'unterminated string starting at character 8'],
    ['', "empty predicate at character 1; write a condition over partition columns, e.g. year = '2024'"],
    ['  \n ', "empty predicate at character 1; write a condition over partition columns, e.g. year = '2024'"],
    ['year = 2023 + 1', `unexpected '+' at character 13; ${ALLOWED}`],
    ['year - 1 = 2023', `unexpected '-' at character 6; ${ALLOWED}`],
    ['year * 2 = 1', `unexpected '*' at character 6; ${ALLOWED}`],
    ["a = 'x' || 'y'", `unexpected '|' at character 9; ${ALLOWED}`],
    ['!flag', `unexpected '!' at character 1; ${ALLOWED}`],
    ['CAST(year AS INT) = 1', `unexpected '(' after 'CAST' at character 5; ${ALLOWED}`],
    ['`read_text`(1)', `unexpected '(' after 'read_text' at character 12; ${ALLOWED}`],
    ['year IN (SELECT max(year) FROM t)', "unexpected 'SELECT' at character 10; subqueries are not allowed; IN takes a list of literals"],
    ['year IN (month)', "unexpected 'month' at character 10; IN takes a list of literals, e.g. IN ('01', '02')"],
    ['year IN ()', "unexpected ')' at character 10; IN takes a list of literals, e.g. IN ('01', '02')"],
    ["year IN '2024'", "expected '(' after IN, found string '2024' at character 9; IN takes a list of literals, e.g. IN ('01', '02')"],
    ["year IN ('1' '2')", "expected ',' or ')' in the IN list, found string '2' at character 14; IN takes a list of literals"],
    ["year = '2020' month = '01'", "unexpected 'month' at character 15; join conditions with AND or OR"],
    ["year = 'it''s'", `unexpected string 's' at character 12; a quote inside a string is written \\' (or use the other quote: "it's")`],
    ["year = 'a' 'b'", "unexpected string 'b' at character 12; join conditions with AND or OR"],
    ["(year = '2020'", "unexpected end of text at character 15; expected ')' to close the '(' at character 1"],
    ["(year = '2020' month = 1)", "unexpected 'month' at character 16; expected ')' to close the '(' at character 1"],
    ["year = '2020')", "unexpected ')' without a matching '(' at character 14"],
    ["DATE '2024-01-01' <= dt", "unexpected string '2024-01-01' after 'DATE' at character 6; typed literals are not allowed; compare with a plain string, e.g. dt >= '2024-01-01'"],
    ['year = 1e3', "unsupported number '1e3' at character 8; write integers or decimals such as 2024 or 1.5"],
    ['year = 10L', "unsupported number '10L' at character 8; write integers or decimals such as 2024 or 1.5"],
    ['year = 1.2.3', "unsupported number '1.2.3' at character 8; write integers or decimals such as 2024 or 1.5"],
    ['year = 123456789012345678901234567890123456789', 'number 123456789012345678901234567890123456789 needs more than 38 digits at character 8'],
    ["'2024'", "expected a condition, found the value '2024' at character 1; compare a partition column with it, e.g. year = '2024'"],
    ['NOT 5', "expected a condition, found the value 5 at character 5; compare a partition column with it, e.g. year = '2024'"],
    ['year = 1 AND (-2.5)', "expected a condition, found the value (-2.5) at character 14; compare a partition column with it, e.g. year = '2024'"],
    ['year IS TRUE', "expected NULL or NOT NULL after IS, found 'TRUE' at character 9"],
    ['year IS', 'expected NULL or NOT NULL after IS, found the end of the text at character 8'],
    ['year NOT = 1', "expected IN, BETWEEN or LIKE after NOT, found '=' at character 10"],
    ['name LIKE other', "LIKE takes a string literal pattern, found 'other' at character 11"],
    ["name LIKE 'a%' ESCAPE '!'", "unexpected 'ESCAPE' at character 16; join conditions with AND or OR"],
    ["name RLIKE 'a.*'", "unexpected 'RLIKE' at character 6; join conditions with AND or OR"],
    ['day BETWEEN 1 OR 2', "expected AND between the bounds of BETWEEN, found 'OR' at character 15"],
    ['`year = 1', 'unterminated quoted identifier starting at character 1'],
    ['`` = 1', 'empty quoted identifier at character 1'],
    ['year = 1 OR', "unexpected end of text at character 12; expected a partition column, a literal or '('"],
    ['year =', "unexpected end of text at character 7; expected a partition column, a literal or '('"],
    ['AND year = 1', "unexpected 'AND' at character 1; expected a partition column, a literal or '('"],
    ['year = = 1', "unexpected '=' at character 8; expected a partition column, a literal or '('"],
    ['t.year = 1', "unexpected '.' at character 2"],
    ['year = $1', "unexpected '$' at character 8"],
    ['year = ?', "unexpected '?' at character 8"],
    ["a = '😀' ; b", "unexpected ';' at character 9"],
    ['a = 1\u0000', "unexpected '\\u0000' at character 6"],
  ])('%j', (text, problem) => {
    const error = errorOf(text);
    expect(error).toBeInstanceOf(PartitionPredicateError);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(`push_down_predicate "${text}": ${problem}`);
  });

  test('the error carries the text and the 1-based position', () => {
    const error = errorOf("year = '2020' ; DROP TABLE t");
    expect(error.name).toBe('PartitionPredicateError');
    expect(error.text).toBe("year = '2020' ; DROP TABLE t");
    expect(error.position).toBe(15);
  });

  test('the first problem in the text is reported, even when a later one is a lexical error', () => {
    expect(errorOf("f(1) = 'unterminated").message).toBe(`push_down_predicate "f(1) = 'unterminated": unexpected '(' after 'f' at character 2; ${ALLOWED}`);
  });
});

describe('predicateColumns', () => {
  test('distinct names in order of first appearance, compared case-insensitively', () => {
    const p: PartitionPredicate = parsePartitionPredicate("b = 1 AND (a IN (1, 2) OR B BETWEEN c AND 3) AND NOT a LIKE 'x%' AND d IS NULL AND 1 < `e`");
    expect(predicateColumns(p)).toEqual(['b', 'a', 'c', 'd', 'e']);
  });

  test('none for literals only', () => {
    expect(predicateColumns(parsePartitionPredicate("true AND 'a' = 'a'"))).toEqual([]);
  });
});

test('deep nesting is refused with the parser own error, not a stack overflow', () => {
  expect(() => parsePartitionPredicate(`${'('.repeat(5000)}year = '1'${')'.repeat(5000)}`)).toThrow(
    /^push_down_predicate "\({5000}.*": more than 100 nested parentheses or NOTs at character 101; write the condition more simply$/s,
  );
  expect(() => parsePartitionPredicate(`${'NOT '.repeat(5000)}year = '1'`)).toThrow(/more than 100 nested parentheses or NOTs at character 401/);
  expect(parsePartitionPredicate(`${'('.repeat(50)}year = '1'${')'.repeat(50)}`)).toEqual({ kind: 'comparison', op: '=', left: { kind: 'column', name: 'year' }, right: { kind: 'literal', type: 'string', value: '1' } });
});
