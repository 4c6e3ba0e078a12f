import type { Readable } from 'stream';
import type { CommitJournal } from '../model/commit-journal';
import { ByteRange, LocalFileAccess, localFileAccess, ObjectInfo, ObjectStore } from '../storage/object-store';

/**
 * The object store as runs, crawls and previews see it: the objects a commit in progress is writing stay hidden until
 * the transaction that records its run SUCCEEDED (and removes its journal entry), so a run's files become visible
 * together with its state, also to another process reading the same state while the commit goes on.
 */
export class CommittedObjects implements ObjectStore {
  readonly localFile?: LocalFileAccess['localFile'];
  readonly adoptFile?: LocalFileAccess['adoptFile'];

  constructor(private readonly store: ObjectStore, private readonly journal: CommitJournal) {
    const files = localFileAccess(store);
    if (files) {
      this.localFile = (bucket, key) => files.localFile(bucket, key);
      this.adoptFile = (bucket, key, file) => files.adoptFile(bucket, key, file);
    }
  }

  /** `bucket/key` of every object a pending commit writes. */
  private pending(): Set<string> {
    return new Set(this.journal.pending().flatMap((entry) => entry.moves.map((m) => `${m.bucket}/${m.key}`)));
  }

  createBucket(bucket: string): Promise<void> {
    return this.store.createBucket(bucket);
  }

  async list(bucket: string, prefix: string): Promise<ObjectInfo[]> {
    const objects = await this.store.list(bucket, prefix);
    const pending = this.pending();
    return pending.size === 0 ? objects : objects.filter((o) => !pending.has(`${bucket}/${o.key}`));
  }

  async head(bucket: string, key: string): Promise<ObjectInfo | undefined> {
    return this.pending().has(`${bucket}/${key}`) ? undefined : this.store.head(bucket, key);
  }

  read(bucket: string, key: string, range?: ByteRange): Promise<Buffer> {
    return this.store.read(bucket, key, range);
  }

  readStream(bucket: string, key: string): Promise<Readable> {
    return this.store.readStream(bucket, key);
  }

  write(bucket: string, key: string, body: Buffer | string | Readable): Promise<void> {
    return this.store.write(bucket, key, body);
  }

  delete(bucket: string, key: string): Promise<void> {
    return this.store.delete(bucket, key);
  }
}
