import * as fs from 'fs';
import * as path from 'path';

/** Medicare-like CSV columns, as the raw files' header spells them. */
export const MEDICARE_HEADER = 'Provider Id,Provider Name,GivenName,City,State,Total Discharges,Average Covered Charges,Average Total Payments';

export interface GenerateOptions {
  /** The local bucket folder (`<state-dir>/s3/<bucket>`). */
  readonly bucketDir: string;
  /** Total rows over all years. Default 1000. */
  readonly rows?: number;
  /** Year folders (`year=YYYY/`). Default 2019, 2020, 2021. */
  readonly years?: number[];
  /** Seed of the generator: the same seed writes the same bytes. Default 42. */
  readonly seed?: number;
}

export interface GenerateResult {
  readonly rows: number;
  /** Rows whose provider id is not empty (the ones clean-medicare keeps). */
  readonly rowsWithProviderId: number;
  readonly files: string[];
}

/** mulberry32: a small deterministic PRNG, so the sample data is identical on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['ALICE', 'BOB', 'CAROL', 'DAVID', 'ERIN', 'FRANK', 'GRACE', 'HEIDI', 'IVAN', 'JUDY', 'MALLORY', 'OSCAR', 'PEGGY', 'TRENT', 'VICTOR', 'WALTER'];
const PLACES: [string, string][] = [
  ['DOTHAN', 'AL'], ['BIRMINGHAM', 'AL'], ['PHOENIX', 'AZ'], ['TUCSON', 'AZ'], ['LOS ANGELES', 'CA'], ['SAN DIEGO', 'CA'],
  ['DENVER', 'CO'], ['MIAMI', 'FL'], ['ORLANDO', 'FL'], ['ATLANTA', 'GA'], ['CHICAGO', 'IL'], ['BOSTON', 'MA'],
  ['NEW YORK', 'NY'], ['AUSTIN', 'TX'], ['HOUSTON', 'TX'], ['SEATTLE', 'WA'],
];
const HOSPITALS = ['MEDICAL CENTER', 'GENERAL HOSPITAL', 'REGIONAL HEALTH', 'COMMUNITY HOSPITAL', 'UNIVERSITY HOSPITAL'];
const SUFFIXES = ['', '', ', INC', ', LLC', ' "ST. MARY"'];

/** A CSV field, quoted when it holds a comma, quote or newline (quotes doubled). */
function csv(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes medicare-like CSV with a header into `raw/medicare/year=YYYY/` of the bucket folder, replacing what was there.
 * Every 40th row has an empty provider id; some provider names hold commas and quotes, so they are quoted.
 */
export function generateMedicare(options: GenerateOptions): GenerateResult {
  const total = options.rows ?? 1000;
  const years = options.years ?? [2019, 2020, 2021];
  const random = prng(options.seed ?? 42);
  const root = path.join(options.bucketDir, 'raw', 'medicare');
  fs.rmSync(root, { recursive: true, force: true });
  const files: string[] = [];
  let withId = 0;
  let row = 0;
  for (const [i, year] of years.entries()) {
    const count = Math.floor(total / years.length) + (i < total % years.length ? 1 : 0);
    const dir = path.join(root, `year=${year}`);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `medicare-${year}.csv`);
    const fd = fs.openSync(file, 'w');
    try {
      fs.writeSync(fd, `${MEDICARE_HEADER}\n`);
      let chunk: string[] = [];
      for (let r = 0; r < count; r++, row++) {
        const [city, state] = PLACES[Math.floor(random() * PLACES.length)];
        const providerId = row % 40 === 7 ? '' : String(10000 + Math.floor(random() * 890000));
        if (providerId) withId++;
        const name = `${city} ${HOSPITALS[Math.floor(random() * HOSPITALS.length)]}${SUFFIXES[Math.floor(random() * SUFFIXES.length)]}`;
        const given = NAMES[Math.floor(random() * NAMES.length)];
        const discharges = 11 + Math.floor(random() * 500);
        const covered = (5000 + random() * 95000).toFixed(2);
        const payments = (2000 + random() * 30000).toFixed(2);
        chunk.push(`${providerId},${csv(name)},${given},${csv(city)},${state},${discharges},${covered},${payments}`);
        if (chunk.length === 10000) {
          fs.writeSync(fd, chunk.join('\n') + '\n');
          chunk = [];
        }
      }
      if (chunk.length > 0) fs.writeSync(fd, chunk.join('\n') + '\n');
    } finally {
      fs.closeSync(fd);
    }
    files.push(file);
  }
  return { rows: total, rowsWithProviderId: withId, files };
}
