import type { Column, Partition, Table } from '@aws-sdk/client-glue';
import { parsePartitionPredicate } from '../../lib/pipeline/partition-predicate';
import { isHiddenKey } from '../storage/hidden-key';
import { dataFiles } from './data-files';
import { s3Destination } from './s3-destination';
import type { DynamicFrame } from './dynamic-frame';
import type { FrameSession } from './frame-session';
import { compilePartitionPredicate } from './partition-filter';
import { quoteIdentifier, quoteList, quoteLiteral } from './sql';
import { sparkCast } from './spark-cast';
import { choiceColumnError } from './choice-columns';
import { choiceOf, choiceTag, STRING, type DataType } from './schema';
import { parsedText, readText, textCases, textFits } from './text-values';
import { type ChoiceParts, choiceCase } from './choice-parts';
import { toDataType, toDuckDbType } from './types';

/** The column a scan names each row's file in, to join it to its partition's values. */
const FILE_COLUMN = 'gluekit_source_file';

/**
 * Reads a catalog table as `create_dynamic_frame.from_catalog` does: its classification and SerDe decide the reader, its
 * columns the types; a partitioned table reads its partitions' files (pruned first by a push-down predicate, evaluated
 * over the partition values without any SQL) in one scan, each row getting its partition's values.
 */
export async function scanCatalogTable(session: FrameSession, node: string, where: string, database: string, tableName: string, pushDownPredicate?: string, errorPrefix = `node '${node}'`): Promise<DynamicFrame> {
  let table: Table;
  try {
    table = session.catalog.getTable(database, tableName);
  } catch (e) {
    throw new Error(`${errorPrefix}: ${(e as Error).message}`);
  }
  const keys = table.PartitionKeys ?? [];
  const files: string[] = [];
  const fileValues: (string | null)[][] = [];
  if (keys.length > 0) {
    let partitions: Partition[] = session.catalog.getPartitions(database, tableName);
    if (pushDownPredicate) {
      const keep = compilePartitionPredicate(parsePartitionPredicate(pushDownPredicate), keys.map((k) => ({ name: k.Name!, type: k.Type ?? 'string' })), where);
      partitions = partitions.filter((p) => keep(p.Values ?? []));
    }
    for (const { file, values } of await partitionFiles(session, node, table, partitions)) {
      files.push(file);
      fileValues.push(values);
    }
  } else if (table.StorageDescriptor?.Location) {
    files.push(...(await dataFiles(session, table.StorageDescriptor.Location, { bookmark: node })));
  }
  if (files.length === 0) return session.frame(node, emptyTableSql(table, where));
  // Choice columns are noted per scan (the node and its table): another node may read other partitions of the table.
  const read = await reader(session, node, `${node}/${database}.${tableName}`, table, where, files, keys.length > 0);
  // Each file's partition values, as text in a table (`textTable`), typed where the scan joins them.
  const values = keys.length === 0 ? '' : await session.textTable(node, [FILE_COLUMN, ...keys.map((k) => k.Name!)], files.map((file, i) => [file, ...keys.map((_k, j) => fileValues[i][j] ?? null)]));
  const typed = keys.map((k) => `CAST(partition_values.${quoteIdentifier(k.Name!)} AS ${partitionType(k, where)}) AS ${quoteIdentifier(k.Name!)}`);
  const withValues = (scan: string): string => `(${scan}) AS scan JOIN ${quoteIdentifier(values)} AS partition_values USING (${quoteIdentifier(FILE_COLUMN)})`;
  if (typeof read === 'string') {
    if (keys.length === 0) return session.frame(node, read);
    return session.frame(node, `SELECT scan.* EXCLUDE (${quoteIdentifier(FILE_COLUMN)}), ${typed.join(', ')} FROM ${withValues(read)}`);
  }
  // CSV: the frame selects each column's value from the scan of the text (joined to the partition values), which its
  // `base` names, so a step resolving a choice can read its parts there.
  const relation = await session.relation(node, keys.length === 0 ? read.relation : `SELECT scan.*, ${typed.join(', ')} FROM ${withValues(read.relation)}`);
  const fields = new Map([...read.columns.map((c) => [c.name, c.sql] as const), ...keys.map((k) => [k.Name!, quoteIdentifier(k.Name!)] as const)]);
  const frame = await session.frame(node, `SELECT ${[...fields].map(([name, sql]) => `${sql} AS ${quoteIdentifier(name)}`).join(', ')} FROM ${quoteIdentifier(relation)}`);
  const choices = new Map(read.columns.flatMap((c) => (c.parts ? [[c.name, c.parts] as const] : [])));
  return { ...frame, base: { relation, fields, choices } };
}

/** A CSV column's value over the scan of the text, and the parts of a choice. */
interface CsvColumn {
  readonly name: string;
  readonly sql: string;
  readonly parts?: ChoiceParts;
}

/** A CSV table's scan: the text read (with DuckDB's parse of each typed column) and each column's value over it. */
interface CsvScan {
  readonly relation: string;
  readonly columns: readonly CsvColumn[];
}

