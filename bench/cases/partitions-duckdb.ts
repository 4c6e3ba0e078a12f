import * as fs from 'fs';
import * as path from 'path';
import { DuckDBInstance } from '@duckdb/node-api';

/** The reference: DuckDB reading the same files as one list (Hive partitioning) into one Parquet file. Args: <dataDir> <out>. */
async function main(): Promise<void> {
  const [dataDir, out] = process.argv.slice(2);
  fs.rmSync(out, { force: true });
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;
  const started = performance.now();
  await connection.run(
    `COPY (SELECT * FROM read_csv(${quote(path.join(dataDir, '*', '*.csv'))}, header = true, hive_partitioning = true, columns = {'id': 'BIGINT', 'name': 'VARCHAR'})) TO ${quote(out)} (FORMAT parquet)`,
  );
  const ms = performance.now() - started;
  connection.closeSync();
  instance.closeSync();
  process.stdout.write(`${JSON.stringify({ ms, peak_rss_mb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
