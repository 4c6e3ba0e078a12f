import type { Crawl, CrawlerHistory } from '@aws-sdk/client-glue';
import type { StateStore } from '../state/state-store';
import { toDate } from './stored-dates';

/** What a crawl changed in the catalog (ListCrawls' `Summary`, as JSON). */
export interface CrawlSummary {
  tablesCreated: number;
  tablesUpdated: number;
  tablesDeleted: number;
  partitionsCreated: number;
  partitionsUpdated: number;
}

/** One crawl as gluekit keeps it. */
export interface CrawlRecord {
  readonly CrawlerName: string;
  readonly CrawlId: string;
  /** RUNNING, then SUCCEEDED, FAILED or CANCELLED. */
  readonly State: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  readonly StartedOn: Date;
  readonly CompletedOn?: Date;
  readonly ErrorMessage?: string;
  /** The workflow run that started it, if any. */
  readonly WorkflowRunId?: string;
  readonly Summary?: CrawlSummary;
}

type StoredCrawl = Omit<CrawlRecord, 'StartedOn' | 'CompletedOn'> & { StartedOn: string; CompletedOn?: string };

const LOG_GROUP = '/aws-glue/crawlers';

/** Crawls, under their crawler, with their state as an indexed column. The one place a crawl converts to API shapes. */
export class CrawlRepository {
  constructor(private readonly state: StateStore) {}

  put(crawl: CrawlRecord): void {
    const stored: StoredCrawl = JSON.parse(JSON.stringify(crawl)) as StoredCrawl;
    this.state.put('crawl', crawl.CrawlId, stored, { parent: crawl.CrawlerName, status: crawl.State });
  }

  find(crawlId: string): CrawlRecord | undefined {
    const s = this.state.get<StoredCrawl>('crawl', crawlId);
    return s && { ...s, StartedOn: toDate(s.StartedOn)!, CompletedOn: toDate(s.CompletedOn) };
  }

  /** A crawler's crawls, newest first. */
  list(crawlerName: string, limit?: number): CrawlRecord[] {
    return this.state
      .list<StoredCrawl>('crawl', { parent: crawlerName, newestFirst: true, limit })
      .map((s) => ({ ...s, StartedOn: toDate(s.StartedOn)!, CompletedOn: toDate(s.CompletedOn) }));
  }

  /** Crawls still RUNNING (by index): after a crash, those its dead owner left. */
  running(): CrawlRecord[] {
    return this.state.list<StoredCrawl>('crawl', { status: ['RUNNING'] }).map((s) => ({ ...s, StartedOn: toDate(s.StartedOn)!, CompletedOn: toDate(s.CompletedOn) }));
  }

  /** The crawl as a workflow run's graph shows it (`CrawlerDetails.Crawls`). */
  static toCrawl(c: CrawlRecord): Crawl {
    return { State: c.State, StartedOn: c.StartedOn, CompletedOn: c.CompletedOn, ErrorMessage: c.ErrorMessage, LogGroup: LOG_GROUP, LogStream: c.CrawlerName };
  }

  /** The crawl as ListCrawls shows it. */
  static toHistory(c: CrawlRecord): CrawlerHistory {
    const state = c.State === 'SUCCEEDED' ? 'COMPLETED' : c.State === 'CANCELLED' ? 'STOPPED' : c.State;
    return {
      CrawlId: c.CrawlId,
      State: state,
      StartTime: c.StartedOn,
      EndTime: c.CompletedOn,
      Summary: c.Summary ? JSON.stringify(c.Summary) : undefined,
      ErrorMessage: c.ErrorMessage,
      LogGroup: LOG_GROUP,
      LogStream: c.CrawlerName,
      MessagePrefix: c.CrawlId,
    };
  }
}
