import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { and, col, or, Pipeline } from '../../../lib/pipeline';
import { bzip2Files } from '../../../emulator/frames/bzip2-output';
import { LocalJobHarness } from '../../support/local-job';

/** Issue 6's audit items: each local result is what the generated script gives on Glue (GLUE-REFERENCE section 10). */
let h: LocalJobHarness;
beforeEach(async () => (h = await LocalJobHarness.open()));
afterEach(async () => h.close());

async function jsonOut(graph: Pipeline['graph']): Promise<unknown[]> {
  await h.job('j', graph);
  const run = await h.service.runJob('j');
  if (run.JobRunState !== 'SUCCEEDED') throw new Error(run.ErrorMessage);
  const keys = await h.keys('b', 'out/');
  const lines = (await Promise.all(keys.map((k) => h.text('b', k)))).join('').trim().split('\n').filter((l) => l !== '');
  return lines.map((l) => JSON.parse(l) as unknown);
}

test('applyMapping casts as Spark does: a string with a fraction to long truncates, a double to int truncates toward zero', async () => {
  await h.service.objects.write('b', 'in/a.json', ['{"id":1,"s":"12.50","d":2.7}', '{"id":2,"s":"-2.7","d":-2.7}', '{"id":3,"s":" 7 ","d":3.5}', '{"id":4,"s":".5","d":0.2}', '{"id":5,"s":"abc","d":1e300}', '{"id":6,"s":"1e3","d":-0.9}'].join('\n') + '\n');
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://b/in/'], format: 'json' })
    .applyMapping([
      { from: 'id', fromType: 'long', to: 'id', toType: 'long' },
      { from: 's', fromType: 'string', to: 's_long', toType: 'long' },
      { from: 'd', fromType: 'double', to: 'd_int', toType: 'int' },
    ])
    .writeToS3({ path: 's3://b/out/', format: 'json' });
  expect(await jsonOut(p.graph)).toEqual([
    { id: 1, s_long: 12, d_int: 2 },
    { id: 2, s_long: -2, d_int: -2 },
    { id: 3, s_long: 7, d_int: 3 },
    { id: 4, s_long: 0, d_int: 0 },
    { id: 5 },
    { id: 6, d_int: 0 },
  ]);
});

test('applyMapping to a bare decimal is DECIMAL(10,2), and strings become booleans by Spark\'s words', async () => {
  await h.service.objects.write('b', 'in/a.json', '{"a":"12.5","b":"Yes"}\n{"a":"-3.456","b":" n "}\n{"a":"x","b":"maybe"}\n');
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://b/in/'], format: 'json' })
    .applyMapping([
      { from: 'a', fromType: 'string', to: 'a', toType: 'decimal' },
      { from: 'b', fromType: 'string', to: 'b', toType: 'boolean' },
    ])
    .writeToS3({ path: 's3://b/out/', format: 'json' });
  expect(await jsonOut(p.graph)).toEqual([{ a: 12.5, b: true }, { a: -3.46, b: false }, {}]);
});

test("a filter whose comparison raises makes the whole record False: None > 4 inside an or drops the record even when id is 2", async () => {
  await h.service.objects.write('b', 'in/a.json', '{"id":1,"n":5}\n{"id":2,"n":null}\n{"id":3,"n":1}\n');
  const p = new Pipeline();
  const src = p.fromS3({ paths: ['s3://b/in/'], format: 'json' });
  src.filter(or(col('n').gt(4), col('id').eq(2))).selectFields(['id']).writeToS3({ path: 's3://b/out/', format: 'json' });
  // Python: record 2 raises at None > 4 before id == 2 is looked at.
  expect(await jsonOut(p.graph)).toEqual([{ id: 1 }]);
});

test('a filter short-circuits as Python does: an and stopped by False never reaches the comparison that would raise', async () => {
  await h.service.objects.write('b', 'in/a.json', '{"id":1,"n":null}\n{"id":2,"n":7}\n');
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://b/in/'], format: 'json' }).filter(and(col('id').eq(2), col('n').gt(4))).selectFields(['id']).writeToS3({ path: 's3://b/out/', format: 'json' });
  expect(await jsonOut(p.graph)).toEqual([{ id: 2 }]);
  const q = new Pipeline();
  // Negation keeps an exception an exception: not (None > 4) still drops the record.
  q.fromS3({ paths: ['s3://b/in/'], format: 'json' }).filter(col('n').gt(4).not()).selectFields(['id']).writeToS3({ path: 's3://b/out2/', format: 'json' });
  await h.job('q', q.graph);
  expect((await h.service.runJob('q')).JobRunState).toBe('SUCCEEDED');
  expect(await h.keys('b', 'out2/')).toEqual([]);
});

