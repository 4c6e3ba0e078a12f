import * as fs from 'fs';

/**
 * Fault injection for tests of crash safety and concurrency, off unless `GLUEKIT_FAULT` is set:
 * - `GLUEKIT_FAULT=<point>:kill` kills this process (SIGKILL, no clean-up) when it reaches `<point>`;
 * - `GLUEKIT_FAULT=<point>:wait:<file>` writes `<file>.reached` at `<point>`, then waits until `<file>` exists.
 * Points: `job:running` (a job run started, before its pipeline runs), `commit:journaled` (the commit journal is
 * written, nothing moved), `commit:moved:<n>` (after the n-th file of a commit moved, from 1), `commit:recorded` (after
 * the transaction that records the run's final state).
 */
export async function faultPoint(point: string): Promise<void> {
  const fault = process.env.GLUEKIT_FAULT;
  if (!fault || !fault.startsWith(`${point}:`)) return;
  const action = fault.slice(point.length + 1);
  if (action === 'kill') {
    process.kill(process.pid, 'SIGKILL');
    await new Promise(() => undefined);
  }
  if (action.startsWith('wait:')) {
    const file = action.slice('wait:'.length);
    fs.writeFileSync(`${file}.reached`, String(process.pid));
    while (!fs.existsSync(file)) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
