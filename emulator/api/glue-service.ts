import type { Crawler, JobRun, WorkflowRun } from '@aws-sdk/client-glue';
import { Executor, FrameDescription, ObjectStore, ReadTableOptions, stateObjectStore, TableRows } from '../exec';
import * as fs from 'fs';
import * as path from 'path';
import { Deployment, GlueModel, OwnerLock, StateInUseError, StateOwner, workflowRunView } from '../model';
import { CatalogApi } from './catalog-api';
import { CrawlerApi } from './crawler-api';
import { JobApi } from './job-api';
import { TriggerApi } from './trigger-api';
import { WorkflowApi } from './workflow-api';

export interface GlueServiceOptions {
  /** The state directory: `state.db`, objects under `s3/<bucket>/<key>`, run scratch space under `tmp/`. */
  readonly stateDir: string;
  /** Default: the local folder `<stateDir>/s3`. */
  readonly objectStore?: ObjectStore;
  /**
   * `write` (default) takes the state's owner lock (refused while another live process holds it) and recovers what a
   * dead owner left running; `read` takes nothing, never writes, and works while another process runs workflows.
   */
  readonly mode?: 'write' | 'read';
  /** What this process is, for the message a second writer gets (default: its command line). */
  readonly command?: string;
}

/**
 * The local Glue: one class per API area over one state directory, each method named, typed and shaped as
 * `@aws-sdk/client-glue`'s `Glue` client. The CLI, the manifest deployer, the jest helpers and the HTTP endpoint all go
 * through it. Beyond the Glue API it offers a few conveniences of gluekit's own (run to completion, read a table).
 */
export class GlueService {
  readonly catalog: CatalogApi;
  readonly crawlers: CrawlerApi;
  readonly jobs: JobApi;
  readonly workflows: WorkflowApi;
  readonly triggers: TriggerApi;
  readonly objects: ObjectStore;
  private closed = false;

  private constructor(readonly options: GlueServiceOptions, private readonly model: GlueModel, private readonly exec: Executor, private readonly lock?: OwnerLock) {
    this.objects = exec.store;
    this.catalog = new CatalogApi(model);
    this.crawlers = new CrawlerApi(model, exec);
    this.jobs = new JobApi(model, exec);
    this.workflows = new WorkflowApi(model, exec);
    this.triggers = new TriggerApi(model);
  }

  /**
   * Refuses early, with the message a second writer gets, when a live process owns the state directory: so a command
   * does not synthesize or prepare anything only to be refused when it opens the state.
   */
  static refuseIfOwned(stateDir: string): void {
    if (!fs.existsSync(path.join(stateDir, 'state.db'))) return;
    let model: GlueModel;
    try {
      model = GlueModel.open(stateDir, 'read');
    } catch {
      return; // an older or unreadable state: opening it for writing says what is wrong
    }
    try {
      const owner = OwnerLock.holder(model.state);
      if (owner) throw new StateInUseError(stateDir, owner);
    } finally {
      model.close();
    }
  }

  /**
   * Removes the owner record of a holder that is gone (see `OwnerLock.breakStale`): a live holder on this host is never
   * removed, one on another host only with `force`. Returns the holder removed. Runs it left are recovered by the next
   * writer.
   */
  static unlock(stateDir: string, force: boolean): StateOwner | undefined {
    if (!fs.existsSync(path.join(stateDir, 'state.db'))) throw new Error(`no gluekit state in ${stateDir}: there is nothing to unlock`);
    const model = GlueModel.open(stateDir);
    try {
      return OwnerLock.breakStale(model.state, force);
    } finally {
      model.close();
    }
  }

  /** Opens a state directory (creating it when writing); see `GlueServiceOptions.mode`. */
  static async open(options: GlueServiceOptions): Promise<GlueService> {
    const mode = options.mode ?? 'write';
    const model = GlueModel.open(options.stateDir, mode);
    let lock: OwnerLock | undefined;
    try {
      const exec = new Executor(model, stateObjectStore(options.stateDir, options.objectStore), options.stateDir);
      if (mode === 'write') {
        lock = OwnerLock.acquire(model.state, options.command ?? commandLine());
        await exec.recover();
      }
      return new GlueService(options, model, exec, lock);
    } catch (e) {
      lock?.release();
      model.close();
      throw e;
    }
  }

  /**
   * Makes the API calls of `fn` land together or not at all (one SQLite transaction). For deploys, which run before any
   * job run or crawl starts: background work writing meanwhile would join the transaction.
   */
  atomically<T>(fn: () => Promise<T>): Promise<T> {
    return this.model.transactionAsync(fn);
  }

  /** What the last local deploy of a stack made (gluekit's own record, not a Glue API). */
  deploymentOf(stack: string): Deployment | undefined {
    return this.model.deployments.find(stack);
  }

  /** Records what a local deploy of a stack made, so the next one can remove what the stack dropped. */
  recordDeployment(deployment: Deployment): void {
    this.model.transaction(() => this.model.deployments.put(deployment));
  }

  /** Starts a workflow run and waits until every node has finished; returns the run with its graph. */
  async runWorkflow(name: string, runProperties?: Record<string, string>): Promise<WorkflowRun> {
    const runId = this.exec.workflows.start(name, runProperties);
    await this.idle();
    return workflowRunView(this.model, this.model.workflowRuns.require(name, runId), true);
  }

  /** Starts a job run and waits for it and its retries; returns the last attempt. */
  async runJob(name: string, args?: Record<string, string>): Promise<JobRun> {
    return (await this.exec.jobs.start({ JobName: name, Arguments: args }).finished).last;
  }

  /** Starts a crawl and waits for it; returns the crawler with its LastCrawl. */
  async runCrawler(name: string): Promise<Crawler> {
    await this.exec.crawls.start(name).finished;
    return this.model.crawlers.require(name);
  }

  /**
   * `printSchema()`, `count()` and `show(n)` of the frame one node of a job makes, as the job's script would print them
   * there (run with `args` over the job's default arguments). Nothing is written.
   */
  inspectFrame(jobName: string, nodeId: string, options: { readonly arguments?: Record<string, string>; readonly rows?: number } = {}): Promise<FrameDescription> {
    return this.exec.jobs.inspect(jobName, nodeId, options);
  }

  /** A table's rows, read as a job's catalog source reads them (previews and tests; nothing is written). */
  readTable(database: string, table: string, options: ReadTableOptions = {}): Promise<TableRows> {
    return this.exec.readTable(database, table, options);
  }

  /** Resolves when every started run, crawl and workflow step has finished. */
  idle(): Promise<void> {
    return this.exec.idle();
  }

  /** Waits for running work, then releases the state. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.exec.close();
    } finally {
      this.lock?.release();
      this.model.close();
    }
  }
}

function commandLine(): string {
  const [, script, ...args] = process.argv;
  const name = script ? script.split('/').pop() : 'node';
  return [name === 'gluekit.js' ? 'gluekit' : name, ...args].join(' ');
}
