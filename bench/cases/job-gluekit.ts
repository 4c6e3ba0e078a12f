import * as fs from 'fs';
import * as path from 'path';
import { GlueService } from '../../emulator/api';
import { parseS3Uri } from '../../emulator/exec';

/** One timing of a job in a fresh process, its output prefix emptied first. Args: <stateDir> <job> <s3://output/>. */
async function main(): Promise<void> {
  const [stateDir, job, output] = process.argv.slice(2);
  const out = parseS3Uri(output);
  fs.rmSync(path.join(stateDir, 's3', out.bucket, out.key), { recursive: true, force: true });
  const service = await GlueService.open({ stateDir, command: `bench ${job}` });
  try {
    const started = performance.now();
    const run = await service.runJob(job);
    const ms = performance.now() - started;
    if (run.JobRunState !== 'SUCCEEDED') throw new Error(`${job}: ${run.ErrorMessage}`);
    process.stdout.write(`${JSON.stringify({ ms, peak_rss_mb: process.resourceUsage().maxRSS / 1024 })}\n`);
  } finally {
    await service.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
