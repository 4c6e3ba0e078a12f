import { promises as fs } from 'fs';
import * as path from 'path';
import { bzip2Files } from './bzip2-output';
import type { DynamicFrame } from './dynamic-frame';
import type { FrameSession } from './frame-session';
import { escapePartitionValue, HIVE_DEFAULT_PARTITION, unescapePartitionValue } from './hive-partition-path';
import { csvColumns, jsonLines, parquetColumns } from './sink-values';
import { quoteIdentifier, quoteLiteral } from './sql';

/** How a sink writes its frame. */
export interface WriteSpec {
  readonly format: 'parquet' | 'csv' | 'json';
  /** Parquet: snappy, gzip, uncompressed (none). CSV and JSON: gzip, bzip2 or none. */
  readonly compression: string;
  /** Columns written as `key=value/` folders (and left out of the files). */
  readonly partitionKeys: readonly string[];
  /** CSV: field delimiter (default `,`) and whether to write a header line (default true). */
  readonly delimiter?: string;
  readonly header?: boolean;
}

/** Where a sink's output lands: a bucket and a key prefix ending in `/` (or empty). */
export interface Destination {
  readonly bucket: string;
  readonly prefix: string;
}

/**
 * Writes a frame into a staging folder private to the sink, laid out as it will be under the destination: Hive folders
 * named as Spark names them, files named as Glue's sink names them (`run-<epochMillis>-part-r-<5 digits>`), and records
 * each file in the session's staged run. Returns the partition values written (one list per folder), as strings.
 */
export async function stage(session: FrameSession, node: string, input: DynamicFrame, spec: WriteSpec, destination: Destination): Promise<(string | null)[][]> {
  const where = `node '${node}'`;
  const keys = spec.partitionKeys.map((key) => {
    const field = input.schema.find((f) => f.name === key) ?? input.schema.find((f) => f.name.toLowerCase() === key.toLowerCase());
    if (!field) throw new Error(`${where}: partition key '${key}' is not a field of the frame (fields: ${input.schema.map((f) => f.name).join(', ')})`);
    return field.name;
  });
  if (keys.length > 0 && keys.length === input.schema.length) throw new Error(`${where}: every field is a partition key; at least one field must remain in the files`);
  const folder = path.join(session.stagingDir, session.relationName());
  await fs.mkdir(folder, { recursive: true });
  const { options, extension, bzip2 } = copyOptions(spec);
  const columns = spec.format === 'json' ? jsonLines(input.schema) : spec.format === 'parquet' ? parquetColumns(input.schema) : csvColumns(input.schema);
  const source = `SELECT ${columns} FROM ${quoteIdentifier(input.view)}`;
  let partitions: (string | null)[][] = [[]];
  if (keys.length === 0) {
    const file = path.join(folder, `part-0${extension}`);
    const written = await session.step(node, () => session.connection.runAndReadAll(`COPY (${source}) TO ${quoteLiteral(file)} (${options.join(', ')})`));
    // Unconfirmed: Glue's sinks write no file for an empty frame (Spark writes one per task that has rows).
    if (Number(written.getRowObjectsJS()[0]?.Count ?? 0) === 0) await fs.rm(file, { force: true });
  } else if (spec.format === 'json') {
    partitions = await stageJsonPartitions(session, node, input, keys, folder, options, extension);
  } else {
    const partitionOptions = [...options, `PARTITION_BY (${keys.map(quoteIdentifier).join(', ')})`, `FILENAME_PATTERN 'part-{i}'`, `FILE_EXTENSION ${quoteLiteral(extension.slice(1))}`];
    await session.step(node, () => session.connection.run(`COPY (${source}) TO ${quoteLiteral(folder)} (${partitionOptions.join(', ')})`));
    partitions = await renameDuckDbFolders(folder, keys);
  }
  if (bzip2) await bzip2Files(folder, where);
  await nameFiles(session, folder, bzip2 ? `${extension}.bz2` : extension, destination, session.sinkStamp());
  return partitions;
}

/** DuckDB's COPY options for a sink, the extension of the files it writes, and whether they are then bzip2-compressed. */
function copyOptions(spec: WriteSpec): { options: string[]; extension: string; bzip2?: boolean } {
  if (spec.format === 'parquet') {
    // The codec was checked by the node kind's validation (PARQUET_COMPRESSIONS, TEXT_SINK_COMPRESSIONS).
    const codec = spec.compression === 'none' ? 'uncompressed' : spec.compression;
    // Spark names a file by its codec's extension: `.snappy.parquet`, `.gz.parquet`, `.parquet`.
    const extension = codec === 'uncompressed' ? '.parquet' : codec === 'gzip' ? '.gz.parquet' : `.${codec}.parquet`;
    return { options: ['FORMAT parquet', `COMPRESSION ${quoteLiteral(codec)}`], extension };
  }
  const gzip = spec.compression === 'gzip';
  // JSON lines are built in SQL (`jsonLines`) and written as they are: one column, no quoting, no header.
  const options = spec.format === 'csv' ? ['FORMAT csv', `HEADER ${spec.header ?? true}`, `DELIMITER ${quoteLiteral(spec.delimiter ?? ',')}`] : ['FORMAT csv', 'HEADER false', "QUOTE ''", "ESCAPE ''", "DELIMITER '\u0001'"];
  if (gzip) options.push(`COMPRESSION 'gzip'`);
  return { options, extension: (spec.format === 'csv' ? '.csv' : '.json') + (gzip ? '.gz' : ''), bzip2: spec.compression === 'bzip2' };
}

