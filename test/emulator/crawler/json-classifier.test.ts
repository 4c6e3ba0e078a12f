import { classifyJson, FileSchema, JSON_NEEDS_LARGER_SAMPLE, renderType, TextSample } from '../../../emulator/crawler';

function sample(text: string, totalBytes = Buffer.byteLength(text)): TextSample {
  const bytes = Buffer.from(text);
  return { bytes, totalBytes, truncated: totalBytes > bytes.length };
}

function columns(text: string): string[] | undefined {
  const result = classifyJson(sample(text));
  if (result === undefined || result === JSON_NEEDS_LARGER_SAMPLE) return undefined;
  return result.columns.map((c) => `${c.name}:${renderType(c.type)}`);
}

describe('built-in JSON classifier', () => {
  test('numbers: integers in int64 range are bigint, 1.0 and exponents double', () => {
    expect(columns('{"a":1,"b":1.0,"c":1e2,"d":9223372036854775808,"e":-9223372036854775808}\n')).toEqual([
      'a:bigint',
      'b:double',
      'c:double',
      'd:double',
      'e:bigint',
    ]);
  });

  test('nested values, nulls, empty arrays and key case', () => {
    expect(columns('{"Id":1,"Tags":[],"obj":{"Inner":[{"x":1},{"y":"s"}]},"n":null,"e":{}}\n{"id":2,"tags":[1,2.5]}')).toEqual([
      'id:bigint',
      'tags:array<double>',
      'obj:struct<Inner:array<struct<x:bigint,y:string>>>',
      'n:string',
      'e:string',
    ]);
  });

  test('mixed scalar and nested values become string', () => {
    expect(columns('{"a":1,"b":{"x":1}}\n{"a":"one","b":[1]}\n')).toEqual(['a:string', 'b:string']);
    expect(columns('{"a":true}\n{"a":1}\n')).toEqual(['a:string']);
  });

  test('pretty-printed objects back to back are records too', () => {
    const result = classifyJson(sample('{\n  "a": 1\n}\n{\n  "a": 2,\n  "b": "x"\n}\n')) as FileSchema;
    expect(result.recordCount).toBe(2);
    expect(result.columns.map((c) => c.name)).toEqual(['a', 'b']);
  });

  test('not JSON: text, CSV, a malformed first record, more garbage than records', () => {
    expect(classifyJson(sample('a,b\n1,2\n'))).toBeUndefined();
    expect(classifyJson(sample('{"a":1,,}\n{"a":2}\n'))).toBeUndefined();
    expect(classifyJson(sample('{"a":1}\nx\ny\nz\n'))).toBeUndefined();
    expect(classifyJson(sample(''))).toBeUndefined();
  });

  test('a first record longer than the sample asks for a larger sample', () => {
    expect(classifyJson(sample('{"a":"very long', 1000))).toBe(JSON_NEEDS_LARGER_SAMPLE);
  });

  test('a truncated sample drops the partial record and scales the count', () => {
    const line = '{"id":100,"v":"abcdef"}\n'; // 24 bytes
    const result = classifyJson(sample(line.repeat(10) + line.slice(0, 10), 24 * 1000)) as FileSchema;
    expect(result.recordCount).toBe(1000);
    expect(result.recordBytes).toBe(24000);
  });

  test('a cut top-level array keeps the elements read so far', () => {
    const result = classifyJson(sample('[{"a":1},{"a":2},{"a":"thr', 5000)) as FileSchema;
    expect(result.columns.map((c) => `${c.name}:${renderType(c.type)}`)).toEqual(['record:array<struct<a:bigint>>']);
    expect(result.recordCount).toBe(1);
  });
});
