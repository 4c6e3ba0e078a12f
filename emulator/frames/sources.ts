import type { Partition, StorageDescriptor, Table } from '@aws-sdk/client-glue';
import { CSV_SEPARATORS } from '../../lib/pipeline/graph';
import { parseS3Uri } from '../storage/object-store';
import type { DynamicFrame } from './dynamic-frame';
import type { FrameSession } from './frame-session';
import { ident, literal, literalList } from './sql';
import { toDuckDbType } from './types';


/**
 * Data files at an S3 path: the object itself when the path names one, else the objects under it as a folder
 * (`s3://b/in` does not take `in_old/`). Hadoop/Spark markers below the path (`_SUCCESS`, `.crc`, `_temporary/`) and
 * empty objects are skipped.
 */
async function dataFiles(session: FrameSession, uri: string, recurse = true): Promise<string[]> {
  const { bucket, key } = parseS3Uri(uri);
  const folder = key === '' || key.endsWith('/') ? key : `${key}/`;
  const objects = await session.store.list(bucket, key);
  const files: string[] = [];
  for (const o of objects) {
    let rest: string;
    if (o.key === key) rest = key.slice(key.lastIndexOf('/') + 1);
    else if (o.key.startsWith(folder)) rest = o.key.slice(folder.length);
    else continue;
    if (!recurse && rest.includes('/')) continue;
    if (rest.split('/').some((p) => p.startsWith('_') || p.startsWith('.'))) continue;
    if (o.size === 0) continue;
    files.push(await session.store.localPath(bucket, o.key));
  }
  return files;
}

interface Reader {
  /** A DuckDB table function call reading the files with the catalog's columns. */
  (files: string[]): string;
}

function serdeOf(sd: StorageDescriptor | undefined): string {
  return sd?.SerdeInfo?.SerializationLibrary ?? '';
}

/** How to read a catalog table's files: by its classification and SerDe, with the catalog's column types. */
function catalogReader(table: Table, where: string): Reader {
  const params = { ...(table.StorageDescriptor?.Parameters ?? {}), ...(table.Parameters ?? {}) };
  const classification = (params.classification ?? '').toLowerCase();
  const columns = table.StorageDescriptor?.Columns ?? [];
  const columnStruct = `{${columns.map((c) => `${literal(c.Name!)}: ${literal(toDuckDbType(c.Type ?? 'string', `${where} column '${c.Name}'`))}`).join(', ')}}`;
  const serde = serdeOf(table.StorageDescriptor);
  if (classification === 'parquet' || serde.includes('Parquet')) {
    return (files) => `SELECT ${columns.length ? columns.map((c) => ident(c.Name!)).join(', ') : '*'} FROM read_parquet(${literalList(files)}, union_by_name = true, hive_partitioning = false)`;
  }
  if (classification === 'json' || serde.includes('Json')) {
    return (files) => `SELECT * FROM read_json(${literalList(files)}, format = 'newline_delimited', columns = ${columnStruct}, hive_partitioning = false)`;
  }
  if (classification === 'csv' || serde.includes('LazySimpleSerDe') || serde.includes('OpenCSVSerde')) {
    const serdeParams = table.StorageDescriptor?.SerdeInfo?.Parameters ?? {};
    const delim = params.delimiter ?? serdeParams['field.delim'] ?? serdeParams.separatorChar ?? ',';
    const header = params['skip.header.line.count'] === '1';
    const quote = serdeParams.quoteChar ?? '"';
    return (files) =>
      `SELECT * FROM read_csv(${literalList(files)}, header = ${header}, delim = ${literal(delim)}, quote = ${literal(quote)}, escape = ${literal(quote)}, columns = ${columnStruct}, auto_detect = false, strict_mode = false, null_padding = true, hive_partitioning = false, store_rejects = true)`;
  }
  throw new Error(`${where}: cannot read classification '${classification || 'none'}' (SerDe '${serde || 'none'}'); gluekit reads csv, json and parquet tables`);
}

/** An empty frame with the table's columns, for a table that has no data yet. */
function emptyTableSql(table: Table, where: string): string {
  const cols = [...(table.StorageDescriptor?.Columns ?? []), ...(table.PartitionKeys ?? [])];
  if (cols.length === 0) return 'SELECT NULL AS "col0" WHERE false';
  return `SELECT ${cols.map((c) => `CAST(NULL AS ${toDuckDbType(c.Type ?? 'string', `${where} column '${c.Name}'`)}) AS ${ident(c.Name!)}`).join(', ')} WHERE false`;
}

