import type { ObjectInfo, ObjectStore } from '../storage/object-store';
import { isHiddenKey } from '../storage/hidden-key';
import { parseS3Uri } from '../storage/s3-uri';
import { classifyObject } from './classify-object';
import { CrawledTable, crawledTable } from './crawled-table';
import { compileExclusionGlob, isExcluded } from '../storage/exclusion-glob';
import type { ClassifiedFile } from './file-schema';
import { ParquetSchemaReader } from './parquet-schema-reader';
import { groupTables, TableGroup } from './table-grouping';
import { crawlerTableName, uniqueTableNames } from './table-name';

export interface CrawlS3Options {
  /** Written to each table's `UPDATED_BY_CRAWLER` parameter. */
  crawlerName: string;
  /** Prepended to every table name (the crawler's `TablePrefix`). */
  tablePrefix?: string;
  /** Exclusion globs relative to the include path (the S3 target's `Exclusions`). */
  exclusions?: string[];
}

/**
 * Whether the crawler skips an object whatever the exclusions: empty objects (folder markers) and objects below a
 * hidden or marker name (`isHiddenKey`: `_SUCCESS`, `_temporary/`, `.part-0.crc`).
 */
export function isIgnoredObject(object: ObjectInfo, relativeKey: string): boolean {
  return object.size === 0 || isHiddenKey(relativeKey);
}

/**
 * Crawls one S3 include path the way a Glue crawler's S3 target does (GLUE-REFERENCE section 4) and returns the tables
 * it finds, sorted by name, with their partitions sorted by values. A pure function of the objects in the store: it
 * writes nothing and the result holds no timestamps.
 *
 * Lists the objects under the path (a path naming an object crawls that one file, as a table named after it), skips
 * ignored objects and those matching an exclusion, classifies each (files no classifier recognises are skipped), groups
 * them into tables (`groupTables`) and builds each table's TableInput and PartitionInputs (`crawledTable`).
 * Throws when a Parquet footer cannot be read (the message names the object's `s3://` URI) or an exclusion is invalid.
 *
 * gluekit's choices where Glue is **Unconfirmed** are documented where they are made: hidden folders
 * (`isIgnoredObject`), exclusions against object keys only (`compileExclusionGlob`), the grouping and similarity rule
 * (`groupTables`, `filesMakeOneTable`), duplicate-name suffixes (`uniqueTableNames`), file-table locations and
 * per-partition statistics (`crawledTable`), type widening (`mergeTypes`), CSV row-width strictness (`classifyCsv`),
 * JSON key case and skipped records (`classifyJson`), unsupported bzip2 (`classifyObject`).
 */
export async function crawlS3Path(store: ObjectStore, s3Path: string, options: CrawlS3Options): Promise<CrawledTable[]> {
  const { bucket, key } = parseS3Uri(s3Path, 'S3 target Path');
  const exclusions = (options.exclusions ?? []).map(compileExclusionGlob);
  const listed = await store.list(bucket, key);
  const single = key !== '' && !key.endsWith('/') ? listed.find((o) => o.key === key) : undefined;
  const rootKey = single ? key.slice(0, key.lastIndexOf('/') + 1) : key === '' || key.endsWith('/') ? key : `${key}/`;
  const candidates = single ? [single] : listed.filter((o) => o.key.startsWith(rootKey));

  const parquet = new ParquetSchemaReader();
  const files: ClassifiedFile[] = [];
  try {
    for (const object of candidates) {
      const relativeKey = object.key.slice(rootKey.length);
      if (isIgnoredObject(object, relativeKey) || isExcluded(relativeKey, exclusions)) continue;
      const schema = await classifyObject(store, object, parquet);
      if (schema) files.push({ object, relativeKey, schema });
    }
  } finally {
    await parquet.close();
  }

  let groups: TableGroup[];
  if (single) {
    groups = files.map((f) => ({ kind: 'file', sourceName: f.relativeKey, key: f.object.key, files: [f], partitionKeys: [], partitions: [] }));
  } else {
    const rootName = rootKey === '' ? bucket : rootKey.slice(0, -1).split('/').pop()!;
    groups = groupTables(rootKey, rootName, files);
  }
  const named = groups
    .map((group) => ({ group, name: crawlerTableName(group.sourceName, options.tablePrefix), location: `s3://${bucket}/${group.key}` }))
    .sort((a, b) => compare(a.name, b.name) || compare(a.location, b.location));
  const names = uniqueTableNames(named);
  return named
    .map(({ group }, i) => crawledTable(bucket, group, names[i], options.crawlerName))
    .sort((a, b) => compare(a.table.Name!, b.table.Name!));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
