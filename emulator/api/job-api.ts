import type {
  CreateJobRequest,
  CreateJobResponse,
  DeleteJobRequest,
  DeleteJobResponse,
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
  StartJobRunRequest,
  StartJobRunResponse,
  UpdateJobRequest,
  UpdateJobResponse,
} from '@aws-sdk/client-glue';
import type { Executor } from '../exec';
import { GlueModel, invalidInput } from '../model';
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

  /** DeleteJob: the job and its runs; a job that does not exist is not an error (as Glue). */
  async deleteJob(input: DeleteJobRequest): Promise<DeleteJobResponse> {
    const name = required(input.JobName, 'JobName');
    this.model.transaction(() => {
      if (this.model.jobs.delete(name)) this.model.jobRuns.deleteAll(name);
    });
    return { JobName: name };
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
