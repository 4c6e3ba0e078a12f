import type { JobRun } from '@aws-sdk/client-glue';
import type { StateStore } from '../state/state-store';
import { entityNotFound } from './glue-errors';
import { Stored, toDate, toStored } from './stored-dates';

/** The states of a job run that has not ended. */
export const ACTIVE_JOB_RUN_STATES = ['STARTING', 'RUNNING', 'STOPPING', 'WAITING'] as const;

/** A stored job run, back in the API's shape: the one place its dates are converted. */
function fromStored(s: Stored<JobRun>): JobRun {
  return { ...s, StartedOn: toDate(s.StartedOn), LastModifiedOn: toDate(s.LastModifiedOn), CompletedOn: toDate(s.CompletedOn) } as JobRun;
}

/**
 * Job runs, under their job, with their state as an indexed column: counting a job's active runs and finding runs a
 * dead process left are index look-ups, however long the history.
 */
export class JobRunRepository {
  constructor(private readonly state: StateStore) {}

  put(run: JobRun): void {
    this.state.put('jobRun', run.Id!, toStored(run), { parent: run.JobName, status: run.JobRunState });
  }

  find(runId: string): JobRun | undefined {
    const s = this.state.get<Stored<JobRun>>('jobRun', runId);
    return s && fromStored(s);
  }

  require(jobName: string, runId: string): JobRun {
    const run = this.find(runId);
    if (!run || run.JobName !== jobName) throw entityNotFound(`Job run ${runId} of job ${jobName} not found`);
    return run;
  }

  /** A job's runs, newest first. */
  list(jobName: string, limit?: number): JobRun[] {
    return this.state.list<Stored<JobRun>>('jobRun', { parent: jobName, newestFirst: true, limit }).map(fromStored);
  }

  /** How many runs of a job have not ended (by index). */
  activeCount(jobName: string): number {
    return this.state.count('jobRun', jobName, ACTIVE_JOB_RUN_STATES);
  }

  /** Every run that has not ended, of any job (by index). */
  active(): JobRun[] {
    return this.state.list<Stored<JobRun>>('jobRun', { status: ACTIVE_JOB_RUN_STATES }).map(fromStored);
  }

  deleteAll(jobName: string): void {
    this.state.deleteChildren('jobRun', jobName);
  }
}
