import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { TableInput } from '@aws-sdk/client-glue';
import { col, Pipeline, type ResolveChoiceOptions } from '../../../lib/pipeline';
import { DuckDBInstance } from '@duckdb/node-api';
import { GlueService } from '../../../emulator/api';

/**
 * Choice types and a frame's computed schema: a CSV value that does not read as its catalog type makes a choice (GLUE-
 * REFERENCE section 1), and `printSchema()`, `count()` and `show(n)` describe a node's frame as the script would print.
 */
let root: string;
let service: GlueService;

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-choice-'));
  service = await GlueService.open({ stateDir: path.join(root, 'state') });
  await service.catalog.createDatabase({ DatabaseInput: { Name: 'db' } });
});

afterEach(async () => {
  await service.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const MEDICARE: TableInput = {
  Name: 'medicare',
  Parameters: { classification: 'csv', delimiter: ',', 'skip.header.line.count': '1' },
  StorageDescriptor: {
    Location: 's3://raw/medicare/',
    Columns: [
      { Name: 'drg definition', Type: 'string' },
      { Name: 'provider id', Type: 'bigint' },
      { Name: 'total discharges', Type: 'bigint' },
      { Name: 'average covered charges', Type: 'double' },
    ],
    SerdeInfo: { SerializationLibrary: 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe', Parameters: { 'field.delim': ',' } },
  },
};

async function job(build: (p: Pipeline) => void): Promise<void> {
  const p = new Pipeline();
  build(p);
  await service.jobs.createJob({ Name: 'j', Role: 'r', Command: { Name: 'glueetl' }, CodeGenConfigurationNodes: p.graph });
}

test("the reference's provider id: a bigint column with strings in two rows is a choice of long and string", async () => {
  await service.objects.write('raw', 'medicare/a.csv', 'drg definition,provider id,total discharges,average covered charges\nA,10001,91,32963.07\nB,10005,14,15131.85\nC,ABC1,24,37560.37\nD,10011,25,13998.28\nE,XYZ2,18,31633.27\nF,,4,NaN\n');
  await service.catalog.createTable({ DatabaseName: 'db', TableInput: MEDICARE });
  await job((p) => p.fromCatalog({ database: 'db', table: 'medicare', transformationCtx: 'medicare' }).writeToS3({ path: 's3://out/m/', format: 'json' }));
  const described = await service.inspectFrame('j', 'medicare', { rows: 3 });
  expect(described.schema).toBe(
    [
      'root',
      ' |-- drg definition: string',
      ' |-- provider id: choice',
      ' |    |-- long',
      ' |    |-- string',
      ' |-- total discharges: long',
      ' |-- average covered charges: double',
      '',
    ].join('\n'),
  );
  expect(described.count).toBe(6);
  expect(described.show).toBe(
    '{"drg definition":"A","provider id":10001,"total discharges":91,"average covered charges":32963.07}\n' +
      '{"drg definition":"B","provider id":10005,"total discharges":14,"average covered charges":15131.85}\n' +
      '{"drg definition":"C","provider id":"ABC1","total discharges":24,"average covered charges":37560.37}\n',
  );
  // The run writes each value as it is: numbers as numbers, the strings that were not numbers as strings.
  const run = await service.runJob('j');
  expect(run.JobRunState).toBe('SUCCEEDED');
  const [file] = (await service.objects.list('out', 'm/')).map((o) => o.key);
  const lines = (await service.objects.read('out', file)).toString('utf8').trim().split('\n');
  expect(lines.map((l) => (JSON.parse(l) as Record<string, unknown>)['provider id'])).toEqual([10001, 10005, 'ABC1', 10011, 'XYZ2', undefined]);
});

test('printSchema: nested types indented below their field, a field null in every record is null, an empty frame is only root', async () => {
  await service.objects.write('raw', 'j/a.json', '{"name":"Ann","friends":[{"name":"Bob","score":3.5}],"address":{"city":"Oslo","zip":"0150"},"pears":null}\n{"name":"Cid","friends":[],"address":null}\n');
  await job((p) => {
    const src = p.fromS3({ paths: ['s3://raw/j/'], format: 'json', transformationCtx: 'people' });
    src.writeToS3({ path: 's3://out/a/', format: 'json' });
    src.filter(col('name').eq('nobody'), { transformationCtx: 'nobody' }).writeToS3({ path: 's3://out/b/', format: 'json' });
  });
  expect((await service.inspectFrame('j', 'people')).schema).toBe(
    [
      'root',
      ' |-- name: string',
      ' |-- friends: array',
      ' |    |-- element: struct',
      ' |    |    |-- name: string',
      ' |    |    |-- score: double',
      ' |-- address: struct',
      ' |    |-- city: string',
      ' |    |-- zip: string',
      ' |-- pears: null',
      '',
    ].join('\n'),
  );
  const nobody = await service.inspectFrame('j', 'nobody');
  expect(nobody).toEqual({ schema: 'root\n', count: 0, show: '', errorsCount: 0 });
});

test('inspecting a sink, or a node the job does not have, says which nodes can be', async () => {
  await service.objects.write('raw', 'j/a.json', '{"name":"Ann"}\n');
  await job((p) => p.fromS3({ paths: ['s3://raw/j/'], format: 'json', transformationCtx: 'people' }).writeToS3({ path: 's3://out/a/', format: 'json', transformationCtx: 'sink' }));
  await expect(service.inspectFrame('j', 'sink')).rejects.toThrow("node 'sink' (S3DirectTarget) is a sink: it has no frame to describe; describe its input 'people'");
  await expect(service.inspectFrame('j', 'nope')).rejects.toThrow("no node 'nope' in the graph (nodes: people, sink)");
});

test.each([
  [
    'make_cols: provider id_long in the original position, provider id_string appended at the end',
    { choice: 'make_cols' },
    [' |-- drg definition: string', ' |-- provider id_long: long', ' |-- total discharges: long', ' |-- average covered charges: double', ' |-- provider id_string: string'],
    ['{"drg definition":"A","provider id_long":10001,"total discharges":91,"average covered charges":32963.07}', '{"drg definition":"C","total discharges":24,"average covered charges":37560.37,"provider id_string":"ABC1"}'],
  ],
  [
    'make_struct: a struct with a field per type',
    { choice: 'make_struct' },
    [' |-- drg definition: string', ' |-- provider id: struct', ' |    |-- long: long', ' |    |-- string: string', ' |-- total discharges: long', ' |-- average covered charges: double'],
    ['{"drg definition":"A","provider id":{"long":10001},"total discharges":91,"average covered charges":32963.07}', '{"drg definition":"C","provider id":{"string":"ABC1"},"total discharges":24,"average covered charges":37560.37}'],
  ],
  [
    'cast:long: the two strings become null',
    { specs: [['provider id', 'cast:long']] },
    [' |-- drg definition: string', ' |-- provider id: long', ' |-- total discharges: long', ' |-- average covered charges: double'],
    ['{"drg definition":"A","provider id":10001,"total discharges":91,"average covered charges":32963.07}', '{"drg definition":"C","total discharges":24,"average covered charges":37560.37}'],
  ],
  [
    'project:string: only the strings are kept',
    { specs: [['provider id', 'project:string']] },
    [' |-- drg definition: string', ' |-- provider id: string', ' |-- total discharges: long', ' |-- average covered charges: double'],
    ['{"drg definition":"A","total discharges":91,"average covered charges":32963.07}', '{"drg definition":"C","provider id":"ABC1","total discharges":24,"average covered charges":37560.37}'],
  ],
] as const)('resolveChoice %s', async (_name, options, schema, shown) => {
  await service.objects.write('raw', 'medicare/a.csv', 'drg definition,provider id,total discharges,average covered charges\nA,10001,91,32963.07\nC,ABC1,24,37560.37\nE,XYZ2,18,31633.27\n');
  await service.catalog.createTable({ DatabaseName: 'db', TableInput: MEDICARE });
  await job((p) =>
    p
      .fromCatalog({ database: 'db', table: 'medicare', transformationCtx: 'medicare' })
      .resolveChoice({ ...(options as object), transformationCtx: 'resolved' })
      .writeToS3({ path: 's3://out/m/', format: 'json' }),
  );
  const described = await service.inspectFrame('j', 'resolved', { rows: 2 });
  expect(described.schema).toBe(['root', ...schema, ''].join('\n'));
  expect(described.show).toBe(shown.map((l) => `${l}\n`).join(''));
  expect(described.count).toBe(3);
});

test('JSON integers: int where they fit 32 bits, long where none does, a choice where both occur (inside structs and arrays too)', async () => {
  await service.objects.write(
    'raw',
    'i/a.json',
    '{"price":5,"big":3000000000,"mixed":5,"s":{"m":1},"xs":[1,2],"day":"2024-01-15"}\n{"price":7,"big":-3000000000,"mixed":1700000000000,"s":{"m":9000000000},"xs":[5000000000],"day":"2024-01-16"}\n',
  );
  await job((p) => p.fromS3({ paths: ['s3://raw/i/'], format: 'json', transformationCtx: 'src' }).writeToS3({ path: 's3://out/i/', format: 'json' }));
  expect((await service.inspectFrame('j', 'src')).schema).toBe(
    [
      'root',
      ' |-- price: int',
      ' |-- big: long',
      ' |-- mixed: choice',
      ' |    |-- int',
      ' |    |-- long',
      ' |-- s: struct',
      ' |    |-- m: choice',
      ' |    |    |-- int',
      ' |    |    |-- long',
      ' |-- xs: array',
      ' |    |-- element: choice',
      ' |    |    |-- int',
      ' |    |    |-- long',
      ' |-- day: string',
      '',
    ].join('\n'),
  );
});

test("the issue's JSON example: {\"price\": 5} and {\"price\": \"5.50\"} give price: choice of int and string", async () => {
  await service.objects.write('raw', 'p/a.json', '{"price": 5}\n{"price": "5.50"}\n');
  await job((p) => p.fromS3({ paths: ['s3://raw/p/'], format: 'json', transformationCtx: 'src' }).writeToS3({ path: 's3://out/p/', format: 'json' }));
  const described = await service.inspectFrame('j', 'src');
  expect(described.schema).toBe('root\n |-- price: choice\n |    |-- int\n |    |-- string\n');
  expect(described.show).toBe('{"price":5}\n{"price":"5.50"}\n');
});

test('a JSON value of another type after the records DuckDB samples for its types still makes a choice (the source is read again in full)', async () => {
  const lines = Array.from({ length: 25000 }, (_v, i) => `{"id":${i},"code":${i}}`);
  lines.push('{"id":25000,"code":"late"}');
  await service.objects.write('raw', 'late/a.json', `${lines.join('\n')}\n`);
  await job((p) => p.fromS3({ paths: ['s3://raw/late/'], format: 'json', transformationCtx: 'src' }).writeToS3({ path: 's3://out/late/', format: 'json' }));
  const described = await service.inspectFrame('j', 'src', { rows: 0 });
  expect(described.schema).toBe('root\n |-- id: int\n |-- code: choice\n |    |-- int\n |    |-- string\n');
  expect(described.count).toBe(25001);
  const run = await service.runJob('j');
  expect(run.JobRunState).toBe('SUCCEEDED');
  const [file] = (await service.objects.list('out', 'late/')).map((o) => o.key);
  expect((await service.objects.read('out', file)).toString('utf8').trim().split('\n').slice(-1)).toEqual(['{"id":25000,"code":"late"}']);
});

test('JSON integers and fractions in one field are a choice of double and int (Jackson), at the top level and inside a struct; a field of fractions only is a double', async () => {
  await service.objects.write('raw', 'd/a.json', '{"price":5,"rate":0.5,"s":{"w":1.5},"n":null}\n{"price":5.5,"rate":2.0,"s":{"w":2},"n":1.25}\n{"price":null,"rate":1e3,"s":null}\n');
  await job((p) => p.fromS3({ paths: ['s3://raw/d/'], format: 'json', transformationCtx: 'src' }).writeToS3({ path: 's3://out/d/', format: 'json', transformationCtx: 'sink' }));
  const described = await service.inspectFrame('j', 'src');
  expect(described.schema).toBe(
    [
      'root',
      ' |-- price: choice',
      ' |    |-- double',
      ' |    |-- int',
      ' |-- rate: double',
      ' |-- s: struct',
      ' |    |-- w: choice',
      ' |    |    |-- double',
      ' |    |    |-- int',
      ' |-- n: double',
      '',
    ].join('\n'),
  );
  expect(described.show).toBe('{"price":5,"rate":0.5,"s":{"w":1.5}}\n{"price":5.5,"rate":2.0,"s":{"w":2},"n":1.25}\n{"rate":1000.0}\n');
  const run = await service.runJob('j');
  expect(run.JobRunState).toBe('SUCCEEDED');
});

test("JSON values of another type after DuckDB's sample are choices, not silently converted (\"7\", true and 1.5 in an integer field, 7 in a string field)", async () => {
  const lines = Array.from({ length: 25000 }, (_v, i) => `{"n":${i},"s":"x${i}","b":true}`);
  lines.push('{"n":"7","s":7,"b":1}', '{"n":true}', '{"n":1.5}');
  await service.objects.write('raw', 'silent/a.json', `${lines.join('\n')}\n`);
  await job((p) => p.fromS3({ paths: ['s3://raw/silent/'], format: 'json', transformationCtx: 'src' }).writeToS3({ path: 's3://out/silent/', format: 'json' }));
  const described = await service.inspectFrame('j', 'src', { rows: 0 });
  expect(described.schema).toBe(
    [
      'root',
      ' |-- n: choice',
      ' |    |-- boolean',
      ' |    |-- double',
      ' |    |-- int',
      ' |    |-- string',
      ' |-- s: choice',
      ' |    |-- int',
      ' |    |-- string',
      ' |-- b: choice',
      ' |    |-- boolean',
      ' |    |-- int',
      '',
    ].join('\n'),
  );
  const run = await service.runJob('j');
  expect(run.JobRunState).toBe('SUCCEEDED');
  const [file] = (await service.objects.list('out', 'silent/')).map((o) => o.key);
  expect((await service.objects.read('out', file)).toString('utf8').trim().split('\n').slice(-4)).toEqual([
    '{"n":24999,"s":"x24999","b":true}',
    '{"n":"7","s":7,"b":1}',
    '{"n":true}',
    '{"n":1.5}',
  ]);
});

test('inside JSON arrays too: integers among fractions are a choice of double and int, and a value of another type after the sample is a choice, not converted', async () => {
  const lines = Array.from({ length: 25000 }, (_v, i) => `{"xs":[${i}],"ps":[{"q":"p${i}"}],"fs":[1.5, ${i}]}`);
  lines.push('{"xs":[1.5, true],"ps":[{"q":7}]}');
  await service.objects.write('raw', 'late/a.json', `${lines.join('\n')}\n`);
  await job((p) => p.fromS3({ paths: ['s3://raw/late/'], format: 'json', transformationCtx: 'src' }).writeToS3({ path: 's3://out/late/', format: 'json' }));
  const described = await service.inspectFrame('j', 'src', { rows: 0 });
  expect(described.schema).toBe(
    [
      'root',
      ' |-- xs: array',
      ' |    |-- element: choice',
      ' |    |    |-- boolean',
      ' |    |    |-- double',
      ' |    |    |-- int',
      ' |-- ps: array',
      ' |    |-- element: struct',
      ' |    |    |-- q: choice',
      ' |    |    |    |-- int',
      ' |    |    |    |-- string',
      ' |-- fs: array',
      ' |    |-- element: choice',
      ' |    |    |-- double',
      ' |    |    |-- int',
      '',
    ].join('\n'),
  );
  const run = await service.runJob('j');
  expect(run.JobRunState).toBe('SUCCEEDED');
  const [file] = (await service.objects.list('out', 'late/')).map((o) => o.key);
  expect((await service.objects.read('out', file)).toString('utf8').trim().split('\n').slice(-2)).toEqual([
    '{"xs":[24999],"ps":[{"q":"p24999"}],"fs":[1.5,24999]}',
    '{"xs":[1.5,true],"ps":[{"q":7}]}',
  ]);
});

describe('resolveChoice inside arrays (myList[].price)', () => {
  const DATA = '{"id":1,"tags":[1,"x"],"items":[{"n":1,"k":"a"},{"n":"two","k":"b"}]}\n{"id":2,"tags":[2.5],"items":[]}\n{"id":3}\n';

  async function resolved(options: ResolveChoiceOptions): Promise<{ schema: string; show: string }> {
    await service.objects.write('raw', 'r/a.json', DATA);
    await service.jobs.deleteJob({ JobName: 'j' });
    await job((p) => p.fromS3({ paths: ['s3://raw/r/'], format: 'json', transformationCtx: 'src' }).resolveChoice({ ...options, transformationCtx: 'resolved' }));
    const { schema, show } = await service.inspectFrame('j', 'resolved', { rows: 5 });
    return { schema, show };
  }

  test('specs cast an array element (tags[]) and a field of the structs in an array (items[].n), matched ignoring case', async () => {
    const { schema, show } = await resolved({ specs: [['tags[]', 'cast:string'], ['ITEMS[].N', 'cast:long']] });
    expect(schema).toBe(['root', ' |-- id: int', ' |-- tags: array', ' |    |-- element: string', ' |-- items: array', ' |    |-- element: struct', ' |    |    |-- n: long', ' |    |    |-- k: string', ''].join('\n'));
    expect(show).toBe('{"id":1,"tags":["1","x"],"items":[{"n":1,"k":"a"},{"k":"b"}]}\n{"id":2,"tags":["2.5"],"items":[]}\n{"id":3}\n');
  });

  test('make_cols inside the structs of an array: n_int in place, n_string appended to the struct', async () => {
    const { schema, show } = await resolved({ specs: [['items[].n', 'make_cols']] });
    expect(schema).toContain([' |-- items: array', ' |    |-- element: struct', ' |    |    |-- n_int: int', ' |    |    |-- k: string', ' |    |    |-- n_string: string', ''].join('\n'));
    expect(show.split('\n')[0]).toBe('{"id":1,"tags":[1,"x"],"items":[{"n_int":1,"k":"a"},{"k":"b","n_string":"two"}]}');
  });

  test('one choice for every choice of the frame reaches inside arrays (make_struct, project)', async () => {
    const made = await resolved({ choice: 'make_struct' });
    expect(made.schema).toBe(
      [
        'root',
        ' |-- id: int',
        ' |-- tags: array',
        ' |    |-- element: struct',
        ' |    |    |-- double: double',
        ' |    |    |-- int: int',
        ' |    |    |-- string: string',
        ' |-- items: array',
        ' |    |-- element: struct',
        ' |    |    |-- n: struct',
        ' |    |    |    |-- int: int',
        ' |    |    |    |-- string: string',
        ' |    |    |-- k: string',
        '',
      ].join('\n'),
    );
    expect(made.show.split('\n')[0]).toBe('{"id":1,"tags":[{"int":1},{"string":"x"}],"items":[{"n":{"int":1},"k":"a"},{"n":{"string":"two"},"k":"b"}]}');
    const projected = await resolved({ choice: 'project:int' });
    expect(projected.schema).toBe(['root', ' |-- id: int', ' |-- tags: array', ' |    |-- element: int', ' |-- items: array', ' |    |-- element: struct', ' |    |    |-- n: int', ' |    |    |-- k: string', ''].join('\n'));
    expect(projected.show).toBe('{"id":1,"tags":[1,null],"items":[{"n":1,"k":"a"},{"k":"b"}]}\n{"id":2,"tags":[null],"items":[]}\n{"id":3}\n');
  });

  test('one make_cols for every choice leaves a choice that is an array\'s element as it is (it cannot be several fields)', async () => {
    const made = await resolved({ choice: 'make_cols' });
    expect(made.schema).toContain([' |-- tags: array', ' |    |-- element: choice', ' |    |    |-- double', ' |    |    |-- int', ' |    |    |-- string', ' |-- items: array', ' |    |-- element: struct', ' |    |    |-- n_int: int', ' |    |    |-- k: string', ' |    |    |-- n_string: string', ''].join('\n'));
  });

  test('an array element cannot be made into columns', async () => {
    await service.objects.write('raw', 'r/a.json', DATA);
    await job((p) => p.fromS3({ paths: ['s3://raw/r/'], format: 'json', transformationCtx: 'src' }).resolveChoice({ specs: [['tags[]', 'make_cols']], transformationCtx: 'resolved' }));
    await expect(service.inspectFrame('j', 'resolved')).rejects.toThrow("node 'resolved' (ResolveChoice) Specs[0]: an array's element cannot become 3 fields");
  });
});

test('a field whose name holds a dot is typed apart from a struct field of the same dotted path', async () => {
  await service.objects.write('raw', 'dot/a.json', '{"a":{"b":1},"a.b":true}\n{"a":{"b":"s"},"a.b":[1]}\n');
  await job((p) => p.fromS3({ paths: ['s3://raw/dot/'], format: 'json', transformationCtx: 'src' }));
  const described = await service.inspectFrame('j', 'src', { rows: 5 });
  expect(described.schema).toBe(
    ['root', ' |-- a: struct', ' |    |-- b: choice', ' |    |    |-- int', ' |    |    |-- string', ' |-- a.b: choice', ' |    |-- array', ' |    |    |-- element: int', ' |    |-- boolean', ''].join('\n'),
  );
  expect(described.show).toBe('{"a":{"b":1},"a.b":true}\n{"a":{"b":"s"},"a.b":[1]}\n');
});

test('a conflict inside a JSON struct is a choice there', async () => {
  await service.objects.write('raw', 'n/a.json', '{"a":{"p":5,"q":"x"}}\n{"a":{"p":"five","q":"y"}}\n');
  await job((p) => p.fromS3({ paths: ['s3://raw/n/'], format: 'json', transformationCtx: 'src' }).writeToS3({ path: 's3://out/n/', format: 'json' }));
  const described = await service.inspectFrame('j', 'src');
  expect(described.schema).toBe('root\n |-- a: struct\n |    |-- p: choice\n |    |    |-- int\n |    |    |-- string\n |    |-- q: string\n');
  expect(described.show).toBe('{"a":{"p":5,"q":"x"}}\n{"a":{"p":"five","q":"y"}}\n');
});

test('a JSON record with a key twice keeps the last value, at any depth (Unconfirmed, as Jackson\'s tree model); the other records are read as they are', async () => {
  await service.objects.write('raw', 'dup/a.json', '{"a":"x","b":{"c":1}}\n{"a":1,"a":2,"b":{"c":1,"c":2.5}}\nnot json\n');
  await job((p) => {
    const src = p.fromS3({ paths: ['s3://raw/dup/'], format: 'json', transformationCtx: 'src' });
    src.writeToS3({ path: 's3://out/dup/', format: 'json', transformationCtx: 'sink' });
    src.errorsAsDynamicFrame({ transformationCtx: 'errors' });
  });
  const described = await service.inspectFrame('j', 'src', { rows: 5 });
  expect(described.schema).toBe(['root', ' |-- a: choice', ' |    |-- int', ' |    |-- string', ' |-- b: struct', ' |    |-- c: choice', ' |    |    |-- double', ' |    |    |-- int', ''].join('\n'));
  expect(described.show).toBe('{"a":"x","b":{"c":1}}\n{"a":2,"b":{"c":2.5}}\n');
  expect(described.errorsCount).toBe(1);
  const run = await service.runJob('j');
  expect(run.JobRunState).toBe('SUCCEEDED');
});

test('multiLine JSON records with a key twice keep the last value too, in a top-level array and in a lone document', async () => {
  await service.objects.write('raw', 'dupm/a.json', '[\n  {"a": 1,\n   "a": 2},\n  {"a": 3, "b": {"c": "x", "c": "y"}}\n]\n');
  await service.objects.write('raw', 'dupm/b.json', '{\n  "a": 4,\n  "a": 5\n}\n');
  await job((p) => p.fromS3({ paths: ['s3://raw/dupm/'], format: 'json', multiLine: true, transformationCtx: 'src' }).writeToS3({ path: 's3://out/dupm/', format: 'json', transformationCtx: 'sink' }));
  const described = await service.inspectFrame('j', 'src', { rows: 5 });
  expect(described.schema).toBe('root\n |-- a: int\n |-- b: struct\n |    |-- c: string\n');
  expect(described.show).toBe('{"a":2}\n{"a":3,"b":{"c":"y"}}\n{"a":5}\n');
  const run = await service.runJob('j');
  expect(run.JobRunState).toBe('SUCCEEDED');
});

test('jsonPath selects the records in each document: $.records[*] in JSON Lines wrappers, $[*] in a multi-line array', async () => {
  await service.objects.write('raw', 'w/a.json', '{"meta":1,"records":[{"id":1,"a":"x"},{"id":2,"a":"y"}]}\n{"meta":2,"records":[{"id":3}]}\n{"meta":3}\n');
  await service.objects.write('raw', 'arr/a.json', '[\n  {"id": 1, "tags": ["a"]},\n  {"id": 2.5}\n]\n');
  await job((p) => {
    p.fromS3({ paths: ['s3://raw/w/'], format: 'json', jsonPath: '$.records[*]', transformationCtx: 'wrapped' }).writeToS3({ path: 's3://out/w/', format: 'json' });
    p.fromS3({ paths: ['s3://raw/arr/'], format: 'json', jsonPath: '$[*]', multiLine: true, transformationCtx: 'array' }).writeToS3({ path: 's3://out/arr/', format: 'json' });
  });
  const wrapped = await service.inspectFrame('j', 'wrapped');
  expect(wrapped.schema).toBe('root\n |-- id: int\n |-- a: string\n');
  expect(wrapped.show).toBe('{"id":1,"a":"x"}\n{"id":2,"a":"y"}\n{"id":3}\n');
  const array = await service.inspectFrame('j', 'array');
  expect(array.schema).toBe('root\n |-- id: choice\n |    |-- double\n |    |-- int\n |-- tags: array\n |    |-- element: string\n');
  expect(array.show).toBe('{"id":1,"tags":["a"]}\n{"id":2.5}\n');
  expect(() => new Pipeline().fromS3({ paths: ['s3://raw/w/'], format: 'json', jsonPath: '$..id', transformationCtx: 'deep' })).toThrow(
    "pipeline node 'deep' (S3JsonSource): JsonPath: the jsonPath '$..id' is outside the subset gluekit evaluates ($ then .name, ['name'], [n] or [*] steps; no .., filters or slices)",
  );
});

test('integers inside the struct and array members of a choice are int, long, or a choice of both, as at the top level', async () => {
  await service.objects.write('raw', 'o/a.json', '{"a":"none","b":1}\n{"a":{"n":1,"big":3000000000},"b":"x"}\n{"a":[7,5000000000]}\n{"a":{"n":2,"big":4}}\n');
  await job((p) => p.fromS3({ paths: ['s3://raw/o/'], format: 'json', transformationCtx: 'src' }).writeToS3({ path: 's3://out/o/', format: 'parquet', transformationCtx: 'sink' }));
  const described = await service.inspectFrame('j', 'src');
  expect(described.schema).toBe(
    [
      'root',
      ' |-- a: choice',
      ' |    |-- array',
      ' |    |    |-- element: choice',
      ' |    |    |    |-- int',
      ' |    |    |    |-- long',
      ' |    |-- string',
      ' |    |-- struct',
      ' |    |    |-- n: int',
      ' |    |    |-- big: choice',
      ' |    |    |    |-- int',
      ' |    |    |    |-- long',
      ' |-- b: choice',
      ' |    |-- int',
      ' |    |-- string',
      '',
    ].join('\n'),
  );
  expect(described.show).toBe('{"a":"none","b":1}\n{"a":{"n":1,"big":3000000000},"b":"x"}\n{"a":[7,5000000000]}\n{"a":{"n":2,"big":4}}\n');
});

test('a field of several JSON types inside the struct and array members of a choice is a choice too, at any depth; Parquet sinks write it as a struct per choice', async () => {
  await service.objects.write('raw', 'm/a.json', '{"id":1,"a":{"x":1,"y":[1,"s"]}}\n{"id":2,"a":{"x":"s","w":{"q":true}}}\n{"id":3,"a":5}\n{"id":4,"a":[{"z":1},{"z":"q"}]}\n{"id":5,"a":{"w":"no"}}\n');
  await job((p) => p.fromS3({ paths: ['s3://raw/m/'], format: 'json', transformationCtx: 'src' }).writeToS3({ path: 's3://out/m/', format: 'parquet', transformationCtx: 'sink' }));
  const described = await service.inspectFrame('j', 'src');
  expect(described.schema).toBe(
    [
      'root',
      ' |-- id: int',
      ' |-- a: choice',
      ' |    |-- array',
      ' |    |    |-- element: struct',
      ' |    |    |    |-- z: choice',
      ' |    |    |    |    |-- int',
      ' |    |    |    |    |-- string',
      ' |    |-- int',
      ' |    |-- struct',
      ' |    |    |-- x: choice',
      ' |    |    |    |-- int',
      ' |    |    |    |-- string',
      ' |    |    |-- y: array',
      ' |    |    |    |-- element: choice',
      ' |    |    |    |    |-- int',
      ' |    |    |    |    |-- string',
      ' |    |    |-- w: choice',
      ' |    |    |    |-- string',
      ' |    |    |    |-- struct',
      ' |    |    |    |    |-- q: boolean',
      '',
    ].join('\n'),
  );
  expect(described.show).toBe('{"id":1,"a":{"x":1,"y":[1,"s"]}}\n{"id":2,"a":{"x":"s","w":{"q":true}}}\n{"id":3,"a":5}\n{"id":4,"a":[{"z":1},{"z":"q"}]}\n{"id":5,"a":{"w":"no"}}\n');
  const run = await service.runJob('j');
  expect(run.JobRunState).toBe('SUCCEEDED');
  const [parquet] = (await service.objects.list('out', 'm/')).map((o) => o.key);
  const rows = await parquetRows(path.join(root, 'state', 's3', 'out', parquet), 'SELECT id, CAST(a.struct AS VARCHAR) AS s, CAST(a.array AS VARCHAR) AS arr FROM data ORDER BY id');
  expect(rows).toEqual([
    { id: 1, s: "{'x': {'int': 1, 'string': NULL}, 'y': [{'int': 1, 'string': NULL}, {'int': NULL, 'string': s}], 'w': NULL}", arr: null },
    { id: 2, s: "{'x': {'int': NULL, 'string': s}, 'y': NULL, 'w': {'string': NULL, 'struct': {'q': true}}}", arr: null },
    { id: 3, s: null, arr: null },
    { id: 4, s: null, arr: "[{'z': {'int': 1, 'string': NULL}}, {'z': {'int': NULL, 'string': q}}]" },
    { id: 5, s: "{'x': NULL, 'y': NULL, 'w': {'string': no, 'struct': NULL}}", arr: null },
  ]);
});

test('records with many sparse keys keep every key as a field, nested objects too (DuckDB would make a map of them)', async () => {
  const lines = Array.from({ length: 250 }, (_x, i) => JSON.stringify({ id: i, [`k${i}`]: i, n: { [`z${i}`]: `v${i}` } }));
  await service.objects.write('raw', 'wide/a.json', lines.join('\n') + '\n');
  await job((p) => p.fromS3({ paths: ['s3://raw/wide/'], format: 'json', transformationCtx: 'src' }).writeToS3({ path: 's3://out/wide/', format: 'json', transformationCtx: 'sink' }));
  const described = await service.inspectFrame('j', 'src', { rows: 2 });
  const schema = described.schema.split('\n');
  expect(schema.slice(0, 8)).toEqual(['root', ' |-- id: int', ' |-- k0: int', ' |-- n: struct', ' |    |-- z0: string', ' |    |-- z1: string', ' |    |-- z2: string', ' |    |-- z3: string']);
  expect(schema.filter((l) => /^ \|-- k\d+: int$/.test(l))).toHaveLength(250);
  expect(described.show).toBe('{"id":0,"k0":0,"n":{"z0":"v0"}}\n{"id":1,"n":{"z1":"v1"},"k1":1}\n');
});

/** The rows a query over a Parquet file (as `data`) gives, integers as numbers. */
async function parquetRows(file: string, query: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  try {
    const r = await c.runAndReadAll(`WITH data AS (SELECT * FROM read_parquet('${file}')) ${query}`);
    return r.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

test('inside JSON arrays, an element or a field of the structs of several JSON types is a choice; JSON sinks write the values as they were, Parquet sinks a struct per choice', async () => {
  await service.objects.write('raw', 'a/a.json', '{"id":1,"tags":[1,"x",2.5],"items":[{"n":1},{"n":"two"}]}\n{"id":2,"tags":[true,{"k":3}],"items":[]}\n{"id":3}\n');
  await job((p) => {
    const src = p.fromS3({ paths: ['s3://raw/a/'], format: 'json', transformationCtx: 'src' });
    src.writeToS3({ path: 's3://out/a-json/', format: 'json', transformationCtx: 'json' });
    src.writeToS3({ path: 's3://out/a-parquet/', format: 'parquet', transformationCtx: 'parquet' });
  });
  const described = await service.inspectFrame('j', 'src');
  expect(described.schema).toBe(
    [
      'root',
      ' |-- id: int',
      ' |-- tags: array',
      ' |    |-- element: choice',
      ' |    |    |-- boolean',
      ' |    |    |-- double',
      ' |    |    |-- int',
      ' |    |    |-- string',
      ' |    |    |-- struct',
      ' |    |    |    |-- k: int',
      ' |-- items: array',
      ' |    |-- element: struct',
      ' |    |    |-- n: choice',
      ' |    |    |    |-- int',
      ' |    |    |    |-- string',
      '',
    ].join('\n'),
  );
  const run = await service.runJob('j');
  expect(run.JobRunState).toBe('SUCCEEDED');
  const [json] = (await service.objects.list('out', 'a-json/')).map((o) => o.key);
  expect((await service.objects.read('out', json)).toString('utf8').trim().split('\n')).toEqual([
    '{"id":1,"tags":[1,"x",2.5],"items":[{"n":1},{"n":"two"}]}',
    '{"id":2,"tags":[true,{"k":3}],"items":[]}',
    '{"id":3}',
  ]);
  const [parquet] = (await service.objects.list('out', 'a-parquet/')).map((o) => o.key);
  const rows = await parquetRows(path.join(root, 'state', 's3', 'out', parquet), 'SELECT id, CAST(tags AS VARCHAR) AS tags, CAST(items AS VARCHAR) AS items FROM data ORDER BY id');
  expect(rows).toEqual([
    {
      id: 1,
      tags: "[{'boolean': NULL, 'double': NULL, 'int': 1, 'string': NULL, 'struct': NULL}, {'boolean': NULL, 'double': NULL, 'int': NULL, 'string': x, 'struct': NULL}, {'boolean': NULL, 'double': 2.5, 'int': NULL, 'string': NULL, 'struct': NULL}]",
      items: "[{'n': {'int': 1, 'string': NULL}}, {'n': {'int': NULL, 'string': two}}]",
    },
    { id: 2, tags: "[{'boolean': true, 'double': NULL, 'int': NULL, 'string': NULL, 'struct': NULL}, {'boolean': NULL, 'double': NULL, 'int': NULL, 'string': NULL, 'struct': {'k': 3}}]", items: '[]' },
    { id: 3, tags: null, items: null },
  ]);
});

test('a JSON field holding objects, arrays and strings is a choice of struct, array and string, each written as it was', async () => {
  await service.objects.write('raw', 'o/a.json', '{"id":1,"addr":"unknown"}\n{"id":2,"addr":{"city":"Oslo","zip":150}}\n{"id":3,"addr":["a","b"]}\n{"id":4,"addr":{"city":"Rome"}}\n');
  await job((p) => p.fromS3({ paths: ['s3://raw/o/'], format: 'json', transformationCtx: 'src' }).writeToS3({ path: 's3://out/o/', format: 'json', transformationCtx: 'sink' }));
  const described = await service.inspectFrame('j', 'src');
  expect(described.schema).toBe(
    [
      'root',
      ' |-- id: int',
      ' |-- addr: choice',
      ' |    |-- array',
      ' |    |    |-- element: string',
      ' |    |-- string',
      ' |    |-- struct',
      ' |    |    |-- city: string',
      ' |    |    |-- zip: int',
      '',
    ].join('\n'),
  );
  const run = await service.runJob('j');
  expect(run.JobRunState).toBe('SUCCEEDED');
  const [file] = (await service.objects.list('out', 'o/')).map((o) => o.key);
  expect((await service.objects.read('out', file)).toString('utf8').trim().split('\n')).toEqual([
    '{"id":1,"addr":"unknown"}',
    '{"id":2,"addr":{"city":"Oslo","zip":150}}',
    '{"id":3,"addr":["a","b"]}',
    '{"id":4,"addr":{"city":"Rome"}}',
  ]);
});
