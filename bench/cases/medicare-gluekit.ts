import * as fs from 'fs';
import * as path from 'path';
import { GlueService } from '../../emulator/api';

/** One timing of job clean-medicare in a fresh process, on a state prepared by bench/run.ts. Args: <stateDir> <bucket>. */
async function main(): Promise<void> {
  const [stateDir, bucket] = process.argv.slice(2);
  fs.rmSync(path.join(stateDir, 's3', bucket, 'curated'), { recursive: true, force: true });
  const service = await GlueService.open({ stateDir, command: 'bench medicare-gluekit' });
  try {
    const started = performance.now();
    const run = await service.runJob('clean-medicare');
    const ms = performance.now() - started;
    if (run.JobRunState !== 'SUCCEEDED') throw new Error(`clean-medicare: ${run.ErrorMessage}`);
    process.stdout.write(`${JSON.stringify({ ms, peak_rss_mb: process.resourceUsage().maxRSS / 1024 })}\n`);
  } finally {
    await service.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
