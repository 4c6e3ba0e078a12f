import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DuckDBInstance } from '@duckdb/node-api';
import { App } from 'aws-cdk-lib';
import { GlueService } from '../emulator/api';
import { GlueModel } from '../emulator/model';
import { LocalGlue } from '../emulator/testing/local-glue';
import { Pipeline } from '../lib/pipeline';
import { generateMedicare } from '../examples/medicare/generate-data';
import { MedicareStack } from '../examples/medicare/stack';
import { alternate, field, fixed, median, sample, Sample } from './measure';

/**
 * `npm run bench`: every case runs gluekit and its reference alternately, each in a fresh process, at least 5 times, and
 * prints the medians, their ratio, and the minimums (DESIGN.md, Conventions). BENCH_ROWS (default 5,000,000) sizes the
 * medicare case, BENCH_TIMES (default 5, at least 5) the repetitions.
 */
const ROWS = Number(process.env.BENCH_ROWS ?? 5_000_000);
const TIMES = Math.max(5, Number(process.env.BENCH_TIMES ?? 5));
const cases = path.join(__dirname, 'cases');
const root = path.resolve(__dirname, '..', '..');

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function medicare(work: string): Promise<void> {
  const stateDir = path.join(work, 'medicare-state');
  const stack = new MedicareStack(new App({ outdir: path.join(work, 'cdk.out') }), 'MedicareStack');
  const glue = await LocalGlue.fromStack(stack, { stateDir });
  const bucket = glue.bucketName(stack.bucket);
  process.stderr.write(`generating ${ROWS} rows…\n`);
  const generated = generateMedicare({ bucketDir: glue.bucketDir(bucket), rows: ROWS });
  const crawler = await glue.runCrawler('raw-crawler');
  if (crawler.LastCrawl?.Status !== 'SUCCEEDED') throw new Error(`raw-crawler: ${crawler.LastCrawl?.ErrorMessage}`);
  await glue.close();
  const samples = alternate(TIMES, {
    gluekit: () => sample(path.join(cases, 'job-gluekit.js'), [stateDir, 'clean-medicare', `s3://${bucket}/curated/`]),
    duckdb: () => sample(path.join(cases, 'medicare-duckdb.js'), [path.join(glue.bucketDir(bucket), 'raw', 'medicare'), path.join(work, 'duckdb-out')]),
  });
  const g = field(samples.gluekit, 'ms');
  const d = field(samples.duckdb, 'ms');
  say(
    `medicare rows=${generated.rows} runs=${TIMES} gluekit=${fixed(median(g) / 1000)} duckdb=${fixed(median(d) / 1000)} ratio=${fixed(median(g) / median(d))} ` +
      `gluekit_min=${fixed(Math.min(...g) / 1000)} duckdb_min=${fixed(Math.min(...d) / 1000)} ` +
      `gluekit_peak_rss_mb=${fixed(median(field(samples.gluekit, 'peak_rss_mb')), 0)} duckdb_peak_rss_mb=${fixed(median(field(samples.duckdb, 'peak_rss_mb')), 0)}`,
  );
}

