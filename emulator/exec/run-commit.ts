import { createReadStream, promises as fs } from 'fs';
import type { JobRun } from '@aws-sdk/client-glue';
import type { BookmarkState } from '../frames/source-bookmarks';
import type { StagedRun } from '../frames/staged-run';
import type { CommitEntry } from '../model/commit-journal';
import type { GlueModel } from '../model/glue-model';
import { localFileAccess, ObjectStore } from '../storage/object-store';
import { faultPoint } from './fault-point';

/**
 * Makes a run's output visible together with its SUCCEEDED state, or not at all:
 * 1. the commit journal records every staged file and the object it becomes (none of them may exist yet: a run never
 *    overwrites an object, so undoing it can never delete someone else's);
 * 2. the files move into the store;
 * 3. one transaction adds the run's partitions to the catalog, adds what its sources read to the job's bookmark
 *    (`bookmark`, when the run advances it, and the job still exists), records the run SUCCEEDED and removes the
 *    journal entry.
 * A failure in 2 undoes the moves and rethrows; a crash anywhere before 3 leaves the journal entry, which recovery
 * undoes (`undoCommit`) when the state is next opened.
 */
export async function commitRun(model: GlueModel, store: ObjectStore, run: JobRun, staged: StagedRun, stagingDir: string, succeeded: JobRun, bookmark?: BookmarkState): Promise<void> {
  const entry: CommitEntry = {
    runId: run.Id!,
    jobName: run.JobName!,
    stagingDir,
    moves: staged.files.map((f) => ({ file: f.file, bucket: f.bucket, key: f.key })),
    partitions: staged.partitions,
  };
  const targets = new Set<string>();
  for (const move of entry.moves) {
    const uri = `s3://${move.bucket}/${move.key}`;
    if (targets.has(uri)) throw new Error(`cannot write ${uri} twice in one run; give each sink its own path`);
    targets.add(uri);
    if (await store.head(move.bucket, move.key)) throw new Error(`cannot write ${uri}: an object of that name exists, and a run never overwrites one`);
  }
  model.transaction(() => model.journal.begin(entry));
  await faultPoint('commit:journaled');
  const files = localFileAccess(store);
  try {
    let n = 0;
    for (const move of entry.moves) {
      if (files) await files.adoptFile(move.bucket, move.key, move.file);
      else await store.write(move.bucket, move.key, createReadStream(move.file));
      n += 1;
      await faultPoint(`commit:moved:${n}`);
    }
    model.transaction(() => {
      for (const p of entry.partitions) {
        const errors = model.partitions.createMany(p.database, p.table, p.inputs).filter((e) => e.ErrorDetail?.ErrorCode !== 'AlreadyExistsException');
        if (errors.length > 0) throw new Error(`could not add partition ${JSON.stringify(errors[0].PartitionValues)} to ${p.database}.${p.table}: ${errors[0].ErrorDetail?.ErrorMessage}`);
      }
      if (bookmark !== undefined && model.jobs.find(run.JobName!)) model.bookmarks.advance(run.JobName!, run.Id!, run.Attempt ?? 0, bookmark);
      model.jobRuns.put(succeeded);
      model.journal.end(entry.runId);
    });
  } catch (e) {
    try {
      await undoCommit(model, store, entry);
    } catch (undoError) {
      // The journal entry stays: the next owner of the state finishes the undo.
      throw new Error(`${(e as Error).message}; undoing the commit failed too (${(undoError as Error).message}), so the next gluekit process to open this state removes what landed`);
    }
    throw e;
  }
  await faultPoint('commit:recorded');
}

/** Takes back a commit that did not finish: deletes the objects it may have written and its journal entry. */
export async function undoCommit(model: GlueModel, store: ObjectStore, entry: CommitEntry): Promise<void> {
  for (const move of entry.moves) await store.delete(move.bucket, move.key);
  await fs.rm(entry.stagingDir, { recursive: true, force: true });
  model.transaction(() => model.journal.end(entry.runId));
}
