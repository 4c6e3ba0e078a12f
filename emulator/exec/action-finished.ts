/** What a finished job run (after its retries) or crawl tells those waiting on it: a workflow run's conditional triggers. */
export interface ActionFinished {
  readonly kind: 'JOB' | 'CRAWLER';
  readonly name: string;
  /** The job run id (first attempt) or crawl id. */
  readonly runId: string;
  /** Every attempt's job run id, first first (a crawl: its id). */
  readonly attempts: readonly string[];
  /** The last attempt's JobRunState, or the crawl's state (SUCCEEDED, FAILED, CANCELLED...). */
  readonly state: string;
  readonly workflowRunId?: string;
}

export type ActionListener = (event: ActionFinished) => void;
