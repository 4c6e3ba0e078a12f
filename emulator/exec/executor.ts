import * as path from 'path';
import { FrameEngine } from '../frames/frame-engine';
import { readTable, ReadTableOptions, TableRows } from '../frames/table-reader';
import type { GlueModel } from '../model/glue-model';
import { LocalFolderStore } from '../storage/local-folder-store';
import type { ObjectStore } from '../storage/object-store';
import { CommittedObjects } from './committed-objects';
import { CrawlRunner } from './crawl-runner';
import { JobRunner } from './job-runner';
import { recoverInterrupted } from './recovery';
import { RunTracker } from './run-tracker';
import { WorkflowRunner } from './workflow-runner';

/** What runs: job runs, crawls and workflow runs over one model and object store, with their background work. */
export class Executor {
  readonly tracker = new RunTracker();
  readonly jobs: JobRunner;
  readonly crawls: CrawlRunner;
  readonly workflows: WorkflowRunner;
  readonly engine: FrameEngine;
  /** Where runs stage their output: `<stateDir>/tmp`. */
  readonly scratchDir: string;

  /** The store as runs and readers see it: objects of a commit in progress are hidden (`CommittedObjects`). */
  readonly store: ObjectStore;

  constructor(private readonly model: GlueModel, private readonly objects: ObjectStore, stateDir: string) {
    this.scratchDir = path.join(stateDir, 'tmp');
    this.store = new CommittedObjects(objects, model.journal);
    this.engine = new FrameEngine(model.catalogReader(), this.store, { spillDir: path.join(this.scratchDir, 'spill'), memoryLimit: process.env.GLUEKIT_MEMORY_LIMIT });
    this.jobs = new JobRunner(model, objects, this.store, this.engine, this.tracker, this.scratchDir);
    this.crawls = new CrawlRunner(model, this.store, this.tracker);
    this.workflows = new WorkflowRunner(model, this.jobs, this.crawls);
  }

  /** Recovers what a dead owner left (call once, holding the owner lock, before starting anything). */
  recover(): Promise<void> {
    return recoverInterrupted(this.model, this.objects, this.scratchDir);
  }

  /** A table's rows, read as a job's catalog source reads them (previews and tests; nothing is written). */
  readTable(database: string, table: string, options: ReadTableOptions = {}): Promise<TableRows> {
    return readTable(this.model.catalogReader(), this.store, database, table, options);
  }

  /** Resolves once every started run, crawl and workflow step has finished. */
  idle(): Promise<void> {
    return this.tracker.idle();
  }

  async close(): Promise<void> {
    await this.idle();
    this.engine.close();
  }
}

/** The object store of a state directory: its local folder `<stateDir>/s3`, unless another store is given. */
export function stateObjectStore(stateDir: string, store?: ObjectStore): ObjectStore {
  return store ?? new LocalFolderStore(path.join(stateDir, 's3'));
}
