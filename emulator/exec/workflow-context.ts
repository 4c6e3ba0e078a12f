/**
 * Who started a job run or crawl, when a workflow did: travels from the workflow runner to the job and crawl runners
 * (never through an API method), and comes back in their ActionFinished events.
 */
export interface WorkflowContext {
  readonly workflowName: string;
  readonly workflowRunId: string;
  readonly triggerName: string;
}