test('a quoted empty CSV value is the empty string; an unquoted empty value is null', async () => {
  await h.service.objects.write('b', 'in/a.csv', 'id,name\n1,""\n2,\n3,x\n');
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://b/in/'], format: 'csv', withHeader: true }).writeToS3({ path: 's3://b/out/', format: 'json' });
  expect(await jsonOut(p.graph)).toEqual([{ id: 1, name: '' }, { id: 2 }, { id: 3, name: 'x' }]);
});

test('a crawled JSON table reads its camelCase keys back into its lower-case columns, and a number in a string column as its digits', async () => {
  await h.service.objects.write('b', 'events/a.json', '{"userId":1,"eventName":"open","note":"a"}\n{"userId":2,"eventName":"close","note":5}\n');
  await h.service.crawlers.createCrawler({ Name: 'c', Role: 'r', DatabaseName: 'db', Targets: { S3Targets: [{ Path: 's3://b/events/' }] } });
  expect((await h.service.runCrawler('c')).LastCrawl?.Status).toBe('SUCCEEDED');
  const { Table } = await h.service.catalog.getTable({ DatabaseName: 'db', Name: 'events' });
  expect(Table!.StorageDescriptor!.Columns!.map((c) => c.Name)).toEqual(['userid', 'eventname', 'note']);
  const p = new Pipeline();
  p.fromCatalog({ database: 'db', table: 'events' }).writeToS3({ path: 's3://b/out/', format: 'json' });
  expect(await jsonOut(p.graph)).toEqual([
    { userid: 1, eventname: 'open', note: 'a' },
    { userid: 2, eventname: 'close', note: '5' },
  ]);
});

test('an S3 source skips the objects its exclusion globs match', async () => {
  for (const [key, id] of [['in/a.json', 1], ['in/notes.txt', 2], ['in/old/b.json', 3], ['in/new/c.json', 4]] as const) await h.service.objects.write('b', key, `{"id":${id}}\n`);
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://b/in/'], format: 'json', exclusions: ['**.txt', 'old/**'] }).writeToS3({ path: 's3://b/out/', format: 'json' });
  expect(await jsonOut(p.graph)).toEqual([{ id: 1 }, { id: 4 }]);
});

test('dropNullFields drops the fields null or missing in every record; an empty string is a value', async () => {
  await h.service.objects.write('b', 'in/a.json', '{"id":1,"gone":null,"empty":"","some":null}\n{"id":2,"empty":"","some":3}\n');
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://b/in/'], format: 'json' }).dropNullFields().writeToS3({ path: 's3://b/out/', format: 'parquet' });
  await h.job('j', p.graph);
  expect((await h.service.runJob('j')).JobRunState).toBe('SUCCEEDED');
  await h.service.catalog.createTable({ DatabaseName: 'db', TableInput: { Name: 'out', Parameters: { classification: 'parquet' }, StorageDescriptor: { Location: 's3://b/out/', Columns: [] } } });
  const read = await h.service.readTable('db', 'out', { orderBy: ['id'] });
  expect(read.schema.map((f) => f.name)).toEqual(['id', 'empty', 'some']);
  expect(read.rows).toEqual([
    { id: 1, empty: '', some: null },
    { id: 2, empty: '', some: 3 },
  ]);
});

test('union keeps every record of both frames, duplicates included, fields matched by name', async () => {
  await h.service.objects.write('b', 'a/a.json', '{"id":1,"name":"Ann"}\n{"id":2,"name":"Bob"}\n');
  await h.service.objects.write('b', 'c/b.json', '{"name":"Bob","id":2}\n{"id":3,"city":"Rome"}\n');
  const p = new Pipeline();
  const a = p.fromS3({ paths: ['s3://b/a/'], format: 'json' });
  a.union(p.fromS3({ paths: ['s3://b/c/'], format: 'json' }), { transformationCtx: 'both' }).writeToS3({ path: 's3://b/out/', format: 'json' });
  const rows = (await jsonOut(p.graph)) as { id: number }[];
  expect(rows.sort((x, y) => x.id - y.id)).toEqual([{ id: 1, name: 'Ann' }, { id: 2, name: 'Bob' }, { id: 2, name: 'Bob' }, { id: 3, city: 'Rome' }]);
  expect(() => a.union(new Pipeline().fromS3({ paths: ['s3://b/a/'], format: 'json' }))).toThrow('union: both frames must come from the same Pipeline');
});

