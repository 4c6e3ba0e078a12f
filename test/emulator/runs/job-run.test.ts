import * as fs from 'fs';
import * as path from 'path';
import { DuckDBInstance } from '@duckdb/node-api';
import { App, Stack } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Pipeline, PipelineJob } from '../../../lib';
import { LocalGlue } from '../../../emulator/testing/local-glue';
import { GlueService } from '../../../emulator/api';
import { GlueModel } from '../../../emulator/model';
import * as os from 'os';

/** A small stack: one job converting Parquet under in/ to CSV under out/. */
function buildStack(maxRetries?: number): { stack: Stack; bucket: s3.Bucket } {
  const stack = new Stack(new App(), 'JobStack');
  const bucket = new s3.Bucket(stack, 'Data');
  new glue.Database(stack, 'Lake', { databaseName: 'lake' });
  const p = new Pipeline();
  p.fromS3({ paths: [`s3://${bucket.bucketName}/in/`], format: 'parquet', transformationCtx: 'source' })
    .selectFields(['id', 'label'], { transformationCtx: 'pick' })
    .writeToS3({ path: `s3://${bucket.bucketName}/out/`, format: 'csv', transformationCtx: 'sink' });
  new PipelineJob(stack, 'ToCsv', { jobName: 'to-csv', pipeline: p, maxRetries });
  return { stack, bucket };
}

async function writeParquet(file: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  await c.run(`COPY (SELECT * FROM (VALUES (1, 'a', true), (2, 'b', false)) t(id, label, flag)) TO '${file}' (FORMAT parquet)`);
  c.closeSync();
  instance.closeSync();
}

function listFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

test('a job run succeeds, then fails on a truncated Parquet input naming the file and leaving earlier output alone', async () => {
  const { stack, bucket } = buildStack();
  const local = await LocalGlue.fromStack(stack);
  try {
    const bucketDir = local.bucketDir(local.bucketName(bucket));
    const input = path.join(bucketDir, 'in', 'data.parquet');
    await writeParquet(input);

    const ok = await local.runJob('to-csv');
    expect(ok.JobRunState).toBe('SUCCEEDED');
    expect(ok.Attempt).toBe(0);
    const outDir = path.join(bucketDir, 'out');
    const files = listFiles(outDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^run-\d+-part-r-00000\.csv$/);
    expect(fs.readFileSync(path.join(outDir, files[0]), 'utf8')).toBe('id,label\n1,a\n2,b\n');

    const bytes = fs.readFileSync(input);
    fs.writeFileSync(input, bytes.subarray(0, bytes.length - 12));
    const failed = await local.runJob('to-csv');
    expect(failed.JobRunState).toBe('FAILED');
    expect(failed.ErrorMessage).toBe(`node 'source': Invalid Input Error: No magic bytes found at end of file 's3://${local.bucketName(bucket)}/in/data.parquet'`);
    expect(listFiles(outDir)).toEqual(files);
    expect(fs.readdirSync(path.join(local.service.options.stateDir, 'tmp'))).toEqual([]);
  } finally {
    await local.close();
  }
});

test('a job created through the API from the generated script alone runs too', async () => {
  const { stack, bucket } = buildStack();
  const local = await LocalGlue.fromStack(stack);
  try {
    const name = local.bucketName(bucket);
    await writeParquet(path.join(local.bucketDir(name), 'in', 'data.parquet'));
    const deployed = (await local.service.jobs.getJob({ JobName: 'to-csv' })).Job!;
    await local.service.jobs.createJob({
      Name: 'from-script',
      Role: deployed.Role,
      Command: deployed.Command,
      DefaultArguments: deployed.DefaultArguments,
    });
    expect((await local.service.jobs.getJob({ JobName: 'from-script' })).Job!.CodeGenConfigurationNodes).toBeUndefined();
    const run = await local.runJob('from-script');
    expect(run.ErrorMessage).toBeUndefined();
    expect(run.JobRunState).toBe('SUCCEEDED');
    const out = listFiles(path.join(local.bucketDir(name), 'out'));
    expect(fs.readFileSync(path.join(local.bucketDir(name), 'out', out[0]), 'utf8')).toBe('id,label\n1,a\n2,b\n');
  } finally {
    await local.close();
  }
});

