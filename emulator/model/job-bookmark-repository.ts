import type { JobBookmarkEntry } from '@aws-sdk/client-glue';
import type { StateStore } from '../state/state-store';

/**
 * Job bookmarks, one per job, as `GetJobBookmark` gives them (`JobBookmarkEntry`). `JobBookmark` is the state as JSON
 * text, which the job runner writes and reads (`emulator/frames/source-bookmarks.ts` says what it holds).
 */
export class JobBookmarkRepository {
  constructor(private readonly state: StateStore) {}

  find(jobName: string): JobBookmarkEntry | undefined {
    return this.state.get<JobBookmarkEntry>('jobBookmark', jobName);
  }

  /**
   * Records the state a run committed (JSON text) as the job's bookmark: its `Version` and `Run` one more than the
   * last's, `PreviousRunId` the run that committed the last one.
   */
  advance(jobName: string, runId: string, attempt: number, jobBookmark: string): JobBookmarkEntry {
    const last = this.find(jobName);
    const entry: JobBookmarkEntry = {
      JobName: jobName,
      Version: (last?.Version ?? 0) + 1,
      Run: (last?.Run ?? 0) + 1,
      Attempt: attempt,
      PreviousRunId: last?.RunId,
      RunId: runId,
      JobBookmark: jobBookmark,
    };
    this.state.put('jobBookmark', jobName, entry);
    return entry;
  }

  delete(jobName: string): boolean {
    return this.state.delete('jobBookmark', jobName);
  }
}