test('join on zip keeps both zip fields, the second frame\'s named .zip; null keys match nothing', async () => {
  await h.service.objects.write('b', 'c/a.json', '{"name":"Ann","zip":"75001"}\n{"name":"Cid","zip":null}\n');
  await h.service.objects.write('b', 'o/a.json', '{"order":10,"zip":"75001"}\n{"order":12,"zip":null}\n');
  const p = new Pipeline();
  const customers = p.fromS3({ paths: ['s3://b/c/'], format: 'json' });
  customers.join(p.fromS3({ paths: ['s3://b/o/'], format: 'json' }), ['zip'], ['zip'], { transformationCtx: 'joined' }).writeToS3({ path: 's3://b/out/', format: 'json' });
  expect(await jsonOut(p.graph)).toEqual([{ name: 'Ann', zip: '75001', order: 10, '.zip': '75001' }]);
  expect(() => new Pipeline().fromS3({ paths: ['s3://b/c/'], format: 'json' }).join(customers, ['zip'])).toThrow('join: both frames must come from the same Pipeline');
});

test('a partitioned catalog table reads exactly its registered partitions: inside its location (one listing) or elsewhere', async () => {
  await h.service.catalog.createTable({
    DatabaseName: 'db',
    TableInput: { Name: 't', PartitionKeys: [{ Name: 'year', Type: 'string' }], Parameters: { classification: 'json' }, StorageDescriptor: { Location: 's3://b/t/', Columns: [{ Name: 'id', Type: 'int' }] } },
  });
  await h.service.objects.write('b', 't/year=2019/a.json', '{"id":1}\n');
  await h.service.objects.write('b', 't/year=2019/sub/b.json', '{"id":2}\n');
  await h.service.objects.write('b', 't/year=2019/_SUCCESS', 'x');
  await h.service.objects.write('b', 't/year=2019/.a.json.crc', 'x');
  await h.service.objects.write('b', 't/year=2021/c.json', '{"id":3}\n'); // not a registered partition
  await h.service.objects.write('b', 'elsewhere/2020/d.json', '{"id":4}\n');
  await h.service.catalog.batchCreatePartition({
    DatabaseName: 'db',
    TableName: 't',
    PartitionInputList: [
      { Values: ['2019'], StorageDescriptor: { Location: 's3://b/t/year=2019/' } },
      { Values: ['2020'], StorageDescriptor: { Location: 's3://b/elsewhere/2020' } },
    ],
  });
  const p = new Pipeline();
  p.fromCatalog({ database: 'db', table: 't' }).writeToS3({ path: 's3://b/out/', format: 'json' });
  const rows = (await jsonOut(p.graph)) as { id: number }[];
  expect(rows.sort((a, b) => a.id - b.id)).toEqual([
    { id: 1, year: '2019' },
    { id: 2, year: '2019' },
    { id: 4, year: '2020' },
  ]);
});

test('JSON and CSV sinks write doubles as Java prints them: 1.0E7 and 1.0E-4 in scientific form, NaN and Infinity as words', async () => {
  await h.service.catalog.createTable({
    DatabaseName: 'db',
    TableInput: {
      Name: 'd',
      Parameters: { classification: 'csv', delimiter: ',', 'skip.header.line.count': '1' },
      StorageDescriptor: { Location: 's3://b/d/', Columns: [{ Name: 'id', Type: 'bigint' }, { Name: 'v', Type: 'double' }] },
    },
  });
  await h.service.objects.write('b', 'd/a.csv', 'id,v\n1,12\n2,0.001\n3,1234567.5\n4,1e7\n5,12345678.9\n6,0.0001\n7,1e20\n8,NaN\n9,-Infinity\n10,-0.5\n');
  const p = new Pipeline();
  const src = p.fromCatalog({ database: 'db', table: 'd' });
  src.writeToS3({ path: 's3://b/out/', format: 'json' });
  src.writeToS3({ path: 's3://b/csv/', format: 'csv' });
  await h.job('j', p.graph);
  const run = await h.service.runJob('j');
  expect(run.JobRunState).toBe('SUCCEEDED');
  const text = async (prefix: string): Promise<string[]> => (await h.text('b', (await h.keys('b', prefix))[0])).trim().split('\n');
  const values = ['12.0', '0.001', '1234567.5', '1.0E7', '1.23456789E7', '1.0E-4', '1.0E20', 'NaN', '-Infinity', '-0.5'];
  expect((await text('out/')).sort()).toEqual(values.map((v, i) => `{"id":${i + 1},"v":${/^-?[0-9]/.test(v) ? v : `"${v}"`}}`).sort());
  expect(await text('csv/')).toEqual(['id,v', ...values.map((v, i) => `${i + 1},${v}`)]);
});

