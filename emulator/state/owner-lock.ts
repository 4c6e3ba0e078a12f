import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import type { StateStore } from './state-store';

/** Who holds a state directory for writing. */
export interface StateOwner {
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  /** When the owner took the state (ISO). */
  readonly since: string;
}

interface OwnerRow extends StateOwner {
  readonly token: string;
}

/** A second writer, refused while the owner lives. */
export class StateInUseError extends Error {
  constructor(readonly stateDir: string, readonly owner: StateOwner) {
    super(
      `state directory ${stateDir} is in use by gluekit process ${owner.pid} on ${owner.host} (${owner.command}, since ${owner.since}); ` +
        `wait for it to finish, or use another state directory (--state-dir, or stateDir in LocalGlue)${
          owner.host === os.hostname() ? '' : `; gluekit cannot tell from ${os.hostname()} whether a process on ${owner.host} still runs: if it is gone, gluekit unlock --force takes the state back`
        }`,
    );
    this.name = 'StateInUseError';
  }
}

/**
 * The one writer of a state directory. Taking it is a check-and-set inside one SQLite write transaction, so two processes
 * never both take it. A holder that is gone (its pid no longer runs, or now names another process) is replaced; the new
 * owner then recovers what the old one left running. Readers take nothing.
 */
export class OwnerLock {
  private constructor(private readonly store: StateStore, private readonly token: string, readonly previous: StateOwner | undefined) {}

  /** Takes the state for this process; throws StateInUseError naming the live holder. */
  static acquire(store: StateStore, command: string): OwnerLock {
    const token = `${randomBytes(12).toString('hex')}:${processStart(process.pid) ?? ''}`;
    return store.transaction(() => {
      const holder = store.statement('SELECT pid, host, token, command, since FROM owner WHERE id = 1').get() as OwnerRow | undefined;
      if (holder && isAlive(holder)) throw new StateInUseError(String(store.stateDir), holder);
      store
        .statement('INSERT INTO owner (id, pid, host, token, command, since) VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET pid = excluded.pid, host = excluded.host, token = excluded.token, command = excluded.command, since = excluded.since')
        .run(process.pid, os.hostname(), token, command, new Date().toISOString());
      return new OwnerLock(store, token, holder && { pid: holder.pid, host: holder.host, command: holder.command, since: holder.since });
    });
  }

  /** The current holder, if any (for messages). */
  static holder(store: StateStore): StateOwner | undefined {
    const row = store.statement('SELECT pid, host, command, since, token FROM owner WHERE id = 1').get() as OwnerRow | undefined;
    return row && isAlive(row) ? { pid: row.pid, host: row.host, command: row.command, since: row.since } : undefined;
  }

  /**
   * Takes the state back from a holder that is gone but cannot be seen to be (one on another host, after a crash or a
   * container's restart under a new name): removes the owner record. A holder that runs on this host is never removed;
   * one on another host only with `force`. Returns the holder removed, if any.
   */
  static breakStale(store: StateStore, force: boolean): StateOwner | undefined {
    return store.transaction(() => {
      const holder = store.statement('SELECT pid, host, token, command, since FROM owner WHERE id = 1').get() as OwnerRow | undefined;
      if (!holder) return undefined;
      const owner = { pid: holder.pid, host: holder.host, command: holder.command, since: holder.since };
      if (holder.host === os.hostname() && isAlive(holder)) throw new StateInUseError(String(store.stateDir), owner);
      if (holder.host !== os.hostname() && !force) {
        throw new Error(`state directory ${store.stateDir} is held by gluekit process ${holder.pid} on ${holder.host} (${holder.command}); make sure it is gone, then run gluekit unlock --force`);
      }
      store.statement('DELETE FROM owner WHERE id = 1').run();
      return owner;
    });
  }

  /** Gives the state up (only if this lock still holds it). */
  release(): void {
    this.store.transaction(() => this.store.statement('DELETE FROM owner WHERE id = 1 AND token = ?').run(this.token));
  }
}

/**
 * Whether a holder still runs. Another host's holder cannot be checked and counts as alive. On this host, a pid that no
 * longer runs is dead; so is one whose start time (Linux `/proc/<pid>/stat`) differs from the holder's, a reused pid.
 */
function isAlive(holder: OwnerRow): boolean {
  if (holder.host !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const started = holder.token.split(':')[1];
  const now = processStart(holder.pid);
  return !(started && now && started !== now);
}

/** A process's start time in clock ticks since boot (field 22 of `/proc/<pid>/stat`), where Linux tells it. */
function processStart(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing parenthesis.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
