import type { Crawler, PartitionInput, Table, TableInput } from '@aws-sdk/client-glue';
import { crawlS3Path, CrawledTable } from '../crawler';
import type { CatalogService } from '../service/catalog';
import type { StateStore } from '../state/state-store';
import type { ObjectStore } from '../storage/object-store';

export interface CrawlSummary {
  tablesCreated: number;
  tablesUpdated: number;
  tablesDeleted: number;
  partitionsCreated: number;
  partitionsUpdated: number;
}

/**
 * One crawl: infers tables from every S3 target, then applies them to the catalog in one transaction, following the
 * crawler's SchemaChangePolicy (GLUE-REFERENCE section 4). Nothing is written when inference fails.
 */
export async function crawl(crawler: Crawler, deps: { catalog: CatalogService; store: ObjectStore; state: StateStore }): Promise<CrawlSummary> {
  const name = crawler.Name!;
  const database = crawler.DatabaseName;
  if (!database) throw new Error(`crawler ${name} has no DatabaseName to write tables into`);
  deps.catalog.getDatabase({ Name: database });
  const found: CrawledTable[] = [];
  for (const target of crawler.Targets?.S3Targets ?? []) {
    found.push(...(await crawlS3Path(deps.store, target.Path!, { crawlerName: name, tablePrefix: crawler.TablePrefix, exclusions: target.Exclusions })));
  }
  const update = crawler.SchemaChangePolicy?.UpdateBehavior ?? 'UPDATE_IN_DATABASE';
  const del = crawler.SchemaChangePolicy?.DeleteBehavior ?? 'DEPRECATE_IN_DATABASE';
  const summary: CrawlSummary = { tablesCreated: 0, tablesUpdated: 0, tablesDeleted: 0, partitionsCreated: 0, partitionsUpdated: 0 };
  deps.state.transaction(() => {
    const seen = new Set<string>();
    for (const { table, partitions } of found) {
      const tableName = table.Name!.toLowerCase();
      seen.add(tableName);
      const existing = tryGetTable(deps.catalog, database, tableName);
      if (!existing) {
        deps.catalog.createTable({ DatabaseName: database, TableInput: table });
        summary.tablesCreated++;
      } else if (update === 'UPDATE_IN_DATABASE' && !sameSchema(existing, table)) {
        deps.catalog.updateTable({ DatabaseName: database, TableInput: { ...toTableInput(existing), ...table } });
        summary.tablesUpdated++;
      }
      applyPartitions(deps.catalog, database, tableName, partitions, update === 'UPDATE_IN_DATABASE', summary);
    }
    // Tables this crawler made whose data is gone.
    for (const t of deps.catalog.getTables({ DatabaseName: database }).TableList) {
      if (t.Parameters?.UPDATED_BY_CRAWLER !== name || seen.has(t.Name!)) continue;
      const location = t.StorageDescriptor?.Location ?? '';
      if (!(crawler.Targets?.S3Targets ?? []).some((s) => location.startsWith(s.Path!))) continue;
      if (del === 'DELETE_FROM_DATABASE') {
        deps.catalog.deleteTable({ DatabaseName: database, Name: t.Name! });
        summary.tablesDeleted++;
      } else if (del === 'DEPRECATE_IN_DATABASE' && t.Parameters?.DEPRECATED_BY_CRAWLER === undefined) {
        const input = toTableInput(t);
        deps.catalog.updateTable({ DatabaseName: database, TableInput: { ...input, Parameters: { ...input.Parameters, DEPRECATED_BY_CRAWLER: name } } });
      }
    }
  });
  return summary;
}

function tryGetTable(catalog: CatalogService, database: string, name: string): Table | undefined {
  try {
    return catalog.getTable({ DatabaseName: database, Name: name }).Table;
  } catch (e) {
    if ((e as Error).name === 'EntityNotFoundException') return undefined;
    throw e;
  }
}

function sameSchema(existing: Table, found: TableInput): boolean {
  const strip = (t: { StorageDescriptor?: unknown; PartitionKeys?: unknown; Parameters?: Record<string, string> }): string => {
    const { recordCount: _r, averageRecordSize: _a, objectCount: _o, sizeKey: _s, ...params } = t.Parameters ?? {};
    const sd = { ...(t.StorageDescriptor as Record<string, unknown>) };
    delete sd.Parameters;
    return JSON.stringify([sd, t.PartitionKeys ?? [], params]);
  };
  return strip(existing) === strip(found);
}

/** The updatable part of a Table (what TableInput accepts). */
function toTableInput(t: Table): TableInput {
  return {
    Name: t.Name,
    Description: t.Description,
    Owner: t.Owner,
    Retention: t.Retention,
    StorageDescriptor: t.StorageDescriptor,
    PartitionKeys: t.PartitionKeys,
    TableType: t.TableType,
    Parameters: t.Parameters,
  };
}

function applyPartitions(catalog: CatalogService, database: string, table: string, partitions: PartitionInput[], update: boolean, summary: CrawlSummary): void {
  const existing = new Map(catalog.getPartitions({ DatabaseName: database, TableName: table }).Partitions.map((p) => [JSON.stringify(p.Values), p]));
  const create: PartitionInput[] = [];
  for (const p of partitions) {
    const old = existing.get(JSON.stringify(p.Values));
    if (!old) create.push(p);
    else if (update && JSON.stringify(old.StorageDescriptor?.Columns) !== JSON.stringify(p.StorageDescriptor?.Columns)) {
      catalog.updatePartition({ DatabaseName: database, TableName: table, PartitionValueList: p.Values!, PartitionInput: p });
      summary.partitionsUpdated++;
    }
  }
  if (create.length > 0) {
    const { Errors } = catalog.batchCreatePartition({ DatabaseName: database, TableName: table, PartitionInputList: create });
    if (Errors.length > 0) throw new Error(`crawler could not add partitions to ${database}.${table}: ${Errors[0].ErrorDetail.ErrorMessage}`);
    summary.partitionsCreated += create.length;
  }
}
