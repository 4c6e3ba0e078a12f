import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { col, Frame, Pipeline } from '../../../lib/pipeline';
import { GlueService } from '../../../emulator/api';

/**
 * Each transform's output, as `printSchema()` and `show()` print it, on one input with a struct, an array of structs
 * and a field of each common type (issue 6: a test per transform asserting exact rows and the exact printSchema text).
 */
let root: string;
let service: GlueService;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-schemas-'));
  service = await GlueService.open({ stateDir: path.join(root, 'state') });
  await service.objects.write(
    'raw',
    'people/a.json',
    '{"id":1,"name":"Ann","score":2.5,"address":{"city":"Oslo","zip":"0150"},"pets":[{"kind":"cat","age":3}]}\n' +
      '{"id":2,"name":"Bob","score":4.0,"address":{"city":"Rome","zip":"00118"},"pets":[]}\n',
  );
  await service.objects.write('raw', 'zips/a.json', '{"zip":"0150","country":"NO"}\n');
});

afterAll(async () => {
  await service.close();
  fs.rmSync(root, { recursive: true, force: true });
});

let jobs = 0;

async function frameOf(build: (people: Frame, zips: Frame) => Frame): Promise<{ schema: string; show: string }> {
  const p = new Pipeline();
  const people = p.fromS3({ paths: ['s3://raw/people/'], format: 'json', transformationCtx: 'people' });
  const zips = p.fromS3({ paths: ['s3://raw/zips/'], format: 'json', transformationCtx: 'zips' });
  const out = build(people, zips);
  out.writeToS3({ path: 's3://out/x/', format: 'json', transformationCtx: 'sink' });
  const name = `j${++jobs}`;
  await service.jobs.createJob({ Name: name, Role: 'r', Command: { Name: 'glueetl' }, CodeGenConfigurationNodes: p.graph });
  const { schema, show } = await service.inspectFrame(name, out.id);
  return { schema, show };
}

const lines = (...l: string[]): string => l.map((x) => `${x}\n`).join('');

test('the source', async () => {
  expect(await frameOf((people) => people)).toEqual({
    schema: lines(
      'root',
      ' |-- id: int',
      ' |-- name: string',
      ' |-- score: double',
      ' |-- address: struct',
      ' |    |-- city: string',
      ' |    |-- zip: string',
      ' |-- pets: array',
      ' |    |-- element: struct',
      ' |    |    |-- kind: string',
      ' |    |    |-- age: int',
    ),
    show: lines(
      '{"id":1,"name":"Ann","score":2.5,"address":{"city":"Oslo","zip":"0150"},"pets":[{"kind":"cat","age":3}]}',
      '{"id":2,"name":"Bob","score":4.0,"address":{"city":"Rome","zip":"00118"},"pets":[]}',
    ),
  });
});

test('applyMapping: a nested source flattened, a dotted target built, a cast', async () => {
  const out = await frameOf((people) =>
    people.applyMapping([
      { from: 'id', fromType: 'int', to: 'id', toType: 'string' },
      { from: 'address.city', fromType: 'string', to: 'city', toType: 'string' },
      { from: 'score', fromType: 'double', to: 'stats.score', toType: 'long' },
    ]),
  );
  expect(out).toEqual({
    schema: lines('root', ' |-- id: string', ' |-- city: string', ' |-- stats: struct', ' |    |-- score: long'),
    show: lines('{"id":"1","city":"Oslo","stats":{"score":2}}', '{"id":"2","city":"Rome","stats":{"score":4}}'),
  });
});

test('renameField into another struct', async () => {
  expect((await frameOf((people) => people.renameField('address.zip', 'postal.code').selectFields(['id', 'address', 'postal']))).schema).toBe(
    lines('root', ' |-- id: int', ' |-- address: struct', ' |    |-- city: string', ' |-- postal: struct', ' |    |-- code: string'),
  );
});

test('selectFields and dropFields on nested paths', async () => {
  expect(await frameOf((people) => people.selectFields(['name', 'address.zip']))).toEqual({
    schema: lines('root', ' |-- name: string', ' |-- address: struct', ' |    |-- zip: string'),
    show: lines('{"name":"Ann","address":{"zip":"0150"}}', '{"name":"Bob","address":{"zip":"00118"}}'),
  });
  expect((await frameOf((people) => people.dropFields(['address', 'pets.age', 'score']))).schema).toBe(
    lines('root', ' |-- id: int', ' |-- name: string', ' |-- pets: array', ' |    |-- element: struct', ' |    |    |-- kind: string'),
  );
});

