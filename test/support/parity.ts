import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import type { PartitionInput, TableInput } from '@aws-sdk/client-glue';
import { DuckDBInstance } from '@duckdb/node-api';
import { Pipeline } from '../../lib/pipeline';
import { generatePySparkScript } from '../../lib/pipeline/pyspark';
import { GlueService } from '../../emulator/api';
import { runWithStandins, StandinCatalog } from './awsglue-standin/run-script';

/** One builder feature exercised on both sides. */
export interface ParityCase {
  /** Builds the pipeline; its sinks write under `s3://out/`. */
  readonly build: (p: Pipeline) => void;
  /** Input objects by `bucket/key`. */
  readonly files: Record<string, string | Buffer>;
  /** Catalog tables of database `db`, with their partitions. */
  readonly tables?: readonly { readonly input: TableInput; readonly partitions?: readonly PartitionInput[] }[];
}

/**
 * What a run wrote under `s3://out/`: each file (its run time as `N`) and its rows, sorted. A Parquet file's rows are
 * preceded by `{ schema: [[column, DuckDB type], ...] }`, the file's own columns in order (so a parity check compares
 * the types written, not only the values).
 */
export type Written = Record<string, unknown[]>;

export interface ParityResult {
  readonly engine: Written;
  readonly script: Written;
}

/**
 * Runs a case twice from the same input: the frame engine through the local Glue API, and the generated PySpark script
 * with python3 against the executing awsglue stand-ins (test/support/awsglue-standin). Returns both outputs.
 */
export async function runParity(c: ParityCase): Promise<ParityResult> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-parity-'));
  const service = await GlueService.open({ stateDir: path.join(root, 'state') });
  try {
    const p = new Pipeline();
    c.build(p);
    const graph = p.graph;
    const standinRoot = path.join(root, 'standin-s3');
    for (const [where, body] of Object.entries(c.files)) {
      const [bucket, ...key] = where.split('/');
      await service.objects.write(bucket, key.join('/'), body);
      fs.mkdirSync(path.dirname(path.join(standinRoot, where)), { recursive: true });
      fs.writeFileSync(path.join(standinRoot, where), body);
    }
    await service.catalog.createDatabase({ DatabaseInput: { Name: 'db' } });
    const catalog: StandinCatalog = { tables: [] };
    for (const t of c.tables ?? []) {
      await service.catalog.createTable({ DatabaseName: 'db', TableInput: t.input });
      if (t.partitions) await service.catalog.batchCreatePartition({ DatabaseName: 'db', TableName: t.input.Name!, PartitionInputList: [...t.partitions] });
    }
    for (const t of c.tables ?? []) {
      const { Table } = await service.catalog.getTable({ DatabaseName: 'db', Name: t.input.Name! });
      const { Partitions } = await service.catalog.getPartitions({ DatabaseName: 'db', TableName: t.input.Name! });
      catalog.tables.push(JSON.parse(JSON.stringify({ Table, Partitions })) as StandinCatalog['tables'][number]);
    }
    await service.jobs.createJob({ Name: 'parity', Role: 'r', Command: { Name: 'glueetl' }, CodeGenConfigurationNodes: graph });
    const run = await service.runJob('parity');
    if (run.JobRunState !== 'SUCCEEDED') throw new Error(`the engine's run ${run.JobRunState}: ${run.ErrorMessage}`);
    runWithStandins(generatePySparkScript(graph), { s3Root: standinRoot, catalog, runMillis: 1700000000000 });
    return { engine: await written(path.join(root, 'state', 's3', 'out')), script: await written(path.join(standinRoot, 'out')) };
  } finally {
    await service.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

async function written(dir: string): Promise<Written> {
  const out: Written = {};
  if (!fs.existsSync(dir)) return out;
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const walk = async (d: string, rel: string): Promise<void> => {
      for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const file = path.join(d, entry.name);
        if (entry.isDirectory()) {
          await walk(file, `${rel}${entry.name}/`);
          continue;
        }
        const name = `${rel}${entry.name}`.replace(/run-\d+-/, 'run-N-');
        let rows: unknown[];
        let schema: { schema: [string, string][] } | undefined;
        if (entry.name.endsWith('.parquet')) {
          const quoted = file.replace(/'/g, "''");
          // The file's own columns and types (not the key=value folders DuckDB would add as columns).
          const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${quoted}', hive_partitioning = false)`);
          schema = { schema: described.getRowObjectsJS().map((c) => [String(c.column_name), String(c.column_type)] as [string, string]) };
          const r = await connection.runAndReadAll(`SELECT * FROM read_parquet('${quoted}')`);
          rows = r.getRowObjectsJS().map((row) => JSON.parse(JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? Number(v) : v))) as unknown);
        } else {
          const bytes = fs.readFileSync(file);
          const text = (entry.name.endsWith('.gz') ? gunzipSync(bytes) : entry.name.endsWith('.bz2') ? bunzip2(bytes) : bytes).toString('utf8');
          const lines = text.split('\n').filter((l) => l !== '');
          if (!entry.name.includes('.json')) {
            // CSV: the header line first, then the records in order of their text (row order is not a contract).
            out[name] = [lines[0], ...lines.slice(1).sort()];
            continue;
          }
          rows = lines.map((l) => JSON.parse(l) as unknown);
        }
        const sorted = rows.map((r) => JSON.stringify(r)).sort().map((r) => JSON.parse(r) as unknown);
        out[name] = schema ? [schema, ...sorted] : sorted;
      }
    };
    await walk(dir, '');
    return out;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** A bzip2 file's bytes decompressed (by Python's bz2, as the stand-ins run on Python). */
function bunzip2(bytes: Buffer): Buffer {
  return execFileSync('python3', ['-c', 'import bz2,sys; sys.stdout.buffer.write(bz2.decompress(sys.stdin.buffer.read()))'], { input: bytes });
}
