import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** A CDK project: the folder holding `cdk.json`, its app command and its cloud assembly folder. */
export interface CdkProject {
  readonly dir: string;
  readonly app: string;
  readonly outdir: string;
}

const IGNORED_DIRS = new Set(['node_modules', '.git', 'cdk.out', '.gluekit', 'dist', 'coverage']);
const SOURCE_EXT = /\.(ts|js|mjs|cjs|json|py)$/;

/** Reads `cdk.json` in `dir`; a missing file or app command is an error that says what to add. */
export function readCdkProject(dir: string, outdir?: string): CdkProject {
  const file = path.join(dir, 'cdk.json');
  if (!fs.existsSync(file)) throw new Error(`no cdk.json in ${dir}: run gluekit in a CDK project folder (or pass --app-dir)`);
  let config: { app?: unknown; output?: unknown };
  try {
    config = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof config.app !== 'string' || !config.app.trim()) throw new Error(`${file}: "app" must be the command that runs the CDK app, e.g. "npx tsx bin/app.ts"`);
  const out = outdir ?? (typeof config.output === 'string' ? config.output : 'cdk.out');
  return { dir: path.resolve(dir), app: config.app, outdir: path.resolve(dir, out) };
}

function newestSource(dir: string): number {
  let newest = 0;
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!IGNORED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(path.join(d, entry.name));
      } else if (SOURCE_EXT.test(entry.name)) {
        newest = Math.max(newest, fs.statSync(path.join(d, entry.name)).mtimeMs);
      }
    }
  };
  walk(dir);
  return newest;
}

/** True when the cloud assembly is missing or older than any source file of the app. */
export function isAssemblyStale(project: CdkProject): boolean {
  const marker = path.join(project.outdir, 'manifest.json');
  if (!fs.existsSync(marker)) return true;
  return newestSource(project.dir) > fs.statSync(marker).mtimeMs;
}

/**
 * Synthesizes by running the app command itself with `CDK_OUTDIR` (what the CDK CLI does, without its start-up cost).
 * The app's output is passed through on failure, so a broken app says why.
 */
export async function synthesize(project: CdkProject): Promise<void> {
  fs.mkdirSync(project.outdir, { recursive: true });
  const bin = path.join(project.dir, 'node_modules', '.bin');
  const env = {
    ...process.env,
    CDK_OUTDIR: project.outdir,
    PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
    CDK_CONTEXT_JSON: process.env.CDK_CONTEXT_JSON ?? '{}',
  };
  await new Promise<void>((resolve, reject) => {
    const child = spawn(project.app, { cwd: project.dir, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => reject(new Error(`cannot run the CDK app '${project.app}': ${e.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`the CDK app '${project.app}' failed (exit ${code}):\n${output.trim()}`));
    });
  });
  // Touch the assembly marker so a synth that wrote nothing new still counts as fresh.
  const marker = path.join(project.outdir, 'manifest.json');
  if (!fs.existsSync(marker)) throw new Error(`the CDK app '${project.app}' ran but wrote no cloud assembly to ${project.outdir}; does it call app.synth()?`);
  const now = new Date();
  fs.utimesSync(marker, now, now);
}
