import { BIGINT, DOUBLE, duckdbTypeToInferred, mergeTypes, primitive, renderType, STRING, textValueType } from '../../../emulator/crawler';

describe('text value types', () => {
  test.each([
    ['42', 'bigint'],
    [' -7 ', 'bigint'],
    ['+3', 'bigint'],
    ['007', 'bigint'],
    ['9223372036854775807', 'bigint'],
    ['9223372036854775808', 'double'],
    ['1.5', 'double'],
    ['.5', 'double'],
    ['1e-3', 'double'],
    ['TRUE', 'boolean'],
    ['false', 'boolean'],
    ['yes', 'string'],
    ['1,5', 'string'],
    ['2020-01-01', 'string'],
    ['NaN', 'string'],
  ])('%s -> %s', (value, type) => {
    expect(renderType(textValueType(value))).toBe(type);
  });

  test('empty values carry no type', () => {
    expect(textValueType('  ')).toBeUndefined();
  });
});

describe('merging types', () => {
  test('bigint + double -> double, anything else mixed -> string, unknown takes the other', () => {
    expect(mergeTypes(BIGINT, DOUBLE)).toBe(DOUBLE);
    expect(mergeTypes(DOUBLE, BIGINT)).toBe(DOUBLE);
    expect(mergeTypes(BIGINT, primitive('boolean'))).toBe(STRING);
    expect(mergeTypes(undefined, BIGINT)).toBe(BIGINT);
    expect(renderType(mergeTypes(primitive('int'), BIGINT))).toBe('bigint');
    expect(renderType(mergeTypes(primitive('date'), primitive('timestamp')))).toBe('string');
    expect(renderType(mergeTypes({ kind: 'array', element: BIGINT }, { kind: 'array', element: DOUBLE }))).toBe('array<double>');
    expect(renderType(mergeTypes({ kind: 'array', element: BIGINT }, BIGINT))).toBe('string');
  });
});

describe('DuckDB types to Hive names', () => {
  test.each([
    ['BIGINT', 'bigint'],
    ['INTEGER', 'int'],
    ['SMALLINT', 'smallint'],
    ['TINYINT', 'tinyint'],
    ['DOUBLE', 'double'],
    ['FLOAT', 'float'],
    ['VARCHAR', 'string'],
    ['BOOLEAN', 'boolean'],
    ['DATE', 'date'],
    ['TIMESTAMP', 'timestamp'],
    ['TIMESTAMP WITH TIME ZONE', 'timestamp'],
    ['TIMESTAMP_NS', 'timestamp'],
    ['DECIMAL(10,2)', 'decimal(10,2)'],
    ['DECIMAL(38, 0)', 'decimal(38,0)'],
    ['BLOB', 'binary'],
    ['UUID', 'string'],
    ['VARCHAR[]', 'array<string>'],
    ['INTEGER[][]', 'array<array<int>>'],
    ['DOUBLE[3]', 'array<double>'],
    ['MAP(VARCHAR, BIGINT)', 'map<string,bigint>'],
    ['STRUCT(a INTEGER, "B c" VARCHAR[], n STRUCT(x DECIMAL(5,1)))', 'struct<a:int,B c:array<string>,n:struct<x:decimal(5,1)>>'],
    ['STRUCT(a INTEGER)[]', 'array<struct<a:int>>'],
    ["ENUM('x', 'y')", 'string'],
  ])('%s -> %s', (duck, hive) => {
    expect(renderType(duckdbTypeToInferred(duck))).toBe(hive);
  });
});
