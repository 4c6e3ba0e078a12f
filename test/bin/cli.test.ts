import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Database from 'libsql';
import { generateMedicare } from '../../examples/medicare/generate-data';

/** The CLI end to end, as built by `npm run build` (npm test builds first), in the repository's own CDK project. */
const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'bin', 'gluekit.js');

function gluekit(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let stateDir: string;

beforeAll(() => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-cli-'));
});

afterAll(() => fs.rmSync(stateDir, { recursive: true, force: true }));

test('run workflow exits 1 when a node failed, naming the missing table; the run still COMPLETES', () => {
  const r = gluekit(['run', 'workflow', 'nightly', '--state-dir', stateDir]);
  expect(r.stdout).toMatch(/^workflow nightly {2}run wr_[0-9a-f]{64} {2}COMPLETED/);
  expect(r.stdout).toContain("node 'medicare_source': Table medicare not found in database datalake.");
  expect(r.stdout).toMatch(/JOB {6}clean-medicare +FAILED/);
  expect(r.stdout).toMatch(/CRAWLER {2}curated-crawler +NOT RUN/);
  expect(r.status).toBe(1);
});

test('with sample data the workflow succeeds; tables and show print the curated table', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'cdk.out', 'MedicareStack.gluekit.json'), 'utf8')) as { buckets: Record<string, unknown> };
  const bucket = Object.keys(manifest.buckets)[0].toLowerCase();
  const generated = generateMedicare({ bucketDir: path.join(stateDir, 's3', bucket), rows: 200 });
  const r = gluekit(['run', 'workflow', 'nightly', '--state-dir', stateDir]);
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(/CRAWLER {2}raw-crawler +SUCCEEDED/);
  expect(r.stdout).toMatch(/JOB {6}clean-medicare +SUCCEEDED/);
  expect(r.stdout).toMatch(/CRAWLER {2}curated-crawler +SUCCEEDED/);
  expect(r.stdout).toContain('actions: 3 total, 3 succeeded, 0 failed, 0 errored, 0 timed out, 0 stopped');
  expect(r.status).toBe(0);

  const tables = gluekit(['tables', '--state-dir', stateDir]);
  expect(tables.status).toBe(0);
  expect(tables.stdout).toContain('datalake.curated_medicare  (parquet, 11 partitions)');
  expect(tables.stdout).toContain('partition keys: state string');
  expect(tables.stdout).toContain('datalake.medicare  (csv, 3 partitions)');

  const show = gluekit(['show', 'datalake.curated_medicare', '--limit', '2', '--state-dir', stateDir, '--json']);
  expect(show.status).toBe(0);
  const shown = JSON.parse(show.stdout) as { count: number; rows: unknown[] };
  expect(shown.count).toBe(generated.rowsWithProviderId);
  expect(shown.rows).toHaveLength(2);
});

test('bad arguments get a clear error', () => {
  const kind = gluekit(['run', 'pipeline', 'x', '--state-dir', stateDir]);
  expect(kind.status).toBe(2);
  expect(kind.stderr).toContain("kind must be workflow, job or crawler, not 'pipeline'");
  const table = gluekit(['show', 'nodot', '--state-dir', stateDir]);
  expect(table.status).toBe(2);
  expect(table.stderr).toBe("gluekit: 'nodot' is not DATABASE.TABLE (for example datalake.medicare)\n");
  const missing = gluekit(['run', 'workflow', 'nope', '--state-dir', stateDir]);
  expect(missing.status).toBe(2);
  expect(missing.stderr).toBe('gluekit: Workflow with name nope not found\n');
});

