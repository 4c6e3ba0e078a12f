/**
 * A job bookmark's state: for each source, by its transformation_ctx, the `s3://` objects it has read and the
 * last-modified time (ISO text) each had then. gluekit's own layout (Glue's is opaque to its users).
 */
export type BookmarkState = Record<string, Record<string, string>>;

/**
 * The bookmarks of one run's sources (GLUE-REFERENCE section 5): with a state to start from, a source reads only the
 * objects that are new, or modified since they were read; without one (`job-bookmark-disable`) it reads every object.
 * With bookmarks on it notes what it reads, which the run's commit adds to the job's bookmark as it is then (so a
 * reset, or another run's commit, made meanwhile is kept). Unconfirmed: Glue keeps a last-modified high-water mark (and the
 * objects at it) rather than every object, so an object that arrives with an older last-modified time than the mark is
 * read here and may be skipped on Glue.
 */
export class SourceBookmarks {
  private readonly read: BookmarkState = {};
  private readonly skipped = new Set<string>();

  /** `from`: the state of the job's last committed bookmark, or undefined when bookmarks are off. */
  constructor(private readonly from?: BookmarkState) {}

  /** Whether the source `ctx` reads an object; with bookmarks on, one it reads is noted. */
  admit(ctx: string, bucket: string, key: string, lastModified: Date): boolean {
    if (!this.from) return true;
    const uri = `s3://${bucket}/${key}`;
    const modified = lastModified.toISOString();
    if (this.from[ctx]?.[uri] === modified) {
      this.skipped.add(ctx);
      return false;
    }
    (this.read[ctx] ??= {})[uri] = modified;
    return true;
  }

  /** Whether the bookmark left some object of the source unread. */
  skippedAny(ctx: string): boolean {
    return this.skipped.has(ctx);
  }

  /** What the run's sources read: the objects, by source, with their last-modified times. */
  objectsRead(): BookmarkState {
    return JSON.parse(JSON.stringify(this.read)) as BookmarkState;
  }
}
