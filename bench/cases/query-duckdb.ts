import * as fs from 'fs';
import { DuckDBInstance } from '@duckdb/node-api';

/**
 * A reference: one DuckDB query copied to a Parquet file, in a fresh process. Args: <query> <out>. The query comes from
 * bench/run.ts (never from a user), so it is run as it is.
 */
async function main(): Promise<void> {
  const [query, out] = process.argv.slice(2);
  fs.rmSync(out, { force: true });
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const started = performance.now();
  await connection.run(`COPY (${query}) TO '${out.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION 'snappy')`);
  const ms = performance.now() - started;
  connection.closeSync();
  instance.closeSync();
  process.stdout.write(`${JSON.stringify({ ms, peak_rss_mb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
