import { compilePartitionPredicate } from '../../../emulator/frames/partition-filter';
import { parsePartitionPredicate } from '../../../lib/pipeline/partition-predicate';

type Key = { name: string; type: string };
type Values = (string | null)[];

const WHERE = "node 'src' (CatalogSource db.events)";

/** The partitions a predicate keeps. */
function kept(predicate: string, keys: Key[], partitions: Values[]): Values[] {
  const test = compilePartitionPredicate(parsePartitionPredicate(predicate), keys, WHERE);
  return partitions.filter((values) => test(values));
}

/** For a table with one partition key `v` of the given type: the values a predicate keeps. */
function keptValues(predicate: string, type: string, values: (string | null)[]): (string | null)[] {
  return kept(predicate, [{ name: 'v', type }], values.map((v) => [v])).map((p) => p[0]);
}

function compileError(predicate: string, keys: Key[]): string {
  try {
    compilePartitionPredicate(parsePartitionPredicate(predicate), keys, WHERE);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`no error for ${predicate}`);
}

const YMD: Key[] = [
  { name: 'year', type: 'string' },
  { name: 'month', type: 'string' },
  { name: 'day', type: 'string' },
];
const DAYS: Values[] = [
  ['2023', '12', '31'],
  ['2024', '01', '01'],
  ['2024', '01', '15'],
  ['2024', '02', '01'],
  ['2025', '01', '01'],
];

describe('string partition keys', () => {
  test('equality with == and AND, as in the Glue guide', () => {
    expect(kept("(year=='2024' and month=='01')", YMD, DAYS)).toEqual([
      ['2024', '01', '01'],
      ['2024', '01', '15'],
    ]);
  });

  test('string ordering is by character, not by number', () => {
    expect(keptValues("v > '9'", 'string', ['10', '9', '09', 'a'])).toEqual(['a']);
    expect(keptValues("v >= '2024-01-15'", 'string', ['2024-01-15', '2024-1-20', '2024-02-01', '2023-12-31'])).toEqual(['2024-01-15', '2024-1-20', '2024-02-01']);
  });

  test('AND binds tighter than OR; parentheses change it', () => {
    expect(kept("year = '2023' OR year = '2024' AND month = '02'", YMD, DAYS)).toEqual([
      ['2023', '12', '31'],
      ['2024', '02', '01'],
    ]);
    expect(kept("(year = '2023' OR year = '2024') AND month = '02'", YMD, DAYS)).toEqual([['2024', '02', '01']]);
  });

  test('NOT, != and <>', () => {
    expect(kept("NOT year = '2024'", YMD, DAYS)).toEqual([
      ['2023', '12', '31'],
      ['2025', '01', '01'],
    ]);
    expect(kept("year != '2024' AND month <> '12'", YMD, DAYS)).toEqual([['2025', '01', '01']]);
    expect(kept("NOT (year = '2024' AND day = '01')", YMD, DAYS)).toEqual([
      ['2023', '12', '31'],
      ['2024', '01', '15'],
      ['2025', '01', '01'],
    ]);
  });

  test('column names match the keys case-insensitively', () => {
    expect(kept("YEAR = '2025' AND `Month` = '01'", YMD, DAYS)).toEqual([['2025', '01', '01']]);
  });

  test('char(n) and varchar(n) keys are strings', () => {
    expect(keptValues("v = 'ab'", 'char(4)', ['ab', 'ab  ', 'abc'])).toEqual(['ab']);
    expect(keptValues("v LIKE 'a%'", 'varchar(10)', ['ab', 'ba'])).toEqual(['ab']);
  });

  test('TRUE, FALSE and literal-only conditions', () => {
    expect(kept('true', YMD, DAYS)).toEqual(DAYS);
    expect(kept('false', YMD, DAYS)).toEqual([]);
    expect(kept("'a' = 'a' AND year = '2025'", YMD, DAYS)).toEqual([['2025', '01', '01']]);
  });
});

