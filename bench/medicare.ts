import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DuckDBInstance } from '@duckdb/node-api';
import { App } from 'aws-cdk-lib';
import { LocalGlue } from '../emulator/testing/local-glue';
import { generateMedicare } from '../examples/medicare/generate-data';
import { MedicareStack } from '../examples/medicare/stack';

/**
 * `npm run bench`: clean-medicare on 5,000,000 generated rows through gluekit, and the same work as one DuckDB SQL
 * statement in this process; then `gluekit run workflow nightly` on 1,000 rows after synthesis, through the CLI.
 * Each side runs twice, alternating; the faster of the two counts (the machine is shared and noisy).
 */
const ROWS = Number(process.env.BENCH_ROWS ?? 5_000_000);

function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

async function duckdbReference(rawDir: string, outDir: string): Promise<number> {
  fs.rmSync(outDir, { recursive: true, force: true });
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const started = Date.now();
  const glob = path.join(rawDir, '*', '*.csv').replace(/'/g, "''");
  await connection.run(`COPY (
      SELECT "provider id" AS provider_id, "provider name" AS provider_name, givenname AS name, city, state, year,
             "total discharges" AS total_discharges,
             CAST("average covered charges" AS DOUBLE) AS average_covered_charges,
             CAST("average total payments" AS DOUBLE) AS average_total_payments
      FROM read_csv('${glob}', header = true, hive_partitioning = true, hive_types = {'year': VARCHAR},
                    columns = {'provider id': 'BIGINT', 'provider name': 'VARCHAR', 'givenname': 'VARCHAR', 'city': 'VARCHAR',
                               'state': 'VARCHAR', 'total discharges': 'BIGINT', 'average covered charges': 'DOUBLE',
                               'average total payments': 'DOUBLE'})
      WHERE "provider id" IS NOT NULL
    ) TO '${outDir.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION 'snappy', PARTITION_BY (state))`);
  const took = Date.now() - started;
  connection.closeSync();
  instance.closeSync();
  return took;
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-bench-'));
  try {
    const app = new App({ outdir: path.join(work, 'cdk.out') });
    const stack = new MedicareStack(app, 'MedicareStack');
    const glue = await LocalGlue.fromStack(stack, { stateDir: path.join(work, 'state') });
    const bucket = glue.bucketName(stack.bucket);
    process.stderr.write(`generating ${ROWS} rows…\n`);
    const generated = generateMedicare({ bucketDir: glue.bucketDir(bucket), rows: ROWS });
    const crawler = await glue.runCrawler('raw-crawler');
    if (crawler.LastCrawl?.Status !== 'SUCCEEDED') throw new Error(`raw-crawler: ${crawler.LastCrawl?.ErrorMessage}`);

    const gluekitTimes: number[] = [];
    const duckTimes: number[] = [];
    for (let i = 0; i < 2; i++) {
      fs.rmSync(path.join(glue.bucketDir(bucket), 'curated'), { recursive: true, force: true });
      const started = Date.now();
      const run = await glue.runJob('clean-medicare');
      gluekitTimes.push(Date.now() - started);
      if (run.JobRunState !== 'SUCCEEDED') throw new Error(`clean-medicare: ${run.ErrorMessage}`);
      duckTimes.push(await duckdbReference(path.join(glue.bucketDir(bucket), 'raw', 'medicare'), path.join(work, 'duckdb-out')));
    }
    const g = Math.min(...gluekitTimes);
    const d = Math.min(...duckTimes);
    process.stdout.write(`medicare rows=${generated.rows} gluekit=${seconds(g)} duckdb=${seconds(d)} ratio=${(g / d).toFixed(2)}\n`);
    await glue.close();

    // The CLI on 1,000 rows, after synthesis: a fresh state, the app already synthesized.
    const root = path.resolve(__dirname, '..', '..');
    const cli = path.join(root, 'dist', 'bin', 'gluekit.js');
    const stateDir = path.join(work, 'cli-state');
    execFileSync(process.execPath, [cli, 'synth'], { cwd: root, stdio: 'ignore' });
    const cliGlue = await LocalGlue.fromStack(new MedicareStack(new App({ outdir: path.join(work, 'cdk2.out') }), 'MedicareStack'), { stateDir });
    generateMedicare({ bucketDir: cliGlue.bucketDir(Object.values(cliGlue.deployed.buckets)[0]), rows: 1000 });
    await cliGlue.close();
    const times: number[] = [];
    for (let i = 0; i < 2; i++) {
      fs.rmSync(path.join(stateDir, 's3', Object.values(cliGlue.deployed.buckets)[0], 'curated'), { recursive: true, force: true });
      const started = Date.now();
      execFileSync(process.execPath, [cli, 'run', 'workflow', 'nightly', '--state-dir', stateDir], { cwd: root, stdio: 'ignore' });
      times.push(Date.now() - started);
    }
    process.stdout.write(`workflow nightly rows=1000 seconds=${seconds(Math.min(...times))} target=3.00\n`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
