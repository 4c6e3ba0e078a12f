import type { PartitionInput } from '@aws-sdk/client-glue';
import type { StateStore } from '../state/state-store';

/** One staged file of a run and the object it becomes. */
export interface StagedMove {
  readonly file: string;
  readonly bucket: string;
  readonly key: string;
}

/** Partitions a run adds to a table when it commits. */
export interface StagedPartitions {
  readonly database: string;
  readonly table: string;
  readonly inputs: readonly PartitionInput[];
}

/**
 * A run's commit in progress: recorded before the first file moves and removed in the transaction that records the
 * run's final state. Finding one when the state is opened means a process died mid-commit: recovery undoes it.
 */
export interface CommitEntry {
  readonly runId: string;
  readonly jobName: string;
  readonly stagingDir: string;
  readonly moves: readonly StagedMove[];
  readonly partitions: readonly StagedPartitions[];
}

export class CommitJournal {
  constructor(private readonly state: StateStore) {}

  begin(entry: CommitEntry): void {
    this.state.statement('INSERT INTO commit_journal (run_id, body) VALUES (?, ?)').run(entry.runId, JSON.stringify(entry));
  }

  end(runId: string): void {
    this.state.statement('DELETE FROM commit_journal WHERE run_id = ?').run(runId);
  }

  pending(): CommitEntry[] {
    return (this.state.statement('SELECT body FROM commit_journal ORDER BY rowid').all() as { body: string }[]).map((r) => JSON.parse(r.body) as CommitEntry);
  }
}
