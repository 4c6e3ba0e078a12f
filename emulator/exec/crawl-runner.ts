import type { Crawler, PartitionInput, Table, TableInput } from '@aws-sdk/client-glue';
import { crawlS3Path, CrawledTable } from '../crawler';
import type { CrawlRecord, CrawlSummary } from '../model/crawl-repository';
import { crawlerRunning } from '../model/glue-errors';
import type { GlueModel } from '../model/glue-model';
import { tableInputOf } from '../model/table-repository';
import type { ObjectStore } from '../storage/object-store';
import type { ActionListener } from './action-finished';
import { newCrawlId } from './ids';
import type { RunTracker } from './run-tracker';
import type { WorkflowContext } from './workflow-context';

/**
 * Starts and finishes crawls: the one place a crawler's state and its crawls change. A crawl infers every table first,
 * then applies them to the catalog in one transaction with its final state, following the crawler's SchemaChangePolicy
 * (GLUE-REFERENCE section 4); nothing is written when inference fails.
 */
export class CrawlRunner {
  private readonly listeners: ActionListener[] = [];

  constructor(private readonly model: GlueModel, private readonly store: ObjectStore, private readonly tracker: RunTracker) {}

  onFinished(listener: ActionListener): void {
    this.listeners.push(listener);
  }

  /** Starts a crawl in the background; a crawler not READY -> CrawlerRunningException. Resolves `finished` at its end. */
  start(name: string, context?: WorkflowContext): { crawlId: string; finished: Promise<CrawlRecord> } {
    const crawlId = newCrawlId();
    const startedOn = this.model.now();
    this.model.transaction(() => {
      const crawler = this.model.crawlers.require(name);
      if (crawler.State !== 'READY') throw crawlerRunning(`Crawler with name ${name} has already started`);
      this.model.crawlers.put({ ...crawler, State: 'RUNNING' });
      this.model.crawls.put({ CrawlerName: name, CrawlId: crawlId, State: 'RUNNING', StartedOn: startedOn, WorkflowRunId: context?.workflowRunId });
    });
    let resolve!: (record: CrawlRecord) => void;
    const finished = new Promise<CrawlRecord>((r) => (resolve = r));
    this.tracker.track(async () => {
      try {
        resolve(await this.execute(name, crawlId, startedOn, context));
      } catch (e) {
        resolve({ CrawlerName: name, CrawlId: crawlId, State: 'FAILED', StartedOn: startedOn, ErrorMessage: e instanceof Error ? e.message : String(e) });
        throw e;
      }
    });
    return { crawlId, finished };
  }

  private async execute(name: string, crawlId: string, startedOn: Date, context?: WorkflowContext): Promise<CrawlRecord> {
    let found: CrawledTable[] | undefined;
    let errorMessage: string | undefined;
    let crawler: Crawler | undefined;
    try {
      crawler = this.model.crawlers.require(name);
      found = await this.infer(crawler);
    } catch (e) {
      errorMessage = e instanceof Error ? e.message : String(e);
    }
    let record: CrawlRecord = { CrawlerName: name, CrawlId: crawlId, State: 'FAILED', StartedOn: startedOn, ErrorMessage: errorMessage, WorkflowRunId: context?.workflowRunId };
    const finish = (state: 'SUCCEEDED' | 'FAILED', summary?: CrawlSummary, message?: string): void => {
      record = { ...record, State: state, CompletedOn: this.model.now(), Summary: summary, ErrorMessage: message };
      const current = this.model.crawlers.find(name);
      if (current) {
        this.model.crawlers.put({
          ...current,
          State: 'READY',
          CrawlElapsedTime: 0,
          LastCrawl: { Status: state, ErrorMessage: message, LogGroup: '/aws-glue/crawlers', LogStream: name, MessagePrefix: crawlId, StartTime: startedOn },
        });
      }
      this.model.crawls.put(record);
    };
    try {
      this.model.transaction(() => {
        if (!found || !crawler) return finish('FAILED', undefined, errorMessage);
        finish('SUCCEEDED', this.apply(crawler, found));
      });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      try {
        this.model.transaction(() => finish('FAILED', undefined, message));
      } catch (recordError) {
        // The state could not take the result: waiters still hear of it; recovery fixes the stored crawl later.
        record = { ...record, State: 'FAILED', CompletedOn: this.model.now(), ErrorMessage: `${message}; recording this failure failed too: ${(recordError as Error).message}` };
      }
    }
    for (const listener of this.listeners) {
      try {
        listener({ kind: 'CRAWLER', name, runId: crawlId, attempts: [crawlId], state: record.State, workflowRunId: context?.workflowRunId });
      } catch (e) {
        process.emitWarning(`gluekit: a listener of crawl ${crawlId} failed: ${e instanceof Error ? e.stack : String(e)}`);
      }
    }
    return record;
  }

