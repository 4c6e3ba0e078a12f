import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GlueService } from '../../../emulator/api';
import { GlueModel } from '../../../emulator/model';
import { OwnerLock, StateInUseError } from '../../../emulator/state/owner-lock';
import { StateStore } from '../../../emulator/state/state-store';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-state-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('each statement is prepared once and reused', () => {
  const store = new StateStore(':memory:');
  const a = store.statement('SELECT body FROM documents WHERE kind = ? AND key = ?');
  store.get('job', 'x');
  store.get('job', 'y');
  expect(store.statement('SELECT body FROM documents WHERE kind = ? AND key = ?')).toBe(a);
  store.close();
});

test("counting a job's active runs and finding runs left running are index look-ups, not scans", () => {
  const store = new StateStore(':memory:');
  const plan = (sql: string, ...params: unknown[]): string =>
    (store.statement(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('; ');
  expect(plan("SELECT count(*) AS n FROM documents WHERE kind = ? AND parent = ? AND status IN (?, ?)", 'jobRun', 'j', 'RUNNING', 'WAITING')).toMatch(/USING COVERING INDEX documents_by_status/);
  expect(plan("SELECT body FROM documents WHERE kind = ? AND status IN (?) ORDER BY rowid ASC", 'jobRun', 'RUNNING')).toMatch(/USING INDEX documents_by_status/);
  expect(plan("SELECT body FROM documents WHERE kind = ? AND parent = ? ORDER BY rowid DESC LIMIT ?", 'jobRun', 'j', 10)).toMatch(/USING INDEX documents_by_parent/);
  store.close();
});

test('run properties and default run properties named like dates stay the strings they were', async () => {
  const service = await GlueService.open({ stateDir: dir });
  try {
    const properties = { StartTime: 'x', CreatedOn: 'tomorrow', CompletedOn: '2024-01-01T00:00:00Z' };
    await service.workflows.createWorkflow({ Name: 'w', DefaultRunProperties: properties });
    await service.jobs.createJob({ Name: 'j', Role: 'r', Command: { Name: 'glueetl' }, DefaultArguments: { '--StartedOn': 'not a date' } });
    await service.triggers.createTrigger({ Name: 't', WorkflowName: 'w', Type: 'ON_DEMAND', Actions: [{ JobName: 'j' }] });
    const { Workflow } = await service.workflows.getWorkflow({ Name: 'w' });
    expect(Workflow!.DefaultRunProperties).toEqual(properties);
    expect(Workflow!.CreatedOn).toBeInstanceOf(Date);
    expect((await service.jobs.getJob({ JobName: 'j' })).Job!.DefaultArguments).toEqual({ '--StartedOn': 'not a date' });
    const { RunId } = await service.workflows.startWorkflowRun({ Name: 'w', RunProperties: { LastModifiedOn: 'y' } });
    await service.idle();
    const { Run } = await service.workflows.getWorkflowRun({ Name: 'w', RunId });
    expect(Run!.WorkflowRunProperties).toEqual({ ...properties, LastModifiedOn: 'y' });
    expect(Run!.StartedOn).toBeInstanceOf(Date);
    expect((await service.workflows.getWorkflowRunProperties({ Name: 'w', RunId })).RunProperties).toEqual({ ...properties, LastModifiedOn: 'y' });
  } finally {
    await service.close();
  }
});

test('a second writer is refused with a message naming the holder; a reader is not', async () => {
  const first = await GlueService.open({ stateDir: dir, command: 'gluekit run workflow nightly' });
  try {
    const refused = GlueService.open({ stateDir: dir });
    await expect(refused).rejects.toThrow(StateInUseError);
    await expect(GlueService.open({ stateDir: dir })).rejects.toThrow(
      new RegExp(`^state directory ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by gluekit process ${process.pid} on ${os.hostname()} \\(gluekit run workflow nightly, since \\d{4}-\\d\\d-\\d\\dT[^)]+\\); wait for it to finish, or use another --state-dir$`),
    );
    const reader = await GlueService.open({ stateDir: dir, mode: 'read' });
    expect((await reader.catalog.getDatabases()).DatabaseList).toEqual([]);
    await expect(reader.catalog.createDatabase({ DatabaseInput: { Name: 'x' } })).rejects.toThrow(`the state in ${dir} is open read-only here`);
    await reader.close();
  } finally {
    await first.close();
  }
  // Once released, the next writer takes it.
  const next = await GlueService.open({ stateDir: dir });
  await next.close();
});

test('a holder whose process is gone is replaced', () => {
  const model = GlueModel.open(dir);
  model.state.statement("INSERT INTO owner (id, pid, host, token, command, since) VALUES (1, 2147483646, ?, 't:', 'gluekit run job j', 'then')").run(os.hostname());
  const lock = OwnerLock.acquire(model.state, 'gluekit run job k');
  expect(lock.previous).toEqual({ pid: 2147483646, host: os.hostname(), command: 'gluekit run job j', since: 'then' });
  expect(OwnerLock.holder(model.state)).toMatchObject({ pid: process.pid, command: 'gluekit run job k' });
  lock.release();
  expect(OwnerLock.holder(model.state)).toBeUndefined();
  model.close();
});
