import type { Crawler, JobRun, WorkflowRun } from '@aws-sdk/client-glue';
import type { CrawlRecord } from '../service/crawlers';
import type { StateStore } from '../state/state-store';

const INTERRUPTED = 'the gluekit process running this ended before it finished (killed or crashed); start it again';

/**
 * Runs are executed by the process that started them. When a state directory is opened, anything still marked
 * running belongs to a process that is gone: its job runs and crawls become FAILED, its crawlers READY, its workflow
 * runs ERROR, so a new start is not refused as already running. A state directory serves one process at a time.
 */
export function recoverInterrupted(state: StateStore): void {
  const now = new Date();
  state.transaction(() => {
    for (const run of state.list<JobRun>('jobRun')) {
      if (run.JobRunState === 'RUNNING' || run.JobRunState === 'STARTING' || run.JobRunState === 'STOPPING' || run.JobRunState === 'WAITING') {
        state.put('jobRun', run.Id!, { ...run, JobRunState: 'FAILED', ErrorMessage: INTERRUPTED, CompletedOn: now, LastModifiedOn: now }, run.JobName);
      }
    }
    for (const crawl of state.list<CrawlRecord>('crawl')) {
      if (crawl.State === 'RUNNING') state.put('crawl', crawl.CrawlId, { ...crawl, State: 'FAILED', ErrorMessage: INTERRUPTED, CompletedOn: now }, crawl.CrawlerName);
    }
    for (const crawler of state.list<Crawler>('crawler')) {
      if (crawler.State !== 'READY') {
        state.put('crawler', crawler.Name!, { ...crawler, State: 'READY', LastCrawl: { ...crawler.LastCrawl, Status: 'FAILED', ErrorMessage: INTERRUPTED } });
      }
    }
    for (const run of state.list<WorkflowRun>('workflowRun')) {
      if (run.Status === 'RUNNING' || run.Status === 'STOPPING') {
        state.put('workflowRun', run.WorkflowRunId!, { ...run, Status: 'ERROR', ErrorMessage: INTERRUPTED, CompletedOn: now }, run.Name);
      }
    }
  });
}