describe('integer partition keys', () => {
  const KEYS: Key[] = [
    { name: 'year', type: 'int' },
    { name: 'month', type: 'int' },
  ];
  const MONTHS: Values[] = [
    ['2024', '1'],
    ['2024', '02'],
    ['2024', '10'],
    ['2024', '12'],
    ['2025', 'x'],
  ];

  test('numbers compare as numbers', () => {
    expect(kept('month > 2', KEYS, MONTHS)).toEqual([
      ['2024', '10'],
      ['2024', '12'],
    ]);
    expect(kept('month = 2', KEYS, MONTHS)).toEqual([['2024', '02']]);
  });

  test('BETWEEN is inclusive; NOT BETWEEN', () => {
    expect(kept('month BETWEEN 2 AND 10', KEYS, MONTHS)).toEqual([
      ['2024', '02'],
      ['2024', '10'],
    ]);
    // 'x' is null as an int: NOT BETWEEN of null is null, so that partition is not kept either.
    expect(kept('month NOT BETWEEN 2 AND 10', KEYS, MONTHS)).toEqual([
      ['2024', '1'],
      ['2024', '12'],
    ]);
  });

  test('a value that does not parse as the key type is null', () => {
    expect(kept('month IS NULL', KEYS, MONTHS)).toEqual([['2025', 'x']]);
  });

  test("Spark's string to int cast: trimmed, fraction truncated toward zero, no exponent, hex or underscores", () => {
    expect(keptValues('v = 12', 'int', ['12', ' 12\t', '12.99', '+12', '012', '1.2e1', '0xC', '1_2', '12a', ''])).toEqual(['12', ' 12\t', '12.99', '+12', '012']);
    expect(keptValues('v = -2', 'int', ['-2.7', '-2', '-3'])).toEqual(['-2.7', '-2']);
  });

  test('out of range for the key type is null', () => {
    expect(keptValues('v IS NULL', 'tinyint', ['127', '128', '-128', '-129'])).toEqual(['128', '-129']);
    expect(keptValues('v IS NULL', 'smallint', ['32767', '32768'])).toEqual(['32768']);
    expect(keptValues('v IS NULL', 'int', ['2147483647', '2147483648'])).toEqual(['2147483648']);
    expect(keptValues('v IS NULL', 'bigint', ['9223372036854775807', '9223372036854775808'])).toEqual(['9223372036854775808']);
  });

  test('bigint values compare exactly, beyond 2^53', () => {
    expect(keptValues('v = 9007199254740993', 'bigint', ['9007199254740992', '9007199254740993', '9007199254740994'])).toEqual(['9007199254740993']);
    expect(keptValues('v > 9007199254740992', 'bigint', ['9007199254740992', '9007199254740993'])).toEqual(['9007199254740993']);
  });

  test('an int key against a decimal literal compares exactly', () => {
    expect(keptValues('v = 1.0', 'int', ['1', '2'])).toEqual(['1']);
    expect(keptValues('v = 1.5', 'int', ['1', '2'])).toEqual([]);
    expect(keptValues('v > 1.5', 'int', ['1', '2'])).toEqual(['2']);
    // As a double, 1.99999999999999999999 would be 2.0; as decimals it is below 2.
    expect(keptValues('v < 1.99999999999999999999', 'bigint', ['1', '2'])).toEqual(['1']);
  });

  test('-1 and - 1 are negative literals', () => {
    expect(keptValues('v >= -1', 'int', ['-2', '-1', '0'])).toEqual(['-1', '0']);
    expect(keptValues('v IN (- 2, 0)', 'int', ['-2', '-1', '0'])).toEqual(['-2', '0']);
  });
});

