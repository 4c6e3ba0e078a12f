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

test('unbox refuses a field that is not a string, and a format other than json', async () => {
  await service.objects.write('raw', 'j/a.json', '{"n": 1}\n');
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://raw/j/'], format: 'json', transformationCtx: 'src' }).unbox('n', 'json', { transformationCtx: 'u' }).writeToS3({ path: 's3://out/n/', format: 'json' });
  await service.jobs.createJob({ Name: 'j', Role: 'r', Command: { Name: 'glueetl' }, CodeGenConfigurationNodes: p.graph });
  const run = await service.runJob('j');
  expect(run.ErrorMessage).toBe("node 'u' (Unbox): the field 'n' is of type int, not string: Unbox parses JSON text");
  expect(() => new Pipeline().fromS3({ paths: ['s3://raw/j/'], format: 'json' }).unbox('n', 'csv' as 'json')).toThrow("Format 'csv' is not supported; gluekit unboxes json only");
});
