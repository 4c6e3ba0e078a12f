import type { PartitionInput } from '@aws-sdk/client-glue';
import type { BookmarkState } from './source-bookmarks';

/** One file a run staged and the object it becomes when the run commits. */
export interface StagedFile {
  readonly file: string;
  readonly bucket: string;
  readonly key: string;
}

/** Partitions a run adds to a catalog table when it commits. */
export interface StagedPartitions {
  readonly database: string;
  readonly table: string;
  readonly inputs: PartitionInput[];
}

/** What a pipeline run produced, nothing of it visible yet: exec commits it with the run's final state. */
export interface StagedRun {
  readonly files: StagedFile[];
  readonly partitions: StagedPartitions[];
  /** What the run's sources read, for the job bookmark: its commit adds them to the bookmark as it is then. */
  readonly bookmark?: BookmarkState;
}
