import type { Crawler, JobRun, WorkflowRun } from '@aws-sdk/client-glue';
import { readTable } from '../frames/table-reader';
import { runCrawler, runJob } from '../runs/run-to-completion';
import { formatRows, formatWorkflowRun, nodeStatus, FormatOptions } from './format';
import { readCdkProject, synthesize } from './cdk-app';
import { openProject, OpenProjectOptions } from './local-project';
import * as path from 'path';

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

/** `gluekit run workflow|job|crawler NAME`: exits 1 when any node failed (a workflow run itself still COMPLETES). */
export async function runCommand(kind: 'workflow' | 'job' | 'crawler', name: string, options: CommandOptions): Promise<CommandResult> {
  const progress = options.progress ?? ((): void => undefined);
  const local = await openProject({ ...options, onSynth: (phase) => progress(phase === 'start' ? 'synthesizing the CDK app…' : 'synthesized') });
  const { service } = local;
  try {
    if (kind === 'workflow') {
      const { RunId } = service.workflows.startWorkflowRun({ Name: name });
      progress(`workflow ${name}: run ${RunId} started`);
      const seen = new Map<string, string>();
      const report = (): WorkflowRun => {
        const run = service.workflows.getWorkflowRun({ Name: name, RunId, IncludeGraph: true }).Run;
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
      const timer = setInterval(report, 100);
      try {
        await service.idle();
      } finally {
        clearInterval(timer);
      }
      const run = report();
      const failed = (run.Statistics?.FailedActions ?? 0) + (run.Statistics?.ErroredActions ?? 0) + (run.Statistics?.TimeoutActions ?? 0) + (run.Statistics?.StoppedActions ?? 0);
      return { json: run, text: formatWorkflowRun(run, options), exitCode: failed > 0 ? 1 : 0 };
    }
    if (kind === 'job') {
      progress(`job ${name}: starting`);
      const run: JobRun = await runJob(service, name);
      const text = `job ${name}  run ${run.Id}  ${run.JobRunState}${run.ErrorMessage ? `\n  ${run.ErrorMessage}` : ''}`;
      return { json: run, text, exitCode: run.JobRunState === 'SUCCEEDED' ? 0 : 1 };
    }
    progress(`crawler ${name}: starting`);
    const crawler: Crawler = await runCrawler(service, name);
    const last = crawler.LastCrawl;
    const text = `crawler ${name}  ${last?.Status}${last?.ErrorMessage ? `\n  ${last.ErrorMessage}` : ''}`;
    return { json: crawler, text, exitCode: last?.Status === 'SUCCEEDED' ? 0 : 1 };
  } finally {
    await service.close();
  }
}

/** `gluekit tables`: every table of every database with its columns and partition keys. */
export async function tablesCommand(options: CommandOptions): Promise<CommandResult> {
  const { service } = await openProject({ ...options, synth: options.synth ?? 'never' });
  try {
    const tables = service.catalog.getDatabases().DatabaseList.flatMap((db) => service.catalog.getTables({ DatabaseName: db.Name! }).TableList);
    const lines = tables.map((t) => {
      const cols = (t.StorageDescriptor?.Columns ?? []).map((c) => `${c.Name} ${c.Type}`).join(', ');
      const keys = (t.PartitionKeys ?? []).map((c) => `${c.Name} ${c.Type}`).join(', ');
      const partitions = service.catalog.getPartitions({ DatabaseName: t.DatabaseName!, TableName: t.Name! }).Partitions.length;
      return `${t.DatabaseName}.${t.Name}  (${t.Parameters?.classification ?? '?'}, ${partitions} partitions)\n  columns: ${cols}${keys ? `\n  partition keys: ${keys}` : ''}\n  location: ${t.StorageDescriptor?.Location ?? ''}`;
    });
    return { json: tables, text: lines.length ? lines.join('\n') : 'no tables yet: run a crawler or a workflow first', exitCode: 0 };
  } finally {
    await service.close();
  }
}

/** `gluekit show DB.TABLE [--limit N]`: the first rows of a table, read as a job's catalog source reads it. */
export async function showCommand(qualified: string, limit: number, options: CommandOptions): Promise<CommandResult> {
  const dot = qualified.indexOf('.');
  if (dot <= 0 || dot === qualified.length - 1) throw new Error(`'${qualified}' is not DATABASE.TABLE (for example datalake.medicare)`);
  const { service } = await openProject({ ...options, synth: options.synth ?? 'never' });
  try {
    const result = await readTable(service.catalog, service.objects, path.join(service.options.stateDir, 'tmp'), qualified.slice(0, dot), qualified.slice(dot + 1), { limit });
    const text = `${qualified}: ${result.count} rows${result.count > result.rows.length ? `, first ${result.rows.length}` : ''}\n${formatRows(result.schema, result.rows)}`;
    return { json: result, text, exitCode: 0 };
  } finally {
    await service.close();
  }
}
