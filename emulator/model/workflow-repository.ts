import type { Workflow } from '@aws-sdk/client-glue';
import type { StateStore } from '../state/state-store';
import { alreadyExists, entityNotFound } from './glue-errors';
import { Stored, toDate, toStored } from './stored-dates';

/**
 * A stored workflow, back in the API's shape: the one place its dates are converted. `DefaultRunProperties` are the
 * user's strings and stay strings, whatever their keys are called.
 */
function fromStored(s: Stored<Workflow>): Workflow {
  return { ...s, CreatedOn: toDate(s.CreatedOn), LastModifiedOn: toDate(s.LastModifiedOn) } as Workflow;
}

/** Workflows by name. */
export class WorkflowRepository {
  constructor(private readonly state: StateStore) {}

  insert(workflow: Workflow): void {
    if (!this.state.insert('workflow', workflow.Name!, toStored(workflow))) throw alreadyExists(`Workflow ${workflow.Name} already exists.`);
  }

  put(workflow: Workflow): void {
    this.state.put('workflow', workflow.Name!, toStored(workflow));
  }

  find(name: string): Workflow | undefined {
    const s = this.state.get<Stored<Workflow>>('workflow', name);
    return s && fromStored(s);
  }

  require(name: string): Workflow {
    const workflow = this.find(name);
    if (!workflow) throw entityNotFound(`Workflow with name ${name} not found`);
    return workflow;
  }

  names(): string[] {
    return this.state.list<Stored<Workflow>>('workflow').map((w) => w.Name!);
  }

  delete(name: string): boolean {
    return this.state.delete('workflow', name);
  }
}