async function workflowCli(work: string): Promise<void> {
  const cli = path.join(root, 'dist', 'bin', 'gluekit.js');
  const stateDir = path.join(work, 'cli-state');
  execFileSync(process.execPath, [cli, 'synth'], { cwd: root, stdio: 'ignore' });
  const glue = await LocalGlue.fromStack(new MedicareStack(new App({ outdir: path.join(work, 'cdk2.out') }), 'MedicareStack'), { stateDir });
  const bucket = Object.values(glue.deployed.buckets)[0];
  generateMedicare({ bucketDir: glue.bucketDir(bucket), rows: 1000 });
  await glue.close();
  // Both sides are whole processes, timed from outside: the CLI running the workflow (synthesized, deployed, crawled,
  // run, crawled), and a process that only loads DuckDB and does the job's work on the same rows.
  const wall = (args: string[]): Sample => {
    const started = performance.now();
    execFileSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    return { ms: performance.now() - started };
  };
  const samples = alternate(TIMES, {
    gluekit: () => {
      fs.rmSync(path.join(stateDir, 's3', bucket, 'curated'), { recursive: true, force: true });
      return wall([cli, 'run', 'workflow', 'nightly', '--state-dir', stateDir]);
    },
    duckdb: () => wall([path.join(cases, 'medicare-duckdb.js'), path.join(glue.bucketDir(bucket), 'raw', 'medicare'), path.join(work, 'duckdb-1000')]),
  });
  const g = field(samples.gluekit, 'ms');
  const d = field(samples.duckdb, 'ms');
  say(
    `workflow nightly rows=1000 runs=${TIMES} gluekit=${fixed(median(g) / 1000)} duckdb_process=${fixed(median(d) / 1000)} ratio=${fixed(median(g) / median(d))} ` +
      `gluekit_min=${fixed(Math.min(...g) / 1000)} target_seconds=3.00`,
  );
}

async function stateReads(work: string): Promise<void> {
  const stateDir = path.join(work, 'reads-state');
  const service = await GlueService.open({ stateDir });
  await service.catalog.createDatabase({ DatabaseInput: { Name: 'db' } });
  await service.catalog.createTable({ DatabaseName: 'db', TableInput: { Name: 't', StorageDescriptor: { Location: 's3://b/t/', Columns: [{ Name: 'id', Type: 'bigint' }] } } });
  await service.close();
  const samples = alternate(TIMES, {
    gluekit: () => sample(path.join(cases, 'state-reads.js'), [stateDir, 'gluekit']),
    prepare: () => sample(path.join(cases, 'state-reads.js'), [stateDir, 'prepare-per-call']),
  });
  say(
    `state-reads calls=200000 rss_growth_mb=${fixed(median(field(samples.gluekit, 'rss_growth_mb')), 1)} target=50 ` +
      `prepare_per_call_rss_growth_mb=${fixed(median(field(samples.prepare, 'rss_growth_mb')), 1)} seconds=${fixed(median(field(samples.gluekit, 'ms')) / 1000)}`,
  );
}

function runHistory(work: string): void {
  const stateDir = path.join(work, 'history-state');
  const model = GlueModel.open(stateDir);
  const now = new Date();
  model.transaction(() => {
    model.jobs.insert({ Name: 'history', Role: 'r', Command: { Name: 'glueetl' }, CreatedOn: now, LastModifiedOn: now });
    for (let i = 0; i < 100_000; i++) {
      model.jobRuns.put({ Id: `jr_${String(i).padStart(64, '0')}`, JobName: 'history', JobRunState: i % 7 === 0 ? 'FAILED' : 'SUCCEEDED', StartedOn: now, CompletedOn: now, Attempt: 0 });
    }
  });
  model.close();
  const samples = alternate(TIMES, {
    gluekit: () => sample(path.join(cases, 'run-history.js'), [stateDir, 'gluekit']),
    scan: () => sample(path.join(cases, 'run-history.js'), [stateDir, 'scan']),
  });
  const start = median(field(samples.gluekit, 'start_ms'));
  const scan = median(field(samples.scan, 'start_ms'));
  say(`run-history past_runs=100000 start_ms=${fixed(start)} target=20 open_ms=${fixed(median(field(samples.gluekit, 'open_ms')))} scan_every_run_ms=${fixed(scan)} ratio=${fixed(start / scan, 3)}`);
}

