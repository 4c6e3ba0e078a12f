import type { StateStore } from '../state/state-store';

/** What one deploy of a stack made, so the next deploy can remove what the stack dropped. */
export interface Deployment {
  readonly stack: string;
  readonly crawlers: readonly string[];
  readonly jobs: readonly string[];
  readonly workflows: readonly string[];
  readonly triggers: readonly string[];
}

export class DeploymentRepository {
  constructor(private readonly state: StateStore) {}

  find(stack: string): Deployment | undefined {
    return this.state.get<Deployment>('deployment', stack);
  }

  put(deployment: Deployment): void {
    this.state.put('deployment', deployment.stack, deployment);
  }
}
