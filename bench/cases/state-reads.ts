import Database from 'libsql';
import * as path from 'path';
import { GlueService } from '../../emulator/api';

const CALLS = 200_000;

function rssMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / (1024 * 1024);
}

/**
 * 200,000 GetTable calls in one process, and how much its memory grew. Args: <stateDir> <gluekit|prepare-per-call>.
 * The reference side is what gluekit did before: a libsql prepare() per call (libsql-js#153 keeps each one's memory).
 */
async function main(): Promise<void> {
  const [stateDir, side] = process.argv.slice(2);
  if (side === 'prepare-per-call') {
    const db = new Database(path.join(stateDir, 'state.db'));
    const before = rssMb();
    const started = performance.now();
    for (let i = 0; i < CALLS; i++) db.prepare('SELECT body FROM documents WHERE kind = ? AND key = ?').get('table', 'db.t');
    const ms = performance.now() - started;
    process.stdout.write(`${JSON.stringify({ rss_growth_mb: rssMb() - before, ms })}\n`);
    db.close();
    return;
  }
  const service = await GlueService.open({ stateDir, command: 'bench state-reads' });
  try {
    for (let i = 0; i < 1000; i++) await service.catalog.getTable({ DatabaseName: 'db', Name: 't' });
    const before = rssMb();
    const started = performance.now();
    for (let i = 0; i < CALLS; i++) await service.catalog.getTable({ DatabaseName: 'db', Name: 't' });
    const ms = performance.now() - started;
    process.stdout.write(`${JSON.stringify({ rss_growth_mb: rssMb() - before, ms })}\n`);
  } finally {
    await service.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