test('dropNullFields looks into structs and arrays of structs; a struct or array left without fields goes', async () => {
  await h.service.objects.write(
    'b',
    'in/a.json',
    '{"id":1,"a":{"b":null,"c":1,"d":{"e":null}},"items":[{"sku":"x","gone":null}],"empty":[{"z":null}],"s":""}\n' +
      '{"id":2,"a":{"b":null,"c":null,"d":{"e":null}},"items":[{"sku":null,"gone":null}],"empty":[],"s":null}\n',
  );
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://b/in/'], format: 'json', transformationCtx: 'src' }).dropNullFields({ transformationCtx: 'dropped' }).writeToS3({ path: 's3://b/out/', format: 'json' });
  expect(await jsonOut(p.graph)).toEqual([
    { id: 1, a: { c: 1 }, items: [{ sku: 'x' }], s: '' },
    { id: 2, a: {}, items: [{}] },
  ]);
  expect((await h.service.inspectFrame('j', 'dropped')).schema).toBe(
    ['root', ' |-- id: int', ' |-- a: struct', ' |    |-- c: int', ' |-- items: array', ' |    |-- element: struct', ' |    |    |-- sku: string', ' |-- s: string', ''].join('\n'),
  );
});

test('merge replaces the source records a staging record matches by key, keeps the others and their duplicates, and adds staging-only records (Unconfirmed)', async () => {
  await h.service.objects.write('b', 'src/a.json', '{"id":1,"v":"old1"}\n{"id":2,"v":"old2"}\n{"id":2,"v":"old2b"}\n{"id":null,"v":"nokey"}\n{"id":1,"v":"old1b"}\n');
  await h.service.objects.write('b', 'stg/a.json', '{"id":2,"v":"new2"}\n{"id":3,"v":"new3"}\n');
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://b/src/'], format: 'json' }).merge(p.fromS3({ paths: ['s3://b/stg/'], format: 'json' }), ['id']).writeToS3({ path: 's3://b/out/', format: 'json' });
  const rows = (await jsonOut(p.graph)) as { id?: number; v: string }[];
  expect(rows.map((r) => r.v).sort()).toEqual(['new2', 'new3', 'nokey', 'old1', 'old1b']);
});

test("without multiLine a quoted newline ends the CSV record, as Glue's csv reader reads it; with multiLine the value spans lines", async () => {
  await h.service.objects.write('b', 'in/a.csv', 'name,note\n"ab\ncd",x\n"e",y\n');
  const read = async (multiLine: boolean): Promise<unknown[]> => {
    const p = new Pipeline();
    p.fromS3({ paths: ['s3://b/in/'], format: 'csv', withHeader: true, multiLine }).writeToS3({ path: 's3://b/out/', format: 'json' });
    for (const k of await h.keys('b', 'out/')) await h.service.objects.delete('b', k);
    await h.service.jobs.deleteJob({ JobName: 'j' });
    return jsonOut(p.graph);
  };
  // DuckDB joins the two lines; the run reads the file again line by line: "ab is a record, cd",x another.
  expect(await read(false)).toEqual([{ name: 'ab' }, { name: 'cd"', note: 'x' }, { name: 'e', note: 'y' }]);
  expect(await read(true)).toEqual([{ name: 'ab\ncd', note: 'x' }, { name: 'e', note: 'y' }]);
});