/**
 * The data files of partitions, each with its partition's values. Partitions in folders below the table's location
 * (as crawlers and sinks make them) are found with one listing of that location, each object going to the deepest
 * partition folder holding it; any other partition is listed on its own. Hidden and marker objects below a partition
 * folder (`_SUCCESS`, `.crc`) and empty objects are skipped, as `dataFiles` skips them, and so are objects the node's
 * job bookmark has read already.
 */
async function partitionFiles(session: FrameSession, node: string, table: Table, partitions: Partition[]): Promise<{ file: string; values: string[] }[]> {
  const out: { file: string; values: string[] }[] = [];
  const home = table.StorageDescriptor?.Location ? s3Destination(table.StorageDescriptor.Location, 'table location') : undefined;
  const byFolder = new Map<string, Partition>();
  const others: Partition[] = [];
  for (const p of partitions) {
    const location = p.StorageDescriptor?.Location;
    if (!location) continue;
    const at = s3Destination(location, 'partition location');
    if (home && at.bucket === home.bucket && at.prefix.startsWith(home.prefix) && at.prefix.length > home.prefix.length) byFolder.set(at.prefix, p);
    else others.push(p);
  }
  if (home && byFolder.size > 0) {
    for (const o of await session.store.list(home.bucket, home.prefix)) {
      if (o.size === 0) continue;
      let folder = o.key.slice(0, o.key.lastIndexOf('/') + 1);
      let partition: Partition | undefined;
      while (folder.length > home.prefix.length) {
        partition = byFolder.get(folder);
        if (partition) break;
        folder = folder.slice(0, folder.slice(0, -1).lastIndexOf('/') + 1);
      }
      if (!partition) continue;
      if (isHiddenKey(o.key.slice(folder.length))) continue;
      if (!session.bookmarks.admit(node, home.bucket, o.key, o.lastModified)) continue;
      out.push({ file: await session.localFile(home.bucket, o.key), values: partition.Values ?? [] });
    }
  }
  for (const p of others) {
    for (const file of await dataFiles(session, p.StorageDescriptor!.Location!, { bookmark: node })) out.push({ file, values: p.Values ?? [] });
  }
  return out;
}

function partitionType(key: Column, where: string): string {
  return toDuckDbType(key.Type ?? 'string', `${where} partition key '${key.Name}'`);
}

/**
 * A DuckDB query reading the files by the table's classification and SerDe, with the catalog's columns (and the file
 * column where asked); for CSV, the scan of the text and each column's value over it (`CsvScan`).
 */
async function reader(session: FrameSession, node: string, tableKey: string, table: Table, where: string, files: string[], withFileColumn: boolean): Promise<string | CsvScan> {
  const params = { ...(table.StorageDescriptor?.Parameters ?? {}), ...(table.Parameters ?? {}) };
  const classification = (params.classification ?? '').toLowerCase();
  const columns = table.StorageDescriptor?.Columns ?? [];
  const serde = table.StorageDescriptor?.SerdeInfo?.SerializationLibrary ?? '';
  const fileColumn = withFileColumn ? `, filename = ${quoteLiteral(FILE_COLUMN)}` : '';
  const list = quoteList(files);
  if (classification === 'parquet' || serde.includes('Parquet')) {
    const selected = columns.length ? [...columns.map((c) => quoteIdentifier(c.Name!)), ...(withFileColumn ? [quoteIdentifier(FILE_COLUMN)] : [])].join(', ') : '*';
    return `SELECT ${selected} FROM read_parquet(${list}, union_by_name = true, hive_partitioning = false${fileColumn})`;
  }
  if (classification === 'json' || serde.includes('Json')) {
    // Hive's JSON SerDes match a record's keys to the (lower-case) catalog columns case-insensitively, so a key `userId`
    // fills column `userid`: each column takes the first key of the record that matches it so (Unconfirmed: which of
    // two keys differing only in case wins; keys inside structs are matched exactly). Values are converted as Spark
    // converts text, so a number in a string column reads as its digits.
    const record = quoteIdentifier('gluekit_record');
    const fields = columns.map((c) => {
      const type = toDuckDbType(c.Type ?? 'string', `${where} column '${c.Name}'`);
      const path = `'$."' || replace(list_filter(json_keys(${record}), k -> lower(k) = ${quoteLiteral(c.Name!.toLowerCase())})[1], '"', '\\"') || '"'`;
      const value = /^(STRUCT|MAP)|\[\]$/.test(type) ? `TRY_CAST(json_extract(${record}, ${path}) AS ${type})` : sparkCast(`json_extract_string(${record}, ${path})`, 'VARCHAR', type);
      return `${value} AS ${quoteIdentifier(c.Name!)}`;
    });
    const names = withFileColumn ? `${record}, ${quoteIdentifier(FILE_COLUMN)}` : record;
    return `SELECT ${[...fields, ...(withFileColumn ? [quoteIdentifier(FILE_COLUMN)] : [])].join(', ')} FROM read_ndjson_objects(${list}${withFileColumn ? ', filename = true' : ''}) AS records(${names})`;
  }
  if (classification === 'csv' || serde.includes('LazySimpleSerDe') || serde.includes('OpenCSVSerde')) {
    const serdeParams = table.StorageDescriptor?.SerdeInfo?.Parameters ?? {};
    const delim = params.delimiter ?? serdeParams['field.delim'] ?? serdeParams.separatorChar ?? ',';
    const header = params['skip.header.line.count'] === '1';
    const quote = serdeParams.quoteChar ?? '"';
    // Every column is read as text, then each value as its column's type (`text-values.ts`). A line DuckDB's reader
    // cannot read at all (not UTF-8) fails the run with DuckDB's message, which names the file and the line.
    const text = `{${columns.map((c) => `${quoteLiteral(c.Name!)}: 'VARCHAR'`).join(', ')}}`;
    const scan =
      `SELECT * FROM read_csv(${list}, header = ${header}, delim = ${quoteLiteral(delim)}, quote = ${quoteLiteral(quote)}, escape = ${quoteLiteral(quote)}, ` +
      `columns = ${text}, auto_detect = false, strict_mode = false, null_padding = true, allow_quoted_nulls = false, hive_partitioning = false${fileColumn})`;
    const typed = columns.map((c) => ({ name: c.Name!, type: toDataType(c.Type ?? 'string', `${where} column '${c.Name}'`) }));
    const { values, scan: parsedScan } = await csvColumnValues(session, node, tableKey, typed, scan);
    return { relation: parsedScan, columns: values };
  }
  throw new Error(`${where}: cannot read classification '${classification || 'none'}' (SerDe '${serde || 'none'}'); gluekit reads csv, json and parquet tables`);
}

