import * as path from 'path';
import type { Crawler, JobRun, WorkflowRun } from '@aws-sdk/client-glue';
import { readCdkProject, synthesize } from './cdk-app';
import { GlueService } from '../api';
import { formatRows, formatWorkflowRun, nodeStatus, FormatOptions } from './format';
import { openProject, OpenProjectOptions, readProjectState } from './local-project';

/** What a CLI command produced: machine-readable data, the text a person reads, and the exit code. */
export interface CommandResult {
  readonly json: unknown;
  readonly text: string;
  readonly exitCode: number;
}

export interface CommandOptions extends OpenProjectOptions, FormatOptions {
  /** Progress lines for a TTY. */
  readonly progress?: (line: string) => void;
}

export async function synthCommand(options: CommandOptions): Promise<CommandResult> {
  const project = readCdkProject(path.resolve(options.appDir ?? process.cwd()));
  const started = Date.now();
  await synthesize(project);
  const seconds = (Date.now() - started) / 1000;
  return { json: { outdir: project.outdir, seconds }, text: `synthesized ${project.app} into ${project.outdir} in ${seconds.toFixed(1)} s`, exitCode: 0 };
}

/**
 * Whether a workflow run is a success for the CLI: COMPLETED, with at least one action and every action SUCCEEDED.
 * A run stopped, errored (its process died) or with any failed, errored, timed-out or stopped node is not, even though
 * Glue calls a run with failed nodes COMPLETED. Nodes whose trigger never fired do not count.
 */
export function workflowSucceeded(run: WorkflowRun): boolean {
  const s = run.Statistics ?? {};
  return run.Status === 'COMPLETED' && (s.TotalActions ?? 0) > 0 && s.SucceededActions === s.TotalActions;
}

/** `gluekit run workflow|job|crawler NAME`: exits 1 unless the run succeeded (see `workflowSucceeded`). */
export async function runCommand(kind: 'workflow' | 'job' | 'crawler', name: string, options: CommandOptions): Promise<CommandResult> {
  const progress = options.progress ?? ((): void => undefined);
  const local = await openProject({ ...options, onSynth: (phase) => progress(phase === 'start' ? 'synthesizing the CDK app…' : 'synthesized') });
  const { service } = local;
  try {
    if (kind === 'workflow') {
      const { RunId } = await service.workflows.startWorkflowRun({ Name: name });
      progress(`workflow ${name}: run ${RunId} started`);
      const seen = new Map<string, string>();
      const report = async (): Promise<WorkflowRun> => {
        const run = (await service.workflows.getWorkflowRun({ Name: name, RunId, IncludeGraph: true })).Run!;
        for (const node of run.Graph?.Nodes ?? []) {
          if (node.Type === 'TRIGGER') continue;
          const { state } = nodeStatus(node, run);
          if (state !== 'NOT RUN' && seen.get(node.Name!) !== state) {
            seen.set(node.Name!, state);
            progress(`  ${node.Type!.toLowerCase()} ${node.Name} ${state}`);
          }
        }
        return run;
      };
      const timer = setInterval(() => void report(), 100);
      try {
        await service.idle();
      } finally {
        clearInterval(timer);
      }
      const run = await report();
      return { json: run, text: formatWorkflowRun(run, options), exitCode: workflowSucceeded(run) ? 0 : 1 };
    }
    if (kind === 'job') {
      progress(`job ${name}: starting`);
      const run: JobRun = await service.runJob(name);
      const text = `job ${name}  run ${run.Id}  ${run.JobRunState}${run.ErrorMessage ? `\n  ${run.ErrorMessage}` : ''}`;
      return { json: run, text, exitCode: run.JobRunState === 'SUCCEEDED' ? 0 : 1 };
    }
    progress(`crawler ${name}: starting`);
    const crawler: Crawler = await service.runCrawler(name);
    const last = crawler.LastCrawl;
    const text = `crawler ${name}  ${last?.Status}${last?.ErrorMessage ? `\n  ${last.ErrorMessage}` : ''}`;
    return { json: crawler, text, exitCode: last?.Status === 'SUCCEEDED' ? 0 : 1 };
  } finally {
    await service.close();
  }
}

/** `gluekit tables`: every table of every database with its columns and partition keys (reads only). */
export async function tablesCommand(options: CommandOptions): Promise<CommandResult> {
  const service = await readProjectState(options);
  try {
    const tables = [];
    for (const db of (await service.catalog.getDatabases()).DatabaseList ?? []) tables.push(...((await service.catalog.getTables({ DatabaseName: db.Name! })).TableList ?? []));
    const partitionCounts = new Map<string, number>();
    for (const t of tables) partitionCounts.set(`${t.DatabaseName}.${t.Name}`, ((await service.catalog.getPartitions({ DatabaseName: t.DatabaseName!, TableName: t.Name! })).Partitions ?? []).length);
    const lines = tables.map((t) => {
      const cols = (t.StorageDescriptor?.Columns ?? []).map((c) => `${c.Name} ${c.Type}`).join(', ');
      const keys = (t.PartitionKeys ?? []).map((c) => `${c.Name} ${c.Type}`).join(', ');
      const partitions = partitionCounts.get(`${t.DatabaseName}.${t.Name}`);
      return `${t.DatabaseName}.${t.Name}  (${t.Parameters?.classification ?? '?'}, ${partitions} partitions)\n  columns: ${cols}${keys ? `\n  partition keys: ${keys}` : ''}\n  location: ${t.StorageDescriptor?.Location ?? ''}`;
    });
    return { json: tables, text: lines.length ? lines.join('\n') : 'no tables yet: run a crawler or a workflow first', exitCode: 0 };
  } finally {
    await service.close();
  }
}

/** `gluekit show DB.TABLE [--limit N]`: the first rows of a table, read as a job's catalog source reads it (reads only). */
export async function showCommand(qualified: string, limit: number, options: CommandOptions): Promise<CommandResult> {
  const dot = qualified.indexOf('.');
  if (dot <= 0 || dot === qualified.length - 1) throw new Error(`'${qualified}' is not DATABASE.TABLE (for example datalake.medicare)`);
  const service = await readProjectState(options);
  try {
    const result = await service.readTable(qualified.slice(0, dot), qualified.slice(dot + 1), { limit });
    const text = `${qualified}: ${result.count} rows${result.count > result.rows.length ? `, first ${result.rows.length}` : ''}\n${formatRows(result.schema, result.rows)}`;
    return { json: result, text, exitCode: 0 };
  } finally {
    await service.close();
  }
}

/** `gluekit unlock [--force]`: takes the state back from an owner that is gone but cannot be seen to be. */
export async function unlockCommand(options: CommandOptions, force: boolean): Promise<CommandResult> {
  const stateDir = path.resolve(path.resolve(options.appDir ?? process.cwd()), options.stateDir ?? '.gluekit');
  const removed = GlueService.unlock(stateDir, force);
  const text = removed
    ? `removed the owner of ${stateDir}: gluekit process ${removed.pid} on ${removed.host} (${removed.command}, since ${removed.since}); the next run recovers what it left`
    : `${stateDir} has no owner`;
  return { json: { stateDir, removed: removed ?? null }, text, exitCode: 0 };
}
