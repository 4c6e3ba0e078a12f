import type { Partition, Table } from '@aws-sdk/client-glue';
import { StateMode, StateStore } from '../state/state-store';
import { CommitJournal } from './commit-journal';
import { CrawlRepository } from './crawl-repository';
import { CrawlerRepository } from './crawler-repository';
import { DatabaseRepository } from './database-repository';
import { DeploymentRepository } from './deployment-repository';
import { JobBookmarkRepository } from './job-bookmark-repository';
import { JobRepository } from './job-repository';
import { JobRunRepository } from './job-run-repository';
import { PartitionRepository } from './partition-repository';
import { TableRepository } from './table-repository';
import { TriggerRepository } from './trigger-repository';
import { WorkflowRepository } from './workflow-repository';
import { WorkflowRunRepository } from './workflow-run-repository';

/**
 * The emulator's entities over one state store: a repository per entity, each the one place its entity converts to and
 * from the API's shape. Changes that touch several entities go in `transaction`.
 */
export class GlueModel {
  readonly databases: DatabaseRepository;
  readonly tables: TableRepository;
  readonly partitions: PartitionRepository;
  readonly crawlers: CrawlerRepository;
  readonly crawls: CrawlRepository;
  readonly jobs: JobRepository;
  readonly jobRuns: JobRunRepository;
  readonly bookmarks: JobBookmarkRepository;
  readonly workflows: WorkflowRepository;
  readonly triggers: TriggerRepository;
  readonly workflowRuns: WorkflowRunRepository;
  readonly deployments: DeploymentRepository;
  readonly journal: CommitJournal;

  constructor(readonly state: StateStore, readonly now: () => Date = () => new Date()) {
    this.databases = new DatabaseRepository(state, now);
    this.tables = new TableRepository(state, this.databases, now);
    this.partitions = new PartitionRepository(state, this.tables, now);
    this.crawlers = new CrawlerRepository(state);
    this.crawls = new CrawlRepository(state);
    this.jobs = new JobRepository(state);
    this.jobRuns = new JobRunRepository(state);
    this.bookmarks = new JobBookmarkRepository(state);
    this.workflows = new WorkflowRepository(state);
    this.triggers = new TriggerRepository(state);
    this.workflowRuns = new WorkflowRunRepository(state);
    this.deployments = new DeploymentRepository(state);
    this.journal = new CommitJournal(state);
  }

  /** Opens `<stateDir>/state.db` (`':memory:'` for tests), for writing or read only. */
  static open(stateDir: string, mode: StateMode = 'write'): GlueModel {
    return new GlueModel(new StateStore(stateDir, mode));
  }

  transaction<T>(fn: () => T): T {
    return this.state.transaction(fn);
  }

  /** `fn`'s writes in one transaction (see StateStore.transactionAsync: nothing else may write meanwhile). */
  transactionAsync<T>(fn: () => Promise<T>): Promise<T> {
    return this.state.transactionAsync(fn);
  }

  /** The catalog as the frame engine reads it (its `CatalogReader`). */
  catalogReader(): { getTable(database: string, table: string): Table; getPartitions(database: string, table: string): Partition[] } {
    return {
      getTable: (database, table) => this.tables.require(database, table),
      getPartitions: (database, table) => this.partitions.list(database, table),
    };
  }

  close(): void {
    this.state.close();
  }
}
