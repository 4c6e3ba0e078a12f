/** What a finished job run or crawl tells those waiting on it (a workflow run's conditional triggers). */
export interface ActionFinished {
  readonly kind: 'JOB' | 'CRAWLER';
  readonly name: string;
  /** The job run id or crawl id. */
  readonly runId: string;
  /** A job run's JobRunState or a crawl's state (SUCCEEDED, FAILED, CANCELLED...). */
  readonly state: string;
  readonly workflowRunId?: string;
}

export type ActionListener = (event: ActionFinished) => void;
