import type {
  CreateWorkflowRequest,
  CreateWorkflowResponse,
  DeleteWorkflowRequest,
  DeleteWorkflowResponse,
  GetWorkflowRequest,
  GetWorkflowResponse,
  GetWorkflowRunPropertiesRequest,
  GetWorkflowRunPropertiesResponse,
  GetWorkflowRunRequest,
  GetWorkflowRunResponse,
  GetWorkflowRunsRequest,
  GetWorkflowRunsResponse,
  ListWorkflowsRequest,
  ListWorkflowsResponse,
  PutWorkflowRunPropertiesRequest,
  PutWorkflowRunPropertiesResponse,
  StartWorkflowRunRequest,
  StartWorkflowRunResponse,
  UpdateWorkflowRequest,
  UpdateWorkflowResponse,
  Workflow,
} from '@aws-sdk/client-glue';
import type { Executor } from '../exec';
import { GlueModel, workflowRunView } from '../model';
import { required } from './request-fields';

/** The workflow operations, named and shaped as `@aws-sdk/client-glue`'s `Glue`. Runs are driven by exec. */
export class WorkflowApi {
  constructor(private readonly model: GlueModel, private readonly exec: Executor) {}

  async createWorkflow(input: CreateWorkflowRequest): Promise<CreateWorkflowResponse> {
    const name = required(input.Name, 'Name');
    const now = this.model.now();
    const workflow: Workflow = {
      Name: name,
      Description: input.Description,
      DefaultRunProperties: input.DefaultRunProperties,
      MaxConcurrentRuns: input.MaxConcurrentRuns,
      CreatedOn: now,
      LastModifiedOn: now,
    };
    this.model.transaction(() => this.model.workflows.insert(workflow));
    return { Name: name };
  }

  /** UpdateWorkflow: replaces Description, DefaultRunProperties and MaxConcurrentRuns. */
  async updateWorkflow(input: UpdateWorkflowRequest): Promise<UpdateWorkflowResponse> {
    const name = required(input.Name, 'Name');
    this.model.transaction(() => {
      const old = this.model.workflows.require(name);
      this.model.workflows.put({
        ...old,
        Description: input.Description,
        DefaultRunProperties: input.DefaultRunProperties,
        MaxConcurrentRuns: input.MaxConcurrentRuns,
        LastModifiedOn: this.model.now(),
      });
    });
    return { Name: name };
  }

  async getWorkflow(input: GetWorkflowRequest): Promise<GetWorkflowResponse> {
    return { Workflow: this.model.workflows.require(required(input.Name, 'Name')) };
  }

  async listWorkflows(_input: ListWorkflowsRequest = {}): Promise<ListWorkflowsResponse> {
    return { Workflows: this.model.workflows.names() };
  }

  /** DeleteWorkflow: the workflow and its triggers; one that does not exist is not an error (as Glue). */
  async deleteWorkflow(input: DeleteWorkflowRequest): Promise<DeleteWorkflowResponse> {
    const name = required(input.Name, 'Name');
    this.model.transaction(() => {
      for (const trigger of this.model.triggers.ofWorkflow(name)) this.model.triggers.delete(trigger.Name!);
      this.model.workflows.delete(name);
    });
    return { Name: name };
  }

  async startWorkflowRun(input: StartWorkflowRunRequest): Promise<StartWorkflowRunResponse> {
    return { RunId: this.exec.workflows.start(required(input.Name, 'Name'), input.RunProperties) };
  }

  async getWorkflowRun(input: GetWorkflowRunRequest): Promise<GetWorkflowRunResponse> {
    const record = this.model.workflowRuns.require(required(input.Name, 'Name'), required(input.RunId, 'RunId'));
    return { Run: workflowRunView(this.model, record, input.IncludeGraph ?? false) };
  }

  /** Runs of a workflow, newest first. */
  async getWorkflowRuns(input: GetWorkflowRunsRequest): Promise<GetWorkflowRunsResponse> {
    const name = required(input.Name, 'Name');
    this.model.workflows.require(name);
    return { Runs: this.model.workflowRuns.list(name, input.MaxResults).map((r) => workflowRunView(this.model, r, input.IncludeGraph ?? false)) };
  }

  async getWorkflowRunProperties(input: GetWorkflowRunPropertiesRequest): Promise<GetWorkflowRunPropertiesResponse> {
    const record = this.model.workflowRuns.require(required(input.Name, 'Name'), required(input.RunId, 'RunId'));
    return { RunProperties: record.run.WorkflowRunProperties ?? {} };
  }

  /** Merges properties into one run's properties. */
  async putWorkflowRunProperties(input: PutWorkflowRunPropertiesRequest): Promise<PutWorkflowRunPropertiesResponse> {
    this.model.transaction(() => {
      const record = this.model.workflowRuns.require(required(input.Name, 'Name'), required(input.RunId, 'RunId'));
      this.model.workflowRuns.put({ ...record, run: { ...record.run, WorkflowRunProperties: { ...record.run.WorkflowRunProperties, ...input.RunProperties } } });
    });
    return {};
  }
}
