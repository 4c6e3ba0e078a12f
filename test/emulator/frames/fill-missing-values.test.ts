import { Pipeline } from '../../../lib/pipeline';
import { LocalJobHarness } from '../../support/local-job';

/**
 * FillMissingValues: every value present is copied as Glue copies it; the missing ones get gluekit's stand-in estimate
 * (Glue's come from a model it trains, which nothing local reproduces): the mean for a number, cast back to the
 * column's type, else the most frequent value, ties to the smallest.
 */
let h: LocalJobHarness;
beforeEach(async () => (h = await LocalJobHarness.open()));
afterEach(async () => h.close());

async function run(graph: Pipeline['graph']): Promise<{ state?: string; error?: string; rows: unknown[] }> {
  await h.job('j', graph);
  const result = await h.service.runJob('j');
  const keys = await h.keys('b', 'out/');
  const lines = (await Promise.all(keys.map((k) => h.text('b', k)))).join('').split('\n').filter((l) => l !== '');
  return { state: result.JobRunState, error: result.ErrorMessage, rows: lines.map((l) => JSON.parse(l) as unknown) };
}

const RECORDS = [
  '{"id":1,"n":5,"s":"a","t":"y","d":1.5}',
  '{"id":2,"n":null,"s":"","t":null,"d":null}',
  '{"id":3,"n":2,"s":"b","t":"x","d":2.5}',
  '{"id":4,"s":null}',
  '{"id":5,"n":4,"s":"b","t":"","d":2.0}',
].join('\n');

test('a number column: the values present copied, the missing ones (null or absent) the mean cast as Spark casts (3.67 to int is 3)', async () => {
  await h.service.objects.write('b', 'in/a.json', RECORDS + '\n');
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://b/in/'], format: 'json' })
    .fillMissingValues('n', { transformationCtx: 'filled' })
    .fillMissingValues('d')
    .selectFields(['id', 'n', 'n_filled', 'd_filled'])
    .writeToS3({ path: 's3://b/out/', format: 'json' });
  const { state, rows } = await run(p.graph);
  expect(state).toBe('SUCCEEDED');
  expect(rows).toEqual([
    { id: 1, n: 5, n_filled: 5, d_filled: 1.5 },
    { id: 2, n_filled: 3, d_filled: 2.0 },
    { id: 3, n: 2, n_filled: 2, d_filled: 2.5 },
    { id: 4, n_filled: 3, d_filled: 2.0 },
    { id: 5, n: 4, n_filled: 4, d_filled: 2.0 },
  ]);
  expect((await h.service.inspectFrame('j', 'filled')).schema).toBe(
    ['root', ' |-- id: int', ' |-- n: int', ' |-- s: string', ' |-- t: string', ' |-- d: double', ' |-- n_filled: int', ''].join('\n'),
  );
});

test('a string column: null and empty strings are missing and get the most frequent value present, a tie going to the smallest', async () => {
  await h.service.objects.write('b', 'in/a.json', RECORDS + '\n');
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://b/in/'], format: 'json' })
    .fillMissingValues('s', { outputColumn: 's_guess' })
    .fillMissingValues('T')
    .selectFields(['id', 's_guess', 'T_filled'])
    .writeToS3({ path: 's3://b/out/', format: 'json' });
  expect(await run(p.graph)).toEqual({
    state: 'SUCCEEDED',
    error: undefined,
    rows: [
    { id: 1, s_guess: 'a', T_filled: 'y' },
    { id: 2, s_guess: 'b', T_filled: 'x' },
    { id: 3, s_guess: 'b', T_filled: 'x' },
    { id: 4, s_guess: 'b', T_filled: 'x' },
    { id: 5, s_guess: 'b', T_filled: 'x' },
    ],
  });
});

test('an output column the frame has is replaced in place; a column with no value present fills with null', async () => {
  await h.service.objects.write('b', 'in/a.json', '{"id":1,"n_filled":"old","z":null,"k":"x"}\n{"id":2,"n":7,"n_filled":"old","k":"y"}\n');
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://b/in/'], format: 'json' })
    .fillMissingValues('n', { transformationCtx: 'filled' })
    .fillMissingValues('z', { outputColumn: 'k' })
    .writeToS3({ path: 's3://b/out/', format: 'json' });
  expect(await run(p.graph)).toEqual({ state: 'SUCCEEDED', error: undefined, rows: [{ id: 1, n_filled: 7 }, { id: 2, n: 7, n_filled: 7 }] });
  expect((await h.service.inspectFrame('j', 'filled')).schema).toBe(['root', ' |-- id: int', ' |-- n_filled: int', ' |-- z: null', ' |-- k: string', ' |-- n: int', ''].join('\n'));
});

test('a struct column, a choice and a column the frame lacks fail the run naming the step and what to do', async () => {
  await h.service.objects.write('b', 'in/a.json', '{"id":1,"a":{"x":1},"c":1}\n{"id":2,"c":"two"}\n');
  const failure = async (column: string): Promise<string | undefined> => {
    const p = new Pipeline();
    p.fromS3({ paths: ['s3://b/in/'], format: 'json' }).fillMissingValues(column, { transformationCtx: 'fill' }).writeToS3({ path: 's3://b/out/', format: 'json' });
    const result = await run(p.graph);
    await h.service.jobs.deleteJob({ JobName: 'j' });
    expect(result.state).toBe('FAILED');
    return result.error;
  };
  expect(await failure('a')).toBe("node 'fill' (FillMissingValues): column 'a' is a struct; FillMissingValues fills columns of a single scalar type: unnest() first to fill one of its fields");
  expect(await failure('c')).toBe("node 'fill' (FillMissingValues): column 'c' is a choice; FillMissingValues fills columns of a single scalar type: resolve the choice first (resolveChoice)");
  expect(await failure('amount')).toBe("node 'fill' (FillMissingValues): the frame has no column 'amount' to fill; its columns are id, a, c");
});

test('chained fills each fill from the frame before them, their estimates computed once (not again wherever the frame is read)', async () => {
  await h.service.objects.write('b', 'in/a.json', '{"id":1,"n":1.25}\n{"id":2,"n":1.26}\n{"id":3}\n');
  const p = new Pipeline();
  let frame = p.fromS3({ paths: ['s3://b/in/'], format: 'json' }).applyMapping([
    { from: 'id', fromType: 'int', to: 'id', toType: 'int' },
    { from: 'n', fromType: 'double', to: 'n', toType: 'decimal(10,2)' },
  ]);
  for (let i = 0; i < 12; i++) frame = frame.fillMissingValues('n', { outputColumn: 'n' });
  frame.writeToS3({ path: 's3://b/out/', format: 'json' });
  // The mean of 1.25 and 1.26 is 1.255, made a decimal(10,2) from its printed digits, half up, as Spark does.
  expect(await run(p.graph)).toEqual({ state: 'SUCCEEDED', error: undefined, rows: [{ id: 1, n: 1.25 }, { id: 2, n: 1.26 }, { id: 3, n: 1.26 }] });
});
