import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { PartitionInput } from '@aws-sdk/client-glue';
import { DuckDBInstance } from '@duckdb/node-api';
import { Pipeline } from '../../../lib/pipeline';
import { GlueService } from '../../../emulator/api';

/**
 * Job bookmarks (GLUE-REFERENCE section 5): with `--job-bookmark-option job-bookmark-enable` a run's sources read only
 * the objects new or modified since the last committed run; `pause` reads them without saving; a failed run saves
 * nothing; GetJobBookmark and ResetJobBookmark read and reset the state.
 */
let root: string;
let service: GlueService;

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-bookmarks-'));
  service = await GlueService.open({ stateDir: path.join(root, 'state') });
  await service.catalog.createDatabase({ DatabaseInput: { Name: 'db' } });
});

afterEach(async () => {
  await service.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const ENABLE = { '--job-bookmark-option': 'job-bookmark-enable' };

/** A job copying s3://raw/in/ (JSON) to s3://out/copy/ (JSON), its source's transformation_ctx `events`. */
async function copyJob(defaultArguments: Record<string, string> = ENABLE): Promise<void> {
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://raw/in/'], format: 'json', transformationCtx: 'events' }).writeToS3({ path: 's3://out/copy/', format: 'json', transformationCtx: 'sink' });
  await service.jobs.createJob({ Name: 'copy', Role: 'r', Command: { Name: 'glueetl' }, DefaultArguments: defaultArguments, CodeGenConfigurationNodes: p.graph });
}

/** The records each output file holds, by file in the order the runs wrote them. */
async function written(prefix: string): Promise<string[][]> {
  const objects = await service.objects.list('out', prefix);
  const out: string[][] = [];
  for (const o of objects.sort((a, b) => (a.key < b.key ? -1 : 1))) {
    out.push((await service.objects.read('out', o.key)).toString('utf8').split('\n').filter((l) => l !== '').sort());
  }
  return out;
}

async function run(args?: Record<string, string>): Promise<string> {
  const r = await service.runJob('copy', args);
  expect({ state: r.JobRunState, error: r.ErrorMessage }).toEqual({ state: 'SUCCEEDED', error: undefined });
  return r.Id!;
}

test('run, add a file, run again: the second run reads only the new file', async () => {
  await copyJob();
  await service.objects.write('raw', 'in/a.json', '{"id":1}\n{"id":2}\n');
  const first = await run();
  await service.objects.write('raw', 'in/b.json', '{"id":3}\n');
  const second = await run();
  expect(await written('copy/')).toEqual([['{"id":1}', '{"id":2}'], ['{"id":3}']]);
  const { JobBookmarkEntry } = await service.jobs.getJobBookmark({ JobName: 'copy' });
  const a = (await service.objects.head('raw', 'in/a.json'))!.lastModified.toISOString();
  const b = (await service.objects.head('raw', 'in/b.json'))!.lastModified.toISOString();
  expect(JobBookmarkEntry).toEqual({
    JobName: 'copy',
    Version: 2,
    Run: 2,
    Attempt: 0,
    PreviousRunId: first,
    RunId: second,
    JobBookmark: JSON.stringify({ events: { 's3://raw/in/a.json': a, 's3://raw/in/b.json': b } }),
  });
});

test('a run with nothing new succeeds and writes nothing; a modified object is read again', async () => {
  await copyJob();
  await service.objects.write('raw', 'in/a.json', '{"id":1}\n');
  await run();
  await run();
  expect(await written('copy/')).toEqual([['{"id":1}']]);
  await service.objects.write('raw', 'in/a.json', '{"id":1}\n{"id":10}\n');
  fs.utimesSync(path.join(root, 'state', 's3', 'raw', 'in', 'a.json'), new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
  await run();
  expect(await written('copy/')).toEqual([['{"id":1}'], ['{"id":10}', '{"id":1}']]);
});

test('a failed second run leaves the bookmark as it was, so the next good run still reads the new file', async () => {
  await copyJob();
  await service.objects.write('raw', 'in/a.json', '{"id":1}\n');
  const first = await run();
  const before = await service.jobs.getJobBookmark({ JobName: 'copy' });
  await service.objects.write('raw', 'in/b.json', '{"id":2}\n');
  // Not gzip, though its name says so: the run fails reading it.
  await service.objects.write('raw', 'in/c.json.gz', '{"id":3}\n');
  const failed = await service.runJob('copy');
  expect(failed.JobRunState).toBe('FAILED');
  expect(await service.jobs.getJobBookmark({ JobName: 'copy' })).toEqual(before);
  expect(before.JobBookmarkEntry?.RunId).toBe(first);
  await service.objects.delete('raw', 'in/c.json.gz');
  await run();
  expect(await written('copy/')).toEqual([['{"id":1}'], ['{"id":2}']]);
});

test('pause reads what is new without saving it; disable reads everything; enable then reads the new file again', async () => {
  await copyJob();
  await service.objects.write('raw', 'in/a.json', '{"id":1}\n');
  await run();
  await service.objects.write('raw', 'in/b.json', '{"id":2}\n');
  await run({ '--job-bookmark-option': 'job-bookmark-pause' });
  await run({ '--job-bookmark-option': 'job-bookmark-disable' });
  expect((await service.jobs.getJobBookmark({ JobName: 'copy' })).JobBookmarkEntry?.Version).toBe(1);
  await run();
  expect(await written('copy/')).toEqual([['{"id":1}'], ['{"id":2}'], ['{"id":1}', '{"id":2}'], ['{"id":2}']]);
});

test('without the option, bookmarks are off: every run reads everything and no bookmark is kept', async () => {
  await copyJob({});
  await service.objects.write('raw', 'in/a.json', '{"id":1}\n');
  await run();
  await run();
  expect(await written('copy/')).toEqual([['{"id":1}'], ['{"id":1}']]);
  await expect(service.jobs.getJobBookmark({ JobName: 'copy' })).rejects.toThrow('Continuation for job copy not found');
});

test('ResetJobBookmark gives the entry it removed, and the next run reads everything again', async () => {
  await copyJob();
  await service.objects.write('raw', 'in/a.json', '{"id":1}\n');
  const first = await run();
  const reset = await service.jobs.resetJobBookmark({ JobName: 'copy' });
  expect(reset.JobBookmarkEntry).toMatchObject({ JobName: 'copy', Version: 1, RunId: first });
  await run();
  expect(await written('copy/')).toEqual([['{"id":1}'], ['{"id":1}']]);
  expect((await service.jobs.getJobBookmark({ JobName: 'copy' })).JobBookmarkEntry?.Version).toBe(1);
  await expect(service.jobs.resetJobBookmark({ JobName: 'nope' })).rejects.toThrow('nope');
});

test('an unknown bookmark option fails the run naming it', async () => {
  await copyJob({ '--job-bookmark-option': 'job-bookmark-on' });
  await service.objects.write('raw', 'in/a.json', '{"id":1}\n');
  const r = await service.runJob('copy');
  expect(r.JobRunState).toBe('FAILED');
  expect(r.ErrorMessage).toBe("job argument --job-bookmark-option 'job-bookmark-on' is not one of job-bookmark-enable, job-bookmark-disable, job-bookmark-pause");
});

test('a catalog source over partitions reads only the new partition files', async () => {
  const partition = (year: string): PartitionInput => ({
    Values: [year],
    StorageDescriptor: { Location: `s3://raw/sales/year=${year}/` },
  });
  await service.catalog.createTable({
    DatabaseName: 'db',
    TableInput: {
      Name: 'sales',
      PartitionKeys: [{ Name: 'year', Type: 'string' }],
      Parameters: { classification: 'json' },
      StorageDescriptor: { Location: 's3://raw/sales/', Columns: [{ Name: 'id', Type: 'bigint' }] },
    },
  });
  await service.objects.write('raw', 'sales/year=2023/a.json', '{"id":1}\n');
  await service.catalog.batchCreatePartition({ DatabaseName: 'db', TableName: 'sales', PartitionInputList: [partition('2023')] });
  const p = new Pipeline();
  p.fromCatalog({ database: 'db', table: 'sales', transformationCtx: 'sales' }).writeToS3({ path: 's3://out/sales/', format: 'json', transformationCtx: 'sink' });
  await service.jobs.createJob({ Name: 'copy', Role: 'r', Command: { Name: 'glueetl' }, DefaultArguments: ENABLE, CodeGenConfigurationNodes: p.graph });
  await run();
  await service.objects.write('raw', 'sales/year=2023/b.json', '{"id":2}\n');
  await service.objects.write('raw', 'sales/year=2024/a.json', '{"id":3}\n');
  await service.catalog.batchCreatePartition({ DatabaseName: 'db', TableName: 'sales', PartitionInputList: [partition('2024')] });
  await run();
  expect(await written('sales/')).toEqual([['{"id":1,"year":"2023"}'], ['{"id":2,"year":"2023"}', '{"id":3,"year":"2024"}']]);
});

test('a reset while a run commits is kept: the run adds only what it read to the bookmark as it is then', async () => {
  await copyJob();
  await service.objects.write('raw', 'in/a.json', '{"id":1}\n');
  await run();
  await service.objects.write('raw', 'in/b.json', '{"id":2}\n');
  const gate = path.join(root, 'gate');
  process.env.GLUEKIT_FAULT = `commit:journaled:wait:${gate}`;
  try {
    const second = service.runJob('copy');
    while (!fs.existsSync(`${gate}.reached`)) await new Promise((resolve) => setTimeout(resolve, 10));
    await service.jobs.resetJobBookmark({ JobName: 'copy' });
    fs.writeFileSync(gate, '');
    expect((await second).JobRunState).toBe('SUCCEEDED');
  } finally {
    delete process.env.GLUEKIT_FAULT;
  }
  const b = (await service.objects.head('raw', 'in/b.json'))!.lastModified.toISOString();
  expect((await service.jobs.getJobBookmark({ JobName: 'copy' })).JobBookmarkEntry).toMatchObject({ Version: 1, JobBookmark: JSON.stringify({ events: { 's3://raw/in/b.json': b } }) });
  // The reset holds: a is read again, b (read by the run that committed after it) is not.
  await run();
  expect(await written('copy/')).toEqual([['{"id":1}'], ['{"id":2}'], ['{"id":1}']]);
});

test('a source with nothing new is an empty frame: a union gives the other frame as it is, a join no records', async () => {
  await service.objects.write('raw', 'in/a.json', '{"id":1,"who":10}\n');
  await service.objects.write('raw', 'dim/a.json', '{"key":10,"name":"Ann"}\n');
  const p = new Pipeline();
  const events = p.fromS3({ paths: ['s3://raw/in/'], format: 'json', transformationCtx: 'events' });
  const dim = p.fromS3({ paths: ['s3://raw/dim/'], format: 'json', transformationCtx: 'dim' });
  events.union(dim).writeToS3({ path: 's3://out/union/', format: 'parquet', transformationCtx: 'union_sink' });
  events.join(dim, ['who'], ['key']).writeToS3({ path: 's3://out/join/', format: 'json', transformationCtx: 'join_sink' });
  await service.jobs.createJob({ Name: 'copy', Role: 'r', Command: { Name: 'glueetl' }, DefaultArguments: ENABLE, CodeGenConfigurationNodes: p.graph });
  await run();
  // The second run: events has nothing new, dim (bookmarked too) neither; then dim gets a new file.
  await service.objects.write('raw', 'dim/b.json', '{"key":20,"name":"Bob"}\n');
  await run();
  const unions = (await service.objects.list('out', 'union/')).map((o) => o.key).sort();
  expect(unions).toHaveLength(2);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const file = path.join(root, 'state', 's3', 'out', unions[1]);
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`);
    expect(described.getRowObjectsJS().map((r) => r.column_name)).toEqual(['key', 'name']);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  expect(await written('join/')).toEqual([['{"id":1,"who":10,"key":10,"name":"Ann"}']]);
});