  private async infer(crawler: Crawler): Promise<CrawledTable[]> {
    if (!crawler.DatabaseName) throw new Error(`crawler ${crawler.Name} has no DatabaseName to write tables into`);
    this.model.databases.require(crawler.DatabaseName);
    const found: CrawledTable[] = [];
    for (const target of crawler.Targets?.S3Targets ?? []) {
      found.push(...(await crawlS3Path(this.store, target.Path!, { crawlerName: crawler.Name!, tablePrefix: crawler.TablePrefix, exclusions: target.Exclusions })));
    }
    return found;
  }

  /** Applies inferred tables to the catalog (inside the caller's transaction). */
  private apply(crawler: Crawler, found: CrawledTable[]): CrawlSummary {
    const name = crawler.Name!;
    const database = crawler.DatabaseName!;
    const update = crawler.SchemaChangePolicy?.UpdateBehavior ?? 'UPDATE_IN_DATABASE';
    const del = crawler.SchemaChangePolicy?.DeleteBehavior ?? 'DEPRECATE_IN_DATABASE';
    const summary: CrawlSummary = { tablesCreated: 0, tablesUpdated: 0, tablesDeleted: 0, partitionsCreated: 0, partitionsUpdated: 0 };
    const seen = new Set<string>();
    for (const { table, partitions } of found) {
      const tableName = table.Name!.toLowerCase();
      seen.add(tableName);
      const existing = this.model.tables.find(database, tableName);
      if (!existing) {
        this.model.tables.create(database, table);
        summary.tablesCreated++;
      } else if (update === 'UPDATE_IN_DATABASE' && !sameSchema(existing, table)) {
        this.model.tables.update(database, { ...tableInputOf(existing), ...table });
        summary.tablesUpdated++;
      }
      this.applyPartitions(database, tableName, partitions, update === 'UPDATE_IN_DATABASE', summary);
    }
    // Tables this crawler made whose data is gone.
    for (const t of this.model.tables.list(database)) {
      if (t.Parameters?.UPDATED_BY_CRAWLER !== name || seen.has(t.Name!)) continue;
      const location = t.StorageDescriptor?.Location ?? '';
      if (!(crawler.Targets?.S3Targets ?? []).some((s) => location.startsWith(s.Path!))) continue;
      if (del === 'DELETE_FROM_DATABASE') {
        this.model.tables.delete(database, t.Name!);
        summary.tablesDeleted++;
      } else if (del === 'DEPRECATE_IN_DATABASE' && t.Parameters?.DEPRECATED_BY_CRAWLER === undefined) {
        const input = tableInputOf(t);
        this.model.tables.update(database, { ...input, Parameters: { ...input.Parameters, DEPRECATED_BY_CRAWLER: name } });
      }
    }
    return summary;
  }

  private applyPartitions(database: string, table: string, partitions: PartitionInput[], update: boolean, summary: CrawlSummary): void {
    const existing = new Map(this.model.partitions.list(database, table).map((p) => [JSON.stringify(p.Values), p]));
    const create: PartitionInput[] = [];
    for (const p of partitions) {
      const old = existing.get(JSON.stringify(p.Values));
      if (!old) create.push(p);
      else if (update && JSON.stringify(old.StorageDescriptor?.Columns) !== JSON.stringify(p.StorageDescriptor?.Columns)) {
        this.model.partitions.update(database, table, p.Values!, p);
        summary.partitionsUpdated++;
      }
    }
    if (create.length > 0) {
      const errors = this.model.partitions.createMany(database, table, create);
      if (errors.length > 0) throw new Error(`crawler could not add partitions to ${database}.${table}: ${errors[0].ErrorDetail?.ErrorMessage}`);
      summary.partitionsCreated += create.length;
    }
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
