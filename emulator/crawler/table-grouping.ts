import type { ClassifiedFile } from './file-schema';

/** A folder of partition data: its values (one per partition key) and its files. */
export interface PartitionGroup {
  readonly values: string[];
  /** The partition folder's key in the bucket, with a trailing slash. */
  readonly folderKey: string;
  readonly files: ClassifiedFile[];
}

/** A set of files the crawler makes one table of. */
export interface TableGroup {
  /** `folder`: the files under one folder, partitioned by the folder levels below it; `file`: one file on its own. */
  readonly kind: 'folder' | 'file';
  /** What the table is named after: the folder's own name (the bucket's for the bucket root), or the file's name. */
  readonly sourceName: string;
  /** The table folder's key with a trailing slash (`''` for the bucket root), or the file's key. */
  readonly key: string;
  readonly files: ClassifiedFile[];
  /** Partition key names, outermost first (empty when unpartitioned). */
  readonly partitionKeys: string[];
  readonly partitions: PartitionGroup[];
}

interface FolderNode {
  /** Key in the bucket with a trailing slash, `''` for the bucket root. */
  readonly key: string;
  readonly name: string;
  readonly files: ClassifiedFile[];
  readonly children: Map<string, FolderNode>;
}

/** Share of the smaller column set two files' columns must have in common to be one table. */
export const SCHEMA_SIMILARITY_THRESHOLD = 0.7;

const KEY_VALUE = /^([^=]+)=(.*)$/;

/** `year=2019` -> `{ key: 'year', value: '2019' }`; undefined for a folder name that is not `key=value`. */
export function parseKeyValueFolder(name: string): { key: string; value: string } | undefined {
  const m = KEY_VALUE.exec(name);
  return m ? { key: m[1], value: m[2] } : undefined;
}