test('filter keeps the schema and the records the lambda keeps', async () => {
  const out = await frameOf((people) => people.filter(col('address.city').eq('Rome')).selectFields(['id', 'name']));
  expect(out).toEqual({ schema: lines('root', ' |-- id: int', ' |-- name: string'), show: lines('{"id":2,"name":"Bob"}') });
});

test('join on a nested key: the fields of both frames', async () => {
  const out = await frameOf((people, zips) => people.join(zips, ['address.zip'], ['zip']).selectFields(['id', 'zip', 'country']));
  expect(out).toEqual({ schema: lines('root', ' |-- id: int', ' |-- zip: string', ' |-- country: string'), show: lines('{"id":1,"zip":"0150","country":"NO"}') });
});

test('union and merge: the fields of both frames, each record its own', async () => {
  const union = await frameOf((people, zips) => people.selectFields(['id']).union(zips.selectFields(['zip'])));
  expect(union.schema).toBe(lines('root', ' |-- id: int', ' |-- zip: string'));
  expect(union.show.split('\n').filter(Boolean).sort()).toEqual(['{"id":1}', '{"id":2}', '{"zip":"0150"}']);
  const merged = await frameOf((people) => people.selectFields(['id', 'name']).merge(people.filter(col('id').eq(2)).applyMapping([{ from: 'id', fromType: 'int', to: 'id', toType: 'int' }, { from: 'score', fromType: 'double', to: 'name', toType: 'string' }]), ['id']));
  expect(merged.schema).toBe(lines('root', ' |-- id: int', ' |-- name: string'));
  expect(merged.show.split('\n').filter(Boolean).sort()).toEqual(['{"id":1,"name":"Ann"}', '{"id":2,"name":"4.0"}']);
});

test('unnest: struct fields become dotted top-level fields in the struct\'s place; arrays stay', async () => {
  expect(await frameOf((people) => people.unnest())).toEqual({
    schema: lines(
      'root',
      ' |-- id: int',
      ' |-- name: string',
      ' |-- score: double',
      ' |-- address.city: string',
      ' |-- address.zip: string',
      ' |-- pets: array',
      ' |    |-- element: struct',
      ' |    |    |-- kind: string',
      ' |    |    |-- age: int',
    ),
    show: lines(
      '{"id":1,"name":"Ann","score":2.5,"address.city":"Oslo","address.zip":"0150","pets":[{"kind":"cat","age":3}]}',
      '{"id":2,"name":"Bob","score":4.0,"address.city":"Rome","address.zip":"00118","pets":[]}',
    ),
  });
});

test('splitFields: the fields at the paths, and the others', async () => {
  expect(await frameOf((people) => people.splitFields(['name', 'address.zip'], { transformationCtx: 'split' }).at(0))).toEqual({
    schema: lines('root', ' |-- name: string', ' |-- address: struct', ' |    |-- zip: string'),
    show: lines('{"name":"Ann","address":{"zip":"0150"}}', '{"name":"Bob","address":{"zip":"00118"}}'),
  });
  expect((await frameOf((people) => people.splitFields(['name', 'address.zip'], { transformationCtx: 'split' }).at(1))).schema).toBe(
    lines('root', ' |-- id: int', ' |-- score: double', ' |-- address: struct', ' |    |-- city: string', ' |-- pets: array', ' |    |-- element: struct', ' |    |    |-- kind: string', ' |    |    |-- age: int'),
  );
});

test('dropDuplicates and aggregate: the DataFrame\'s result, named and typed as Spark makes it', async () => {
  expect(await frameOf((people) => people.union(people).dropDuplicates(['id']).selectFields(['id', 'name']))).toEqual({
    schema: lines('root', ' |-- id: int', ' |-- name: string'),
    show: lines('{"id":1,"name":"Ann"}', '{"id":2,"name":"Bob"}'),
  });
  const totals = await frameOf((people) => people.aggregate({ groupBy: ['address.city'], aggregations: [['score', 'sum'], ['id', 'avg'], ['id', 'count'], ['name', 'max']] }));
  expect(totals.schema).toBe(lines('root', ' |-- city: string', ' |-- sum(score): double', ' |-- avg(id): double', ' |-- count(id): long', ' |-- max(name): string'));
  expect(totals.show.split('\n').filter(Boolean).sort()).toEqual([
    '{"city":"Oslo","sum(score)":2.5,"avg(id)":1.0,"count(id)":1,"max(name)":"Ann"}',
    '{"city":"Rome","sum(score)":4.0,"avg(id)":2.0,"count(id)":1,"max(name)":"Bob"}',
  ]);
});

