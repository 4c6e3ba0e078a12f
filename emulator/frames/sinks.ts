import * as fs from 'fs';
import * as path from 'path';
import type { Column, StorageDescriptor } from '@aws-sdk/client-glue';
import { parseS3Uri } from '../storage/object-store';
import type { DynamicFrame } from './dynamic-frame';
import type { FrameSession } from './frame-session';
import { ident, literal } from './sql';
import { toHiveType } from './types';

interface WriteSpec {
  readonly format: 'parquet' | 'csv' | 'json';
  /** DuckDB COMPRESSION: snappy, gzip, uncompressed / none. */
  readonly compression: string;
  readonly partitionKeys: string[];
  /** CSV: field delimiter (default `,`) and whether to write a header line (default true). */
  readonly delimiter?: string;
  readonly header?: boolean;
}

/**
 * Writes a frame into a staging folder laid out as it will be under the target prefix: Hive-style `key=value/`
 * folders for partition keys, files named as Glue's sink names them (`run-<epochMillis>-part-r-<n>`).
 */
async function stage(session: FrameSession, id: string, input: DynamicFrame, spec: WriteSpec): Promise<string> {
  const where = `node '${id}'`;
  for (const key of spec.partitionKeys) {
    if (!input.schema.some((f) => f.name === key)) {
      throw new Error(`${where}: partition key '${key}' is not a field of the frame (fields: ${input.schema.map((f) => f.name).join(', ')})`);
    }
  }
  if (spec.partitionKeys.length > 0 && spec.partitionKeys.length === input.schema.length) {
    throw new Error(`${where}: every field is a partition key; at least one field must remain in the files`);
  }
  const folder = path.join(session.stagingDir, id);
  fs.mkdirSync(folder, { recursive: true });
  const options: string[] = [];
  let extension: string;
  if (spec.format === 'parquet') {
    const codec = spec.compression === 'none' ? 'uncompressed' : spec.compression;
    options.push('FORMAT parquet', `COMPRESSION ${literal(codec)}`);
    extension = codec === 'uncompressed' ? '.parquet' : `.${codec}.parquet`;
  } else {
    const gzip = spec.compression === 'gzip';
    if (spec.compression !== 'none' && !gzip) throw new Error(`${where}: compression '${spec.compression}' is not supported for ${spec.format}; use gzip or none`);
    options.push(spec.format === 'csv' ? `FORMAT csv, HEADER ${spec.header ?? true}, DELIMITER ${literal(spec.delimiter ?? ',')}` : 'FORMAT json');
    if (gzip) options.push(`COMPRESSION 'gzip'`);
    extension = (spec.format === 'csv' ? '.csv' : '.json') + (gzip ? '.gz' : '');
  }
  const base = `run-${session.runMillis}-part-r-`;
  if (spec.partitionKeys.length > 0) {
    options.push(`PARTITION_BY (${spec.partitionKeys.map(ident).join(', ')})`, `FILENAME_PATTERN ${literal(base + '{i}')}`, `FILE_EXTENSION ${literal(extension.slice(1))}`);
    await session.step(id, () => session.connection.run(`COPY (SELECT * FROM ${ident(input.view)}) TO ${literal(folder)} (${options.join(', ')})`));
  } else {
    const file = path.join(folder, `${base}00000${extension}`);
    await session.step(id, () => session.connection.run(`COPY (SELECT * FROM ${ident(input.view)}) TO ${literal(file)} (${options.join(', ')})`));
  }
  await session.assertNoRejects(id);
  return folder;
}

function prefixOf(uri: string, where: string): { bucket: string; prefix: string } {
  const { bucket, key } = parseS3Uri(uri, where);
  return { bucket, prefix: key === '' || key.endsWith('/') ? key : `${key}/` };
}

function partitionKeysOf(body: { PartitionKeys?: string[][] }): string[] {
  return (body.PartitionKeys ?? []).map((p) => p.join('.'));
}

/** `S3GlueParquetTarget`: Parquet (snappy by default) under `Path`. */
export async function s3GlueParquetTarget(session: FrameSession, id: string, input: DynamicFrame, body: { Path: string; Compression?: string; PartitionKeys?: string[][] }): Promise<void> {
  const { bucket, prefix } = prefixOf(body.Path, `node '${id}' (S3GlueParquetTarget) Path`);
  const folder = await stage(session, id, input, { format: 'parquet', compression: body.Compression ?? 'snappy', partitionKeys: partitionKeysOf(body) });
  session.staged.push({ bucket, prefix, folder });
}