/** A crawled table of 10,000 partitions of 5 rows each, read by a job into Parquet, against DuckDB reading the files as one list. */
async function catalogPartitions(work: string): Promise<void> {
  const stateDir = path.join(work, 'partitions-state');
  const dataDir = path.join(stateDir, 's3', 'bench', 'parts');
  const count = Number(process.env.BENCH_PARTITIONS ?? 10_000);
  for (let p = 0; p < count; p++) {
    fs.mkdirSync(path.join(dataDir, `day=${p}`), { recursive: true });
    const rows = [0, 1, 2, 3, 4].map((r) => `${p * 5 + r},name${r}`).join('\n');
    fs.writeFileSync(path.join(dataDir, `day=${p}`, 'a.csv'), `id,name\n${rows}\n`);
  }
  const service = await GlueService.open({ stateDir });
  await service.catalog.createDatabase({ DatabaseInput: { Name: 'db' } });
  await service.crawlers.createCrawler({ Name: 'parts', Role: 'r', DatabaseName: 'db', Targets: { S3Targets: [{ Path: 's3://bench/parts/' }] } });
  const crawled = await service.runCrawler('parts');
  if (crawled.LastCrawl?.Status !== 'SUCCEEDED') throw new Error(`crawler parts: ${crawled.LastCrawl?.ErrorMessage}`);
  await service.jobs.createJob({
    Name: 'partitions-to-parquet',
    Role: 'r',
    Command: { Name: 'glueetl' },
    CodeGenConfigurationNodes: {
      src: { CatalogSource: { Name: 'src', Database: 'db', Table: 'parts' } },
      sink: { S3GlueParquetTarget: { Name: 'sink', Inputs: ['src'], Path: 's3://bench/out/', Compression: 'snappy' } },
    },
  });
  await service.close();
  // The reference: DuckDB reading the same files as one list (Hive partitioning) into one Parquet file.
  const partitionsReference = `SELECT * FROM read_csv(${sqlString(path.join(dataDir, '*', '*.csv'))}, header = true, hive_partitioning = true, columns = {'id': 'BIGINT', 'name': 'VARCHAR'})`;
  const samples = alternate(TIMES, {
    gluekit: () => sample(path.join(cases, 'job-gluekit.js'), [stateDir, 'partitions-to-parquet', 's3://bench/out/']),
    duckdb: () => sample(path.join(cases, 'query-duckdb.js'), [partitionsReference, path.join(work, 'partitions.parquet')]),
  });
  const g = field(samples.gluekit, 'ms');
  const d = field(samples.duckdb, 'ms');
  say(
    `catalog-${count}-partitions runs=${TIMES} gluekit=${fixed(median(g) / 1000)} duckdb=${fixed(median(d) / 1000)} ratio=${fixed(median(g) / median(d))} ` +
      `gluekit_peak_rss_mb=${fixed(median(field(samples.gluekit, 'peak_rss_mb')), 0)} duckdb_peak_rss_mb=${fixed(median(field(samples.duckdb, 'peak_rss_mb')), 0)}`,
  );
}

/**
 * A CSV table of ROWS rows whose bigint column holds a string in one row of 1,000 (a choice of long and string), read by
 * a job that resolves it with `cast:long` into Parquet, against DuckDB reading the column as text and casting it.
 */
