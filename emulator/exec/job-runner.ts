import { promises as fs } from 'fs';
import * as path from 'path';
import type { JobRun, StartJobRunRequest } from '@aws-sdk/client-glue';
import { bindArguments } from '../../lib/pipeline/argument-placeholder';
import type { FrameEngine } from '../frames/frame-engine';
import { concurrentRunsExceeded } from '../model/glue-errors';
import type { GlueModel } from '../model/glue-model';
import type { ObjectStore } from '../storage/object-store';
import type { ActionListener } from './action-finished';
import { faultPoint } from './fault-point';
import { newRunId } from './ids';
import { jobGraph } from './job-graph';
import { commitRun } from './run-commit';
import type { RunTracker } from './run-tracker';
import type { WorkflowContext } from './workflow-context';

/** How a job run (with its retries) ended. */
export interface JobRunOutcome {
  readonly firstRunId: string;
  /** The last attempt. */
  readonly last: JobRun;
}

/**
 * Starts, executes, retries, finishes and commits job runs: the one place a job run's state changes. A run executes in
 * the background; its output becomes visible with its SUCCEEDED state (`commitRun`).
 */
export class JobRunner {
  private static lastRunMillis = 0;
  private readonly listeners: ActionListener[] = [];

  constructor(
    private readonly model: GlueModel,
    private readonly store: ObjectStore,
    private readonly engine: FrameEngine,
    private readonly tracker: RunTracker,
    /** Where runs stage their output (`<stateDir>/tmp`). */
    private readonly scratchDir: string,
  ) {}

  onFinished(listener: ActionListener): void {
    this.listeners.push(listener);
  }

  /**
   * Starts a run; MaxConcurrentRuns is checked by index in the same transaction that records the run RUNNING.
   * Resolves `finished` once the run and its retries are over.
   */
  start(request: StartJobRunRequest, context?: WorkflowContext): { runId: string; finished: Promise<JobRunOutcome> } {
    let resolve!: (outcome: JobRunOutcome) => void;
    const finished = new Promise<JobRunOutcome>((r) => (resolve = r));
    const runId = this.startAttempt(request, context, 0, undefined, [], resolve);
    return { runId, finished };
  }

  private startAttempt(
    request: StartJobRunRequest,
    context: WorkflowContext | undefined,
    attempt: number,
    previousRunId: string | undefined,
    attempts: string[],
    resolve: (outcome: JobRunOutcome) => void,
  ): string {
    const runId = newRunId('jr');
    const startedOn = this.model.now();
    this.model.transaction(() => {
      const job = this.model.jobs.require(request.JobName!);
      const max = job.ExecutionProperty?.MaxConcurrentRuns ?? 1;
      const active = this.model.jobRuns.activeCount(job.Name!);
      if (active >= max) throw concurrentRunsExceeded(`Concurrent runs exceeded for ${job.Name}: ${active} running, MaxConcurrentRuns is ${max}`);
      const workflowArgs: Record<string, string> = context ? { '--WORKFLOW_NAME': context.workflowName, '--WORKFLOW_RUN_ID': context.workflowRunId } : {};
      this.model.jobRuns.put({
        Id: runId,
        Attempt: attempt,
        PreviousRunId: previousRunId,
        TriggerName: context?.triggerName,
        JobName: job.Name,
        StartedOn: startedOn,
        LastModifiedOn: startedOn,
        JobRunState: 'RUNNING',
        Arguments: { ...job.DefaultArguments, ...request.Arguments, ...workflowArgs, ...job.NonOverridableArguments },
        PredecessorRuns: [],
        AllocatedCapacity: job.AllocatedCapacity,
        ExecutionTime: 0,
        Timeout: request.Timeout ?? job.Timeout,
        GlueVersion: job.GlueVersion,
        WorkerType: job.WorkerType,
        NumberOfWorkers: job.NumberOfWorkers,
      });
    });
    const chain = [...attempts, runId];
    this.tracker.track(() => this.execute(request, context, runId, attempt, chain, resolve));
    return runId;
  }

  /** Runs one attempt; listeners hear of the job run by its first attempt's id once no retry follows. */
  private async execute(
    request: StartJobRunRequest,
    context: WorkflowContext | undefined,
    runId: string,
    attempt: number,
    attempts: string[],
    resolve: (outcome: JobRunOutcome) => void,
  ): Promise<void> {
    const started = Date.now();
    // Sink file names carry this number: unique per run in this process, so two runs writing one prefix never collide.
    JobRunner.lastRunMillis = Math.max(started, JobRunner.lastRunMillis + 1);
    const runMillis = JobRunner.lastRunMillis;
    const stagingDir = path.join(this.scratchDir, runId);
    const run = this.model.jobRuns.find(runId)!;
    const ended = (state: 'SUCCEEDED' | 'FAILED', errorMessage?: string): JobRun => {
      const completedOn = this.model.now();
      return { ...run, JobRunState: state, ErrorMessage: errorMessage, CompletedOn: completedOn, LastModifiedOn: completedOn, ExecutionTime: Math.round((Date.now() - started) / 1000) };
    };
    let final: JobRun;
    try {
      await faultPoint('job:running');
      const job = this.model.jobs.require(request.JobName!);
      // Values the job reads from arguments stand as {{args.x}} placeholders in its graph: bound per run, so run
      // Arguments override DefaultArguments as on AWS.
      const graph = bindArguments(await jobGraph(job, this.store), run.Arguments ?? {});
      const staged = await this.engine.run(graph, { stagingDir, runMillis });
      final = ended('SUCCEEDED');
      await commitRun(this.model, this.store, run, staged, stagingDir, final);
    } catch (e) {
      final = ended('FAILED', e instanceof Error ? e.message : String(e));
      this.model.transaction(() => this.model.jobRuns.put(final));
    } finally {
      await fs.rm(stagingDir, { recursive: true, force: true });
    }
    const job = this.model.jobs.find(request.JobName!);
    if (final.JobRunState === 'FAILED' && job && attempt < (job.MaxRetries ?? 0)) {
      try {
        this.startAttempt(request, context, attempt + 1, runId, attempts, resolve);
        return;
      } catch (e) {
        final = { ...final, ErrorMessage: `${final.ErrorMessage}; the retry could not start: ${(e as Error).message}` };
      }
    }
    resolve({ firstRunId: attempts[0], last: final });
    for (const listener of this.listeners) {
      listener({ kind: 'JOB', name: request.JobName!, runId: attempts[0], attempts, state: final.JobRunState!, workflowRunId: context?.workflowRunId });
    }
  }
}