describe('type coercion (Spark TypeCoercion.PromoteStrings and friends)', () => {
  test('string key = integer literal: the key is cast to int (so 02024 and 2024.9 match, abc is null)', () => {
    expect(keptValues('v = 2024', 'string', ['2024', '02024', ' 2024 ', '2024.9', '2024e0', 'abc', null])).toEqual(['2024', '02024', ' 2024 ', '2024.9']);
  });

  test('string key < integer literal compares numbers, not text', () => {
    expect(keptValues('v < 10', 'string', ['9', '10', '09', '100'])).toEqual(['9', '09']);
  });

  test('string key against a literal too large for int: cast to bigint', () => {
    expect(keptValues('v = 3000000000', 'string', ['3000000000', '3000000000.5', '3e9'])).toEqual(['3000000000', '3000000000.5']);
  });

  test("int key > '2020': the string literal is cast to int", () => {
    expect(keptValues("v > '2020'", 'int', ['2019', '2020', '2021', '10000'])).toEqual(['2021', '10000']);
    // '2020.7' cast to int is 2020 (truncation), so it equals 2020.
    expect(keptValues("v = '2020.7'", 'int', ['2020', '2021'])).toEqual(['2020']);
    // A string that is not a number is null: nothing equals it, and != is null too.
    expect(keptValues("v = 'abc' OR v != 'abc'", 'int', ['2020'])).toEqual([]);
  });

  test('string key against a decimal literal: both sides become double', () => {
    expect(keptValues('v = 1.10', 'string', ['1.1', '1.10', '1.100000000000000001', '1.2', 'x'])).toEqual(['1.1', '1.10', '1.100000000000000001']);
  });

  test('string key against a boolean: the string is cast to boolean', () => {
    expect(keptValues('v = true', 'string', ['true', 'TRUE', 't', 'yes', 'y', '1', 'false', 'no', 'maybe'])).toEqual(['true', 'TRUE', 't', 'yes', 'y', '1']);
  });

  test('IN promotes numbers to string next to a string key (unlike =)', () => {
    expect(keptValues('v IN (2023, 2024)', 'string', ['2024', '02024', '2024.0', '2023'])).toEqual(['2024', '2023']);
    expect(keptValues("v IN ('1', '3')", 'int', ['1', '01', '1.5', '3', '2'])).toEqual(['1', '01', '1.5', '3']);
  });

  test('IN casts a double, float or decimal key to text as Java prints it', () => {
    expect(keptValues("v IN ('12.0', '1.0E20', '1.0E-5', 'NaN', '0.001')", 'double', ['12', '1e20', '0.00001', 'nan', '12.5', '1e-3'])).toEqual(['12', '1e20', '0.00001', 'nan', '1e-3']);
    expect(keptValues("v IN ('0.1', '1.0E7')", 'float', ['0.1', '1e7', '0.2'])).toEqual(['0.1', '1e7']);
    expect(keptValues("v IN ('1.50')", 'decimal(10,2)', ['1.5', '1.50', '1.505'])).toEqual(['1.5', '1.50']);
    expect(keptValues("v IN ('1.5')", 'decimal(10,2)', ['1.5'])).toEqual([]);
    expect(keptValues("v IN ('1.0E-7', '0.000001')", 'decimal(10,8)', ['0.0000001', '0.000001'])).toEqual(['0.0000001']);
  });

  test('IN over an int key with integer and decimal literals widens to decimal', () => {
    expect(keptValues('v IN (1, 2.5)', 'int', ['1', '2', '3'])).toEqual(['1']);
  });

  test('BETWEEN coerces each bound on its own', () => {
    // v >= '2' compares strings ('10' < '2'), v <= 10 compares numbers.
    expect(keptValues("v BETWEEN '2' AND 10", 'string', ['2', '5', '10', '11', '3'])).toEqual(['2', '5', '3']);
  });

  test('a float key against a decimal literal compares as double (the float 1.1 is not the double 1.1)', () => {
    expect(keptValues('v = 1.5', 'float', ['1.5', '1.50'])).toEqual(['1.5', '1.50']);
    expect(keptValues('v = 1.1', 'float', ['1.1'])).toEqual([]);
    expect(keptValues("v = '1.1'", 'float', ['1.1'])).toEqual(['1.1']);
  });

  test('double keys: exponent, NaN above everything, -0.0 = 0, inf literals', () => {
    expect(keptValues('v = 0.1', 'double', ['0.1', '1e-1', '0.10000000000000001', '0.2'])).toEqual(['0.1', '1e-1', '0.10000000000000001']);
    expect(keptValues('v > 1000', 'double', ['NaN', 'Infinity', 'inf', '1e3', '1000.5', '-Infinity', 'abc'])).toEqual(['NaN', 'Infinity', 'inf', '1000.5']);
    expect(keptValues('v = 0', 'double', ['-0.0', '0', '0d'])).toEqual(['-0.0', '0', '0d']);
  });

  test('decimal(p,s) keys round half up to the scale; a value that does not fit is null', () => {
    expect(keptValues('v = 1.01', 'decimal(5,2)', ['1.005', '1.01', '1.0149', '1.015'])).toEqual(['1.005', '1.01', '1.0149']);
    expect(keptValues('v IS NULL', 'decimal(5,2)', ['999.99', '999.995', '1234.5', 'abc'])).toEqual(['999.995', '1234.5', 'abc']);
    expect(keptValues('v = 123', 'decimal(5,2)', ['123', '12.3e1', '123.001', '123.01'])).toEqual(['123', '12.3e1', '123.001']);
  });

  test('a decimal key against a string literal compares as double', () => {
    expect(keptValues("v = '1.5'", 'decimal(10,2)', ['1.50', '1.5', '1.51'])).toEqual(['1.50', '1.5']);
  });

  test('boolean keys: alone, NOT, = with a string, = 1', () => {
    const values = ['true', 'false', 'yes', '0', ' T ', null, 'maybe'];
    expect(keptValues('v', 'boolean', values)).toEqual(['true', 'yes', ' T ']);
    expect(keptValues('NOT v', 'boolean', values)).toEqual(['false', '0']);
    expect(keptValues("v = 'y'", 'boolean', values)).toEqual(['true', 'yes', ' T ']);
    expect(keptValues('v = 1', 'boolean', values)).toEqual(['true', 'yes', ' T ']);
    expect(keptValues('v <=> 0', 'boolean', values)).toEqual(['false', '0']);
    expect(keptValues('v = 2', 'boolean', values)).toEqual([]);
  });

  test('date keys: a string is cast to date; malformed and impossible dates are null', () => {
    const values = ['2024-01-15', '2024-1-20', '2024/01/20', '2024-02-30', '2024-01-14', '2024-01-16T09:00', '2024-01', '24-01-16'];
    expect(keptValues("v >= '2024-01-15'", 'date', values)).toEqual(['2024-01-15', '2024-1-20', '2024-01-16T09:00']);
    expect(keptValues("v = '2024-01-15 23:59'", 'date', values)).toEqual(['2024-01-15']);
    expect(keptValues('v IS NULL', 'date', values)).toEqual(['2024/01/20', '2024-02-30', '24-01-16']);
    expect(keptValues("v = '2024'", 'date', ['2024-01-01', '2024-01-02'])).toEqual(['2024-01-01']);
  });

  test('date keys in IN compare as text in the yyyy-MM-dd form', () => {
    expect(keptValues("v IN ('2024-01-05', '2024-1-6')", 'date', ['2024-1-5', '2024-01-06'])).toEqual(['2024-1-5']);
  });

  test('timestamp keys: zones, T or space, fractions; no zone is UTC', () => {
    const values = ['2024-01-01 08:00:00', '2024-01-01 10:00:00', '2024-01-01T08:00:00.5', '2024-01-01 08:00:00Z', 'bad', '2024-01-01 09:00:00+01:00'];
    expect(keptValues("v = '2024-01-01T10:00:00+02:00'", 'timestamp', values)).toEqual(['2024-01-01 08:00:00', '2024-01-01 08:00:00Z', '2024-01-01 09:00:00+01:00']);
    expect(keptValues("v > '2024-01-01 08:00:00'", 'timestamp', values)).toEqual(['2024-01-01 10:00:00', '2024-01-01T08:00:00.5']);
    expect(keptValues("v LIKE '%:00.5'", 'timestamp', values)).toEqual(['2024-01-01T08:00:00.5']);
  });

  test('a date compared with a timestamp is promoted to a timestamp at midnight', () => {
    const keys: Key[] = [
      { name: 'd', type: 'date' },
      { name: 't', type: 'timestamp' },
    ];
    expect(kept('d = t', keys, [['2024-01-01', '2024-01-01 00:00:00'], ['2024-01-01', '2024-01-01 00:00:01']])).toEqual([['2024-01-01', '2024-01-01 00:00:00']]);
  });

  test('two columns of different types: the string one is cast', () => {
    const keys: Key[] = [
      { name: 's', type: 'string' },
      { name: 'n', type: 'int' },
    ];
    expect(kept('s = n', keys, [['7', '7'], ['07', '7'], ['7', '8'], ['x', '7']])).toEqual([['7', '7'], ['07', '7']]);
  });
});

