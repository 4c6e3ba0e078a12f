import type { Trigger, WorkflowRun, WorkflowRunStatistics } from '@aws-sdk/client-glue';
import type { StateStore } from '../state/state-store';
import { entityNotFound } from './glue-errors';
import { Stored, toDate, toStored } from './stored-dates';

/** One job run or crawl a workflow run started. */
export interface WorkflowAction {
  readonly kind: 'JOB' | 'CRAWLER';
  readonly name: string;
  /** The job run id (first attempt) or crawl id; absent when the start itself failed. */
  readonly runId?: string;
  /** Every attempt's job run id, first first (retries add to it). */
  readonly attempts: readonly string[];
  /** RUNNING, then the run's final state; ERROR when it could not start. */
  readonly state: string;
  readonly errorMessage?: string;
  readonly trigger: string;
}

const FINAL_STATE: Record<string, keyof WorkflowRunStatistics> = {
  SUCCEEDED: 'SucceededActions',
  FAILED: 'FailedActions',
  ERROR: 'ErroredActions',
  STOPPED: 'StoppedActions',
  TIMEOUT: 'TimeoutActions',
  CANCELLED: 'StoppedActions',
};

/** A workflow run's `Statistics` from its actions. */
export function workflowStatistics(actions: readonly WorkflowAction[]): WorkflowRunStatistics {
  const stats = { TotalActions: 0, TimeoutActions: 0, FailedActions: 0, StoppedActions: 0, SucceededActions: 0, RunningActions: 0, ErroredActions: 0, WaitingActions: 0 };
  for (const a of actions) {
    stats.TotalActions += 1;
    if (a.state === 'RUNNING') stats.RunningActions += 1;
    else {
      const key = FINAL_STATE[a.state] as keyof typeof stats | undefined;
      if (key) stats[key] += 1;
    }
  }
  return stats;
}

/** A workflow run as gluekit keeps it: the API's shape plus what the runner needs to go on. */
export interface WorkflowRunRecord {
  readonly run: WorkflowRun;
  /** The trigger graph, fixed when the run started. */
  readonly triggers: readonly Trigger[];
  /** Triggers that fired, by name. */
  readonly fired: readonly string[];
  readonly actions: readonly WorkflowAction[];
}

interface StoredRecord {
  run: Stored<WorkflowRun>;
  triggers: Trigger[];
  fired: string[];
  actions: WorkflowAction[];
}

/** The one place a stored workflow run converts back: its dates, and nothing in `WorkflowRunProperties`. */
function fromStored(s: StoredRecord): WorkflowRunRecord {
  return { ...s, run: { ...s.run, StartedOn: toDate(s.run.StartedOn), CompletedOn: toDate(s.run.CompletedOn) } as WorkflowRun };
}

/** Workflow runs under their workflow, with their status as an indexed column. */
export class WorkflowRunRepository {
  constructor(private readonly state: StateStore) {}

  put(record: WorkflowRunRecord): void {
    const stored: StoredRecord = { ...toStored(record), run: toStored(record.run) } as StoredRecord;
    this.state.put('workflowRun', record.run.WorkflowRunId!, stored, { parent: record.run.Name, status: record.run.Status });
  }

  find(runId: string): WorkflowRunRecord | undefined {
    const s = this.state.get<StoredRecord>('workflowRun', runId);
    return s && fromStored(s);
  }

  require(workflowName: string, runId: string): WorkflowRunRecord {
    const record = this.find(runId);
    if (!record || record.run.Name !== workflowName) throw entityNotFound(`Workflow run ${runId} of workflow ${workflowName} not found`);
    return record;
  }

  /** A workflow's runs, newest first. */
  list(workflowName: string, limit?: number): WorkflowRunRecord[] {
    return this.state.list<StoredRecord>('workflowRun', { parent: workflowName, newestFirst: true, limit }).map(fromStored);
  }

  runningCount(workflowName: string): number {
    return this.state.count('workflowRun', workflowName, ['RUNNING', 'STOPPING']);
  }

  /** Runs of any workflow still RUNNING or STOPPING (by index). */
  running(): WorkflowRunRecord[] {
    return this.state.list<StoredRecord>('workflowRun', { status: ['RUNNING', 'STOPPING'] }).map(fromStored);
  }
}
