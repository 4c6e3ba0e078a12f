import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Pipeline } from '../../../lib/pipeline';
import { generatePySparkScript } from '../../../lib/pipeline/pyspark';
import { GlueService } from '../../../emulator/api';

/** `unbox(path, 'json')`: a string field of JSON objects parsed into a struct of the same name (issue 6, transforms). */
let root: string;
let service: GlueService;

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-unbox-'));
  service = await GlueService.open({ stateDir: path.join(root, 'state') });
});

afterEach(async () => {
  await service.close();
  fs.rmSync(root, { recursive: true, force: true });
});

test('a CSV column of JSON text becomes a struct in its place, typed as the JSON reader types (int, a choice, a nested struct); text that is no object is null', async () => {
  const csv = [
    'id,payload,note',
    '1,"{""qty"": 2, ""price"": 2.5, ""who"": {""name"": ""Ann""}}",a',
    '2,"{""qty"": 3, ""price"": ""free""}",b',
    '3,,c',
    '4,not json,d',
    '5,"[1, 2]",e',
  ].join('\n');
  await service.objects.write('raw', 'c/a.csv', `${csv}\n`);
  const p = new Pipeline();
  const unboxed = p.fromS3({ paths: ['s3://raw/c/'], format: 'csv', withHeader: true, transformationCtx: 'src' }).unbox('payload', 'json', { transformationCtx: 'unboxed' });
  unboxed.writeToS3({ path: 's3://out/u/', format: 'json', transformationCtx: 'sink' });
  await service.jobs.createJob({ Name: 'j', Role: 'r', Command: { Name: 'glueetl' }, CodeGenConfigurationNodes: p.graph });
  expect(generatePySparkScript(p.graph)).toContain('unboxed = Unbox.apply(frame=src, path="payload", format="json", transformation_ctx="unboxed")\n');
  const described = await service.inspectFrame('j', 'unboxed', { rows: 2 });
  expect(described.schema).toBe(
    [
      'root',
      ' |-- id: long',
      ' |-- payload: struct',
      ' |    |-- qty: int',
      ' |    |-- price: choice',
      ' |    |    |-- double',
      ' |    |    |-- string',
      ' |    |-- who: struct',
      ' |    |    |-- name: string',
      ' |-- note: string',
      '',
    ].join('\n'),
  );
  const run = await service.runJob('j');
  expect(run.JobRunState).toBe('SUCCEEDED');
  const [file] = (await service.objects.list('out', 'u/')).map((o) => o.key);
  expect((await service.objects.read('out', file)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual([
    { id: 1, payload: { qty: 2, price: 2.5, who: { name: 'Ann' } }, note: 'a' },
    { id: 2, payload: { qty: 3, price: 'free' }, note: 'b' },
    { id: 3, note: 'c' },
    { id: 4, note: 'd' },
    { id: 5, note: 'e' },
  ]);
});

async function unboxed(rows: readonly string[], build: (p: Pipeline) => void): Promise<{ script: string; schema: string; records: unknown[] }> {
  await service.objects.write('raw', 'c/a.csv', `${['id,payload', ...rows].join('\n')}\n`);
  const p = new Pipeline();
  build(p);
  await service.jobs.createJob({ Name: 'j', Role: 'r', Command: { Name: 'glueetl' }, CodeGenConfigurationNodes: p.graph });
  const { schema } = await service.inspectFrame('j', 'unboxed', { rows: 0 });
  const run = await service.runJob('j');
  expect(run.ErrorMessage).toBeUndefined();
  const [file] = (await service.objects.list('out', 'u/')).map((o) => o.key);
  const records = (await service.objects.read('out', file)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown);
  return { script: generatePySparkScript(p.graph), schema, records };
}

// multiLine: the payloads hold line breaks.
const csvSource = (p: Pipeline) => p.fromS3({ paths: ['s3://raw/c/'], format: 'csv', withHeader: true, multiLine: true, transformationCtx: 'src' });

test("unbox(path, 'csv'): each value's first record becomes a struct of col0, col1... typed value by value (a choice where kinds differ); quotes hold the separator; null or empty text is a null struct", async () => {
  const { script, schema, records } = await unboxed(
    ['1,"7|2.5|Ann"', '2,"8|x|""Bob|by""|extra"', '3,', '4,"9|"', '5,"10|3|Cid\nsecond|record"'],
    (p) => csvSource(p).unbox('payload', 'csv', { separator: '|', transformationCtx: 'unboxed' }).writeToS3({ path: 's3://out/u/', format: 'json', transformationCtx: 'sink' }),
  );
  expect(script).toContain('unboxed = Unbox.apply(frame=src, path="payload", format="csv", transformation_ctx="unboxed", separator="|")\n');
  expect(schema).toBe(
    [
      'root',
      ' |-- id: long',
      ' |-- payload: struct',
      ' |    |-- col0: long',
      ' |    |-- col1: choice',
      ' |    |    |-- double',
      ' |    |    |-- long',
      ' |    |    |-- string',
      ' |    |-- col2: string',
      ' |    |-- col3: string',
      '',
    ].join('\n'),
  );
  expect(records).toEqual([
    { id: 1, payload: { col0: 7, col1: 2.5, col2: 'Ann' } },
    { id: 2, payload: { col0: 8, col1: 'x', col2: 'Bob|by', col3: 'extra' } },
    { id: 3 },
    { id: 4, payload: { col0: 9 } },
    { id: 5, payload: { col0: 10, col1: 3, col2: 'Cid' } },
  ]);
});

test("unbox csv withHeader names the fields by each value's first line (an empty name col<i>); skipFirst skips the first record; the escaper takes the next character as it is", async () => {
  const { script, schema, records } = await unboxed(
    ['1,"qty;;note\nold;0;x\n2;3;a\\;b"', '2,"qty;;note\nold;0;x\n4;5;c"', '3,"qty\nold"'],
    (p) => csvSource(p).unbox('payload', 'csv', { separator: ';', escaper: '\\', withHeader: true, skipFirst: true, transformationCtx: 'unboxed' }).writeToS3({ path: 's3://out/u/', format: 'json', transformationCtx: 'sink' }),
  );
  expect(script).toContain('unboxed = Unbox.apply(frame=src, path="payload", format="csv", transformation_ctx="unboxed", separator=";", escaper="\\\\", withHeader=True, skipFirst=True)\n');
  expect(schema).toBe(['root', ' |-- id: long', ' |-- payload: struct', ' |    |-- qty: long', ' |    |-- col1: long', ' |    |-- note: string', ''].join('\n'));
  expect(records).toEqual([
    { id: 1, payload: { qty: 2, col1: 3, note: 'a;b' } },
    { id: 2, payload: { qty: 4, col1: 5, note: 'c' } },
    { id: 3 },
  ]);
});

test('unbox csv with a header naming a field twice (ignoring case) keeps one field, the first column\'s value', async () => {
  const { schema, records } = await unboxed(['1,"A;a;B\n1;2;3"', '2,"b\n4"'], (p) =>
    csvSource(p).unbox('payload', 'csv', { separator: ';', withHeader: true, transformationCtx: 'unboxed' }).writeToS3({ path: 's3://out/u/', format: 'json', transformationCtx: 'sink' }),
  );
  expect(schema).toBe(['root', ' |-- id: long', ' |-- payload: struct', ' |    |-- A: long', ' |    |-- B: long', ''].join('\n'));
  expect(records).toEqual([
    { id: 1, payload: { A: 1, B: 3 } },
    { id: 2, payload: { B: 4 } },
  ]);
});

test('unbox csv withSchema takes each record\'s values by position as the schema\'s fields, read as their types (null where one does not read); a header line is skipped', async () => {
  const withSchema = [
    { name: 'qty', type: 'int' },
    { name: 'price', type: 'decimal(6,2)' },
    { name: 'day', type: 'date' },
    { name: 'ok', type: 'boolean' },
    { name: 'note', type: 'string' },
  ];
  const { script, schema, records } = await unboxed(['1,"a;b;c;d;e\n2;3.456;2024-01-15;TRUE;x;extra"', '2,"a\nlots;1e2;15/01/2024;yes"', '3,"a\n"'], (p) =>
    csvSource(p).unbox('payload', 'csv', { separator: ';', withHeader: true, withSchema, transformationCtx: 'unboxed' }).writeToS3({ path: 's3://out/u/', format: 'json', transformationCtx: 'sink' }),
  );
  expect(script).toContain(
    'unboxed = Unbox.apply(frame=src, path="payload", format="csv", transformation_ctx="unboxed", separator=";", withHeader=True, withSchema="{\\"type\\":\\"struct\\",\\"fields\\":[{\\"name\\":\\"qty\\",\\"type\\":\\"integer\\",\\"nullable\\":true,\\"metadata\\":{}},{\\"name\\":\\"price\\",\\"type\\":\\"decimal(6,2)\\",\\"nullable\\":true,\\"metadata\\":{}},{\\"name\\":\\"day\\",\\"type\\":\\"date\\",\\"nullable\\":true,\\"metadata\\":{}},{\\"name\\":\\"ok\\",\\"type\\":\\"boolean\\",\\"nullable\\":true,\\"metadata\\":{}},{\\"name\\":\\"note\\",\\"type\\":\\"string\\",\\"nullable\\":true,\\"metadata\\":{}}]}")\n',
  );
  expect(schema).toBe(['root', ' |-- id: long', ' |-- payload: struct', ' |    |-- qty: int', ' |    |-- price: decimal', ' |    |-- day: date', ' |    |-- ok: boolean', ' |    |-- note: string', ''].join('\n'));
  expect(records).toEqual([
    { id: 1, payload: { qty: 2, price: 3.46, day: '2024-01-15', ok: true, note: 'x' } },
    { id: 2, payload: { price: 100.0 } },
    { id: 3 },
  ]);
  const src = new Pipeline().fromS3({ paths: ['s3://raw/j/'], format: 'json' });
  expect(() => src.unbox('n', 'csv', { withSchema: [{ name: 'a', type: 'array<int>' }], transformationCtx: 'u' })).toThrow("pipeline node 'u' (Unbox): Schema[0].Type 'array<int>' is not a scalar type: CSV text holds no array");
  expect(() => src.unbox('n', 'csv', { withSchema: [{ name: 'a', type: 'decimal' }], transformationCtx: 'u' })).toThrow("pipeline node 'u' (Unbox): Schema[0].Type 'decimal' needs its precision and scale here (decimal(10,2))");
  expect(() => src.unbox('n', 'csv', { withSchema: [{ name: 'a', type: 'int' }, { name: 'A', type: 'long' }], transformationCtx: 'u' })).toThrow(
    "pipeline node 'u' (Unbox): Schema[1].Name 'A' is given twice (names differing only in case are one field)",
  );
  expect(() => src.unbox('n', 'csv', { withSchema: [{ name: 'a', type: 'integr' }], transformationCtx: 'u' })).toThrow("pipeline node 'u' (Unbox): Schema[0].Type: unknown type 'integr'");
  expect(() => src.unbox('n', 'csv', { withSchema: [], transformationCtx: 'u' })).toThrow("pipeline node 'u' (Unbox): Schema must list at least one field (Name, Type)");
  expect(() => src.unbox('n', 'csv', { withSchema: [{ name: '{{args.field}}', type: 'int' }], transformationCtx: 'u' })).toThrow(
    "pipeline node 'u' (Unbox): Schema[0].Name cannot be a job argument: the schema is printed into the script as its JSON text",
  );
  expect(() => src.unbox('n', 'csv', { withSchema: [{ name: 'a', type: '{{args.type}}' }], transformationCtx: 'u' })).toThrow(
    "pipeline node 'u' (Unbox): Schema[0].Type cannot be a job argument: the schema is printed into the script as its JSON text",
  );
});

test('unbox refuses a field that is not a string, a format other than json or csv, and csv options that cannot apply', async () => {
  await service.objects.write('raw', 'j/a.json', '{"n": 1}\n');
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://raw/j/'], format: 'json', transformationCtx: 'src' }).unbox('n', 'json', { transformationCtx: 'u' }).writeToS3({ path: 's3://out/n/', format: 'json' });
  await service.jobs.createJob({ Name: 'j', Role: 'r', Command: { Name: 'glueetl' }, CodeGenConfigurationNodes: p.graph });
  const run = await service.runJob('j');
  expect(run.ErrorMessage).toBe("node 'u' (Unbox): the field 'n' is of type int, not string: Unbox parses JSON text");
  const src = new Pipeline().fromS3({ paths: ['s3://raw/j/'], format: 'json' });
  expect(() => src.unbox('n', 'xml' as 'json', { transformationCtx: 'u' })).toThrow("pipeline node 'u' (Unbox): Format 'xml' is not one of json, csv");
  expect(() => src.unbox('n', 'json', { separator: '|', transformationCtx: 'u' } as object)).toThrow("pipeline node 'u' (Unbox): Separator: options of the csv format; a json Unbox takes none");
  expect(() => src.unbox('n', 'csv', { separator: '||', transformationCtx: 'u' })).toThrow('pipeline node \'u\' (Unbox): Separator must be one character other than a line break or the quote ("), got "||"');
  expect(() => src.unbox('n', 'csv', { separator: '|', escaper: '|', transformationCtx: 'u' })).toThrow("pipeline node 'u' (Unbox): Separator and Escaper must differ");
  expect(() => src.unbox('n', 'csv', { escaper: ',', transformationCtx: 'u' })).toThrow("pipeline node 'u' (Unbox): Separator and Escaper must differ (the separator is , by default)");
});