describe('nulls and three-valued logic', () => {
  const KEYS: Key[] = [
    { name: 'year', type: 'string' },
    { name: 'month', type: 'int' },
  ];
  const ROWS: Values[] = [
    ['2024', '1'],
    ['2024', '2'],
    [null, '1'],
    ['__HIVE_DEFAULT_PARTITION__', '2'],
    ['2023', null],
  ];

  test('null and __HIVE_DEFAULT_PARTITION__ are null; IS NULL and IS NOT NULL', () => {
    expect(kept('year IS NULL', KEYS, ROWS)).toEqual([
      [null, '1'],
      ['__HIVE_DEFAULT_PARTITION__', '2'],
    ]);
    expect(kept('month IS NOT NULL AND year IS NOT NULL', KEYS, ROWS)).toEqual([
      ['2024', '1'],
      ['2024', '2'],
    ]);
  });

  test('a comparison with null is null, so neither it nor its negation keeps the partition', () => {
    expect(kept("year = '2024'", KEYS, ROWS)).toEqual([
      ['2024', '1'],
      ['2024', '2'],
    ]);
    expect(kept("NOT year = '2024'", KEYS, ROWS)).toEqual([['2023', null]]);
    expect(kept("year != '2024'", KEYS, ROWS)).toEqual([['2023', null]]);
    expect(kept('year = NULL', KEYS, ROWS)).toEqual([]);
  });

  test('null OR true is true; null AND false is false, so NOT of it is true', () => {
    expect(kept("year = '2024' OR month = 1", KEYS, ROWS)).toEqual([
      ['2024', '1'],
      ['2024', '2'],
      [null, '1'],
    ]);
    // [null, '1']: NOT (null AND true) is NOT null, null: dropped. ['2023', null]: NOT (false AND null) is true.
    expect(kept("NOT (year = '2024' AND month = 1)", KEYS, ROWS)).toEqual([
      ['2024', '2'],
      ['__HIVE_DEFAULT_PARTITION__', '2'],
      ['2023', null],
    ]);
  });

  test('<=> is null-safe', () => {
    expect(kept('year <=> NULL', KEYS, ROWS)).toEqual([
      [null, '1'],
      ['__HIVE_DEFAULT_PARTITION__', '2'],
    ]);
    expect(kept("year <=> '2023'", KEYS, ROWS)).toEqual([['2023', null]]);
    expect(kept("NOT (year <=> '2024')", KEYS, ROWS)).toEqual([
      [null, '1'],
      ['__HIVE_DEFAULT_PARTITION__', '2'],
      ['2023', null],
    ]);
  });

  test('IN with a null in the list: a match is true, no match is null', () => {
    expect(kept("year IN ('2024', NULL)", KEYS, ROWS)).toEqual([
      ['2024', '1'],
      ['2024', '2'],
    ]);
    expect(kept("year NOT IN ('2024', NULL)", KEYS, ROWS)).toEqual([]);
    expect(kept("year NOT IN ('2024')", KEYS, ROWS)).toEqual([['2023', null]]);
  });

  test('a NULL literal alone keeps nothing, and NULL OR true keeps everything', () => {
    expect(kept('NULL', KEYS, ROWS)).toEqual([]);
    expect(kept('NULL OR true', KEYS, ROWS)).toEqual(ROWS);
  });

  test('BETWEEN with a null bound is null unless the other bound already fails', () => {
    expect(keptValues('v BETWEEN NULL AND 5', 'int', ['3', '7'])).toEqual([]);
    expect(keptValues('NOT v BETWEEN NULL AND 5', 'int', ['3', '7'])).toEqual(['7']);
  });
});