async function resolveChoice(work: string): Promise<void> {
  const stateDir = path.join(work, 'choice-state');
  const dataDir = path.join(stateDir, 's3', 'bench', 'choice');
  fs.mkdirSync(dataDir, { recursive: true });
  process.stderr.write(`generating ${ROWS} rows with choices…\n`);
  const fd = fs.openSync(path.join(dataDir, 'a.csv'), 'w');
  fs.writeSync(fd, 'id,provider id,amount\n');
  for (let start = 0; start < ROWS; start += 100_000) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(ROWS, start + 100_000); i++) lines.push(`${i},${i % 1000 === 999 ? `P${i}` : 10000 + (i % 890000)},${(i % 10000) / 100}`);
    fs.writeSync(fd, `${lines.join('\n')}\n`);
  }
  fs.closeSync(fd);
  const service = await GlueService.open({ stateDir });
  await service.catalog.createDatabase({ DatabaseInput: { Name: 'db' } });
  await service.catalog.createTable({
    DatabaseName: 'db',
    TableInput: {
      Name: 'choice',
      Parameters: { classification: 'csv', delimiter: ',', 'skip.header.line.count': '1' },
      StorageDescriptor: { Location: 's3://bench/choice/', Columns: [{ Name: 'id', Type: 'bigint' }, { Name: 'provider id', Type: 'bigint' }, { Name: 'amount', Type: 'double' }] },
    },
  });
  const pipeline = new Pipeline();
  pipeline
    .fromCatalog({ database: 'db', table: 'choice', transformationCtx: 'src' })
    .resolveChoice({ specs: [['provider id', 'cast:long']], transformationCtx: 'resolved' })
    .writeToS3({ path: 's3://bench/out/', format: 'parquet', transformationCtx: 'sink' });
  await service.jobs.createJob({ Name: 'bench-job', Role: 'r', Command: { Name: 'glueetl' }, CodeGenConfigurationNodes: pipeline.graph });
  await service.close();
  const reference =
    `SELECT CAST(id AS BIGINT) AS id, TRY_CAST("provider id" AS BIGINT) AS "provider id", CAST(amount AS DOUBLE) AS amount ` +
    `FROM read_csv(${sqlString(path.join(dataDir, '*.csv'))}, header = true, auto_detect = false, columns = {'id': 'VARCHAR', 'provider id': 'VARCHAR', 'amount': 'VARCHAR'})`;
  const samples = alternate(TIMES, {
    gluekit: () => sample(path.join(cases, 'job-gluekit.js'), [stateDir, 'bench-job', 's3://bench/out/']),
    duckdb: () => sample(path.join(cases, 'query-duckdb.js'), [reference, path.join(work, 'choice.parquet')]),
  });
  const g = field(samples.gluekit, 'ms');
  const d = field(samples.duckdb, 'ms');
  say(
    `resolve-choice rows=${ROWS} runs=${TIMES} gluekit=${fixed(median(g) / 1000)} duckdb=${fixed(median(d) / 1000)} ratio=${fixed(median(g) / median(d))} ` +
      `gluekit_peak_rss_mb=${fixed(median(field(samples.gluekit, 'peak_rss_mb')), 0)} duckdb_peak_rss_mb=${fixed(median(field(samples.duckdb, 'peak_rss_mb')), 0)}`,
  );
}

/**
 * Memory: the medicare job on about MEMORY_GB (default 5) gigabytes of generated CSV (in the bench's temporary folder,
 * never committed) with the engine's memory limit at 1 GB (`GLUEKIT_MEMORY_LIMIT`); the process's peak memory must stay
 * under 2 GB (issue 6). Run once: this case checks a bound, not a ratio.
 */
async function memory(work: string): Promise<void> {
  const gigabytes = Number(process.env.MEMORY_GB ?? 5);
  const stateDir = path.join(work, 'memory-state');
  const stack = new MedicareStack(new App({ outdir: path.join(work, 'memory-cdk.out') }), 'MedicareStack');
  const glue = await LocalGlue.fromStack(stack, { stateDir });
  const bucket = glue.bucketName(stack.bucket);
  const probe = generateMedicare({ bucketDir: path.join(work, 'memory-probe'), rows: 100_000 });
  const bytesPerRow = probe.files.reduce((n, f) => n + fs.statSync(f).size, 0) / probe.rows;
  fs.rmSync(path.join(work, 'memory-probe'), { recursive: true, force: true });
  const rows = Math.ceil((gigabytes * 1e9) / bytesPerRow);
  process.stderr.write(`generating ${rows} rows (about ${gigabytes} GB)…\n`);
  const generated = generateMedicare({ bucketDir: glue.bucketDir(bucket), rows });
  const bytes = generated.files.reduce((n, f) => n + fs.statSync(f).size, 0);
  const crawler = await glue.runCrawler('raw-crawler');
  if (crawler.LastCrawl?.Status !== 'SUCCEEDED') throw new Error(`raw-crawler: ${crawler.LastCrawl?.ErrorMessage}`);
  await glue.close();
  const run = sample(path.join(cases, 'job-gluekit.js'), [stateDir, 'clean-medicare', `s3://${bucket}/curated/`], { GLUEKIT_MEMORY_LIMIT: '1GB' });
  fs.rmSync(stateDir, { recursive: true, force: true });
  say(
    `memory input_gb=${fixed(bytes / 1e9)} rows=${generated.rows} memory_limit=1GB gluekit=${fixed(run.ms / 1000)} ` +
      `gluekit_peak_rss_mb=${fixed(run.peak_rss_mb, 0)} target_peak_rss_mb=2048`,
  );
}

