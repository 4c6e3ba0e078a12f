import type {
  CreateTriggerRequest,
  CreateTriggerResponse,
  DeleteTriggerRequest,
  DeleteTriggerResponse,
  GetTriggerRequest,
  GetTriggerResponse,
  Predicate,
  Trigger,
  UpdateTriggerRequest,
  UpdateTriggerResponse,
} from '@aws-sdk/client-glue';
import { GlueModel, invalidInput } from '../model';
import { required } from './request-fields';

/** The trigger operations, named and shaped as `@aws-sdk/client-glue`'s `Glue`. */
export class TriggerApi {
  constructor(private readonly model: GlueModel) {}

  /**
   * CreateTrigger, with Glue's validation: a condition needs `LogicalOperator` (Glue answers "Logical operator cannot be
   * null or empty"), a SCHEDULED trigger a Schedule, a CONDITIONAL one a Predicate. CONDITIONAL and SCHEDULED triggers
   * start ACTIVATED only with StartOnCreation; an ON_DEMAND trigger is CREATED and fires when started.
   */
  async createTrigger(input: CreateTriggerRequest): Promise<CreateTriggerResponse> {
    const name = required(input.Name, 'Name');
    validate(name, input.Type, input);
    const activated = (input.Type === 'CONDITIONAL' || input.Type === 'SCHEDULED') && input.StartOnCreation === true;
    const trigger: Trigger = {
      Name: name,
      WorkflowName: input.WorkflowName,
      Type: input.Type,
      State: activated ? 'ACTIVATED' : 'CREATED',
      Description: input.Description,
      Schedule: input.Schedule,
      Actions: input.Actions,
      Predicate: predicate(input.Predicate),
      EventBatchingCondition: input.EventBatchingCondition,
    };
    this.model.transaction(() => {
      if (input.WorkflowName) this.model.workflows.require(input.WorkflowName);
      this.model.triggers.insert(trigger);
    });
    return { Name: name };
  }

  /** UpdateTrigger: the fields of `TriggerUpdate` replace the trigger's; its type, workflow and state stay. */
  async updateTrigger(input: UpdateTriggerRequest): Promise<UpdateTriggerResponse> {
    const name = required(input.Name, 'Name');
    const update = input.TriggerUpdate ?? {};
    const trigger = this.model.transaction(() => {
      const old = this.model.triggers.require(name);
      const updated: Trigger = {
        ...old,
        Description: update.Description ?? old.Description,
        Schedule: update.Schedule ?? old.Schedule,
        Actions: update.Actions ?? old.Actions,
        Predicate: update.Predicate ? predicate(update.Predicate) : old.Predicate,
        EventBatchingCondition: update.EventBatchingCondition ?? old.EventBatchingCondition,
      };
      validate(name, updated.Type, updated);
      this.model.triggers.put(updated);
      return updated;
    });
    return { Trigger: trigger };
  }

  async getTrigger(input: GetTriggerRequest): Promise<GetTriggerResponse> {
    return { Trigger: this.model.triggers.require(required(input.Name, 'Name')) };
  }

  async deleteTrigger(input: DeleteTriggerRequest): Promise<DeleteTriggerResponse> {
    const name = required(input.Name, 'Name');
    this.model.transaction(() => this.model.triggers.delete(name));
    return { Name: name };
  }
}

function predicate(p: Predicate | undefined): Predicate | undefined {
  return p ? { Logical: p.Logical ?? 'AND', Conditions: p.Conditions } : undefined;
}

function validate(name: string, type: string | undefined, input: Pick<Trigger, 'Actions' | 'Schedule' | 'Predicate'>): void {
  if (!type) throw invalidInput(`CreateTrigger ${name}: Type is required`);
  if (!input.Actions || input.Actions.length === 0) throw invalidInput(`CreateTrigger ${name}: Actions must name at least one job or crawler`);
  for (const [i, a] of input.Actions.entries()) {
    if (!a.JobName === !a.CrawlerName) throw invalidInput(`CreateTrigger ${name}: Actions[${i}] must name exactly one of JobName and CrawlerName`);
  }
  if (type === 'SCHEDULED' && !input.Schedule) throw invalidInput(`CreateTrigger ${name}: a SCHEDULED trigger needs a Schedule`);
  if (type === 'CONDITIONAL') {
    const conditions = input.Predicate?.Conditions ?? [];
    if (conditions.length === 0) throw invalidInput(`CreateTrigger ${name}: a CONDITIONAL trigger needs Predicate.Conditions`);
    for (const [i, c] of conditions.entries()) {
      if (!c.LogicalOperator) throw invalidInput(`CreateTrigger ${name}: Predicate.Conditions[${i}]: Logical operator cannot be null or empty`);
      if (!c.JobName === !c.CrawlerName) throw invalidInput(`CreateTrigger ${name}: Predicate.Conditions[${i}] must name exactly one of JobName and CrawlerName`);
      if (c.JobName && !c.State) throw invalidInput(`CreateTrigger ${name}: Predicate.Conditions[${i}]: State cannot be null or empty`);
      if (c.CrawlerName && !c.CrawlState) throw invalidInput(`CreateTrigger ${name}: Predicate.Conditions[${i}]: CrawlState cannot be null or empty`);
    }
  }
}
