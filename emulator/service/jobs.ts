import * as path from 'path';
import type { CreateJobRequest, Job, JobRun } from '@aws-sdk/client-glue';
import type { PipelineGraph } from '../../lib/pipeline/graph';
import { bindArguments, readGraphFromScript } from '../../lib/pipeline/graph-block';
import type { FrameEngine } from '../frames/frame-engine';
import type { ActionListener } from '../runs/events';
import { newRunId } from '../runs/ids';
import type { RunTracker } from '../runs/run-tracker';
import type { StateStore } from '../state/state-store';
import { parseS3Uri, ObjectStore } from '../storage/object-store';
import { alreadyExists, concurrentRunsExceeded, entityNotFound, invalidInput } from './errors';

const ACTIVE_STATES = new Set(['STARTING', 'RUNNING', 'STOPPING', 'WAITING']);

export interface StartJobRunInput {
  JobName: string;
  Arguments?: Record<string, string>;
  Timeout?: number;
}

/** The job operations: CreateJob, GetJob(s), StartJobRun, GetJobRun(s). A started run executes in the background. */
export class JobService {
  private static lastRunMillis = 0;
  private readonly listeners: ActionListener[] = [];

  constructor(
    private readonly state: StateStore,
    private readonly store: ObjectStore,
    private readonly engine: FrameEngine,
    private readonly tracker: RunTracker,
    /** Where runs stage their output before it lands. */
    private readonly scratchDir: string,
  ) {}

  onFinished(listener: ActionListener): void {
    this.listeners.push(listener);
  }

  createJob(input: CreateJobRequest): { Name: string } {
    if (!input.Name) throw invalidInput('Name is required');
    if (!input.Role) throw invalidInput(`CreateJob ${input.Name}: Role is required`);
    if (!input.Command?.Name) throw invalidInput(`CreateJob ${input.Name}: Command.Name is required`);
    const now = new Date();
    // Default timeout: 2880 minutes up to Glue 4.0, 480 from 5.0 (GLUE-REFERENCE section 5). Not enforced yet.
    const defaultTimeout = Number.parseFloat(input.GlueVersion ?? '0') >= 5 ? 480 : 2880;
    const job: Job = { ...input, CreatedOn: now, LastModifiedOn: now, MaxRetries: input.MaxRetries ?? 0, Timeout: input.Timeout ?? defaultTimeout };
    if (!this.state.insert('job', input.Name, job)) throw alreadyExists(`Job ${input.Name} already exists.`);
    return { Name: input.Name };
  }

  /** UpdateJob: replaces the definition; runs stay. */
  updateJob(input: { JobName: string; JobUpdate: CreateJobRequest }): { JobName: string } {
    this.state.transaction(() => {
      const { Job: old } = this.getJob({ JobName: input.JobName });
      this.state.delete('job', input.JobName);
      this.createJob({ ...input.JobUpdate, Name: input.JobName });
      const fresh = this.getJob({ JobName: input.JobName }).Job;
      this.state.put('job', input.JobName, { ...fresh, CreatedOn: old.CreatedOn });
    });
    return { JobName: input.JobName };
  }

  getJob(input: { JobName: string }): { Job: Job } {
    const job = this.state.get<Job>('job', input.JobName);
    if (!job) throw entityNotFound(`Job with name: ${input.JobName} not found`);
    return { Job: job };
  }

  getJobs(): { Jobs: Job[] } {
    return { Jobs: this.state.list<Job>('job') };
  }

  getJobRun(input: { JobName: string; RunId: string }): { JobRun: JobRun } {
    const run = this.state.get<JobRun>('jobRun', input.RunId);
    if (!run || run.JobName !== input.JobName) throw entityNotFound(`Job run ${input.RunId} of job ${input.JobName} not found`);
    return { JobRun: run };
  }

  /** A job run and the retries that followed it (each naming the one before in PreviousRunId), first attempt first. */
  attemptsOf(input: { JobName: string; RunId: string }): JobRun[] {
    const runs = this.state.list<JobRun>('jobRun', input.JobName);
    const chain: JobRun[] = [];
    let current = runs.find((r) => r.Id === input.RunId);
    while (current) {
      chain.push(current);
      const previous: string = current.Id!;
      current = runs.find((r) => r.PreviousRunId === previous);
    }
    return chain;
  }

  /** Runs of a job, newest first. */
  getJobRuns(input: { JobName: string }): { JobRuns: JobRun[] } {
    this.getJob(input);
    return { JobRuns: this.state.list<JobRun>('jobRun', input.JobName).reverse() };
  }

  startJobRun(input: StartJobRunInput, context: { workflowName?: string; workflowRunId?: string; triggerName?: string } = {}): { JobRunId: string } {
    return this.startAttempt(input, context, 0);
  }

