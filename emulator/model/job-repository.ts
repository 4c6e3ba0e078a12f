import type { Job } from '@aws-sdk/client-glue';
import type { StateStore } from '../state/state-store';
import { alreadyExists, entityNotFound } from './glue-errors';
import { Stored, toDate, toStored } from './stored-dates';

/** A stored job, back in the API's shape: the one place its dates are converted. */
function fromStored(s: Stored<Job>): Job {
  return { ...s, CreatedOn: toDate(s.CreatedOn), LastModifiedOn: toDate(s.LastModifiedOn) } as Job;
}

/** Job definitions by name. */
export class JobRepository {
  constructor(private readonly state: StateStore) {}

  insert(job: Job): void {
    if (!this.state.insert('job', job.Name!, toStored(job))) throw alreadyExists(`Job ${job.Name} already exists.`);
  }

  put(job: Job): void {
    this.state.put('job', job.Name!, toStored(job));
  }

  find(name: string): Job | undefined {
    const s = this.state.get<Stored<Job>>('job', name);
    return s && fromStored(s);
  }

  require(name: string): Job {
    const job = this.find(name);
    if (!job) throw entityNotFound(`Job with name: ${name} not found`);
    return job;
  }

  list(): Job[] {
    return this.state.list<Stored<Job>>('job').map(fromStored);
  }

  delete(name: string): boolean {
    return this.state.delete('job', name);
  }
}
