import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Partition, Table } from '@aws-sdk/client-glue';

/** The folder holding the `awsglue` and `pyspark` stand-in packages (put on `PYTHONPATH`). */
export const STANDIN_DIR = __dirname;

/** The Data Catalog the stand-ins read: each table as `GetTable` returns it, with its partitions as `GetPartitions` does. */
export interface StandinCatalog {
  tables: Array<{ Table: Table; Partitions: Partition[] }>;
}

export interface StandinRunOptions {
  /** The folder standing for S3: `s3://bucket/key` is the file `<s3Root>/bucket/key`, read and written. */
  s3Root: string;
  catalog?: StandinCatalog;
  /** Job arguments, names without `--`. `JOB_NAME` defaults to `standin-job`. */
  args?: Record<string, string>;
  /** The `<epochMillis>` in the sink file names `run-<epochMillis>-part-r-00000...`. Default: now. */
  runMillis?: number;
}

/**
 * Runs a generated script with python3 against the stand-ins. `s3Root` is a folder where s3://bucket/key is the file
 * <s3Root>/bucket/key (both read and written). Throws with python's stderr and the script on failure.
 *
 * The catalog goes to a temporary JSON file; paths reach Python through environment variables (GLUEKIT_STANDIN_S3_ROOT,
 * GLUEKIT_STANDIN_CATALOG, GLUEKIT_STANDIN_RUN_MILLIS), with `PYTHONPATH` = the stand-in folder and
 * `PYTHONDONTWRITEBYTECODE=1`. Parquet needs the duckdb Python package (`pip install duckdb==1.5.6`).
 */
export function runWithStandins(script: string, options: StandinRunOptions): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-standin-run-'));
  try {
    const scriptFile = path.join(dir, 'job.py');
    const catalogFile = path.join(dir, 'catalog.json');
    fs.writeFileSync(scriptFile, script);
    fs.writeFileSync(catalogFile, JSON.stringify(options.catalog ?? { tables: [] }));
    const args: Record<string, string> = { JOB_NAME: 'standin-job' };
    for (const [name, value] of Object.entries(options.args ?? {})) args[name.replace(/^--/, '')] = value;
    const argv = Object.entries(args).flatMap(([name, value]) => [`--${name}`, value]);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PYTHONPATH: STANDIN_DIR,
      PYTHONDONTWRITEBYTECODE: '1',
      GLUEKIT_STANDIN_S3_ROOT: path.resolve(options.s3Root),
      GLUEKIT_STANDIN_CATALOG: catalogFile,
      GLUEKIT_STANDIN_RUN_MILLIS: String(options.runMillis ?? Date.now()),
    };
    try {
      execFileSync('python3', [scriptFile, ...argv], { cwd: dir, env, stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
    } catch (e) {
      const err = e as { stderr?: Buffer; message?: string };
      const stderr = err.stderr?.toString().trim() || err.message || String(e);
      throw new Error(`python3 failed running the script against the awsglue stand-ins:\n${stderr}\n--- script ---\n${script}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
