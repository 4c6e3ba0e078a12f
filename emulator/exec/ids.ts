import { randomBytes } from 'crypto';

/** Glue's run id shapes: `jr_<64 hex>` for job runs, `wr_<64 hex>` for workflow runs. */
export function newRunId(prefix: 'jr' | 'wr'): string {
  return `${prefix}_${randomBytes(32).toString('hex')}`;
}

/** A crawl's id: a UUID, as GetCrawlerHistory shows. */
export function newCrawlId(): string {
  const b = randomBytes(16).toString('hex');
  return `${b.slice(0, 8)}-${b.slice(8, 12)}-${b.slice(12, 16)}-${b.slice(16, 20)}-${b.slice(20)}`;
}