test('a second run while one is running exceeds MaxConcurrentRuns', async () => {
  const { stack, bucket } = buildStack();
  const local = await LocalGlue.fromStack(stack);
  try {
    await writeParquet(path.join(local.bucketDir(local.bucketName(bucket)), 'in', 'data.parquet'));
    await local.service.jobs.startJobRun({ JobName: 'to-csv' });
    await expect(local.service.jobs.startJobRun({ JobName: 'to-csv' })).rejects.toThrow('Concurrent runs exceeded for to-csv: 1 running, MaxConcurrentRuns is 1');
    await local.service.idle();
  } finally {
    await local.close();
  }
});

test('a failed run is retried MaxRetries times, each attempt naming the one before', async () => {
  const { stack } = buildStack(2);
  const local = await LocalGlue.fromStack(stack);
  try {
    // No input at all: every attempt fails.
    const last = await local.runJob('to-csv');
    expect(last.JobRunState).toBe('FAILED');
    expect(last.Attempt).toBe(2);
    const chain = (await local.service.jobs.getJobRuns({ JobName: 'to-csv' })).JobRuns!.reverse();
    expect(chain.map((r) => [r.Attempt, r.JobRunState])).toEqual([[0, 'FAILED'], [1, 'FAILED'], [2, 'FAILED']]);
    expect(chain[1].PreviousRunId).toBe(chain[0].Id);
    expect(chain[2].PreviousRunId).toBe(chain[1].Id);
    expect(chain[0].ErrorMessage).toMatch(/^node 'source' \(S3ParquetSource\): no data files under s3:\/\/.+\/in\/$/);
  } finally {
    await local.close();
  }
});

test('runs left RUNNING by a process that died are failed when the next owner opens the state', async () => {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-recover-'));
  try {
    // A process that is gone held the state and left a job run RUNNING, a crawler RUNNING and a staging folder.
    const dead = GlueModel.open(stateDir);
    dead.state.statement("INSERT INTO owner (id, pid, host, token, command, since) VALUES (1, 2147483646, ?, 'x:', 'gluekit run job j', '2026-01-01T00:00:00Z')").run(os.hostname());
    dead.jobRuns.put({ Id: 'jr_dead', JobName: 'j', JobRunState: 'RUNNING' });
    dead.crawlers.put({ Name: 'c', State: 'RUNNING' });
    dead.workflowRuns.put({
      run: { Name: 'w', WorkflowRunId: 'wr_dead', Status: 'RUNNING', Statistics: { TotalActions: 2, RunningActions: 1, SucceededActions: 1 } },
      triggers: [],
      fired: ['start'],
      actions: [
        { kind: 'CRAWLER', name: 'c0', runId: 'c0', attempts: ['c0'], state: 'SUCCEEDED', trigger: 'start' },
        { kind: 'JOB', name: 'j', runId: 'jr_dead', attempts: ['jr_dead'], state: 'RUNNING', trigger: 'start' },
      ],
    });
    dead.close();
    fs.mkdirSync(path.join(stateDir, 'tmp', 'jr_dead'), { recursive: true });
    const second = await GlueService.open({ stateDir });
    const model = GlueModel.open(stateDir, 'read');
    const run = model.jobRuns.find('jr_dead')!;
    expect(run.JobRunState).toBe('FAILED');
    expect(run.ErrorMessage).toBe('the gluekit process running this ended before it finished (killed or crashed); start it again');
    expect(model.crawlers.find('c')!.State).toBe('READY');
    const workflowRun = model.workflowRuns.find('wr_dead')!;
    expect(workflowRun.run.Status).toBe('ERROR');
    expect(workflowRun.actions.map((a) => a.state)).toEqual(['SUCCEEDED', 'FAILED']);
    expect(workflowRun.run.Statistics).toMatchObject({ TotalActions: 2, RunningActions: 0, SucceededActions: 1, FailedActions: 1 });
    expect(fs.existsSync(path.join(stateDir, 'tmp'))).toBe(false);
    model.close();
    await second.close();
  } finally {
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
});

test('a run argument overrides the default argument carrying a sink path, as on AWS', async () => {
  const { stack, bucket } = buildStack();
  const local = await LocalGlue.fromStack(stack);
  try {
    const name = local.bucketName(bucket);
    await writeParquet(path.join(local.bucketDir(name), 'in', 'data.parquet'));
    const run = await local.runJob('to-csv', { '--sink_path': `s3://${name}/elsewhere/` });
    expect(run.JobRunState).toBe('SUCCEEDED');
    expect(listFiles(path.join(local.bucketDir(name), 'out'))).toEqual([]);
    expect(listFiles(path.join(local.bucketDir(name), 'elsewhere'))).toHaveLength(1);
  } finally {
    await local.close();
  }
});