/**
 * Each CSV column's values as its catalog type. A value that does not read as the type raises the error that makes the
 * run read the column as a choice (`choice-columns.ts`). Such a column is known to hold a value that does not fit; one
 * probe that stops at the first value that does decides whether it is a choice of the type and `string` or only
 * `string`.
 */
async function csvColumnValues(session: FrameSession, node: string, scanKey: string, columns: { name: string; type: DataType }[], text: string): Promise<{ values: CsvColumn[]; scan: string }> {
  // DuckDB's parse of each typed column, computed once per value (`parsedText`).
  const typed = columns.filter((c) => !['string', 'binary', 'boolean'].includes(c.type.kind));
  const parsedName = (c: { name: string }): string => quoteIdentifier(`gluekit_parsed_${typed.findIndex((t) => t.name === c.name)}`);
  const scan = typed.length > 0 ? `SELECT *, ${typed.map((c) => `${parsedText(quoteIdentifier(c.name), c.type)} AS ${parsedName(c)}`).join(', ')} FROM (${text})` : text;
  const parsed = (c: { name: string; type: DataType }): string | undefined => (typed.includes(c) ? parsedName(c) : undefined);
  const choices = columns.filter((c) => c.type.kind !== 'string' && session.choices.has(scanKey, c.name));
  const fitting = new Set<string>();
  if (choices.length > 0) {
    const probes = choices.map((c, i) => {
      const v = quoteIdentifier(c.name);
      return `EXISTS (SELECT 1 FROM (${scan}) WHERE ${v} IS NOT NULL AND ${textFits(v, c.type, parsed(c))} LIMIT 1) AS f${i}`;
    });
    const row = (await session.step(node, () => session.connection.runAndReadAll(`SELECT ${probes.join(', ')}`))).getRowObjectsJS()[0];
    choices.forEach((c, i) => row[`f${i}`] === true && fitting.add(c.name));
  }
  const values = columns.map((c): CsvColumn => {
    const v = quoteIdentifier(c.name);
    if (c.type.kind === 'string') return { name: c.name, sql: v };
    if (!choices.includes(c)) return { name: c.name, sql: `CASE WHEN ${v} IS NULL THEN NULL ELSE ${readText(v, c.type, choiceColumnError(scanKey, c.name), undefined, parsed(c))} END` };
    if (!fitting.has(c.name)) return { name: c.name, sql: v };
    // Each value becomes the choice's member of its own type: the type's where it reads as it, else the string.
    const choice = choiceOf([c.type, STRING]);
    const parts: ChoiceParts = {
      isNull: `${v} IS NULL`,
      members: [...textCases(v, c.type, parsed(c)).map((r) => ({ type: c.type, when: r.when, value: r.then })), { type: STRING, when: 'true', value: v }],
    };
    return { name: c.name, sql: choiceCase(parts, (type, value) => `CAST(union_value(${quoteIdentifier(choiceTag(type))} := ${value}) AS ${choice.sql})`), parts };
  });
  return { values, scan };
}

/** An empty frame with the table's columns, for a table that has no data yet. */
function emptyTableSql(table: Table, where: string): string {
  const cols = [...(table.StorageDescriptor?.Columns ?? []), ...(table.PartitionKeys ?? [])];
  if (cols.length === 0) return 'SELECT NULL AS "col0" WHERE false';
  return `SELECT ${cols.map((c) => `CAST(NULL AS ${toDuckDbType(c.Type ?? 'string', `${where} column '${c.Name}'`)}) AS ${quoteIdentifier(c.Name!)}`).join(', ')} WHERE false`;
}
