import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GlueService } from '../../../emulator/api';
import { GlueModel } from '../../../emulator/model';

const child = path.join(__dirname, '..', '..', 'support', 'commit-crash-child.ts');

/** Runs the child with a fault at `step`; returns how it ended. */
function runChild(stateDir: string, fault?: string): { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (fault) env.GLUEKIT_FAULT = fault;
  else delete env.GLUEKIT_FAULT;
  const r = spawnSync(process.execPath, ['--import', 'tsx', child, stateDir], { encoding: 'utf8', env });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

interface Outcome {
  keys: string[];
  partitions: string[][];
  rows: number;
  state: string | undefined;
  message: string | undefined;
  journal: number;
}

/** What a state holds, as a reader (no recovery) or as the next owner (which recovers first). */
async function outcome(stateDir: string, mode: 'read' | 'write'): Promise<Outcome> {
  const service = await GlueService.open({ stateDir, mode });
  try {
    const keys = (await service.objects.list('b', 'out/')).map((o) => o.key.replace(/run-\d+-/, 'run-N-'));
    const partitions = ((await service.catalog.getPartitions({ DatabaseName: 'db', TableName: 'out' })).Partitions ?? []).map((p) => p.Values!);
    const rows = (await service.readTable('db', 'out')).count;
    const [run] = (await service.jobs.getJobRuns({ JobName: 'crash' })).JobRuns!;
    const model = GlueModel.open(stateDir, 'read');
    const journal = model.journal.pending().length;
    model.close();
    return { keys, partitions, rows, state: run.JobRunState, message: run.ErrorMessage, journal };
  } finally {
    await service.close();
  }
}

const ALL = ['out/state=CA/run-N-part-r-00000.snappy.parquet', 'out/state=NY/run-N-part-r-00000.snappy.parquet', 'out/state=TX/run-N-part-r-00000.snappy.parquet'];

test('a commit that fails while moving files takes back what landed, and the run is FAILED with the error', async () => {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-crash-'));
  try {
    // An object `out/state=NY` (a file where the second file's folder must go): that move fails after the first landed.
    fs.mkdirSync(path.join(stateDir, 's3', 'b', 'out'), { recursive: true });
    fs.writeFileSync(path.join(stateDir, 's3', 'b', 'out', 'state=NY'), 'not gluekit output');
    const r = runChild(stateDir);
    expect(r.stdout).toBe('FAILED\n');
    const state = await outcome(stateDir, 'write');
    expect(state.keys).toEqual(['out/state=NY']);
    expect(state.message).toMatch(/^EEXIST|^ENOTDIR/);
    expect(state.partitions).toEqual([]);
    expect(state.state).toBe('FAILED');
    expect(state.journal).toBe(0);
  } finally {
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
});

test('without a fault the run commits all three files', async () => {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-crash-'));
  try {
    const r = runChild(stateDir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('SUCCEEDED\n');
    expect(await outcome(stateDir, 'write')).toEqual({ keys: ALL, partitions: [['CA'], ['NY'], ['TX']], rows: 3, state: 'SUCCEEDED', message: undefined, journal: 0 });
  } finally {
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
});

test.each(['commit:journaled', 'commit:moved:1', 'commit:moved:2', 'commit:moved:3'])(
  'a process killed at %s leaves none of the output, and the run is FAILED after recovery',
  async (step) => {
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-crash-'));
    try {
      const r = runChild(stateDir, `${step}:kill`);
      expect(r.signal).toBe('SIGKILL');
      const moved = step === 'commit:journaled' ? 0 : Number(step.split(':')[2]);
      // Before recovery the files moved so far are in the bucket folder (the crash really came mid-commit), yet a reader
      // sees none of them: they are a pending commit's, and the run is not SUCCEEDED.
      expect(fs.existsSync(path.join(stateDir, 's3', 'b', 'out')) ? fs.readdirSync(path.join(stateDir, 's3', 'b', 'out')) : []).toHaveLength(moved);
      expect(await outcome(stateDir, 'read')).toEqual({ keys: [], partitions: [], rows: 0, state: 'RUNNING', message: undefined, journal: 1 });
      expect(await outcome(stateDir, 'write')).toEqual({
        keys: [],
        partitions: [],
        rows: 0,
        state: 'FAILED',
        message: 'the gluekit process running this was killed while committing the output; nothing of it was kept; start it again',
        journal: 0,
      });
      expect(fs.existsSync(path.join(stateDir, 'tmp'))).toBe(false);
    } finally {
      fs.rmSync(stateDir, { recursive: true, force: true });
    }
  },
);

test('a process killed right after the commit transaction keeps the whole output and the SUCCEEDED run', async () => {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-crash-'));
  try {
    expect(runChild(stateDir, 'commit:recorded:kill').signal).toBe('SIGKILL');
    expect(await outcome(stateDir, 'write')).toEqual({ keys: ALL, partitions: [['CA'], ['NY'], ['TX']], rows: 3, state: 'SUCCEEDED', message: undefined, journal: 0 });
  } finally {
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
});
