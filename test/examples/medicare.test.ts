import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'csv-parse/sync';
import type { WorkflowRun } from '@aws-sdk/client-glue';
import { App } from 'aws-cdk-lib';
import { LocalGlue } from '../../emulator/testing/local-glue';
import { nodeStatus } from '../../emulator/project/format';
import { generateMedicare, GenerateResult } from '../../examples/medicare/generate-data';
import { MedicareStack } from '../../examples/medicare/stack';

/** What clean-medicare must produce, computed from the generated CSV independently of the engine. */
function expectedCurated(files: string[]): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const file of files) {
    const year = /year=(\d+)/.exec(file)![1];
    const records = parse(fs.readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
    for (const r of records) {
      if (r['Provider Id'] === '') continue;
      rows.push({
        provider_id: Number(r['Provider Id']),
        provider_name: r['Provider Name'],
        name: r.GivenName,
        city: r.City,
        year,
        total_discharges: Number(r['Total Discharges']),
        average_covered_charges: Number(r['Average Covered Charges']),
        average_total_payments: Number(r['Average Total Payments']),
        state: r.State,
      });
    }
  }
  return sortRows(rows);
}

function sortRows(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const key = (r: Record<string, unknown>): string => JSON.stringify(Object.keys(r).sort().map((k) => r[k]));
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

describe('workflow nightly through LocalGlue', () => {
  let glue: LocalGlue;
  let stack: MedicareStack;
  let generated: GenerateResult;
  let run: WorkflowRun;

  beforeAll(async () => {
    stack = new MedicareStack(new App(), 'MedicareStack');
    glue = await LocalGlue.fromStack(stack);
    generated = generateMedicare({ bucketDir: glue.bucketDir(glue.bucketName(stack.bucket)), rows: 1000 });
    run = await glue.runWorkflow('nightly');
  });

  afterAll(() => glue.close());

  test('runs raw-crawler, clean-medicare and curated-crawler in order and completes', () => {
    expect(run.Status).toBe('COMPLETED');
    expect(run.Statistics).toEqual({
      TotalActions: 3,
      SucceededActions: 3,
      FailedActions: 0,
      ErroredActions: 0,
      TimeoutActions: 0,
      StoppedActions: 0,
      RunningActions: 0,
      WaitingActions: 0,
    });
    const states = Object.fromEntries((run.Graph?.Nodes ?? []).map((n) => [n.Name, nodeStatus(n, run).state]));
    expect(states).toEqual({
      'nightly-start': 'FIRED',
      'raw-crawler': 'SUCCEEDED',
      'nightly-after-raw-crawl': 'FIRED',
      'clean-medicare': 'SUCCEEDED',
      'nightly-after-clean': 'FIRED',
      'curated-crawler': 'SUCCEEDED',
    });
    // Edges: trigger -> action, watched node -> conditional trigger.
    const byId = new Map((run.Graph?.Nodes ?? []).map((n) => [n.UniqueId, n.Name]));
    expect((run.Graph?.Edges ?? []).map((e) => `${byId.get(e.SourceId)} -> ${byId.get(e.DestinationId)}`).sort()).toEqual([
      'clean-medicare -> nightly-after-clean',
      'nightly-after-clean -> curated-crawler',
      'nightly-after-raw-crawl -> clean-medicare',
      'nightly-start -> raw-crawler',
      'raw-crawler -> nightly-after-raw-crawl',
    ]);
    const jobRun = run.Graph!.Nodes!.find((n) => n.Name === 'clean-medicare')!.JobDetails!.JobRuns![0];
    expect(jobRun.Arguments?.['--WORKFLOW_NAME']).toBe('nightly');
    expect(jobRun.Arguments?.['--WORKFLOW_RUN_ID']).toBe(run.WorkflowRunId);
    expect(jobRun.TriggerName).toBe('nightly-after-raw-crawl');
  });

  test('datalake.medicare is partitioned by year with one partition per year folder', async () => {
    const { Table: table } = await glue.service.catalog.getTable({ DatabaseName: 'datalake', Name: 'medicare' });
    expect(table!.PartitionKeys).toEqual([{ Name: 'year', Type: 'string' }]);
    expect(table!.StorageDescriptor?.Columns).toEqual([
      { Name: 'provider id', Type: 'bigint' },
      { Name: 'provider name', Type: 'string' },
      { Name: 'givenname', Type: 'string' },
      { Name: 'city', Type: 'string' },
      { Name: 'state', Type: 'string' },
      { Name: 'total discharges', Type: 'bigint' },
      { Name: 'average covered charges', Type: 'double' },
      { Name: 'average total payments', Type: 'double' },
    ]);
    const bucket = glue.bucketName(stack.bucket);
    expect(table!.StorageDescriptor?.Location).toBe(`s3://${bucket}/raw/medicare/`);
    const partitions = (await glue.service.catalog.getPartitions({ DatabaseName: 'datalake', TableName: 'medicare' })).Partitions!;
    expect(partitions.map((p) => [p.Values, p.StorageDescriptor?.Location])).toEqual([
      [['2019'], `s3://${bucket}/raw/medicare/year=2019/`],
      [['2020'], `s3://${bucket}/raw/medicare/year=2020/`],
      [['2021'], `s3://${bucket}/raw/medicare/year=2021/`],
    ]);
  });

  test('datalake.curated_medicare has name, not givenname, state as partition key, double amounts and the right rows', async () => {
    const { Table: table } = await glue.service.catalog.getTable({ DatabaseName: 'datalake', Name: 'curated_medicare' });
    expect(table!.PartitionKeys).toEqual([{ Name: 'state', Type: 'string' }]);
    expect(table!.StorageDescriptor?.Columns).toEqual([
      { Name: 'provider_id', Type: 'bigint' },
      { Name: 'provider_name', Type: 'string' },
      { Name: 'name', Type: 'string' },
      { Name: 'city', Type: 'string' },
      { Name: 'year', Type: 'string' },
      { Name: 'total_discharges', Type: 'bigint' },
      { Name: 'average_covered_charges', Type: 'double' },
      { Name: 'average_total_payments', Type: 'double' },
    ]);
    expect(table!.Parameters?.classification).toBe('parquet');
    const curated = await glue.read('datalake', 'curated_medicare');
    expect(curated.count).toBe(generated.rowsWithProviderId);
    expect(generated.rowsWithProviderId).toBe(975);
    expect(sortRows(curated.rows)).toEqual(expectedCurated(generated.files));
  });

  test('glue.inspect prints a node\'s schema and counts its records, as the README shows', async () => {
    const frame = await glue.inspect('clean-medicare', 'medicare_source', { rows: 1 });
    expect(frame.schema).toBe(
      [
        'root',
        ' |-- provider id: long',
        ' |-- provider name: string',
        ' |-- givenname: string',
        ' |-- city: string',
        ' |-- state: string',
        ' |-- total discharges: long',
        ' |-- average covered charges: double',
        ' |-- average total payments: double',
        ' |-- year: string',
        '',
      ].join('\n'),
    );
    expect(frame.count).toBe(1000);
    expect(frame.show.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('a job whose source table does not exist', () => {
  test('ends FAILED naming the table; the workflow still COMPLETES and nothing is written', async () => {
    const stack = new MedicareStack(new App(), 'MedicareStack');
    const glue = await LocalGlue.fromStack(stack);
    try {
      // No raw data: raw-crawler succeeds without making a table, so clean-medicare finds no datalake.medicare.
      const run = await glue.runWorkflow('nightly');
      expect(run.Status).toBe('COMPLETED');
      expect(run.Statistics?.SucceededActions).toBe(1);
      expect(run.Statistics?.FailedActions).toBe(1);
      const job = run.Graph!.Nodes!.find((n) => n.Name === 'clean-medicare')!;
      expect(job.JobDetails!.JobRuns![0].JobRunState).toBe('FAILED');
      expect(job.JobDetails!.JobRuns![0].ErrorMessage).toBe("node 'medicare_source': Table medicare not found in database datalake.");
      expect(nodeStatus(run.Graph!.Nodes!.find((n) => n.Name === 'curated-crawler')!, run).state).toBe('NOT RUN');
      expect((await glue.service.catalog.getTables({ DatabaseName: 'datalake' })).TableList).toEqual([]);
      expect(fs.existsSync(path.join(glue.bucketDir(glue.bucketName(stack.bucket)), 'curated'))).toBe(false);
    } finally {
      await glue.close();
    }
  });
});
