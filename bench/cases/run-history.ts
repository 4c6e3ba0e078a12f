import type { JobRun } from '@aws-sdk/client-glue';
import { GlueService } from '../../emulator/api';
import { ACTIVE_JOB_RUN_STATES, GlueModel } from '../../emulator/model';

/**
 * A job with 100,000 past runs (bench/run.ts makes them): opening the state and starting one more run. Args:
 * <stateDir> <gluekit|scan>. The reference side does what gluekit did before: read every run of the job to count the
 * active ones.
 */
async function main(): Promise<void> {
  const [stateDir, side] = process.argv.slice(2);
  if (side === 'scan') {
    const model = GlueModel.open(stateDir, 'read');
    const started = performance.now();
    const active = model.state.list<JobRun>('jobRun', { parent: 'history' }).filter((r) => (ACTIVE_JOB_RUN_STATES as readonly string[]).includes(r.JobRunState ?? '')).length;
    const ms = performance.now() - started;
    model.close();
    process.stdout.write(`${JSON.stringify({ start_ms: ms, active })}\n`);
    return;
  }
  const opening = performance.now();
  const service = await GlueService.open({ stateDir, command: 'bench run-history' });
  const openMs = performance.now() - opening;
  try {
    const started = performance.now();
    await service.jobs.startJobRun({ JobName: 'history' });
    const ms = performance.now() - started;
    await service.idle();
    process.stdout.write(`${JSON.stringify({ start_ms: ms, open_ms: openMs })}\n`);
  } finally {
    await service.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