function buildTree(rootKey: string, rootName: string, files: readonly ClassifiedFile[]): FolderNode {
  const root: FolderNode = { key: rootKey, name: rootName, files: [], children: new Map() };
  for (const file of files) {
    const segments = file.object.key.slice(rootKey.length).split('/');
    let node = root;
    for (const segment of segments.slice(0, -1)) {
      let child = node.children.get(segment);
      if (!child) {
        child = { key: `${node.key}${segment}/`, name: segment, files: [], children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.files.push(file);
  }
  return root;
}

function subtreeFiles(node: FolderNode, out: ClassifiedFile[] = []): ClassifiedFile[] {
  out.push(...node.files);
  for (const child of sortedChildren(node)) subtreeFiles(child, out);
  return out;
}

function sortedChildren(node: FolderNode): FolderNode[] {
  return [...node.children.values()].sort((a, b) => compareStrings(a.name, b.name));
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Folder segments between `folderKey` and each file (the file name excluded). */
function folderSegments(folderKey: string, file: ClassifiedFile): string[] {
  return file.object.key.slice(folderKey.length).split('/').slice(0, -1);
}

/** |a ∩ b| / min(|a|, |b|): 1 for two empty sets. */
export function columnOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const smaller = Math.min(a.size, b.size);
  if (smaller === 0) return a.size === b.size ? 1 : 0;
  let common = 0;
  for (const name of a) if (b.has(name)) common++;
  return common / smaller;
}

/**
 * Whether the files under a folder make one table: the same classification, compression and (for CSV) delimiter, all
 * at the same folder depth, and every two distinct column sets sharing at least 0.7 of the smaller one's names.
 * **Unconfirmed**: Glue's exact similarity measure is not public ("partition threshold 0.7"); files at different
 * depths below one folder always split it.
 */
export function filesMakeOneTable(folderKey: string, files: readonly ClassifiedFile[]): boolean {
  if (files.length === 0) return false;
  const first = files[0].schema;
  const depth = folderSegments(folderKey, files[0]).length;
  const columnSets = new Map<string, Set<string>>();
  for (const file of files) {
    const s = file.schema;
    if (s.classification !== first.classification || s.compressionType !== first.compressionType) return false;
    if (s.csv?.delimiter !== first.csv?.delimiter) return false;
    if (folderSegments(folderKey, file).length !== depth) return false;
    const names = s.columns.map((c) => c.name);
    columnSets.set(JSON.stringify(names), new Set(names));
  }
  const sets = [...columnSets.values()];
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      if (columnOverlap(sets[i], sets[j]) < SCHEMA_SIMILARITY_THRESHOLD) return false;
    }
  }
  return true;
}

function compareValues(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareStrings(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/**
 * The table of a folder whose files all sit at the same depth below it: every folder level in between is a partition
 * key, named after `key` when every folder at that level is `key=value` with the same key (the value being the part
 * after `=`), else `partition_<level>` (the value being the folder name). All partition keys are strings.
 * **Unconfirmed**: folder names are not URL-decoded (`a%3Ab` stays as is); a level whose key repeats an outer level's
 * key is named `partition_<level>`.
 */
function folderTable(node: FolderNode, files: ClassifiedFile[]): TableGroup {
  const depth = folderSegments(node.key, files[0]).length;
  const partitionKeys: string[] = [];
  const keyValueLevels: boolean[] = [];
  for (let level = 0; level < depth; level++) {
    const names = new Set(files.map((f) => folderSegments(node.key, f)[level]));
    const keys = new Set([...names].map((n) => parseKeyValueFolder(n)?.key.toLowerCase()));
    const [key] = keys;
    const named = keys.size === 1 && key !== undefined && !partitionKeys.includes(key) ? key : undefined;
    partitionKeys.push(named ?? `partition_${level}`);
    keyValueLevels.push(named !== undefined);
  }
  const byFolder = new Map<string, PartitionGroup>();
  if (depth > 0) {
    for (const file of files) {
      const segments = folderSegments(node.key, file);
      const folderKey = `${node.key}${segments.join('/')}/`;
      let partition = byFolder.get(folderKey);
      if (!partition) {
        const values = segments.map((s, level) => (keyValueLevels[level] ? parseKeyValueFolder(s)!.value : s));
        partition = { values, folderKey, files: [] };
        byFolder.set(folderKey, partition);
      }
      partition.files.push(file);
    }
  }
  const partitions = [...byFolder.values()].sort((a, b) => compareValues(a.values, b.values) || compareStrings(a.folderKey, b.folderKey));
  return { kind: 'folder', sourceName: node.name, key: node.key, files, partitionKeys, partitions };
}

function fileTable(file: ClassifiedFile): TableGroup {
  const name = file.object.key.slice(file.object.key.lastIndexOf('/') + 1);
  return { kind: 'file', sourceName: name, key: file.object.key, files: [file], partitionKeys: [], partitions: [] };
}

/** Descends while a folder holds no files and exactly one subfolder, which is not `key=value`. */
function tableRoot(start: FolderNode): FolderNode {
  let node = start;
  while (node.files.length === 0 && node.children.size === 1) {
    const [only] = node.children.values();
    if (parseKeyValueFolder(only.name)) break;
    node = only;
  }
  return node;
}

function resolve(start: FolderNode, out: TableGroup[]): void {
  const node = tableRoot(start);
  const files = subtreeFiles(node);
  if (files.length === 0) return;
  if (filesMakeOneTable(node.key, files)) {
    out.push(folderTable(node, files));
    return;
  }
  for (const file of node.files) out.push(fileTable(file));
  for (const child of sortedChildren(node)) resolve(child, out);
}

/**
 * Groups the classified files under an include path into tables (GLUE-REFERENCE section 4, "One table or many").
 *
 * From the include folder the crawler descends while a folder holds no files of its own and exactly one subfolder that
 * is not `key=value` (so `s3://b/curated/` holding only `medicare/state=CA/...` makes a table `medicare`). The folder
 * reached is one table when its files are compatible (`filesMakeOneTable`), partitioned by the folder levels below it.
 * Otherwise it splits: each file directly in it is a table of its own (named after the file) and each subfolder is
 * resolved the same way, descent included (`table1/year=2017/` and `year=2018/` with different schemas -> tables
 * `year_2017`, `year_2018`; a bucket holding `raw/medicare/year=.../*.csv` and `curated/medicare/state=.../*.parquet`
 * -> two tables named `medicare`, made unique by the caller). **Unconfirmed**: that the descent also applies below a
 * split; Glue documents only the include-path cases.
 * Like Glue, sibling folders with compatible files become one table partitioned by them (`sales/` and `returns/` with the
 * same columns -> one table with `partition_0`).
 *
 * `rootKey` is the include path's folder key (trailing slash, or `''` for the bucket root); every file's key starts
 * with it. `rootName` names the root folder (the bucket's name for the bucket root).
 */
export function groupTables(rootKey: string, rootName: string, files: readonly ClassifiedFile[]): TableGroup[] {
  const out: TableGroup[] = [];
  resolve(buildTree(rootKey, rootName, files), out);
  return out;
}
