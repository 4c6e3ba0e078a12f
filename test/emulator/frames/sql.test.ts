import { DuckDBInstance } from '@duckdb/node-api';
import { quoteIdentifier, quoteList, quoteLiteral, quoteNumber } from '../../../emulator/frames/sql';

const NASTY = ["it's", "'; COPY (SELECT 1) TO '/tmp/x'; --", 'back\\slash', '"double"', 'line\nbreak', 'é 北京 😀', "''", ''];

test('quoteLiteral and quoteIdentifier give back exactly the text, however hostile', async () => {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    for (const value of NASTY) {
      const r = await c.runAndReadAll(`SELECT ${quoteLiteral(value)} AS ${quoteIdentifier(value || 'empty')}`);
      expect(r.getRowObjectsJS()).toEqual([{ [value || 'empty']: value }]);
    }
    const list = await c.runAndReadAll(`SELECT ${quoteList(NASTY)} AS l`);
    expect(list.getRowObjectsJS()[0].l).toEqual(NASTY);
  } finally {
    c.closeSync();
    instance.closeSync();
  }
});

test('the quoting functions', () => {
  expect(quoteLiteral("a'b")).toBe("'a''b'");
  expect(quoteIdentifier('a"b')).toBe('"a""b"');
  expect(() => quoteLiteral('a\0b')).toThrow("the value 'a\\0b' holds a NUL character");
  expect(() => quoteIdentifier('a\0b')).toThrow("the name 'a\\0b' holds a NUL character");
  expect(quoteNumber('-12.5e3')).toBe('(-12.5e3)');
  expect(() => quoteNumber('1); DROP TABLE x; --')).toThrow("'1); DROP TABLE x; --' is not a number");
  expect(() => quoteNumber('0x1F')).toThrow("'0x1F' is not a number");
});
