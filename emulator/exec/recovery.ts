import { promises as fs } from 'fs';
import type { GlueModel } from '../model/glue-model';
import { workflowStatistics } from '../model/workflow-run-repository';
import type { ObjectStore } from '../storage/object-store';
import { undoCommit } from './run-commit';

export const INTERRUPTED = 'the gluekit process running this ended before it finished (killed or crashed); start it again';
const INTERRUPTED_COMMIT = 'the gluekit process running this was killed while committing the output; nothing of it was kept; start it again';

/**
 * Runs are executed by the process that owns the state directory. When a new owner takes it over from a dead one,
 * anything still marked running was left behind: commits in the journal are undone (their objects deleted), job runs
 * and crawls become FAILED, crawlers READY, workflow runs ERROR, and the run staging folders are removed. Runs are found
 * by index, not by reading every past run. Call only while holding the owner lock.
 */
export async function recoverInterrupted(model: GlueModel, store: ObjectStore, scratchDir: string): Promise<void> {
  const interruptedCommits = new Set<string>();
  for (const entry of model.journal.pending()) {
    await undoCommit(model, store, entry);
    interruptedCommits.add(entry.runId);
  }
  const now = model.now();
  model.transaction(() => {
    for (const run of model.jobRuns.active()) {
      const message = interruptedCommits.has(run.Id!) ? INTERRUPTED_COMMIT : INTERRUPTED;
      model.jobRuns.put({ ...run, JobRunState: 'FAILED', ErrorMessage: message, CompletedOn: now, LastModifiedOn: now });
    }
    for (const crawl of model.crawls.running()) model.crawls.put({ ...crawl, State: 'FAILED', ErrorMessage: INTERRUPTED, CompletedOn: now });
    for (const crawler of model.crawlers.inState(['RUNNING', 'STOPPING'])) {
      model.crawlers.put({ ...crawler, State: 'READY', LastCrawl: { ...crawler.LastCrawl, Status: 'FAILED', ErrorMessage: INTERRUPTED } });
    }
    for (const record of model.workflowRuns.running()) {
      // Its running actions were failed above: they end FAILED here too, and the statistics say so.
      const actions = record.actions.map((a) => (a.state === 'RUNNING' ? { ...a, state: 'FAILED' } : a));
      model.workflowRuns.put({ ...record, actions, run: { ...record.run, Status: 'ERROR', ErrorMessage: INTERRUPTED, CompletedOn: now, Statistics: workflowStatistics(actions) } });
    }
  });
  await fs.rm(scratchDir, { recursive: true, force: true });
}