  private startAttempt(
    input: StartJobRunInput,
    context: { workflowName?: string; workflowRunId?: string; triggerName?: string },
    attempt: number,
    previousRunId?: string,
    firstRunId?: string,
  ): { JobRunId: string } {
    const runId = newRunId('jr');
    const startedOn = new Date();
    this.state.transaction(() => {
      const { Job: job } = this.getJob(input);
      const max = job.ExecutionProperty?.MaxConcurrentRuns ?? 1;
      const active = this.state.list<JobRun>('jobRun', input.JobName).filter((r) => ACTIVE_STATES.has(r.JobRunState ?? '')).length;
      if (active >= max) throw concurrentRunsExceeded(`Concurrent runs exceeded for ${input.JobName}: ${active} running, MaxConcurrentRuns is ${max}`);
      const workflowArgs: Record<string, string> = context.workflowRunId ? { '--WORKFLOW_NAME': context.workflowName!, '--WORKFLOW_RUN_ID': context.workflowRunId } : {};
      const run: JobRun = {
        Id: runId,
        Attempt: attempt,
        PreviousRunId: previousRunId,
        TriggerName: context.triggerName,
        JobName: input.JobName,
        StartedOn: startedOn,
        LastModifiedOn: startedOn,
        JobRunState: 'RUNNING',
        Arguments: { ...job.DefaultArguments, ...input.Arguments, ...workflowArgs, ...job.NonOverridableArguments },
        PredecessorRuns: [],
        AllocatedCapacity: job.AllocatedCapacity,
        ExecutionTime: 0,
        Timeout: input.Timeout ?? job.Timeout,
        GlueVersion: job.GlueVersion,
        WorkerType: job.WorkerType,
        NumberOfWorkers: job.NumberOfWorkers,
      };
      this.state.insert('jobRun', runId, run, input.JobName);
    });
    this.tracker.track(() => this.execute(input, context, runId, attempt, firstRunId ?? runId));
    return { JobRunId: runId };
  }

  /** Runs one attempt; listeners hear of the job run by its first attempt's id once no retry follows. */
  private async execute(
    input: StartJobRunInput,
    context: { workflowName?: string; workflowRunId?: string; triggerName?: string },
    runId: string,
    attempt: number,
    firstRunId: string,
  ): Promise<void> {
    const started = Date.now();
    // Sink file names carry this number: unique per run in this process, so two runs writing one prefix never collide.
    JobService.lastRunMillis = Math.max(started, JobService.lastRunMillis + 1);
    const runMillis = JobService.lastRunMillis;
    let state: 'SUCCEEDED' | 'FAILED' = 'SUCCEEDED';
    let errorMessage: string | undefined;
    try {
      const { Job: job } = this.getJob(input);
      const run = this.state.get<JobRun>('jobRun', runId)!;
      // Values the job reads from arguments stand as {{args.x}} placeholders in its graph: bound per run, so
      // run Arguments override DefaultArguments as on AWS.
      const graph = bindArguments(await this.graphOf(job), run.Arguments ?? {});
      await this.engine.run(graph, { stagingDir: path.join(this.scratchDir, runId), runMillis });
    } catch (e) {
      state = 'FAILED';
      errorMessage = e instanceof Error ? e.message : String(e);
    }
    const completedOn = new Date();
    const finished = this.state.get<JobRun>('jobRun', runId)!;
    this.state.put(
      'jobRun',
      runId,
      { ...finished, JobRunState: state, ErrorMessage: errorMessage, CompletedOn: completedOn, LastModifiedOn: completedOn, ExecutionTime: Math.round((Date.now() - started) / 1000) },
      input.JobName,
    );
    const job = this.state.get<Job>('job', input.JobName);
    if (state === 'FAILED' && job && attempt < (job.MaxRetries ?? 0)) {
      this.startAttempt(input, context, attempt + 1, runId, firstRunId);
      return;
    }
    for (const listener of this.listeners) listener({ kind: 'JOB', name: input.JobName, runId: firstRunId, state, workflowRunId: context.workflowRunId });
  }

  /** The job's pipeline: its CodeGenConfigurationNodes, else the graph block of a gluekit-generated script. */
  private async graphOf(job: Job): Promise<PipelineGraph> {
    if (job.CodeGenConfigurationNodes && Object.keys(job.CodeGenConfigurationNodes).length > 0) return job.CodeGenConfigurationNodes;
    const location = job.Command?.ScriptLocation;
    if (location && /^s3a?:\/\//.test(location)) {
      const { bucket, key } = parseS3Uri(location);
      let script: string;
      try {
        script = (await this.store.read(bucket, key)).toString('utf8');
      } catch (e) {
        throw new Error(`job ${job.Name}: cannot read its script ${location}: ${(e as Error).message}`);
      }
      const graph = script ? readGraphFromScript(script) : undefined;
      if (graph) return graph;
    }
    throw new Error(
      `job ${job.Name} has no pipeline graph: gluekit runs jobs that have CodeGenConfigurationNodes or a gluekit-generated script (script ${location ?? 'none'})`,
    );
  }
}
