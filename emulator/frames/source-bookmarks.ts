/**
 * A job bookmark's state: for each source, by its transformation_ctx, the `s3://` objects it has read and the
 * last-modified time (ISO text) each had then. gluekit's own layout (Glue's is opaque to its users).
 */
export type BookmarkState = Record<string, Record<string, string>>;

/**
 * The bookmarks of one run's sources (GLUE-REFERENCE section 5): with a state to start from, a source reads only the
 * objects that are new, or modified since they were read; without one (`job-bookmark-disable`) it reads every object.
 * Either way it notes every object it lists, so the run can give the state its commit saves. Unconfirmed: Glue keeps a
 * last-modified high-water mark (and the objects at it) rather than every object, so an object that arrives with an
 * older last-modified time than the mark is read here and may be skipped on Glue.
 */
export class SourceBookmarks {
  private readonly listed: BookmarkState = {};

  /** `from`: the state of the job's last committed bookmark, or undefined when bookmarks are off. */
  constructor(private readonly from?: BookmarkState) {}

  /** Whether the source `ctx` reads an object, noting it as listed. */
  admit(ctx: string, bucket: string, key: string, lastModified: Date): boolean {
    const uri = `s3://${bucket}/${key}`;
    const modified = lastModified.toISOString();
    (this.listed[ctx] ??= {})[uri] = modified;
    if (!this.from) return true;
    return this.from[ctx]?.[uri] !== modified;
  }

  /** Whether any object was left unread because the bookmark had it already. */
  skippedAny(ctx: string): boolean {
    if (!this.from) return false;
    return Object.entries(this.listed[ctx] ?? {}).some(([uri, modified]) => this.from![ctx]?.[uri] === modified);
  }

  /**
   * The state after this run: what the bookmark held, with every object the sources listed now (objects a push-down
   * predicate pruned stay as they were).
   */
  next(): BookmarkState {
    const out: BookmarkState = {};
    for (const ctx of new Set([...Object.keys(this.from ?? {}), ...Object.keys(this.listed)])) out[ctx] = { ...this.from?.[ctx], ...this.listed[ctx] };
    return out;
  }
}
