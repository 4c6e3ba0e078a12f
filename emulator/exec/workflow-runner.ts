import type { Trigger } from '@aws-sdk/client-glue';
import { concurrentRunsExceeded, illegalWorkflowState } from '../model/glue-errors';
import type { GlueModel } from '../model/glue-model';
import { WorkflowAction, WorkflowRunRecord, workflowStatistics } from '../model/workflow-run-repository';
import type { ActionFinished } from './action-finished';
import type { CrawlRunner } from './crawl-runner';
import { newRunId } from './ids';
import type { JobRunner } from './job-runner';

/**
 * Drives workflow runs (GLUE-REFERENCE section 6): the trigger graph is fixed when the run starts; the ON_DEMAND trigger
 * fires first; each finished action re-evaluates the ACTIVATED conditional triggers against the runs of this workflow
 * run, each firing at most once; the run ends COMPLETED when nothing is running, even when nodes failed.
 */
export class WorkflowRunner {
  constructor(private readonly model: GlueModel, private readonly jobs: JobRunner, private readonly crawls: CrawlRunner) {
    const forward = (e: ActionFinished): void => this.actionFinished(e);
    jobs.onFinished(forward);
    crawls.onFinished(forward);
  }

  start(name: string, runProperties?: Record<string, string>): string {
    const runId = newRunId('wr');
    const starters = this.model.transaction(() => {
      const workflow = this.model.workflows.require(name);
      const triggers = this.model.triggers.ofWorkflow(name);
      const starters = triggers.filter((t) => t.Type === 'ON_DEMAND');
      if (starters.length === 0) throw illegalWorkflowState(`Workflow ${name} has no ON_DEMAND trigger to start it`);
      const running = this.model.workflowRuns.runningCount(name);
      if (workflow.MaxConcurrentRuns && running >= workflow.MaxConcurrentRuns) {
        throw concurrentRunsExceeded(`Workflow ${name} already has ${running} running run(s); MaxConcurrentRuns is ${workflow.MaxConcurrentRuns}`);
      }
      this.model.workflowRuns.put({
        run: {
          Name: name,
          WorkflowRunId: runId,
          WorkflowRunProperties: { ...workflow.DefaultRunProperties, ...runProperties },
          StartedOn: this.model.now(),
          Status: 'RUNNING',
          Statistics: workflowStatistics([]),
        },
        triggers,
        fired: [],
        actions: [],
      });
      return starters;
    });
    for (const trigger of starters) this.fire(runId, trigger);
    this.settle(runId);
    return runId;
  }

  /** Called when any job run or crawl finishes; only those of a workflow run matter here. */
  private actionFinished(event: ActionFinished): void {
    if (!event.workflowRunId) return;
    const record = this.model.workflowRuns.find(event.workflowRunId);
    if (!record || !record.actions.some((a) => a.runId === event.runId)) return;
    const updated: WorkflowRunRecord = {
      ...record,
      actions: record.actions.map((a) => (a.runId === event.runId ? { ...a, state: event.state, attempts: event.attempts } : a)),
    };
    this.model.transaction(() => this.model.workflowRuns.put(updated));
    for (const trigger of updated.triggers) {
      if (trigger.Type !== 'CONDITIONAL' || trigger.State !== 'ACTIVATED' || updated.fired.includes(trigger.Name!)) continue;
      if (this.satisfied(updated, trigger)) this.fire(event.workflowRunId, trigger);
    }
    this.settle(event.workflowRunId);
  }

  private satisfied(record: WorkflowRunRecord, trigger: Trigger): boolean {
    const results = (trigger.Predicate?.Conditions ?? []).map((c) => {
      const kind = c.JobName ? 'JOB' : 'CRAWLER';
      const name = c.JobName ?? c.CrawlerName;
      const latest = [...record.actions].reverse().find((a) => a.kind === kind && a.name === name);
      return latest !== undefined && latest.state === (c.JobName ? c.State : c.CrawlState);
    });
    return trigger.Predicate?.Logical === 'ANY' ? results.some(Boolean) : results.length > 0 && results.every(Boolean);
  }

  private fire(runId: string, trigger: Trigger): void {
    const record = this.model.workflowRuns.find(runId)!;
    this.model.transaction(() => this.model.workflowRuns.put({ ...record, fired: [...record.fired, trigger.Name!] }));
    const context = { workflowName: record.run.Name!, workflowRunId: runId, triggerName: trigger.Name! };
    for (const action of trigger.Actions ?? []) {
      const kind = action.JobName ? 'JOB' : 'CRAWLER';
      const name = (action.JobName ?? action.CrawlerName)!;
      let started: WorkflowAction;
      try {
        const id = action.JobName
          ? this.jobs.start({ JobName: action.JobName, Arguments: action.Arguments, Timeout: action.Timeout }, context).runId
          : this.crawls.start(action.CrawlerName!, context).crawlId;
        started = { kind, name, runId: id, attempts: [id], state: 'RUNNING', trigger: trigger.Name! };
      } catch (e) {
        started = { kind, name, attempts: [], state: 'ERROR', errorMessage: e instanceof Error ? e.message : String(e), trigger: trigger.Name! };
      }
      // Runs execute on a later tick, so the action is recorded before any of them can finish.
      const current = this.model.workflowRuns.find(runId)!;
      this.model.transaction(() => this.model.workflowRuns.put({ ...current, actions: [...current.actions, started] }));
    }
  }

  /** Updates statistics; completes the run once nothing is running. */
  private settle(runId: string): void {
    const record = this.model.workflowRuns.find(runId)!;
    if (record.run.Status !== 'RUNNING') return;
    const stats = workflowStatistics(record.actions);
    const done = stats.RunningActions === 0;
    this.model.transaction(() =>
      this.model.workflowRuns.put({ ...record, run: { ...record.run, Statistics: stats, ...(done ? { Status: 'COMPLETED', CompletedOn: this.model.now() } : {}) } }),
    );
  }
}