test('a bzip2 JSON sink writes bzip2 files (.json.bz2) through the bzip2 program; without the program the message says so and the file is left as it was', async () => {
  await h.service.objects.write('b', 'in/a.json', '{"id":1}\n{"id":2}\n');
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://b/in/'], format: 'json' }).writeToS3({ path: 's3://b/out/', format: 'json', compression: 'bzip2', transformationCtx: 'sink' });
  await h.job('j', p.graph);
  expect((await h.service.runJob('j')).JobRunState).toBe('SUCCEEDED');
  const [key] = await h.keys('b', 'out/');
  expect(key).toMatch(/^out\/run-\d+-part-r-00000\.json\.bz2$/);
  const bytes = fs.readFileSync(h.file('b', key));
  expect(bytes.subarray(0, 3).toString('latin1')).toBe('BZh');
  expect(execFileSync('bzip2', ['-dc'], { input: bytes }).toString('utf8')).toBe('{"id":1}\n{"id":2}\n');
  // Without the program (looked up under another name here) the message says what is missing and what to do.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-bz2-'));
  fs.writeFileSync(path.join(folder, 'part-0.json'), '{"id":1}\n');
  await expect(bzip2Files(folder, "node 'sink'", 'gluekit-no-such-bzip2')).rejects.toThrow(
    "node 'sink': writing bzip2 output needs the bzip2 program on the PATH, which was not found (install it: apt-get install bzip2, brew install bzip2), or write gzip",
  );
  expect(fs.readdirSync(folder)).toEqual(['part-0.json']);
  fs.rmSync(folder, { recursive: true, force: true });
});

test('applyMapping of a double to a decimal rounds the digits Java prints half up, as Spark does (1.255 is 1.26, not the binary 1.2549...), small and large ones too', async () => {
  await h.service.objects.write('b', 'in/a.json', '{"id":1,"d":1.255}\n{"id":2,"d":-1.255}\n{"id":3,"d":0.00001}\n{"id":4,"d":1e20}\n{"id":5,"d":0.00006}\n{"id":6,"d":-0.00009}\n{"id":7,"d":9.4e-8}\n{"id":8,"d":1.5e5}\n');
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://b/in/'], format: 'json' })
    .applyMapping([
      { from: 'id', fromType: 'int', to: 'id', toType: 'int' },
      { from: 'd', fromType: 'double', to: 'd', toType: 'decimal(10,2)' },
      { from: 'd', fromType: 'double', to: 'fine', toType: 'decimal(10,5)' },
    ])
    .writeToS3({ path: 's3://b/out/', format: 'json' });
  // DuckDB writes 6e-05: its own cast of that text to a decimal rounded it to 0.01.
  expect(await jsonOut(p.graph)).toEqual([
    { id: 1, d: 1.26, fine: 1.255 },
    { id: 2, d: -1.26, fine: -1.255 },
    { id: 3, d: 0, fine: 0.00001 },
    { id: 4 },
    { id: 5, d: 0, fine: 0.00006 },
    { id: 6, d: 0, fine: -0.00009 },
    { id: 7, d: 0, fine: 0 },
    { id: 8, d: 150000 },
  ]);
});

test("applyMapping of a string to a date reads Spark's forms: a year, a month, a day followed by a time; trailing text or no such day is null", async () => {
  const values = ['2024', '2024-3', '2024-03-05 10:00', ' 2024-03-05 ', '2024-03-05T10:00:00Z', '2024-03-05x', '2024-02-30', '05/03/2024', '+2024-03-05', '12024-1-1', '2024-03-05\u000b', '2024-03-05 10:00\nx'];
  await h.service.objects.write('b', 'in/a.json', values.map((v, i) => JSON.stringify({ id: i + 1, s: v })).join('\n') + '\n');
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://b/in/'], format: 'json' })
    .applyMapping([
      { from: 'id', fromType: 'int', to: 'id', toType: 'int' },
      { from: 's', fromType: 'string', to: 'd', toType: 'date' },
    ])
    .writeToS3({ path: 's3://b/out/', format: 'json' });
  expect(await jsonOut(p.graph)).toEqual([
    { id: 1, d: '2024-01-01' },
    { id: 2, d: '2024-03-01' },
    { id: 3, d: '2024-03-05' },
    { id: 4, d: '2024-03-05' },
    { id: 5, d: '2024-03-05' },
    { id: 6 },
    { id: 7 },
    { id: 8 },
    { id: 9, d: '2024-03-05' },
    { id: 10, d: '12024-01-01' },
    { id: 11, d: '2024-03-05' },
    { id: 12, d: '2024-03-05' },
  ]);
});

