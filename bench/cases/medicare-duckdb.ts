import * as fs from 'fs';
import * as path from 'path';
import { DuckDBInstance } from '@duckdb/node-api';

/**
 * The reference: clean-medicare's work as one DuckDB statement, in a fresh process. Args: <rawDir> <outDir>.
 * Paths come from bench/run.ts (never from a user), so they are written into the statement quoted.
 */
async function main(): Promise<void> {
  const [rawDir, outDir] = process.argv.slice(2);
  fs.rmSync(outDir, { recursive: true, force: true });
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;
  const started = performance.now();
  await connection.run(`COPY (
      SELECT "provider id" AS provider_id, "provider name" AS provider_name, givenname AS name, city, state, year,
             "total discharges" AS total_discharges,
             CAST("average covered charges" AS DOUBLE) AS average_covered_charges,
             CAST("average total payments" AS DOUBLE) AS average_total_payments
      FROM read_csv(${quote(path.join(rawDir, '*', '*.csv'))}, header = true, hive_partitioning = true, hive_types = {'year': VARCHAR},
                    columns = {'provider id': 'BIGINT', 'provider name': 'VARCHAR', 'givenname': 'VARCHAR', 'city': 'VARCHAR',
                               'state': 'VARCHAR', 'total discharges': 'BIGINT', 'average covered charges': 'DOUBLE',
                               'average total payments': 'DOUBLE'})
      WHERE "provider id" IS NOT NULL
    ) TO ${quote(outDir)} (FORMAT parquet, COMPRESSION 'snappy', PARTITION_BY (state))`);
  const ms = performance.now() - started;
  connection.closeSync();
  instance.closeSync();
  process.stdout.write(`${JSON.stringify({ ms, peak_rss_mb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
