import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GlueService } from '../../../emulator/api';
import { GlueModel } from '../../../emulator/model';
import { OwnerLock, StateInUseError } from '../../../emulator/state/owner-lock';
import { ACTIVE_JOB_RUN_STATES } from '../../../emulator/model/job-run-repository';
import { countQuery, listQuery, StateStore } from '../../../emulator/state/state-store';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-state-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('each statement is prepared once and reused, however many reads', () => {
  const store = new StateStore(':memory:');
  store.get('job', 'x');
  store.list('jobRun', { parent: 'j', newestFirst: true, limit: 5 });
  const prepared = store.preparedStatements;
  for (let i = 0; i < 1000; i++) {
    store.get('job', `x${i}`);
    store.list('jobRun', { parent: `j${i}`, newestFirst: true, limit: i });
    store.count('jobRun', `j${i}`, ['RUNNING', 'WAITING']);
  }
  expect(store.preparedStatements).toBe(prepared + 1);
  store.close();
});

test("counting a job's active runs and finding runs left running are index look-ups, not scans", () => {
  const store = new StateStore(':memory:');
  const plan = ({ sql, params }: { sql: string; params: unknown[] }): string =>
    (store.statement(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('; ');
  expect(plan(countQuery('jobRun', 'j', ACTIVE_JOB_RUN_STATES))).toMatch(/^SEARCH documents USING COVERING INDEX documents_by_status/);
  expect(plan(listQuery('jobRun', { status: ['RUNNING', 'WAITING'] }))).toMatch(/^SEARCH documents USING INDEX documents_by_status/);
  expect(plan(listQuery('jobRun', { parent: 'j', newestFirst: true, limit: 10 }))).toMatch(/^SEARCH documents USING INDEX documents_by_parent/);
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
      new RegExp(`^state directory ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by gluekit process ${process.pid} on ${os.hostname()} \\(gluekit run workflow nightly, since \\d{4}-\\d\\d-\\d\\dT[^)]+\\); wait for it to finish, or use another state directory \\(--state-dir, or stateDir in LocalGlue\\)$`),
    );
    const reader = await GlueService.open({ stateDir: dir, mode: 'read' });
    expect((await reader.catalog.getDatabases()).DatabaseList).toEqual([]);
    await expect(reader.catalog.createDatabase({ DatabaseInput: { Name: 'x' } })).rejects.toThrow(`the state in ${dir} was opened read-only (as gluekit tables and show open it, beside a process that may own it), and this operation writes; do it from the process that owns the state, or from gluekit run`);
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