test('JSON and CSV sinks write decimals as BigDecimal prints them: every digit of the scale, scientific where the adjusted exponent is under -6 (0.000000100 is 1.00E-7)', async () => {
  await h.service.objects.write('b', 'in/a.json', '{"id":1,"d":"1.5","t":"0.0000001"}\n{"id":2,"d":"100","t":"0.000015"}\n{"id":3,"d":"-0.5","t":"0"}\n{"id":4,"d":"0","t":"-0.000000015"}\n');
  const p = new Pipeline();
  const mapped = p.fromS3({ paths: ['s3://b/in/'], format: 'json' }).applyMapping([
    { from: 'id', fromType: 'int', to: 'id', toType: 'int' },
    { from: 'd', fromType: 'string', to: 'd', toType: 'decimal(10,2)' },
    { from: 't', fromType: 'string', to: 't', toType: 'decimal(12,9)' },
  ]);
  mapped.writeToS3({ path: 's3://b/out/', format: 'json' });
  mapped.writeToS3({ path: 's3://b/csv/', format: 'csv' });
  await h.job('j', p.graph);
  expect((await h.service.runJob('j')).JobRunState).toBe('SUCCEEDED');
  const text = async (prefix: string): Promise<string[]> => (await Promise.all((await h.keys('b', prefix)).map((k) => h.text('b', k)))).join('').trim().split('\n');
  expect(await text('out/')).toEqual(['{"id":1,"d":1.50,"t":1.00E-7}', '{"id":2,"d":100.00,"t":0.000015000}', '{"id":3,"d":-0.50,"t":0E-9}', '{"id":4,"d":0.00,"t":-1.5E-8}']);
  expect(await text('csv/')).toEqual(['id,d,t', '1,1.50,1.00E-7', '2,100.00,0.000015000', '3,-0.50,0E-9', '4,0.00,-1.5E-8']);
});

test('applyMapping of a float to a decimal widens it to a double first, as Spark does (a float 1.255 is 1.2549999952316284)', async () => {
  await h.service.objects.write('b', 'in/a.json', '{"id":1,"f":1.255}\n');
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://b/in/'], format: 'json' })
    .applyMapping([
      { from: 'id', fromType: 'int', to: 'id', toType: 'int' },
      { from: 'f', fromType: 'double', to: 'f', toType: 'float' },
    ])
    .applyMapping([
      { from: 'id', fromType: 'int', to: 'id', toType: 'int' },
      { from: 'f', fromType: 'float', to: 'd2', toType: 'decimal(10,2)' },
      { from: 'f', fromType: 'float', to: 'd9', toType: 'decimal(12,9)' },
    ])
    .writeToS3({ path: 's3://b/out/', format: 'csv' });
  await h.job('j', p.graph);
  expect((await h.service.runJob('j')).JobRunState).toBe('SUCCEEDED');
  const [key] = await h.keys('b', 'out/');
  expect((await h.text('b', key)).trim().split('\n')).toEqual(['id,d2,d9', '1,1.25,1.254999995']);
});

test("applyMapping of a string to a timestamp reads Spark's forms and takes a zone offset off (UTC, Glue's session time zone)", async () => {
  const values = ['2024-01-15T10:00:00+02:00', '2024-01-15 10:00:00Z', '2024-01', '2024-01-15T10:00:00.1234567', '2024-01-15 25:00', '2024-01-15T10:00-0530', 'x', ' 2024-1-5 7:08 '];
  await h.service.objects.write('b', 'in/a.json', values.map((v, i) => JSON.stringify({ id: i + 1, s: v })).join('\n') + '\n');
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://b/in/'], format: 'json' })
    .applyMapping([
      { from: 'id', fromType: 'int', to: 'id', toType: 'int' },
      { from: 's', fromType: 'string', to: 't', toType: 'timestamp' },
    ])
    .writeToS3({ path: 's3://b/out/', format: 'json' });
  expect(await jsonOut(p.graph)).toEqual([
    { id: 1, t: '2024-01-15 08:00:00' },
    { id: 2, t: '2024-01-15 10:00:00' },
    { id: 3, t: '2024-01-01 00:00:00' },
    { id: 4, t: '2024-01-15 10:00:00.123456' },
    { id: 5 },
    { id: 6, t: '2024-01-15 15:30:00' },
    { id: 7 },
    { id: 8, t: '2024-01-05 07:08:00' },
  ]);
});