/** `create_dynamic_frame.from_catalog`: reads the table's partitions (or its location) with the catalog's schema. */
export async function catalogSource(session: FrameSession, id: string, body: { Database: string; Table: string; PartitionPredicate?: string }): Promise<DynamicFrame> {
  const where = `node '${id}' (CatalogSource ${body.Database}.${body.Table})`;
  let table: Table;
  try {
    table = session.catalog.getTable({ DatabaseName: body.Database, Name: body.Table }).Table;
  } catch (e) {
    throw new Error(`node '${id}': ${(e as Error).message}`);
  }
  const reader = catalogReader(table, where);
  const keys = table.PartitionKeys ?? [];
  const selects: string[] = [];
  if (keys.length > 0) {
    let partitions: Partition[] = session.catalog.getPartitions({ DatabaseName: body.Database, TableName: body.Table }).Partitions;
    if (body.PartitionPredicate) partitions = await prunePartitions(session, keys.map((k) => k.Name!), partitions, body.PartitionPredicate, where);
    for (const p of partitions) {
      const location = p.StorageDescriptor?.Location;
      if (!location) continue;
      const files = await dataFiles(session, location);
      if (files.length === 0) continue;
      const values = keys.map((k, i) => `CAST(${literal(p.Values![i])} AS ${toDuckDbType(k.Type ?? 'string', where)}) AS ${ident(k.Name!)}`);
      selects.push(`SELECT *, ${values.join(', ')} FROM (${reader(files)})`);
    }
  } else if (table.StorageDescriptor?.Location) {
    const files = await dataFiles(session, table.StorageDescriptor.Location);
    if (files.length > 0) selects.push(reader(files));
  }
  const sql = selects.length === 0 ? emptyTableSql(table, where) : selects.join('\nUNION ALL BY NAME\n');
  return session.frame(id, sql);
}

/** Applies a push-down predicate (Spark SQL over partition columns) to the partition list, in DuckDB. */
async function prunePartitions(session: FrameSession, keys: string[], partitions: Partition[], predicate: string, where: string): Promise<Partition[]> {
  if (partitions.length === 0) return partitions;
  const rows = partitions.map((p, i) => `(${i}, ${p.Values!.map(literal).join(', ')})`).join(', ');
  const sql = `SELECT idx FROM (VALUES ${rows}) AS p(idx, ${keys.map(ident).join(', ')}) WHERE ${predicate.replace(/==/g, '=')}`;
  try {
    const result = await session.connection.runAndReadAll(sql);
    const keep = new Set(result.getRowObjectsJS().map((r) => Number(r.idx)));
    return partitions.filter((_, i) => keep.has(i));
  } catch (e) {
    throw new Error(`${where}: push_down_predicate '${predicate}' is not valid over partition keys ${keys.join(', ')}: ${(e as Error).message}`);
  }
}

/** `create_dynamic_frame.from_options(connection_type="s3")` for csv, json and parquet. */
export async function s3Source(session: FrameSession, id: string, kind: string, body: Record<string, unknown>): Promise<DynamicFrame> {
  const paths = (body.Paths as string[] | undefined) ?? [];
  const where = `node '${id}' (${kind})`;
  if (paths.length === 0) throw new Error(`${where}: Paths is empty`);
  const files: string[] = [];
  for (const p of paths) files.push(...(await dataFiles(session, p, body.Recurse !== false)));
  if (files.length === 0) throw new Error(`${where}: no data files under ${paths.join(', ')}`);
  let sql: string;
  if (kind === 'S3ParquetSource') {
    sql = `SELECT * FROM read_parquet(${literalList(files)}, union_by_name = true, hive_partitioning = false)`;
  } else if (kind === 'S3JsonSource') {
    sql = `SELECT * FROM read_json(${literalList(files)}, format = 'newline_delimited', union_by_name = true, hive_partitioning = false)`;
  } else {
    const sep = CSV_SEPARATORS[(body.Separator as string) ?? 'comma'];
    if (sep === undefined) throw new Error(`${where}: Separator '${String(body.Separator)}' is not one of ${Object.keys(CSV_SEPARATORS).join(', ')}`);
    const quote = body.QuoteChar === 'disabled' ? '' : body.QuoteChar === 'single_quote' ? "'" : '"';
    const header = body.WithHeader === true;
    sql = `SELECT * FROM read_csv(${literalList(files)}, header = ${header}, delim = ${literal(sep)}, quote = ${literal(quote)}, union_by_name = true, hive_partitioning = false, store_rejects = true)`;
    if (!header) {
      // Without a header Glue names the columns col0, col1, ...
      const probe = await session.frame(`${id}_raw`, sql);
      sql = `SELECT ${probe.schema.map((f, i) => `${ident(f.name)} AS ${ident(`col${i}`)}`).join(', ')} FROM ${ident(probe.view)}`;
    }
  }
  return session.frame(id, sql);
}