test('aggregate and dropDuplicates refuse what Spark refuses, naming the node and the field', async () => {
  await expect(frameOf((people) => people.aggregate({ aggregations: [['nope', 'sum']] }, { transformationCtx: 'totals' }))).rejects.toThrow(
    "node 'totals' (Aggregate): Aggs[0].Column 'nope' is not a field of the frame (fields: id, name, score, address, pets)",
  );
  await expect(frameOf((people) => people.aggregate({ aggregations: [['address', 'avg']] }, { transformationCtx: 'totals' }))).rejects.toThrow(
    "node 'totals' (Aggregate) Aggs[0] (avg of 'address'): a struct field cannot be aggregated so (Spark refuses it: the function needs numbers)",
  );
  await expect(frameOf((people) => people.dropDuplicates(['nope'], { transformationCtx: 'unique' }))).rejects.toThrow(
    'node \'unique\' (DropDuplicates): Cannot resolve column name "nope" among (id, name, score, address, pets)',
  );
});

test('a left join keeps both frames\' fields, null where the second has no match; a name both have is refused', async () => {
  const joined = await frameOf((people, zips) => people.selectFields(['id', 'address']).join(zips, ['address.zip'], ['zip'], { type: 'left' }));
  expect(joined.schema).toBe(lines('root', ' |-- id: int', ' |-- address: struct', ' |    |-- city: string', ' |    |-- zip: string', ' |-- zip: string', ' |-- country: string'));
  expect(joined.show.split('\n').filter(Boolean).sort()).toEqual([
    '{"id":1,"address":{"city":"Oslo","zip":"0150"},"zip":"0150","country":"NO"}',
    '{"id":2,"address":{"city":"Rome","zip":"00118"}}',
  ]);
  await expect(frameOf((people, zips) => people.join(zips.applyMapping([{ from: 'zip', fromType: 'string', to: 'name', toType: 'string' }]), ['address.zip'], ['name'], { type: 'outer', transformationCtx: 'both' }))).rejects.toThrow(
    "node 'both' (Join): both inputs have a field named 'name'; the outer join keeps both copies under one name, which a DynamicFrame cannot hold: rename the second input's fields first (Glue Studio adds a prefix such as right_)",
  );
});

test('splitRows, union distinct, spigot and repartition: the schema they keep and the records they give', async () => {
  expect(await frameOf((people) => people.splitRows([['score', '>', 3]], { transformationCtx: 'rows' }).at(0).selectFields(['id', 'score']))).toEqual({
    schema: lines('root', ' |-- id: int', ' |-- score: double'),
    show: lines('{"id":2,"score":4.0}'),
  });
  expect(await frameOf((people) => people.splitRows([['score', '>', 3]], { transformationCtx: 'rows' }).at(1).selectFields(['id']))).toEqual({
    schema: lines('root', ' |-- id: int'),
    show: lines('{"id":1}'),
  });
  const distinct = await frameOf((people) => people.selectFields(['name']).union(people.selectFields(['name']), { distinct: true }));
  expect(distinct.schema).toBe(lines('root', ' |-- name: string'));
  expect(distinct.show.split('\n').filter(Boolean).sort()).toEqual(['{"name":"Ann"}', '{"name":"Bob"}']);
  const through = await frameOf((people) => people.spigot('s3://out/sample/', { topk: 1 }).repartition(4).coalesce(1).selectFields(['id', 'address']));
  expect(through).toEqual({
    schema: lines('root', ' |-- id: int', ' |-- address: struct', ' |    |-- city: string', ' |    |-- zip: string'),
    show: lines('{"id":1,"address":{"city":"Oslo","zip":"0150"}}', '{"id":2,"address":{"city":"Rome","zip":"00118"}}'),
  });
});

test('withColumns: Spark semantics, types from the expressions, an aggregate refused naming the column', async () => {
  expect(await frameOf((people) => people.withColumns({ half: 'id / 2', city: 'upper(address.city)', score: 'CAST(score AS INT)' }).selectFields(['id', 'half', 'city', 'score']))).toEqual({
    // score is replaced in place (before the new fields), as withColumn does.
    schema: lines('root', ' |-- id: int', ' |-- score: int', ' |-- half: double', ' |-- city: string'),
    show: lines('{"id":1,"score":2,"half":0.5,"city":"OSLO"}', '{"id":2,"score":4,"half":1.0,"city":"ROME"}'),
  });
  await expect(frameOf((people) => people.withColumns({ n: 'count(*)' }, { transformationCtx: 'derived' }))).rejects.toThrow(
    "node 'derived' (DeriveColumns) Columns[0].Expression: count(*) is an aggregate: a derived column has one value per record (use an aggregate or SQL step) at line 1, column 1",
  );
});
