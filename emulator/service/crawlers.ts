import type { Crawl, Crawler, CreateCrawlerRequest } from '@aws-sdk/client-glue';
import { crawl } from '../runs/crawler-run';
import type { ActionListener } from '../runs/events';
import { newCrawlId } from '../runs/ids';
import type { RunTracker } from '../runs/run-tracker';
import type { StateStore } from '../state/state-store';
import type { ObjectStore } from '../storage/object-store';
import type { CatalogService } from './catalog';
import { alreadyExists, crawlerRunning, entityNotFound, invalidInput } from './errors';

/** A crawl as kept in the state store: the API's `Crawl` plus which crawler and workflow run it belongs to. */
export interface CrawlRecord extends Crawl {
  CrawlerName: string;
  CrawlId: string;
  WorkflowRunId?: string;
  /** Counts of what the crawl changed, as JSON (GetCrawlerHistory's Summary). */
  Summary?: string;
}

/** The crawler operations: CreateCrawler, GetCrawler(s), StartCrawler; a started crawl runs in the background. */
export class CrawlerService {
  private readonly listeners: ActionListener[] = [];

  constructor(
    private readonly state: StateStore,
    private readonly catalog: CatalogService,
    private readonly store: ObjectStore,
    private readonly tracker: RunTracker,
  ) {}

  onFinished(listener: ActionListener): void {
    this.listeners.push(listener);
  }

  createCrawler(input: CreateCrawlerRequest): void {
    if (!input.Name) throw invalidInput('Name is required');
    if (!input.Role) throw invalidInput(`CreateCrawler ${input.Name}: Role is required`);
    if (!input.Targets?.S3Targets?.length) throw invalidInput(`CreateCrawler ${input.Name}: Targets.S3Targets must name at least one target (gluekit crawls S3 targets)`);
    for (const [i, t] of input.Targets.S3Targets.entries()) {
      if (!t.Path || !/^s3a?:\/\/[^/]+/.test(t.Path)) throw invalidInput(`CreateCrawler ${input.Name}: Targets.S3Targets[${i}].Path '${t.Path}' is not an s3:// path`);
    }
    const now = new Date();
    const crawler: Crawler = {
      Name: input.Name,
      Role: input.Role,
      Targets: input.Targets,
      DatabaseName: input.DatabaseName,
      Description: input.Description,
      Classifiers: input.Classifiers,
      TablePrefix: input.TablePrefix,
      SchemaChangePolicy: input.SchemaChangePolicy ?? { UpdateBehavior: 'UPDATE_IN_DATABASE', DeleteBehavior: 'DEPRECATE_IN_DATABASE' },
      RecrawlPolicy: input.RecrawlPolicy ?? { RecrawlBehavior: 'CRAWL_EVERYTHING' },
      Schedule: input.Schedule ? { ScheduleExpression: input.Schedule, State: 'SCHEDULED' } : undefined,
      Configuration: input.Configuration,
      State: 'READY',
      CrawlElapsedTime: 0,
      CreationTime: now,
      LastUpdated: now,
      Version: 1,
    };
    if (!this.state.insert('crawler', input.Name, crawler)) throw alreadyExists(`Crawler ${input.Name} already exists.`);
  }

  /** UpdateCrawler: replaces the definition; its state and last crawl stay. */
  updateCrawler(input: CreateCrawlerRequest): void {
    this.state.transaction(() => {
      const { Crawler: old } = this.getCrawler({ Name: input.Name! });
      this.state.delete('crawler', input.Name!);
      this.createCrawler(input);
      const fresh = this.getCrawler({ Name: input.Name! }).Crawler;
      this.state.put('crawler', input.Name!, { ...fresh, State: old.State, LastCrawl: old.LastCrawl, CreationTime: old.CreationTime, Version: (old.Version ?? 1) + 1 });
    });
  }

  getCrawler(input: { Name: string }): { Crawler: Crawler } {
    const crawler = this.state.get<Crawler>('crawler', input.Name);
    if (!crawler) throw entityNotFound(`Crawler with name ${input.Name} does not exist.`);
    return { Crawler: crawler };
  }

  getCrawlers(): { Crawlers: Crawler[] } {
    return { Crawlers: this.state.list<Crawler>('crawler') };
  }

  /** The crawls of a crawler, newest first. */
  listCrawls(input: { CrawlerName: string }): { Crawls: CrawlRecord[] } {
    this.getCrawler({ Name: input.CrawlerName });
    return { Crawls: this.state.list<CrawlRecord>('crawl', input.CrawlerName).reverse() };
  }

  getCrawl(crawlId: string): CrawlRecord | undefined {
    return this.state.get<CrawlRecord>('crawl', crawlId);
  }

  /** Starts a crawl in the background; returns its id. A crawler already running -> CrawlerRunningException. */
  startCrawler(input: { Name: string }, workflowRunId?: string): { CrawlId: string } {
    const crawlId = newCrawlId();
    const startedOn = new Date();
    this.state.transaction(() => {
      const { Crawler: crawler } = this.getCrawler(input);
      if (crawler.State !== 'READY') throw crawlerRunning(`Crawler with name ${input.Name} has already started`);
      this.state.put('crawler', input.Name, { ...crawler, State: 'RUNNING' });
      const record: CrawlRecord = { CrawlerName: input.Name, CrawlId: crawlId, State: 'RUNNING', StartedOn: startedOn, WorkflowRunId: workflowRunId };
      this.state.insert('crawl', crawlId, record, input.Name);
    });
    this.tracker.track(() => this.execute(input.Name, crawlId, startedOn, workflowRunId));
    return { CrawlId: crawlId };
  }

  private async execute(name: string, crawlId: string, startedOn: Date, workflowRunId?: string): Promise<void> {
    let status: 'SUCCEEDED' | 'FAILED' = 'SUCCEEDED';
    let errorMessage: string | undefined;
    let summary: string | undefined;
    try {
      const { Crawler: crawler } = this.getCrawler({ Name: name });
      summary = JSON.stringify(await crawl(crawler, { catalog: this.catalog, store: this.store, state: this.state }));
    } catch (e) {
      status = 'FAILED';
      errorMessage = e instanceof Error ? e.message : String(e);
    }
    const completedOn = new Date();
    this.state.transaction(() => {
      const crawler = this.state.get<Crawler>('crawler', name);
      if (crawler) {
        this.state.put('crawler', name, {
          ...crawler,
          State: 'READY',
          CrawlElapsedTime: 0,
          LastCrawl: {
            Status: status,
            ErrorMessage: errorMessage,
            LogGroup: '/aws-glue/crawlers',
            LogStream: name,
            MessagePrefix: crawlId,
            StartTime: startedOn,
          },
        });
      }
      const record = this.state.get<CrawlRecord>('crawl', crawlId)!;
      this.state.put('crawl', crawlId, { ...record, State: status, CompletedOn: completedOn, ErrorMessage: errorMessage, Summary: summary }, name);
    });
    for (const listener of this.listeners) listener({ kind: 'CRAWLER', name, runId: crawlId, state: status, workflowRunId });
  }
}
