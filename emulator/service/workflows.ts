import type { CreateTriggerRequest, CreateWorkflowRequest, Trigger, Workflow, WorkflowRun } from '@aws-sdk/client-glue';
import type { ActionFinished } from '../runs/events';
import { WorkflowRunner } from '../runs/workflow-run';
import type { StateStore } from '../state/state-store';
import type { CrawlerService } from './crawlers';
import { alreadyExists, entityNotFound, invalidInput } from './errors';
import type { JobService } from './jobs';

/** The workflow and trigger operations. Workflow runs are driven by `WorkflowRunner`. */
export class WorkflowService {
  private readonly runner: WorkflowRunner;

  constructor(private readonly state: StateStore, jobs: JobService, crawlers: CrawlerService) {
    this.runner = new WorkflowRunner(state, jobs, crawlers);
    const forward = (e: ActionFinished): void => this.runner.actionFinished(e);
    jobs.onFinished(forward);
    crawlers.onFinished(forward);
  }

  createWorkflow(input: CreateWorkflowRequest): { Name: string } {
    if (!input.Name) throw invalidInput('Name is required');
    const now = new Date();
    const workflow: Workflow = {
      Name: input.Name,
      Description: input.Description,
      DefaultRunProperties: input.DefaultRunProperties,
      MaxConcurrentRuns: input.MaxConcurrentRuns,
      CreatedOn: now,
      LastModifiedOn: now,
    };
    if (!this.state.insert('workflow', input.Name, workflow)) throw alreadyExists(`Workflow ${input.Name} already exists.`);
    return { Name: input.Name };
  }

  updateWorkflow(input: CreateWorkflowRequest): void {
    this.state.transaction(() => {
      const { Workflow: old } = this.getWorkflow({ Name: input.Name! });
      this.state.delete('workflow', input.Name!);
      this.createWorkflow(input);
      this.state.put('workflow', input.Name!, { ...this.getWorkflow({ Name: input.Name! }).Workflow, CreatedOn: old.CreatedOn });
    });
  }

  /** Replaces a trigger's definition (UpdateTrigger, or a redeploy). */
  replaceTrigger(input: CreateTriggerRequest): void {
    this.state.transaction(() => {
      this.state.delete('trigger', input.Name!);
      this.createTrigger(input);
    });
  }

  getWorkflow(input: { Name: string }): { Workflow: Workflow } {
    const workflow = this.state.get<Workflow>('workflow', input.Name);
    if (!workflow) throw entityNotFound(`Workflow with name ${input.Name} not found`);
    return { Workflow: workflow };
  }

  listWorkflows(): { Workflows: string[] } {
    return { Workflows: this.state.list<Workflow>('workflow').map((w) => w.Name!) };
  }

  /**
   * CreateTrigger, with Glue's validation: a condition needs `LogicalOperator` (Glue answers "Logical operator cannot be
   * null or empty"), a SCHEDULED trigger a Schedule, a CONDITIONAL one a Predicate. CONDITIONAL and SCHEDULED triggers
   * start ACTIVATED only with StartOnCreation; an ON_DEMAND trigger is CREATED and fires when started.
   */
  createTrigger(input: CreateTriggerRequest): { Name: string } {
    const name = input.Name;
    if (!name) throw invalidInput('Name is required');
    if (!input.Actions || input.Actions.length === 0) throw invalidInput(`CreateTrigger ${name}: Actions must name at least one job or crawler`);
    for (const [i, a] of input.Actions.entries()) {
      if (!a.JobName === !a.CrawlerName) throw invalidInput(`CreateTrigger ${name}: Actions[${i}] must name exactly one of JobName and CrawlerName`);
    }
    if (input.Type === 'SCHEDULED' && !input.Schedule) throw invalidInput(`CreateTrigger ${name}: a SCHEDULED trigger needs a Schedule`);
    if (input.Type === 'CONDITIONAL') {
      const conditions = input.Predicate?.Conditions ?? [];
      if (conditions.length === 0) throw invalidInput(`CreateTrigger ${name}: a CONDITIONAL trigger needs Predicate.Conditions`);
      for (const [i, c] of conditions.entries()) {
        if (!c.LogicalOperator) throw invalidInput(`CreateTrigger ${name}: Predicate.Conditions[${i}]: Logical operator cannot be null or empty`);
        if (!c.JobName === !c.CrawlerName) throw invalidInput(`CreateTrigger ${name}: Predicate.Conditions[${i}] must name exactly one of JobName and CrawlerName`);
        if (c.JobName && !c.State) throw invalidInput(`CreateTrigger ${name}: Predicate.Conditions[${i}]: State cannot be null or empty`);
        if (c.CrawlerName && !c.CrawlState) throw invalidInput(`CreateTrigger ${name}: Predicate.Conditions[${i}]: CrawlState cannot be null or empty`);
      }
    }
    if (input.WorkflowName) this.getWorkflow({ Name: input.WorkflowName });
    const activated = (input.Type === 'CONDITIONAL' || input.Type === 'SCHEDULED') && input.StartOnCreation === true;
    const trigger: Trigger = {
      Name: name,
      WorkflowName: input.WorkflowName,
      Type: input.Type,
      State: activated ? 'ACTIVATED' : 'CREATED',
      Description: input.Description,
      Schedule: input.Schedule,
      Actions: input.Actions,
      Predicate: input.Predicate ? { Logical: input.Predicate.Logical ?? 'AND', Conditions: input.Predicate.Conditions } : undefined,
      EventBatchingCondition: input.EventBatchingCondition,
    };
    if (!this.state.insert('trigger', name, trigger, input.WorkflowName ?? '')) throw alreadyExists(`Trigger with name ${name} already exists`);
    return { Name: name };
  }

  getTrigger(input: { Name: string }): { Trigger: Trigger } {
    const trigger = this.state.get<Trigger>('trigger', input.Name);
    if (!trigger) throw entityNotFound(`Trigger with name ${input.Name} not found`);
    return { Trigger: trigger };
  }

  startWorkflowRun(input: { Name: string; RunProperties?: Record<string, string> }): { RunId: string } {
    return this.runner.start(input.Name, input.RunProperties);
  }

  getWorkflowRun(input: { Name: string; RunId: string; IncludeGraph?: boolean }): { Run: WorkflowRun } {
    return { Run: this.runner.get(input.Name, input.RunId, input.IncludeGraph ?? false) };
  }

  getWorkflowRuns(input: { Name: string; IncludeGraph?: boolean }): { Runs: WorkflowRun[] } {
    this.getWorkflow(input);
    return { Runs: this.runner.list(input.Name, input.IncludeGraph ?? false) };
  }
}
