import { spawn } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';

/**
 * Compresses every file under `folder` with bzip2, in place (a sink's `compression: bzip2`): DuckDB writes no bzip2 and
 * no permissively licensed JavaScript compressor exists, so the `bzip2` program does it, its input and output the files
 * themselves (nothing passes through JavaScript). Without the program the run fails saying so.
 */
export async function bzip2Files(folder: string, where: string, program = 'bzip2'): Promise<void> {
  for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) await bzip2Files(file, where, program);
    else await bzip2File(file, where, program);
  }
}

async function bzip2File(file: string, where: string, program: string): Promise<void> {
  const target = `${file}.bzip2-part`;
  const input = await fs.open(file, 'r');
  const output = await fs.open(target, 'w');
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(program, ['-c'], { stdio: [input.fd, output.fd, 'pipe'] });
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', (e: NodeJS.ErrnoException) =>
        reject(
          e.code === 'ENOENT'
            ? new Error(`${where}: writing bzip2 output needs the bzip2 program on the PATH, which was not found (install it: apt-get install bzip2, brew install bzip2), or write gzip`)
            : new Error(`${where}: bzip2 could not be started: ${e.message}`),
        ),
      );
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${where}: bzip2 failed (exit code ${code}): ${stderr.trim()}`))));
    });
  } catch (e) {
    await fs.rm(target, { force: true });
    throw e;
  } finally {
    await input.close();
    await output.close();
  }
  await fs.rename(target, file);
}