/** An equijoin of ROWS orders with 100,000 customers (Parquet files) into Parquet, against the same join in DuckDB. */
async function join(work: string): Promise<void> {
  const stateDir = path.join(work, 'join-state');
  const data = path.join(stateDir, 's3', 'bench');
  fs.mkdirSync(path.join(data, 'orders'), { recursive: true });
  fs.mkdirSync(path.join(data, 'customers'), { recursive: true });
  process.stderr.write(`generating ${ROWS} orders and 100000 customers…\n`);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(
    `COPY (SELECT range AS order_id, range % 100000 AS customer, (range % 1000) / 4.0 AS amount FROM range(${ROWS})) TO ${sqlString(path.join(data, 'orders', 'a.parquet'))} (FORMAT parquet)`,
  );
  await connection.run(`COPY (SELECT range AS id, 'name ' || range AS name, range % 50 AS region FROM range(100000)) TO ${sqlString(path.join(data, 'customers', 'a.parquet'))} (FORMAT parquet)`);
  connection.closeSync();
  instance.closeSync();
  const service = await GlueService.open({ stateDir });
  const pipeline = new Pipeline();
  const orders = pipeline.fromS3({ paths: ['s3://bench/orders/'], format: 'parquet', transformationCtx: 'orders' });
  const customers = pipeline.fromS3({ paths: ['s3://bench/customers/'], format: 'parquet', transformationCtx: 'customers' });
  orders.join(customers, ['customer'], ['id'], { transformationCtx: 'joined' }).writeToS3({ path: 's3://bench/out/', format: 'parquet', transformationCtx: 'sink' });
  await service.jobs.createJob({ Name: 'bench-join', Role: 'r', Command: { Name: 'glueetl' }, CodeGenConfigurationNodes: pipeline.graph });
  await service.close();
  const reference =
    `SELECT o.*, c.* FROM read_parquet(${sqlString(path.join(data, 'orders', '*.parquet'))}) AS o ` +
    `JOIN read_parquet(${sqlString(path.join(data, 'customers', '*.parquet'))}) AS c ON o.customer = c.id`;
  const samples = alternate(TIMES, {
    gluekit: () => sample(path.join(cases, 'job-gluekit.js'), [stateDir, 'bench-join', 's3://bench/out/']),
    duckdb: () => sample(path.join(cases, 'query-duckdb.js'), [reference, path.join(work, 'join.parquet')]),
  });
  const g = field(samples.gluekit, 'ms');
  const d = field(samples.duckdb, 'ms');
  say(
    `join rows=${ROWS}x100000 runs=${TIMES} gluekit=${fixed(median(g) / 1000)} duckdb=${fixed(median(d) / 1000)} ratio=${fixed(median(g) / median(d))} ` +
      `gluekit_peak_rss_mb=${fixed(median(field(samples.gluekit, 'peak_rss_mb')), 0)} duckdb_peak_rss_mb=${fixed(median(field(samples.duckdb, 'peak_rss_mb')), 0)}`,
  );
}

/**
 * Relationalize of RELATIONALIZE_RECORDS (default 1,000,000) nested JSON records (a struct, an array of structs and an
 * array of strings) into three Parquet outputs (the root and a frame per array), against DuckDB doing the same: the
 * records read once into a table, numbered as read (their keys), the root flattened, each array unnested.
 */
