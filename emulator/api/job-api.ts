import type {
  CreateJobRequest,
  CreateJobResponse,
  DeleteJobRequest,
  DeleteJobResponse,
  GetJobBookmarkRequest,
  GetJobBookmarkResponse,
  GetJobRequest,
  GetJobResponse,
  GetJobRunRequest,
  GetJobRunResponse,
  GetJobRunsRequest,
  GetJobRunsResponse,
  GetJobsRequest,
  GetJobsResponse,
  Job,
  JobUpdate,
  ResetJobBookmarkRequest,
  ResetJobBookmarkResponse,
  StartJobRunRequest,
  StartJobRunResponse,
  UpdateJobRequest,
  UpdateJobResponse,
} from '@aws-sdk/client-glue';
import type { Executor } from '../exec';
import { entityNotFound, GlueModel, invalidInput } from '../model';
import { required } from './request-fields';

/** The job operations, named and shaped as `@aws-sdk/client-glue`'s `Glue`. A started run executes in the background. */
export class JobApi {
  constructor(private readonly model: GlueModel, private readonly exec: Executor) {}

  async createJob(input: CreateJobRequest): Promise<CreateJobResponse> {
    const now = this.model.now();
    const job: Job = { ...definition(required(input.Name, 'Name'), input), CreatedOn: now, LastModifiedOn: now };
    this.model.transaction(() => this.model.jobs.insert(job));
    return { Name: job.Name };
  }

  /** UpdateJob: `JobUpdate` replaces the definition (what it leaves out takes its default); runs stay. */
  async updateJob(input: UpdateJobRequest): Promise<UpdateJobResponse> {
    const name = required(input.JobName, 'JobName');
    this.model.transaction(() => {
      const old = this.model.jobs.require(name);
      this.model.jobs.put({ ...definition(name, input.JobUpdate ?? {}), CreatedOn: old.CreatedOn, LastModifiedOn: this.model.now() });
    });
    return { JobName: name };
  }

  async getJob(input: GetJobRequest): Promise<GetJobResponse> {
    return { Job: this.model.jobs.require(required(input.JobName, 'JobName')) };
  }

  async getJobs(_input: GetJobsRequest = {}): Promise<GetJobsResponse> {
    return { Jobs: this.model.jobs.list() };
  }

  /** DeleteJob: the job, its runs and its bookmark; a job that does not exist is not an error (as Glue). */
  async deleteJob(input: DeleteJobRequest): Promise<DeleteJobResponse> {
    const name = required(input.JobName, 'JobName');
    this.model.transaction(() => {
      if (this.model.jobs.delete(name)) {
        this.model.jobRuns.deleteAll(name);
        this.model.bookmarks.delete(name);
      }
    });
    return { JobName: name };
  }

  /**
   * GetJobBookmark: the job's bookmark as its last committed run left it. `JobBookmark` is gluekit's state as JSON text:
   * per source (transformation_ctx), the `s3://` objects read and their last-modified times. A job no run has
   * committed a bookmark for is EntityNotFoundException (Unconfirmed: Glue's message).
   */
  async getJobBookmark(input: GetJobBookmarkRequest): Promise<GetJobBookmarkResponse> {
    const name = required(input.JobName, 'JobName');
    this.model.jobs.require(name);
    const entry = this.model.bookmarks.find(name);
    if (!entry) throw entityNotFound(`Continuation for job ${name} not found`);
    return { JobBookmarkEntry: entry };
  }

  /** ResetJobBookmark: forgets what the job's sources have read, so its next run reads everything; gives the entry it removed. */
  async resetJobBookmark(input: ResetJobBookmarkRequest): Promise<ResetJobBookmarkResponse> {
    const name = required(input.JobName, 'JobName');
    if (input.RunId !== undefined) throw invalidInput('ResetJobBookmark: RunId (resetting to a past run) is not supported by gluekit yet; omit it to reset the whole bookmark');
    return this.model.transaction(() => {
      this.model.jobs.require(name);
      const entry = this.model.bookmarks.find(name);
      this.model.bookmarks.delete(name);
      return { JobBookmarkEntry: entry ?? { JobName: name } };
    });
  }

  async startJobRun(input: StartJobRunRequest): Promise<StartJobRunResponse> {
    required(input.JobName, 'JobName');
    return { JobRunId: this.exec.jobs.start(input).runId };
  }

  async getJobRun(input: GetJobRunRequest): Promise<GetJobRunResponse> {
    return { JobRun: this.model.jobRuns.require(required(input.JobName, 'JobName'), required(input.RunId, 'RunId')) };
  }

  /** Runs of a job, newest first. */
  async getJobRuns(input: GetJobRunsRequest): Promise<GetJobRunsResponse> {
    const name = required(input.JobName, 'JobName');
    this.model.jobs.require(name);
    return { JobRuns: this.model.jobRuns.list(name, input.MaxResults) };
  }
}

/** A job's definition, with Glue's validation and defaults. */
function definition(name: string, input: CreateJobRequest | JobUpdate): Omit<Job, 'CreatedOn' | 'LastModifiedOn'> {
  if (!input.Role) throw invalidInput(`job ${name}: Role is required`);
  if (!input.Command?.Name) throw invalidInput(`job ${name}: Command.Name is required`);
  // Default timeout: 2880 minutes up to Glue 4.0, 480 from 5.0 (GLUE-REFERENCE section 5).
  const defaultTimeout = Number.parseFloat(input.GlueVersion ?? '0') >= 5 ? 480 : 2880;
  const { Name: _name, Tags: _tags, ...rest } = input as CreateJobRequest;
  return { ...rest, Name: name, MaxRetries: input.MaxRetries ?? 0, Timeout: input.Timeout ?? defaultTimeout };
}
