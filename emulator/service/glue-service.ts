import * as path from 'path';
import { FrameEngine } from '../frames/frame-engine';
import { recoverInterrupted } from '../runs/recover-interrupted';
import { RunTracker } from '../runs/run-tracker';
import { StateStore } from '../state/state-store';
import { LocalFolderStore } from '../storage/local-folder-store';
import type { ObjectStore } from '../storage/object-store';
import { CatalogService } from './catalog';
import { CrawlerService } from './crawlers';
import { JobService } from './jobs';
import { WorkflowService } from './workflows';

export interface GlueServiceOptions {
  /** The state directory: `state.db`, objects under `s3/<bucket>/<key>`, run scratch space under `tmp/`. */
  readonly stateDir: string;
  /** Default: the local folder `<stateDir>/s3`. */
  readonly objectStore?: ObjectStore;
}

/**
 * The local Glue: one object per API area over one state store. The HTTP endpoint, the CLI, the manifest deployer and
 * the jest helpers all go through it.
 */
export class GlueService {
  readonly state: StateStore;
  readonly objects: ObjectStore;
  readonly catalog: CatalogService;
  readonly crawlers: CrawlerService;
  readonly jobs: JobService;
  readonly workflows: WorkflowService;
  readonly tracker = new RunTracker();
  private readonly engine: FrameEngine;

  constructor(readonly options: GlueServiceOptions) {
    this.state = new StateStore(options.stateDir);
    recoverInterrupted(this.state);
    this.objects = options.objectStore ?? new LocalFolderStore(path.join(options.stateDir, 's3'));
    this.catalog = new CatalogService(this.state);
    this.engine = new FrameEngine(this.catalog, this.objects);
    this.crawlers = new CrawlerService(this.state, this.catalog, this.objects, this.tracker);
    this.jobs = new JobService(this.state, this.objects, this.engine, this.tracker, path.join(options.stateDir, 'tmp'));
    this.workflows = new WorkflowService(this.state, this.jobs, this.crawlers);
  }

  /** Resolves when every started run, crawl and workflow step has finished. */
  idle(): Promise<void> {
    return this.tracker.idle();
  }

  async close(): Promise<void> {
    await this.idle();
    this.engine.close();
    this.state.close();
  }
}