async function relationalize(work: string): Promise<void> {
  const records = Number(process.env.RELATIONALIZE_RECORDS ?? 1_000_000);
  const stateDir = path.join(work, 'relationalize-state');
  const dataDir = path.join(stateDir, 's3', 'bench', 'nested');
  fs.mkdirSync(dataDir, { recursive: true });
  process.stderr.write(`generating ${records} nested JSON records…\n`);
  const fd = fs.openSync(path.join(dataDir, 'a.json'), 'w');
  for (let start = 0; start < records; start += 100_000) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(records, start + 100_000); i++) {
      const items = Array.from({ length: i % 4 }, (_x, j) => `{"sku":"s${(i + j) % 5000}","qty":${j + 1}}`).join(',');
      lines.push(`{"id":${i},"name":"person ${i}","address":{"city":"city ${i % 300}","zip":"${10000 + (i % 90000)}"},"items":[${items}],"tags":["t${i % 7}","u${i % 11}"]}`);
    }
    fs.writeSync(fd, `${lines.join('\n')}\n`);
  }
  fs.closeSync(fd);
  const service = await GlueService.open({ stateDir });
  const pipeline = new Pipeline();
  const frames = pipeline.fromS3({ paths: ['s3://bench/nested/'], format: 'json', transformationCtx: 'src' }).relationalize('root', { stagingPath: 's3://bench/tmp/', transformationCtx: 'rel' });
  for (const key of ['root', 'root_items', 'root_tags']) {
    frames.select(key, { transformationCtx: `pick_${key}` }).writeToS3({ path: `s3://bench/out/${key}/`, format: 'parquet', transformationCtx: `sink_${key}` });
  }
  await service.jobs.createJob({ Name: 'bench-relationalize', Role: 'r', Command: { Name: 'glueetl' }, CodeGenConfigurationNodes: pipeline.graph });
  await service.close();
  const out = (name: string): string => path.join(work, `relationalize-${name}.parquet`);
  const reference = [
    `CREATE TEMP TABLE t AS SELECT row_number() OVER () AS k, * FROM read_json(${sqlString(path.join(dataDir, '*.json'))}, format = 'newline_delimited')`,
    '-',
    `SELECT id, name, address.city AS "address.city", address.zip AS "address.zip", k AS items, k AS tags FROM t`,
    out('root'),
    `SELECT k AS id, generate_subscripts(items, 1) - 1 AS "index", unnest(items).sku AS "items.val.sku", unnest(items).qty AS "items.val.qty" FROM t`,
    out('items'),
    `SELECT k AS id, generate_subscripts(tags, 1) - 1 AS "index", unnest(tags) AS "tags.val" FROM t`,
    out('tags'),
  ];
  const samples = alternate(TIMES, {
    gluekit: () => sample(path.join(cases, 'job-gluekit.js'), [stateDir, 'bench-relationalize', 's3://bench/out/']),
    duckdb: () => sample(path.join(cases, 'query-duckdb.js'), reference),
  });
  const g = field(samples.gluekit, 'ms');
  const d = field(samples.duckdb, 'ms');
  say(
    `relationalize records=${records} runs=${TIMES} gluekit=${fixed(median(g) / 1000)} duckdb=${fixed(median(d) / 1000)} ratio=${fixed(median(g) / median(d))} ` +
      `gluekit_peak_rss_mb=${fixed(median(field(samples.gluekit, 'peak_rss_mb')), 0)} duckdb_peak_rss_mb=${fixed(median(field(samples.duckdb, 'peak_rss_mb')), 0)}`,
  );
}

function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** The cases `BENCH_CASES` names (comma separated), or all. */
const CASES: Record<string, (work: string) => Promise<void> | void> = {
  'state-reads': stateReads,
  'run-history': runHistory,
  medicare,
  'catalog-partitions': catalogPartitions,
  'resolve-choice': resolveChoice,
  join,
  relationalize,
  memory,
  'workflow-nightly': workflowCli,
};

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-bench-'));
  const chosen = process.env.BENCH_CASES ? process.env.BENCH_CASES.split(',') : Object.keys(CASES);
  for (const name of chosen) if (!CASES[name]) throw new Error(`BENCH_CASES: no case '${name}' (cases: ${Object.keys(CASES).join(', ')})`);
  try {
    for (const name of chosen) await CASES[name](work);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
