import type { Crawler } from '@aws-sdk/client-glue';
import type { StateStore } from '../state/state-store';
import { alreadyExists, entityNotFound } from './glue-errors';
import { Stored, toDate, toStored } from './stored-dates';

/** A stored crawler, back in the API's shape: the one place its dates are converted. */
function fromStored(s: Stored<Crawler>): Crawler {
  const crawler = { ...s, CreationTime: toDate(s.CreationTime), LastUpdated: toDate(s.LastUpdated) } as Crawler;
  if (s.LastCrawl) crawler.LastCrawl = { ...s.LastCrawl, StartTime: toDate(s.LastCrawl.StartTime as unknown as string) };
  return crawler;
}

/** Crawlers by name; the crawler's state (READY, RUNNING, STOPPING) is an indexed column. */
export class CrawlerRepository {
  constructor(private readonly state: StateStore) {}

  insert(crawler: Crawler): void {
    if (!this.state.insert('crawler', crawler.Name!, toStored(crawler), { status: crawler.State })) throw alreadyExists(`Crawler ${crawler.Name} already exists.`);
  }

  put(crawler: Crawler): void {
    this.state.put('crawler', crawler.Name!, toStored(crawler), { status: crawler.State });
  }

  find(name: string): Crawler | undefined {
    const s = this.state.get<Stored<Crawler>>('crawler', name);
    return s && fromStored(s);
  }

  require(name: string): Crawler {
    const crawler = this.find(name);
    if (!crawler) throw entityNotFound(`Crawler with name ${name} does not exist.`);
    return crawler;
  }

  list(): Crawler[] {
    return this.state.list<Stored<Crawler>>('crawler').map(fromStored);
  }

  /** Crawlers in one of the states (by index). */
  inState(states: readonly string[]): Crawler[] {
    return this.state.list<Stored<Crawler>>('crawler', { status: states }).map(fromStored);
  }

  delete(name: string): void {
    if (!this.state.delete('crawler', name)) throw entityNotFound(`Crawler with name ${name} does not exist.`);
  }
}
