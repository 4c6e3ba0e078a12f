import * as fs from 'fs';
import { DuckDBInstance } from '@duckdb/node-api';

/**
 * A reference: DuckDB queries copied to Parquet files, in a fresh process, timed together. Args: pairs of <query> <out>;
 * an out of `-` runs the query as a statement (a temp table the later queries read). The queries come from
 * bench/run.ts (never from a user), so they are run as they are.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length === 0 || args.length % 2 !== 0) throw new Error('usage: query-duckdb <query> <out> [<query> <out>...]');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const started = performance.now();
  for (let i = 0; i < args.length; i += 2) {
    const [query, out] = [args[i], args[i + 1]];
    if (out === '-') {
      await connection.run(query);
      continue;
    }
    fs.rmSync(out, { force: true });
    await connection.run(`COPY (${query}) TO '${out.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION 'snappy')`);
  }
  const ms = performance.now() - started;
  connection.closeSync();
  instance.closeSync();
  process.stdout.write(`${JSON.stringify({ ms, peak_rss_mb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
