import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Pipeline } from '../../../lib/pipeline';
import { GlueService } from '../../../emulator/api';

/**
 * S3 CSV sources type each value as Glue's reader does (issue 6, "Schema and choice types"): a column whose values are
 * of several kinds is a choice, whatever DuckDB's sniffer guessed from its sample.
 */
let root: string;
let service: GlueService;

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-csv-types-'));
  service = await GlueService.open({ stateDir: path.join(root, 'state') });
});

afterEach(async () => {
  await service.close();
  fs.rmSync(root, { recursive: true, force: true });
});

async function inspect(csv: string, options: { withHeader?: boolean } = { withHeader: true }): Promise<{ schema: string; rows: unknown[] }> {
  await service.objects.write('raw', 'c/a.csv', csv);
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://raw/c/'], format: 'csv', ...options, transformationCtx: 'src' }).writeToS3({ path: 's3://out/c/', format: 'json', transformationCtx: 'sink' });
  await service.jobs.createJob({ Name: 'j', Role: 'r', Command: { Name: 'glueetl' }, CodeGenConfigurationNodes: p.graph });
  const { schema } = await service.inspectFrame('j', 'src', { rows: 0 });
  const run = await service.runJob('j');
  expect(run.ErrorMessage).toBeUndefined();
  const [file] = (await service.objects.list('out', 'c/')).map((o) => o.key);
  return { schema, rows: (await service.objects.read('out', file)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown) };
}

test('a column of integers, fractions and words is a choice of int, double and string; each value keeps its own kind', async () => {
  const { schema, rows } = await inspect('id,price\n1,5\n2,5.50\n3,abc\n4,\n5,1e3\n');
  expect(schema).toBe(['root', ' |-- id: long', ' |-- price: choice', ' |    |-- double', ' |    |-- long', ' |    |-- string', ''].join('\n'));
  expect(rows).toEqual([{ id: 1, price: 5 }, { id: 2, price: 5.5 }, { id: 3, price: 'abc' }, { id: 4 }, { id: 5, price: 1000 }]);
});

test("booleans, dates, NaN, hex, underscores and spaced numbers stay strings (Glue's reader does not read them as DuckDB's would)", async () => {
  const { schema, rows } = await inspect('flag,day,n,hex,big,spaced\ntrue,2024-01-15,NaN,0x1F,1_000," 12"\nfalse,2024-02-01,NaN,0x20,2_000," 13"\n');
  expect(schema).toBe(['root', ' |-- flag: string', ' |-- day: string', ' |-- n: string', ' |-- hex: string', ' |-- big: string', ' |-- spaced: string', ''].join('\n'));
  expect(rows[0]).toEqual({ flag: 'true', day: '2024-01-15', n: 'NaN', hex: '0x1F', big: '1_000', spaced: ' 12' });
});

test('integers are long (Unconfirmed: not int where they fit 32 bits), to the limits of a long; beyond it they are strings', async () => {
  const { schema, rows } = await inspect('small,large,huge\n7,3000000000,99999999999999999999\n-8,-3000000000,1\n');
  expect(schema).toBe(['root', ' |-- small: long', ' |-- large: long', ' |-- huge: choice', ' |    |-- long', ' |    |-- string', ''].join('\n'));
  expect(rows).toEqual([{ small: 7, large: 3000000000, huge: '99999999999999999999' }, { small: -8, large: -3000000000, huge: 1 }]);
});

test("a value of another kind far beyond the sniffer's sample makes a choice instead of failing the run", async () => {
  const lines = ['id,code'];
  for (let i = 0; i < 30000; i++) lines.push(`${i},${i}`);
  lines.push('30000,X-1');
  const { schema, rows } = await inspect(`${lines.join('\n')}\n`);
  expect(schema).toBe(['root', ' |-- id: long', ' |-- code: choice', ' |    |-- long', ' |    |-- string', ''].join('\n'));
  expect(rows.slice(-2)).toEqual([{ id: 29999, code: 29999 }, { id: 30000, code: 'X-1' }]);
});

test('without a header the columns are col0, col1 and typed the same way', async () => {
  const { schema, rows } = await inspect('1,a\n2.5,b\n', {});
  expect(schema).toBe(['root', ' |-- col0: choice', ' |    |-- double', ' |    |-- long', ' |-- col1: string', ''].join('\n'));
  expect(rows).toEqual([{ col0: 1, col1: 'a' }, { col0: 2.5, col1: 'b' }]);
});

test("a ragged file keeps every record (DuckDB's sniffer took its first lines for a preamble and dropped them): short rows get nulls, a long row's extra values are col<i>", async () => {
  const { schema, rows } = await inspect('id,name\n1,Ann\n2\n3,Cid,extra\n');
  expect(schema).toBe(['root', ' |-- id: long', ' |-- name: string', ' |-- col2: string', ''].join('\n'));
  expect(rows).toEqual([{ id: 1, name: 'Ann' }, { id: 2 }, { id: 3, name: 'Cid', col2: 'extra' }]);
});
