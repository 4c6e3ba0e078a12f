import * as fs from 'fs';
import * as path from 'path';
import { formatRows, formatWorkflowRun, openProject, workflowSucceeded } from '../../emulator/project';
import { generateMedicare } from './generate-data';

/**
 * The example end to end: synthesize the app, start from an empty local state, generate sample data into the local
 * bucket, run workflow `nightly`, print its run graph and a preview of datalake.curated_medicare.
 * Usage: node dist/examples/medicare/run-example.js [--rows N] [--state-dir DIR]
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const rows = Number(flag('--rows') ?? 1000);
  if (!Number.isInteger(rows) || rows < 0) throw new Error(`--rows must be a whole number, got '${flag('--rows')}'`);
  const stateDir = path.resolve(flag('--state-dir') ?? '.gluekit-example');
  fs.rmSync(stateDir, { recursive: true, force: true });

  const started = Date.now();
  process.stderr.write('synthesizing the CDK app (examples/medicare/app.ts)…\n');
  const { service, deployed } = await openProject({ stateDir, synth: 'always' });
  try {
    const bucket = Object.values(deployed[0].buckets)[0];
    const generated = generateMedicare({ bucketDir: path.join(stateDir, 's3', bucket), rows });
    process.stderr.write(`generated ${generated.rows} rows (${generated.rowsWithProviderId} with a provider id) into s3://${bucket}/raw/medicare/\n`);

    const run = await service.runWorkflow('nightly');
    process.stdout.write(`${formatWorkflowRun(run, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR })}\n\n`);

    const curated = await service.readTable('datalake', 'curated_medicare', { limit: 5, orderBy: ['provider_id', 'state'] });
    process.stdout.write(`datalake.curated_medicare: ${curated.count} rows (the generator wrote ${generated.rowsWithProviderId} with a provider id)\n`);
    process.stdout.write(`${formatRows(curated.schema, curated.rows)}\n`);
    process.stdout.write(`\ndone in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return workflowSucceeded(run) && curated.count === generated.rowsWithProviderId ? 0 : 1;
  } finally {
    await service.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`example failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
