import { randomUUID } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import type { JobRun, StartJobRunRequest } from '@aws-sdk/client-glue';
import { bindArguments } from '../../lib/pipeline/argument-placeholder';
import type { FrameEngine } from '../frames/frame-engine';
import type { FrameDescription } from '../frames/frame-inspection';
import { concurrentRunsExceeded } from '../model/glue-errors';
import type { GlueModel } from '../model/glue-model';
import type { ObjectStore } from '../storage/object-store';
import type { ActionListener } from './action-finished';
import { faultPoint } from './fault-point';
import { newRunId } from './ids';
import { jobBookmarkOption } from './job-bookmark-option';
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
    /** The store itself: commits write and undo through it. */
    private readonly store: ObjectStore,
    /** The store as runs read it (pending commits hidden). */
    private readonly visible: ObjectStore,
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

  /**
   * Describes the frame of one node of a job (`printSchema()`, `count()`, `show(n)`), as the job's script would print
   * them there when run with `args` over its default arguments. Runs the nodes up to it; writes nothing.
   */
  async inspect(jobName: string, nodeId: string, options: { readonly arguments?: Record<string, string>; readonly rows?: number } = {}): Promise<FrameDescription> {
    const job = this.model.jobs.require(jobName);
    const graph = bindArguments(await jobGraph(job, this.visible), { ...job.DefaultArguments, ...options.arguments, ...job.NonOverridableArguments });
    const stagingDir = path.join(this.scratchDir, `inspect-${randomUUID()}`);
    try {
      return await this.engine.inspect(graph, nodeId, { stagingDir, runMillis: Date.now(), rows: options.rows });
    } finally {
      await fs.rm(stagingDir, { recursive: true, force: true }).catch(() => undefined);
    }
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
    const stagingDir = path.join(this.scratchDir, runId);
    let run: JobRun = { Id: runId, JobName: request.JobName, Attempt: attempt, JobRunState: 'RUNNING' };
    const ended = (state: 'SUCCEEDED' | 'FAILED', errorMessage?: string): JobRun => {
      const completedOn = this.model.now();
      return { ...run, JobRunState: state, ErrorMessage: errorMessage, CompletedOn: completedOn, LastModifiedOn: completedOn, ExecutionTime: Math.round((Date.now() - started) / 1000) };
    };
    let final: JobRun;
    try {
      run = this.model.jobRuns.find(runId) ?? run;
      await faultPoint('job:running');
      const job = this.model.jobs.require(request.JobName!);
      // Values the job reads from arguments stand as {{args.x}} placeholders in its graph: bound per run, so run
      // Arguments override DefaultArguments as on AWS.
      const graph = bindArguments(await jobGraph(job, this.visible), run.Arguments ?? {});
      // Sink file names carry a number from here, one per sink: unique in this process, so two runs (or two sinks of
      // one run) writing one prefix never name a file alike.
      const runMillis = Math.max(started, JobRunner.lastRunMillis + 1);
      JobRunner.lastRunMillis = runMillis + Object.keys(graph).length;
      // With job-bookmark-enable or -pause, sources read only what the last committed bookmark has not; only enable
      // saves the new state, with the run's commit (a failed run saves nothing).
      const bookmarks = jobBookmarkOption(run.Arguments);
      const from = bookmarks === 'job-bookmark-disable' ? undefined : this.model.bookmarks.stateOf(job.Name!);
      const staged = await this.engine.run(graph, { stagingDir, runMillis, bookmark: from });
      final = ended('SUCCEEDED');
      const bookmark = bookmarks === 'job-bookmark-enable' ? staged.bookmark : undefined;
      await commitRun(this.model, this.store, run, staged, stagingDir, final, bookmark);
    } catch (e) {
      final = ended('FAILED', e instanceof Error ? e.message : String(e));
      try {
        this.model.transaction(() => this.model.jobRuns.put(final));
      } catch (recordError) {
        // The state could not take the FAILED run (locked, full disk): waiters still hear of it; the stored run stays
        // RUNNING until the next owner's recovery marks it FAILED.
        final = { ...final, ErrorMessage: `${final.ErrorMessage}; recording this failure failed too: ${(recordError as Error).message}` };
      }
    }
    await fs.rm(stagingDir, { recursive: true, force: true }).catch(() => undefined);
    try {
      const job = this.model.jobs.find(request.JobName!);
      if (final.JobRunState === 'FAILED' && job && attempt < (job.MaxRetries ?? 0)) {
        this.startAttempt(request, context, attempt + 1, runId, attempts, resolve);
        return;
      }
    } catch (e) {
      final = { ...final, ErrorMessage: `${final.ErrorMessage}; the retry could not start: ${(e as Error).message}` };
    }
    resolve({ firstRunId: attempts[0], last: final });
    for (const listener of this.listeners) {
      try {
        listener({ kind: 'JOB', name: request.JobName!, runId: attempts[0], attempts, state: final.JobRunState!, workflowRunId: context?.workflowRunId });
      } catch (e) {
        process.emitWarning(`gluekit: a listener of job run ${attempts[0]} failed: ${e instanceof Error ? e.stack : String(e)}`);
      }
    }
  }
}
