import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Executor } from '../../../emulator/exec';
import { GlueModel } from '../../../emulator/model';
import { StateStore } from '../../../emulator/state/state-store';
import { LocalFolderStore } from '../../../emulator/storage/local-folder-store';

test("DuckDB spills into the state directory, not the working folder's .tmp; GLUEKIT_MEMORY_LIMIT caps its memory", async () => {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-settings-'));
  const before = process.env.GLUEKIT_MEMORY_LIMIT;
  process.env.GLUEKIT_MEMORY_LIMIT = '256MB';
  const exec = new Executor(new GlueModel(new StateStore(':memory:')), new LocalFolderStore(path.join(stateDir, 's3')), stateDir);
  try {
    expect(await exec.engine.setting('temp_directory')).toBe(path.join(stateDir, 'tmp', 'spill'));
    expect(await exec.engine.setting('memory_limit')).toBe('244.1 MiB');
  } finally {
    await exec.close();
    if (before === undefined) delete process.env.GLUEKIT_MEMORY_LIMIT;
    else process.env.GLUEKIT_MEMORY_LIMIT = before;
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
});