describe('LIKE', () => {
  const NAMES = ['abc', 'a_c', 'abbc', 'Abc', 'ac', 'a%c', 'a\\c', 'a\nc', '100%', '1000'];

  test('_ is one character, % any run, the whole string must match, case-sensitive', () => {
    expect(keptValues("v LIKE 'a_c'", 'string', NAMES)).toEqual(['abc', 'a_c', 'a%c', 'a\\c', 'a\nc']);
    expect(keptValues("v LIKE 'a%c'", 'string', NAMES)).toEqual(['abc', 'a_c', 'abbc', 'ac', 'a%c', 'a\\c', 'a\nc']);
    expect(keptValues("v LIKE 'A%'", 'string', NAMES)).toEqual(['Abc']);
    expect(keptValues("v LIKE 'b'", 'string', NAMES)).toEqual([]);
  });

  test('\\_ and \\% match themselves, whether written \\_ or \\\\_ in the literal', () => {
    expect(keptValues("v LIKE 'a\\_c'", 'string', NAMES)).toEqual(['a_c']);
    expect(keptValues("v LIKE 'a\\\\_c'", 'string', NAMES)).toEqual(['a_c']);
    expect(keptValues("v LIKE '100\\%'", 'string', NAMES)).toEqual(['100%']);
  });

  test('an escaped backslash matches a backslash', () => {
    expect(keptValues("v LIKE 'a\\\\\\\\c'", 'string', NAMES)).toEqual(['a\\c']);
  });

  test('NOT LIKE', () => {
    expect(keptValues("v NOT LIKE '%c'", 'string', [...NAMES, null])).toEqual(['100%', '1000']);
  });

  test('regular expression characters in the pattern are literal', () => {
    expect(keptValues("v LIKE 'a.c'", 'string', ['a.c', 'abc'])).toEqual(['a.c']);
    expect(keptValues("v LIKE '(x)[y]*+?{2}|$^'", 'string', ['(x)[y]*+?{2}|$^', 'x'])).toEqual(['(x)[y]*+?{2}|$^']);
  });

  test('_ matches one character beyond the BMP', () => {
    expect(keptValues("v LIKE 'a_'", 'string', ['a😀', 'a😀😀'])).toEqual(['a😀']);
  });

  test('a non-string key is matched through its text', () => {
    expect(keptValues("v LIKE '1%'", 'int', ['1', '10', '01', '2', '21'])).toEqual(['1', '10', '01']);
  });
});

