import { crawlerTableName, uniqueTableNames } from '../../../emulator/crawler';
import { compileExclusionGlob } from '../../../emulator/storage/exclusion-glob';

describe('exclusion globs', () => {
  const matches = (pattern: string, key: string): boolean => compileExclusionGlob(pattern).test(key);

  test('* stays within one level, ** crosses levels', () => {
    expect(matches('*.csv', 'a.csv')).toBe(true);
    expect(matches('*.csv', 'dir/a.csv')).toBe(false);
    expect(matches('**.csv', 'dir/sub/a.csv')).toBe(true);
    expect(matches('departments/**', 'departments/a/b.json')).toBe(true);
    expect(matches('departments/**', 'employees/a.json')).toBe(false);
    expect(matches('employees/*.csv', 'employees/x.csv')).toBe(true);
    expect(matches('employees/*.csv', 'employees/2020/x.csv')).toBe(false);
  });

  test('?, character classes, negated classes, alternatives and escapes', () => {
    expect(matches('file?.csv', 'file1.csv')).toBe(true);
    expect(matches('file?.csv', 'file10.csv')).toBe(false);
    expect(matches('?', '/')).toBe(false);
    expect(matches('[a-c]*', 'banana')).toBe(true);
    expect(matches('[a-c]*', 'date')).toBe(false);
    expect(matches('[!a-c]*', 'date')).toBe(true);
    expect(matches('*.{csv,json}', 'x.json')).toBe(true);
    expect(matches('*.{csv,json}', 'x.parquet')).toBe(false);
    expect(matches('{2019,202?}/**', '2021/a.csv')).toBe(true);
    expect(matches('a\\*b', 'a*b')).toBe(true);
    expect(matches('a\\*b', 'axb')).toBe(false);
    expect(matches('a.b', 'axb')).toBe(false);
  });

  test('an unclosed { is an error', () => {
    expect(() => compileExclusionGlob('{a,b')).toThrow(/closing/);
  });
});

describe('table names', () => {
  test('lower case, letters, digits and _ only, prefix prepended, at most 128 characters', () => {
    expect(crawlerTableName('persons.json')).toBe('persons_json');
    expect(crawlerTableName('year=2017')).toBe('year_2017');
    expect(crawlerTableName('Medicare', 'curated_')).toBe('curated_medicare');
    expect(crawlerTableName('x'.repeat(200), 'p_')).toHaveLength(128);
  });

  test('duplicates after the first get a hash of their location', () => {
    const names = uniqueTableNames([
      { name: 'data', location: 's3://b/x/data/' },
      { name: 'data', location: 's3://b/y/data/' },
      { name: 'other', location: 's3://b/other/' },
    ]);
    expect(names[0]).toBe('data');
    expect(names[1]).toMatch(/^data_[0-9a-f]{8}$/);
    expect(names[2]).toBe('other');
    const long = uniqueTableNames([
      { name: 'x'.repeat(128), location: 'a' },
      { name: 'x'.repeat(128), location: 'b' },
    ]);
    expect(long[1]).toHaveLength(128);
    expect(long[1]).not.toBe(long[0]);
  });
});