/** `S3DirectTarget`: csv, json or parquet under `Path`. */
export async function s3DirectTarget(session: FrameSession, id: string, input: DynamicFrame, body: { Path: string; Format: string; Compression?: string; PartitionKeys?: string[][] }): Promise<void> {
  const where = `node '${id}' (S3DirectTarget)`;
  const { bucket, prefix } = prefixOf(body.Path, `${where} Path`);
  const format = (body.Format ?? '').toLowerCase();
  if (format !== 'parquet' && format !== 'csv' && format !== 'json') throw new Error(`${where}: Format '${body.Format}' is not supported; use parquet, csv or json`);
  const compression = body.Compression ?? (format === 'parquet' ? 'snappy' : 'none');
  const folder = await stage(session, id, input, { format, compression, partitionKeys: partitionKeysOf(body) });
  session.staged.push({ bucket, prefix, folder });
}

/**
 * `write_dynamic_frame.from_catalog`: writes in the table's format to its location; new partition folders are added to
 * the catalog once the files have landed.
 */
export async function catalogTarget(session: FrameSession, id: string, input: DynamicFrame, body: { Database: string; Table: string; PartitionKeys?: string[][] }): Promise<void> {
  const where = `node '${id}' (CatalogTarget ${body.Database}.${body.Table})`;
  let table: import('@aws-sdk/client-glue').Table;
  try {
    table = session.catalog.getTable({ DatabaseName: body.Database, Name: body.Table }).Table;
  } catch (e) {
    throw new Error(`node '${id}': ${(e as Error).message}`);
  }
  const location = table.StorageDescriptor?.Location;
  if (!location) throw new Error(`${where}: the table has no StorageDescriptor.Location to write to`);
  const params = { ...(table.StorageDescriptor?.Parameters ?? {}), ...(table.Parameters ?? {}) };
  const classification = (params.classification ?? 'parquet').toLowerCase();
  if (classification !== 'parquet' && classification !== 'csv' && classification !== 'json') {
    throw new Error(`${where}: cannot write classification '${classification}'`);
  }
  const tableKeys = (table.PartitionKeys ?? []).map((k) => k.Name!);
  const keys = tableKeys.length > 0 ? tableKeys : partitionKeysOf(body);
  const { bucket, prefix } = prefixOf(location, `${where} Location`);
  // Written so the table reads it back: its delimiter and header setting, its column order.
  const serde = table.StorageDescriptor?.SerdeInfo?.Parameters ?? {};
  const delimiter = params.delimiter ?? serde['field.delim'] ?? serde.separatorChar ?? ',';
  const header = params['skip.header.line.count'] === '1';
  const columns = (table.StorageDescriptor?.Columns ?? []).map((c) => c.Name!);
  const missing = columns.filter((c) => !input.schema.some((f) => f.name.toLowerCase() === c.toLowerCase()));
  if (missing.length > 0) throw new Error(`${where}: the frame lacks the table's column(s) ${missing.join(', ')}`);
  const ordered = columns.length > 0 ? await session.frame(`${id}_ordered`, `SELECT ${[...columns, ...keys].map(ident).join(', ')} FROM ${ident(input.view)}`) : input;
  const folder = await stage(session, id, ordered, { format: classification, compression: classification === 'parquet' ? 'snappy' : 'none', partitionKeys: keys, delimiter, header });
  const afterCommit = (): void => {
    if (tableKeys.length === 0) return;
    const existing = new Set(session.catalog.getPartitions({ DatabaseName: body.Database, TableName: body.Table }).Partitions.map((p) => JSON.stringify(p.Values)));
    const inputs = listPartitionFolders(folder, tableKeys)
      .filter((values) => !existing.has(JSON.stringify(values)))
      .map((values) => {
        const sd: StorageDescriptor = {
          ...table.StorageDescriptor,
          Location: `s3://${bucket}/${prefix}${tableKeys.map((k, i) => `${k}=${values[i]}`).join('/')}/`,
          Columns: table.StorageDescriptor?.Columns as Column[],
        };
        return { Values: values, StorageDescriptor: sd };
      });
    if (inputs.length > 0) {
      const { Errors } = session.catalog.batchCreatePartition({ DatabaseName: body.Database, TableName: body.Table, PartitionInputList: inputs });
      if (Errors.length > 0) throw new Error(`${where}: could not add partition ${JSON.stringify(Errors[0].PartitionValues)}: ${Errors[0].ErrorDetail.ErrorMessage}`);
    }
  };
  session.staged.push({ bucket, prefix, folder, afterCommit });
}

function listPartitionFolders(folder: string, keys: string[]): string[][] {
  const out: string[][] = [];
  const walk = (dir: string, depth: number, values: string[]): void => {
    if (depth === keys.length) {
      out.push(values);
      return;
    }
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const prefix = `${keys[depth]}=`;
      if (entry.isDirectory() && entry.name.startsWith(prefix)) {
        walk(path.join(dir, entry.name), depth + 1, [...values, decodeURIComponent(entry.name.slice(prefix.length))]);
      }
    }
  };
  walk(folder, 0, []);
  return out;
}

/** The catalog columns of a frame, for tables a sink creates. */
export function frameColumns(frame: DynamicFrame): Column[] {
  return frame.schema.map((f) => ({ Name: f.name, Type: toHiveType(f.type) }));
}