/**
 * DuckDB's JSON COPY has no PARTITION_BY: the frame is materialized once, then each partition's rows are copied into
 * its folder. Values are compared as the text they are named by, so the folder and its rows always agree.
 */
async function stageJsonPartitions(session: FrameSession, node: string, input: DynamicFrame, keys: string[], folder: string, options: string[], extension: string): Promise<(string | null)[][]> {
  const table = quoteIdentifier(session.relationName());
  const asText = (k: string): string => `CAST(${quoteIdentifier(k)} AS VARCHAR)`;
  await session.step(node, () => session.connection.run(`CREATE TEMP TABLE ${table} AS SELECT * FROM ${quoteIdentifier(input.view)}`));
  try {
    const distinct = await session.step(node, () => session.connection.runAndReadAll(`SELECT DISTINCT ${keys.map((k, i) => `${asText(k)} AS k${i}`).join(', ')} FROM ${table}`));
    const rest = input.schema.filter((f) => !keys.includes(f.name));
    const tuples = distinct.getRowObjectsJS().map((row) => keys.map((_k, i) => (row[`k${i}`] === null ? null : String(row[`k${i}`]))));
    for (const values of tuples) {
      const dir = path.join(folder, ...keys.map((k, i) => `${k}=${escapePartitionValue(values[i])}`));
      await fs.mkdir(dir, { recursive: true });
      const match = keys.map((k, i) => `${asText(k)} IS NOT DISTINCT FROM ${values[i] === null ? 'NULL' : quoteLiteral(values[i]!)}`).join(' AND ');
      // An empty value and a null both land in the default partition folder: give each its own file name there.
      const file = path.join(dir, `part-${(await fs.readdir(dir)).length}${extension}`);
      await session.step(node, () => session.connection.run(`COPY (SELECT ${jsonLines(rest)} FROM ${table} WHERE ${match}) TO ${quoteLiteral(file)} (${options.join(', ')})`));
    }
    return tuples;
  } finally {
    await session.connection.run(`DROP TABLE IF EXISTS ${table}`);
  }
}

/**
 * DuckDB names partition folders with every non-alphanumeric character percent-encoded and an empty value as `k=`;
 * Spark escapes far fewer characters and writes empty and null values to `__HIVE_DEFAULT_PARTITION__`. Renames the
 * folders to Spark's names (merging an empty and a null folder) and returns the values of each leaf folder.
 */
async function renameDuckDbFolders(folder: string, keys: string[]): Promise<(string | null)[][]> {
  const out: (string | null)[][] = [];
  const folders = async (dir: string, prefix: string): Promise<string[]> =>
    (await fs.readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isDirectory() && e.name.startsWith(prefix))
      .map((e) => e.name)
      .sort();
  const walk = async (dir: string, depth: number, values: (string | null)[]): Promise<void> => {
    if (depth === keys.length) {
      out.push(values);
      return;
    }
    const prefix = `${keys[depth]}=`;
    for (const name of await folders(dir, prefix)) {
      const encoded = name.slice(prefix.length);
      const value = encoded === HIVE_DEFAULT_PARTITION ? null : decodeURIComponent(encoded);
      const target = `${prefix}${escapePartitionValue(value)}`;
      if (target !== name) await moveInto(path.join(dir, name), path.join(dir, target));
    }
    for (const name of await folders(dir, prefix)) {
      await walk(path.join(dir, name), depth + 1, [...values, unescapePartitionValue(name.slice(prefix.length))]);
    }
  };
  await walk(folder, 0, []);
  return out;
}

/** Moves a folder to a new name; when the name exists, its files move in beside the ones there. */
async function moveInto(from: string, target: string): Promise<void> {
  try {
    await fs.rename(from, target);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw e;
  }
  for (const entry of await fs.readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) await moveInto(source, path.join(target, entry.name));
    else {
      let name = entry.name;
      for (let n = 1; await exists(path.join(target, name)); n++) name = `${n}-${entry.name}`;
      await fs.rename(source, path.join(target, name));
    }
  }
  await fs.rm(from, { recursive: true, force: true });
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

/** Names each staged file as Glue's sink does, numbered per folder, and records it with its destination key. */
async function nameFiles(session: FrameSession, folder: string, extension: string, destination: Destination, stamp: number): Promise<void> {
  const visit = async (dir: string, rel: string): Promise<void> => {
    const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    let n = 0;
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        await visit(file, `${rel}${entry.name}/`);
        continue;
      }
      const name = `run-${stamp}-part-r-${String(n).padStart(5, '0')}${extension}`;
      n += 1;
      const renamed = path.join(dir, name);
      await fs.rename(file, renamed);
      session.staged.files.push({ file: renamed, bucket: destination.bucket, key: `${destination.prefix}${rel}${name}` });
    }
  };
  await visit(folder, '');
}
