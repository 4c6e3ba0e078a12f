import * as fs from 'fs';
import * as path from 'path';
import { GlueService } from '../../emulator/api';

/** One timing of job `partitions-to-parquet` (a crawled table of many partitions to Parquet). Args: <stateDir>. */
async function main(): Promise<void> {
  const [stateDir] = process.argv.slice(2);
  fs.rmSync(path.join(stateDir, 's3', 'bench', 'out'), { recursive: true, force: true });
  const service = await GlueService.open({ stateDir, command: 'bench partitions-gluekit' });
  try {
    const started = performance.now();
    const run = await service.runJob('partitions-to-parquet');
    const ms = performance.now() - started;
    if (run.JobRunState !== 'SUCCEEDED') throw new Error(`partitions-to-parquet: ${run.ErrorMessage}`);
    process.stdout.write(`${JSON.stringify({ ms, peak_rss_mb: process.resourceUsage().maxRSS / 1024 })}\n`);
  } finally {
    await service.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