test('a manifest field of the wrong type is refused naming its path, and the state is left as it was', () => {
  const file = path.join(root, 'cdk.out', 'MedicareStack.gluekit.json');
  const original = fs.readFileSync(file, 'utf8');
  const before = gluekit(['tables', '--state-dir', stateDir, '--json']);
  expect(before.status).toBe(0);
  const manifest = JSON.parse(original) as { resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
  const [crawlerId] = Object.keys(manifest.resources).filter((id) => manifest.resources[id].Type === 'AWS::Glue::Crawler');
  manifest.resources[crawlerId].Properties.Targets = 's3://nowhere';
  fs.writeFileSync(file, JSON.stringify(manifest));
  try {
    const bad = gluekit(['run', 'workflow', 'nightly', '--state-dir', stateDir]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(`gluekit: invalid gluekit manifest ${file} at /resources/${crawlerId}/Properties/Targets: must be object\n`);
  } finally {
    fs.writeFileSync(file, original);
  }
  const after = gluekit(['tables', '--state-dir', stateDir, '--json']);
  expect(after.stdout).toBe(before.stdout);
});

test('tables and show read while a workflow runs, a second writer is refused naming the holder, and the run still ends COMPLETED with every node SUCCEEDED', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-cli-busy-'));
  const gate = path.join(dir, 'go');
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'cdk.out', 'MedicareStack.gluekit.json'), 'utf8')) as { buckets: Record<string, unknown> };
    generateMedicare({ bucketDir: path.join(dir, 'state', 's3', Object.keys(manifest.buckets)[0].toLowerCase()), rows: 50 });
    // The workflow's job waits at its start until the test opens the gate.
    const running = spawn(process.execPath, [cli, 'run', 'workflow', 'nightly', '--state-dir', path.join(dir, 'state')], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', GLUEKIT_FAULT: `job:running:wait:${gate}` },
    });
    let stdout = '';
    running.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => running.on('close', resolve));
    const deadline = Date.now() + 60_000;
    while (!fs.existsSync(`${gate}.reached`)) {
      if (Date.now() > deadline) throw new Error('the workflow never reached its job');
      await new Promise((r) => setTimeout(r, 50));
    }

    const tables = gluekit(['tables', '--state-dir', path.join(dir, 'state')]);
    expect(tables.stderr).toBe('');
    expect(tables.status).toBe(0);
    expect(tables.stdout).toContain('datalake.medicare  (csv, 3 partitions)');
    const show = gluekit(['show', 'datalake.medicare', '--limit', '1', '--state-dir', path.join(dir, 'state'), '--json']);
    expect(show.status).toBe(0);
    expect((JSON.parse(show.stdout) as { count: number }).count).toBe(50);

    const second = gluekit(['run', 'job', 'clean-medicare', '--state-dir', path.join(dir, 'state')]);
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`^gluekit: state directory .*/state is in use by gluekit process ${running.pid} on \\S+ \\(gluekit run workflow nightly --state-dir \\S+, since [^)]+\\); wait for it to finish, or use another state directory \\(--state-dir, or stateDir in LocalGlue\\)\\n$`));

    fs.writeFileSync(gate, '');
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/^workflow nightly {2}run wr_[0-9a-f]{64} {2}COMPLETED/);
    expect(stdout).toMatch(/CRAWLER {2}raw-crawler +SUCCEEDED/);
    expect(stdout).toMatch(/JOB {6}clean-medicare +SUCCEEDED/);
    expect(stdout).toMatch(/CRAWLER {2}curated-crawler +SUCCEEDED/);
    expect(stdout).toContain('actions: 3 total, 3 succeeded, 0 failed, 0 errored, 0 timed out, 0 stopped');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('show names the table it cannot find and says where to look', () => {
  const missing = gluekit(['show', 'datalake.nope', '--state-dir', stateDir]);
  expect(missing.status).toBe(2);
  expect(missing.stderr).toBe('gluekit: cannot read datalake.nope: Table nope not found in database datalake. (gluekit tables lists the tables)\n');
});

test('an owner on another host is refused by name until gluekit unlock --force takes the state back; a live owner here never is', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-cli-unlock-'));
  try {
    const tables = gluekit(['tables', '--state-dir', dir]);
    expect(tables.stderr).toContain('nothing has run there yet');
    // A state left by a process on another machine (a container, a shared volume).
    const db = new Database(path.join(dir, 'state.db'));
    db.exec('PRAGMA user_version = 0');
    db.close();
    const first = gluekit(['unlock', '--state-dir', dir]);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(`${dir} has no owner\n`);
    const owned = new Database(path.join(dir, 'state.db'));
    owned.prepare("INSERT INTO owner (id, pid, host, token, command, since) VALUES (1, 42, 'elsewhere', 't:', 'gluekit run workflow nightly', '2026-11-29T00:00:00Z')").run();
    owned.close();
    const refused = gluekit(['run', 'job', 'clean-medicare', '--state-dir', dir]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`is in use by gluekit process 42 on elsewhere (gluekit run workflow nightly, since 2026-11-29T00:00:00Z); wait for it to finish, or use another state directory (--state-dir, or stateDir in LocalGlue); gluekit cannot tell from ${os.hostname()} whether a process on elsewhere still runs: if it is gone, gluekit unlock --force takes the state back`);
    const noForce = gluekit(['unlock', '--state-dir', dir]);
    expect(noForce.status).toBe(2);
    expect(noForce.stderr).toBe(`gluekit: state directory ${dir} is held by gluekit process 42 on elsewhere (gluekit run workflow nightly); make sure it is gone, then run gluekit unlock --force\n`);
    const forced = gluekit(['unlock', '--force', '--state-dir', dir]);
    expect(forced.status).toBe(0);
    expect(forced.stdout).toBe(`removed the owner of ${dir}: gluekit process 42 on elsewhere (gluekit run workflow nightly, since 2026-11-29T00:00:00Z); the next run recovers what it left\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
