import { Pipeline } from '../../../lib/pipeline';
import { LocalJobHarness } from '../../support/local-job';

let h: LocalJobHarness;
beforeEach(async () => (h = await LocalJobHarness.open()));
afterEach(async () => h.close());

test('an S3 CSV source runs, with a header and without one (col0, col1...)', async () => {
  await h.service.objects.write('b', 'in/a.csv', 'id,name\n1,Ann\n2,"Bob, Jr"\n');
  await h.service.objects.write('b', 'plain/a.csv', '1;x\n2;y\n');
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://b/in/'], format: 'csv', withHeader: true, transformationCtx: 'src' }).writeToS3({ path: 's3://b/out/', format: 'json', transformationCtx: 'sink' });
  p.fromS3({ paths: ['s3://b/plain/'], format: 'csv', separator: 'semicolon', transformationCtx: 'plain' }).writeToS3({ path: 's3://b/out2/', format: 'csv', transformationCtx: 'sink2' });
  await h.job('csv', p.graph);
  const run = await h.service.runJob('csv');
  expect(run.ErrorMessage).toBeUndefined();
  expect(run.JobRunState).toBe('SUCCEEDED');
  const [out] = await h.keys('b', 'out/');
  expect(await h.text('b', out)).toBe('{"id":1,"name":"Ann"}\n{"id":2,"name":"Bob, Jr"}\n');
  const [out2] = await h.keys('b', 'out2/');
  expect(await h.text('b', out2)).toBe('col0,col1\n1,x\n2,y\n');
});

test('a JSON S3 sink with partitionKeys writes key=value folders without the key in the files', async () => {
  await h.service.objects.write('b', 'in/a.json', '{"id":1,"state":"CA"}\n{"id":2,"state":"NY"}\n{"id":3,"state":"CA"}\n{"id":4,"state":"a/b c"}\n{"id":5,"state":""}\n{"id":6}\n');
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://b/in/'], format: 'json', transformationCtx: 'src' }).writeToS3({ path: 's3://b/out/', format: 'json', partitionKeys: ['state'], transformationCtx: 'sink' });
  await h.job('json', p.graph);
  const run = await h.service.runJob('json');
  expect(run.ErrorMessage).toBeUndefined();
  const keys = await h.keys('b', 'out/');
  const millis = /run-(\d+)-part/.exec(keys[0])![1];
  // Spark's folder names: `/` escaped, the space kept, empty and null values in __HIVE_DEFAULT_PARTITION__.
  expect(keys).toEqual([
    `out/state=CA/run-${millis}-part-r-00000.json`,
    `out/state=NY/run-${millis}-part-r-00000.json`,
    `out/state=__HIVE_DEFAULT_PARTITION__/run-${millis}-part-r-00000.json`,
    `out/state=__HIVE_DEFAULT_PARTITION__/run-${millis}-part-r-00001.json`,
    `out/state=a%2Fb c/run-${millis}-part-r-00000.json`,
  ]);
  const lines = async (k: string): Promise<string[]> => (await h.text('b', k)).trim().split('\n').sort();
  expect(await lines(keys[0])).toEqual(['{"id":1}', '{"id":3}']);
  expect(await lines(keys[1])).toEqual(['{"id":2}']);
  expect([...(await lines(keys[2])), ...(await lines(keys[3]))].sort()).toEqual(['{"id":5}', '{"id":6}']);
  expect(await lines(keys[4])).toEqual(['{"id":4}']);
});

test('a push-down predicate that is not the Spark SQL boolean subset is refused naming the node, by the builder and by a run', async () => {
  const p = new Pipeline();
  expect(() => p.fromCatalog({ database: 'db', table: 't', pushDownPredicate: "year = '2020'; COPY (SELECT 1) TO '/tmp/x'", transformationCtx: 'src' })).toThrow(
    `pipeline node 'src' (CatalogSource): PartitionPredicate: push_down_predicate "year = '2020'; COPY (SELECT 1) TO '/tmp/x'": unexpected ';' at character 14`,
  );
  // A job made through the API (a Studio graph) is checked when it runs: the run fails and nothing is read.
  await h.service.catalog.createTable({
    DatabaseName: 'db',
    TableInput: { Name: 't', PartitionKeys: [{ Name: 'year', Type: 'string' }], Parameters: { classification: 'json' }, StorageDescriptor: { Location: 's3://b/t/', Columns: [{ Name: 'id', Type: 'int' }] } },
  });
  await h.job('sneaky', {
    src: { CatalogSource: { Name: 'src', Database: 'db', Table: 't', PartitionPredicate: "read_text('/etc/passwd') IS NOT NULL" } },
    sink: { S3DirectTarget: { Name: 'sink', Inputs: ['src'], Path: 's3://b/out/', Format: 'json' } },
  });
  const run = await h.service.runJob('sneaky');
  expect(run.JobRunState).toBe('FAILED');
  expect(run.ErrorMessage).toMatch(/^pipeline node 'src' \(CatalogSource\): PartitionPredicate: push_down_predicate "read_text\('\/etc\/passwd'\) IS NOT NULL": unexpected '\(' after 'read_text' at character 10/);
  expect(await h.keys('b', 'out/')).toEqual([]);
});

