import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { Pipeline } from '../../../lib/pipeline';
import { generatePySparkScript } from '../../../lib/pipeline/pyspark';
import { GlueService } from '../../../emulator/api';

/**
 * Error records (issue 6, "Error records"): a JSON line that is not JSON becomes an error record instead of failing the
 * run; later frames carry it (`errorsCount()` includes earlier steps); `errorsAsDynamicFrame()` gives them as a frame;
 * `stageThreshold`/`totalThreshold` fail the run naming the step and the counts.
 */
let root: string;
let service: GlueService;

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-errors-'));
  service = await GlueService.open({ stateDir: path.join(root, 'state') });
});

afterEach(async () => {
  await service.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const PEOPLE = '{"id":1,"name":"Ann"}\n{"id":2,"name":"Bob"\n\n{"id":3,"name":"Cid"}\n{oops}\n{"id":4,"name":"Dee"}\n';

async function job(build: (p: Pipeline) => void): Promise<Pipeline> {
  const p = new Pipeline();
  build(p);
  await service.jobs.createJob({ Name: 'j', Role: 'r', Command: { Name: 'glueetl' }, CodeGenConfigurationNodes: p.graph });
  return p;
}

async function jsonLines(bucket: string, prefix: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (const o of await service.objects.list(bucket, prefix)) {
    const text = (await service.objects.read(bucket, o.key)).toString('utf8').trim();
    if (text) out.push(...text.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>));
  }
  return out;
}

test('malformed JSON lines become error records: the run succeeds with the other records, and errorsAsDynamicFrame gives them', async () => {
  await service.objects.write('raw', 'p/a.json', PEOPLE);
  await job((p) => {
    const src = p.fromS3({ paths: ['s3://raw/p/'], format: 'json', transformationCtx: 'src' });
    const mapped = src.applyMapping([{ from: 'id', fromType: 'long', to: 'id', toType: 'long' }, { from: 'name', fromType: 'string', to: 'name', toType: 'string' }], { transformationCtx: 'mapped' });
    mapped.writeToS3({ path: 's3://out/good/', format: 'json', transformationCtx: 'good' });
    mapped.errorsAsDynamicFrame({ transformationCtx: 'errors' }).writeToS3({ path: 's3://out/errors/', format: 'json', transformationCtx: 'bad' });
  });
  const run = await service.runJob('j');
  expect(run.ErrorMessage).toBeUndefined();
  expect(run.JobRunState).toBe('SUCCEEDED');
  expect(await jsonLines('out', 'good/')).toEqual([
    { id: 1, name: 'Ann' },
    { id: 3, name: 'Cid' },
    { id: 4, name: 'Dee' },
  ]);
  expect(await jsonLines('out', 'errors/')).toEqual([
    {
      error: {
        callsite: { site: "node 'src'", info: '' },
        msg: 'error in jackson reader',
        stackTrace: 'malformed JSON record at line 2 of s3://raw/p/a.json: {"id":2,"name":"Bob"',
        input: '',
        bytesread: 43,
        source: 's3://raw/p/a.json',
      },
    },
    {
      error: {
        callsite: { site: "node 'src'", info: '' },
        msg: 'error in jackson reader',
        stackTrace: 'malformed JSON record at line 5 of s3://raw/p/a.json: {oops}',
        input: '',
        bytesread: 73,
        source: 's3://raw/p/a.json',
      },
    },
  ]);
  const described = await service.inspectFrame('j', 'errors', { rows: 0 });
  expect(described.schema).toBe(
    [
      'root',
      ' |-- error: struct',
      ' |    |-- callsite: struct',
      ' |    |    |-- site: string',
      ' |    |    |-- info: string',
      ' |    |-- msg: string',
      ' |    |-- stackTrace: string',
      ' |    |-- input: string',
      ' |    |-- bytesread: long',
      ' |    |-- source: string',
      '',
    ].join('\n'),
  );
  expect(described.count).toBe(2);
  // errorsCount(): the mapped frame carries the source's records; the frame of error records starts a lineage of its own.
  expect((await service.inspectFrame('j', 'mapped', { rows: 0 })).errorsCount).toBe(2);
  expect((await service.inspectFrame('j', 'src', { rows: 0 })).errorsCount).toBe(2);
  expect(described.errorsCount).toBe(0);
});

test('a frame without error records gives an empty errorsAsDynamicFrame, and a gzip JSON file with a malformed line is split the same way', async () => {
  await service.objects.write('raw', 'ok/a.json', '{"id":1}\n');
  await service.objects.write('raw', 'gz/a.json.gz', gzipSync(Buffer.from('{"id":1}\nnot json\n{"id":2}\n')));
  await job((p) => {
    p.fromS3({ paths: ['s3://raw/ok/'], format: 'json', transformationCtx: 'clean' }).errorsAsDynamicFrame({ transformationCtx: 'none' });
    const gz = p.fromS3({ paths: ['s3://raw/gz/'], format: 'json', transformationCtx: 'gz' });
    gz.writeToS3({ path: 's3://out/gz/', format: 'json' });
    gz.errorsAsDynamicFrame({ transformationCtx: 'gzErrors' });
  });
  const none = await service.inspectFrame('j', 'none', { rows: 5 });
  expect([none.schema, none.count, none.errorsCount]).toEqual(['root\n', 0, 0]);
  const gzErrors = await service.inspectFrame('j', 'gzErrors', { rows: 0 });
  expect(gzErrors.count).toBe(1);
  const run = await service.runJob('j');
  expect(run.JobRunState).toBe('SUCCEEDED');
  expect(await jsonLines('out', 'gz/')).toEqual([{ id: 1 }, { id: 2 }]);
});

test('a file with no well-formed line gives an empty frame that still carries its error records', async () => {
  await service.objects.write('raw', 'bad/a.json', 'nope\n{"unclosed": 1\n');
  await job((p) => p.fromS3({ paths: ['s3://raw/bad/'], format: 'json', transformationCtx: 'src' }).errorsAsDynamicFrame({ transformationCtx: 'errors' }));
  const described = await service.inspectFrame('j', 'errors', { rows: 0 });
  expect(described.count).toBe(2);
});

test('totalThreshold counts the source error records a later step inherits and fails the run naming the step and the counts', async () => {
  await service.objects.write('raw', 'p/a.json', PEOPLE);
  await job((p) =>
    p
      .fromS3({ paths: ['s3://raw/p/'], format: 'json', transformationCtx: 'src' })
      .selectFields(['id'], { transformationCtx: 'ids', totalThreshold: 1 })
      .writeToS3({ path: 's3://out/ids/', format: 'json', transformationCtx: 'sink' }),
  );
  const run = await service.runJob('j');
  expect(run.JobRunState).toBe('FAILED');
  expect(run.ErrorMessage).toBe(
    "node 'ids' (SelectFields): 2 error records in this step and the steps before it ('src' 2), more than its totalThreshold of 1; see them with errorsAsDynamicFrame()",
  );
  expect(await service.objects.list('out', 'ids/')).toEqual([]);
});

test('a threshold the errors do not pass, and a stageThreshold (this step makes none of its own), let the run succeed', async () => {
  await service.objects.write('raw', 'p/a.json', PEOPLE);
  await job((p) =>
    p
      .fromS3({ paths: ['s3://raw/p/'], format: 'json', transformationCtx: 'src' })
      .selectFields(['id'], { transformationCtx: 'ids', stageThreshold: 1, totalThreshold: 2 })
      .writeToS3({ path: 's3://out/ids/', format: 'json', transformationCtx: 'sink' }),
  );
  const run = await service.runJob('j');
  expect(run.JobRunState).toBe('SUCCEEDED');
  expect(await jsonLines('out', 'ids/')).toEqual([{ id: 1 }, { id: 3 }, { id: 4 }]);
});

test('thresholds are printed as awsglue keyword arguments, and refused on a kind whose call takes none', () => {
  const p = new Pipeline();
  const src = p.fromS3({ paths: ['s3://raw/p/'], format: 'json', transformationCtx: 'src' });
  src.applyMapping([{ from: 'id', fromType: 'long', to: 'id', toType: 'long' }], { transformationCtx: 'mapped', totalThreshold: 10 }).errorsAsDynamicFrame({ transformationCtx: 'errors' });
  const script = generatePySparkScript(p.graph);
  expect(script).toContain('mapped = ApplyMapping.apply(frame=src, mappings=[("id", "long", "id", "long")], transformation_ctx="mapped", stageThreshold=0, totalThreshold=10)\n');
  expect(script).toContain('errors = mapped.errorsAsDynamicFrame()\n');
  const graph = { ...p.graph, joined: { Join: { Name: 'joined', Inputs: ['src', 'mapped'], JoinType: 'equijoin', Columns: [], TotalThreshold: 3 } } };
  expect(() => generatePySparkScript(graph as typeof p.graph)).toThrow(
    "pipeline node 'joined' (Join): TotalThreshold: this kind's generated call takes no error thresholds (awsglue's stageThreshold and totalThreshold are arguments of its DynamicFrame transforms)",
  );
  expect(() => src.selectFields(['id'], { stageThreshold: -1 })).toThrow("StageThreshold must be a whole number of 0 or more (0: never fail), got -1");
});

test('a multiLine JSON file that is not JSON is one error record; the other files are read', async () => {
  await service.objects.write('raw', 'm/a.json', '[\n  {"id": 1},\n  {"id": 2}\n]\n');
  await service.objects.write('raw', 'm/b.json', '{\n  "id": 3,\n  "name": \n}\n');
  await job((p) => {
    const src = p.fromS3({ paths: ['s3://raw/m/'], format: 'json', multiLine: true, transformationCtx: 'src' });
    src.writeToS3({ path: 's3://out/m/', format: 'json', transformationCtx: 'good' });
    src.errorsAsDynamicFrame({ transformationCtx: 'errors' });
  });
  const run = await service.runJob('j');
  expect(run.ErrorMessage).toBeUndefined();
  expect(await jsonLines('out', 'm/')).toEqual([{ id: 1 }, { id: 2 }]);
  const errors = await service.inspectFrame('j', 'errors', { rows: 1 });
  expect(errors.count).toBe(1);
  const record = (JSON.parse(errors.show) as { error: { msg: string; stackTrace: string; source: string } }).error;
  expect([record.msg, record.source]).toEqual(['error in jackson reader', 's3://raw/m/b.json']);
  expect(record.stackTrace).toBe('malformed JSON document s3://raw/m/b.json: Invalid Input Error: Malformed JSON in file "s3://raw/m/b.json", at byte 25 in record/value 2: unexpected character.');
});
