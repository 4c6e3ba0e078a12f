import type { JobBookmarkEntry } from '@aws-sdk/client-glue';
import type { StateStore } from '../state/state-store';

/**
 * Job bookmarks, one per job, as `GetJobBookmark` gives them (`JobBookmarkEntry`). `JobBookmark` is the state as JSON
 * text, read and written only here (`emulator/frames/source-bookmarks.ts` says what it holds).
 */
export class JobBookmarkRepository {
  constructor(private readonly state: StateStore) {}

  find(jobName: string): JobBookmarkEntry | undefined {
    return this.state.get<JobBookmarkEntry>('jobBookmark', jobName);
  }

  /** What the job's bookmark holds (per source, the objects read and their last-modified times); empty without one. */
  stateOf(jobName: string): Record<string, Record<string, string>> {
    const entry = this.find(jobName);
    return (entry?.JobBookmark ? JSON.parse(entry.JobBookmark) : {}) as Record<string, Record<string, string>>;
  }

  /**
   * Adds what a run's sources read (per source, the objects and their last-modified times) to the job's bookmark as it
   * is now, in the caller's transaction: a reset or another run's commit since the run started is kept. `Version` and
   * `Run` are one more than the last's, `PreviousRunId` the run that committed the last one.
   */
  advance(jobName: string, runId: string, attempt: number, read: Record<string, Record<string, string>>): JobBookmarkEntry {
    const last = this.find(jobName);
    const state = this.stateOf(jobName);
    for (const [source, objects] of Object.entries(read)) state[source] = { ...state[source], ...objects };
    const entry: JobBookmarkEntry = {
      JobName: jobName,
      Version: (last?.Version ?? 0) + 1,
      Run: (last?.Run ?? 0) + 1,
      Attempt: attempt,
      PreviousRunId: last?.RunId,
      RunId: runId,
      JobBookmark: JSON.stringify(state),
    };
    this.state.put('jobBookmark', jobName, entry);
    return entry;
  }

  delete(jobName: string): boolean {
    return this.state.delete('jobBookmark', jobName);
  }
}