describe('compile-time errors', () => {
  test('a column that is not a partition key, even in a branch never reached', () => {
    expect(compileError("year = '2024' OR region = 'eu'", YMD)).toBe(
      "node 'src' (CatalogSource db.events): push_down_predicate refers to 'region', which is not a partition column (partition columns: year, month, day)",
    );
    expect(compileError('true OR hour IN (1)', YMD)).toBe(
      "node 'src' (CatalogSource db.events): push_down_predicate refers to 'hour', which is not a partition column (partition columns: year, month, day)",
    );
  });

  test('a non-boolean column where a condition goes', () => {
    expect(compileError("year AND month = '01'", YMD)).toBe(
      "node 'src' (CatalogSource db.events): push_down_predicate uses column 'year' (string) as a condition; only a boolean column, TRUE, FALSE, NULL or a comparison can be one",
    );
  });

  test('types Spark cannot compare', () => {
    expect(compileError('v = 5', [{ name: 'v', type: 'date' }])).toBe(
      "node 'src' (CatalogSource db.events): push_down_predicate cannot compare column 'v' (date) with 5 (int) using =: Spark has no implicit cast between date and int",
    );
    expect(compileError('v > 0', [{ name: 'v', type: 'boolean' }])).toBe(
      "node 'src' (CatalogSource db.events): push_down_predicate cannot compare column 'v' (boolean) with 0 (int) using >: Spark has no implicit cast between boolean and int",
    );
    expect(compileError("v IN ('true', 'false')", [{ name: 'v', type: 'boolean' }])).toBe(
      "node 'src' (CatalogSource db.events): push_down_predicate cannot compare column 'v' (boolean) with the IN list ('true' (string), 'false' (string)): Spark finds no common type for them",
    );
  });

  test('invalid LIKE patterns', () => {
    expect(compileError("year LIKE 'a\\\\b'", YMD)).toBe(
      "node 'src' (CatalogSource db.events): push_down_predicate LIKE pattern 'a\\b' is invalid: the escape character is not allowed to precede 'b'",
    );
    expect(compileError("year LIKE 'ab\\\\'", YMD)).toBe(
      "node 'src' (CatalogSource db.events): push_down_predicate LIKE pattern 'ab\\' is invalid: it is not allowed to end with the escape character",
    );
  });

  test('a key type the evaluator does not know', () => {
    expect(compileError('tags IS NULL', [{ name: 'tags', type: 'array<string>' }])).toBe(
      "node 'src' (CatalogSource db.events): partition column 'tags' has type 'array<string>', which push_down_predicate cannot evaluate (supported: string, varchar, char, tinyint, smallint, int, bigint, float, double, decimal, boolean, date, timestamp)",
    );
  });

  test('an unknown type on a key the predicate does not use is no error', () => {
    expect(kept("year = '1'", [{ name: 'year', type: 'string' }, { name: 'tags', type: 'array<string>' }], [['1', 'x'], ['2', 'y']])).toEqual([['1', 'x']]);
  });
});
