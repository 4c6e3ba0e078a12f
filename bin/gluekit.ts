#!/usr/bin/env node
import { Command, InvalidArgumentError } from 'commander';
import { CommandOptions, CommandResult, runCommand, showCommand, synthCommand, tablesCommand, unlockCommand } from '../emulator/project';

interface GlobalOptions {
  stateDir: string;
  appDir?: string;
  json?: boolean;
}

const program = new Command()
  .name('gluekit')
  .description('Run AWS Glue pipelines from a CDK app locally: catalog, crawlers, jobs and workflows.')
  .option('--state-dir <dir>', 'where the local Glue keeps its catalog, runs and S3 objects', '.gluekit')
  .option('--app-dir <dir>', 'the CDK project folder (holding cdk.json); default: the current folder')
  .option('--json', 'print machine-readable JSON, no progress');

function commandOptions(): CommandOptions {
  const g = program.opts<GlobalOptions>();
  const tty = process.stderr.isTTY && !g.json;
  return {
    stateDir: g.stateDir,
    appDir: g.appDir,
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && !g.json,
    progress: tty ? (line: string) => process.stderr.write(`${line}\n`) : undefined,
  };
}

async function print(work: Promise<CommandResult>): Promise<void> {
  const json = program.opts<GlobalOptions>().json;
  try {
    const result = await work;
    process.stdout.write(json ? `${JSON.stringify(result.json, null, 2)}\n` : `${result.text}\n`);
    process.exitCode = result.exitCode;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(json ? `${JSON.stringify({ error: message })}\n` : `gluekit: ${message}\n`);
    process.exitCode = 2;
  }
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number, 0 or more');
  return n;
}

program
  .command('synth')
  .description('synthesize the CDK app of cdk.json into its cloud assembly (templates, scripts, gluekit manifests)')
  .action(() => print(synthCommand(commandOptions())));

program
  .command('run')
  .description('run a workflow, job or crawler locally (synthesizes first when the app changed); exits 1 when any node failed')
  .argument('<kind>', 'workflow, job or crawler')
  .argument('<name>', 'its name')
  .action((kind: string, name: string) => {
    if (kind !== 'workflow' && kind !== 'job' && kind !== 'crawler') {
      program.error(`gluekit run: kind must be workflow, job or crawler, not '${kind}'`, { exitCode: 2 });
    }
    return print(runCommand(kind as 'workflow' | 'job' | 'crawler', name, commandOptions()));
  });

program
  .command('tables')
  .description('list the tables of the local Data Catalog')
  .action(() => print(tablesCommand(commandOptions())));

program
  .command('show')
  .description('print the first rows of a catalog table')
  .argument('<table>', 'DATABASE.TABLE')
  .option('--limit <n>', 'rows to print', positiveInt, 20)
  .action((table: string, opts: { limit: number }) => print(showCommand(table, opts.limit, commandOptions())));

program
  .command('unlock')
  .description('take the state directory back from an owner that is gone (a live owner on this host is never removed)')
  .option('--force', 'also remove an owner on another host, which gluekit cannot check')
  .action((opts: { force?: boolean }) => print(unlockCommand(commandOptions(), opts.force === true)));

program.parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`gluekit: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
});
