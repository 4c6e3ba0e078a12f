import type { Trigger } from '@aws-sdk/client-glue';
import type { StateStore } from '../state/state-store';
import { alreadyExists, entityNotFound } from './glue-errors';

/** Triggers by name, each under its workflow (triggers outside a workflow under ''). Triggers hold no dates. */
export class TriggerRepository {
  constructor(private readonly state: StateStore) {}

  insert(trigger: Trigger): void {
    if (!this.state.insert('trigger', trigger.Name!, trigger, { parent: trigger.WorkflowName ?? '' })) throw alreadyExists(`Trigger with name ${trigger.Name} already exists`);
  }

  put(trigger: Trigger): void {
    this.state.put('trigger', trigger.Name!, trigger, { parent: trigger.WorkflowName ?? '' });
  }

  find(name: string): Trigger | undefined {
    return this.state.get<Trigger>('trigger', name);
  }

  require(name: string): Trigger {
    const trigger = this.find(name);
    if (!trigger) throw entityNotFound(`Trigger with name ${name} not found`);
    return trigger;
  }

  ofWorkflow(workflowName: string): Trigger[] {
    return this.state.list<Trigger>('trigger', { parent: workflowName });
  }

  delete(name: string): boolean {
    return this.state.delete('trigger', name);
  }
}
