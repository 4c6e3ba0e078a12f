/**
 * Keeps the emulator's background work (job runs, crawls, workflow steps) so callers can wait until everything
 * started has finished, as a test or the CLI does after StartWorkflowRun.
 */
export class RunTracker {
  private readonly pending = new Set<Promise<unknown>>();

  /** Runs `work` in the background; its failure is the work's own business (it records it), never an unhandled rejection. */
  track(work: () => Promise<unknown>): void {
    const p: Promise<unknown> = Promise.resolve()
      .then(work)
      .catch((e) => {
        // Runners record their own failures; anything reaching here is a bug worth seeing.
        process.emitWarning(`gluekit background work failed: ${e instanceof Error ? e.stack : String(e)}`);
      })
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Resolves once no background work is left (work started by work included). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) {
      await Promise.allSettled([...this.pending]);
    }
  }
}