test('a push-down predicate prunes partitions by value, with a string key compared to a number as Spark does', async () => {
  await h.service.catalog.createTable({
    DatabaseName: 'db',
    TableInput: { Name: 't', PartitionKeys: [{ Name: 'year', Type: 'string' }], Parameters: { classification: 'json' }, StorageDescriptor: { Location: 's3://b/t/', Columns: [{ Name: 'id', Type: 'int' }] } },
  });
  for (const year of ['2019', '2020', '2021']) {
    await h.service.objects.write('b', `t/year=${year}/a.json`, `{"id":${year}}\n`);
    await h.service.catalog.createPartition({ DatabaseName: 'db', TableName: 't', PartitionInput: { Values: [year], StorageDescriptor: { Location: `s3://b/t/year=${year}/` } } });
  }
  const p = new Pipeline();
  p.fromCatalog({ database: 'db', table: 't', pushDownPredicate: 'year >= 2020 AND year != "2021"', transformationCtx: 'src' }).writeToS3({ path: 's3://b/out/', format: 'json', transformationCtx: 'sink' });
  await h.job('pruned', p.graph);
  const run = await h.service.runJob('pruned');
  expect(run.ErrorMessage).toBeUndefined();
  const [out] = await h.keys('b', 'out/');
  expect(await h.text('b', out)).toBe('{"id":2020,"year":"2020"}\n');
});

test("frame views have generated names: a node named like another node's helper view keeps its own rows", async () => {
  await h.service.catalog.createTable({
    DatabaseName: 'db',
    TableInput: { Name: 'k', Parameters: { classification: 'json' }, StorageDescriptor: { Location: 's3://b/k/', Columns: [{ Name: 'name', Type: 'string' }, { Name: 'id', Type: 'bigint' }] } },
  });
  await h.service.objects.write('b', 'in/a.json', '{"id":1,"name":"a","extra":"x"}\n{"id":2,"name":"b","extra":"y"}\n');
  const p = new Pipeline();
  // The catalog sink `k` reorders its input into the table's column order in a view of its own. That view was named
  // `frame_k_ordered`, the name of the view of a node `k_ordered`: the sink's view replaced the node's, and the other
  // sink of `k_ordered` read the sink's rows.
  const ordered = p.fromS3({ paths: ['s3://b/in/'], format: 'json', transformationCtx: 'src' }).selectFields(['id', 'name', 'extra'], { transformationCtx: 'k_ordered' });
  ordered.writeToCatalog({ database: 'db', table: 'k', transformationCtx: 'k' });
  ordered.writeToS3({ path: 's3://b/all/', format: 'json', transformationCtx: 'z_all' });
  await h.job('views', p.graph);
  const run = await h.service.runJob('views');
  expect(run.ErrorMessage).toBeUndefined();
  const [k] = await h.keys('b', 'k/');
  expect(await h.text('b', k)).toBe('{"name":"a","id":1}\n{"name":"b","id":2}\n');
  const [all] = await h.keys('b', 'all/');
  expect(await h.text('b', all)).toBe('{"id":1,"name":"a","extra":"x"}\n{"id":2,"name":"b","extra":"y"}\n');
});

test('two sinks of one run writing one path keep both outputs: each sink names its files with its own number', async () => {
  await h.service.objects.write('b', 'in/a.json', '{"id":1,"kind":"x"}\n{"id":2,"kind":"y"}\n');
  const p = new Pipeline();
  const src = p.fromS3({ paths: ['s3://b/in/'], format: 'json', transformationCtx: 'src' });
  src.selectFields(['id'], { transformationCtx: 'ids' }).writeToS3({ path: 's3://b/out/', format: 'json', transformationCtx: 'sink_ids' });
  src.selectFields(['kind'], { transformationCtx: 'kinds' }).writeToS3({ path: 's3://b/out/', format: 'json', transformationCtx: 'sink_kinds' });
  await h.job('twice', p.graph);
  const run = await h.service.runJob('twice');
  expect(run.ErrorMessage).toBeUndefined();
  const keys = await h.keys('b', 'out/');
  expect(keys).toHaveLength(2);
  expect((await Promise.all(keys.map((k) => h.text('b', k)))).sort()).toEqual(['{"id":1}\n{"id":2}\n', '{"kind":"x"}\n{"kind":"y"}\n']);
});

test('an object whose key holds glob characters is read alone, never as a pattern over its neighbours', async () => {
  await h.service.objects.write('b', 'in/a*.json', '{"id":1}\n');
  await h.service.objects.write('b', 'in/ab.json', '{"id":2}\n');
  await h.service.objects.write('b', 'in/abc.json', '{"id":3}\n');
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://b/in/'], format: 'json', transformationCtx: 'src' }).writeToS3({ path: 's3://b/out/', format: 'json', transformationCtx: 'sink' });
  await h.job('globs', p.graph);
  const run = await h.service.runJob('globs');
  expect(run.ErrorMessage).toBeUndefined();
  const [out] = await h.keys('b', 'out/');
  expect((await h.text('b', out)).trim().split('\n').sort()).toEqual(['{"id":1}', '{"id":2}', '{"id":3}']);
});
