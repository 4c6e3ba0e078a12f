import { execFileSync } from 'child_process';

/** One measurement a case process prints as its last stdout line: JSON with numbers. */
export type Sample = Record<string, number>;

/** Runs `node <script> ...args` in a fresh process and returns the JSON object it printed last. */
export function sample(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Sample {
  const out = execFileSync(process.execPath, ['--expose-gc', script, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024 });
  const last = out.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as Sample;
  } catch {
    throw new Error(`${script} printed no JSON measurement: ${out}`);
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs each side `times` times, alternating (a, b, a, b...), each in a fresh process, so a noisy moment of a shared
 * machine hits both alike. Returns every sample of each side.
 */
export function alternate(times: number, sides: Record<string, () => Sample>): Record<string, Sample[]> {
  const out: Record<string, Sample[]> = Object.fromEntries(Object.keys(sides).map((k) => [k, []]));
  for (let i = 0; i < times; i++) {
    for (const [name, run] of Object.entries(sides)) out[name].push(run());
  }
  return out;
}

/** The values of one field over samples. */
export function field(samples: Sample[], name: string): number[] {
  return samples.map((s) => s[name]);
}

export function fixed(n: number, digits = 2): string {
  return n.toFixed(digits);
}
