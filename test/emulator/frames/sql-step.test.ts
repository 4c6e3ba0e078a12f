import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Pipeline } from '../../../lib/pipeline';
import type { Frame } from '../../../lib/pipeline';
import { GlueService } from '../../../emulator/api';

/**
 * The SQL step (Glue Studio's SQL Query node): Spark SQL's semantics where DuckDB's differ, the names Spark gives
 * results, and the refusals that name the line and column.
 */
let root: string;
let service: GlueService;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-sql-'));
  service = await GlueService.open({ stateDir: path.join(root, 'state') });
  await service.objects.write(
    'raw',
    'orders/a.json',
    [
      '{"id":1,"customer":10,"amount":7,"price":"12.50","note":"a_b"}',
      '{"id":2,"customer":10,"amount":2,"price":"-2.7","note":"axb"}',
      '{"id":3,"customer":20,"amount":5,"price":"x","note":null}',
      '{"id":4,"customer":null,"amount":0,"price":"3","note":"c"}',
    ].join('\n') + '\n',
  );
  await service.objects.write('raw', 'customers/a.json', '{"cid":10,"region":"EU"}\n{"cid":20,"region":"US"}\n{"cid":30,"region":null}\n');
});

afterAll(async () => {
  await service.close();
  fs.rmSync(root, { recursive: true, force: true });
});

let jobs = 0;

/** The step's printSchema() and its records (sorted unless the query orders them). */
async function query(sql: string, sorted = true): Promise<{ schema: string; rows: string[] }> {
  const p = new Pipeline();
  const orders = p.fromS3({ paths: ['s3://raw/orders/'], format: 'json', transformationCtx: 'orders' });
  const customers = p.fromS3({ paths: ['s3://raw/customers/'], format: 'json', transformationCtx: 'customers' });
  const out: Frame = p.sql(sql, { o: orders, c: customers }, { transformationCtx: 'step' });
  out.writeToS3({ path: 's3://out/x/', format: 'json', transformationCtx: 'sink' });
  const name = `j${++jobs}`;
  await service.jobs.createJob({ Name: name, Role: 'r', Command: { Name: 'glueetl' }, CodeGenConfigurationNodes: p.graph });
  const { schema, show } = await service.inspectFrame(name, 'step');
  const rows = show.split('\n').filter(Boolean);
  return { schema, rows: sorted ? rows.sort() : rows };
}

const lines = (...l: string[]): string => l.map((x) => `${x}\n`).join('');

test('a join with grouping: Spark names count(*) count(1) and a sum of integers is a long', async () => {
  expect(await query('SELECT c.region, count(*), sum(o.amount) AS total FROM o JOIN c ON o.customer = c.cid GROUP BY c.region HAVING count(*) > 0')).toEqual({
    schema: lines('root', ' |-- region: string', ' |-- count(1): long', ' |-- total: long'),
    rows: ['{"region":"EU","count(1)":2,"total":9}', '{"region":"US","count(1)":1,"total":5}'],
  });
});

test("Spark's semantics: / is a double division (null by zero), CAST truncates and nulls what does not parse, concat is null with a null", async () => {
  expect(await query("SELECT id, amount / 2 AS half, 7 / amount AS inverse, CAST(price AS INT) AS p, concat(note, '!') AS shout FROM o")).toEqual({
    schema: lines('root', ' |-- id: int', ' |-- half: double', ' |-- inverse: double', ' |-- p: int', ' |-- shout: string'),
    rows: [
      '{"id":1,"half":3.5,"inverse":1.0,"p":12,"shout":"a_b!"}',
      '{"id":2,"half":1.0,"inverse":3.5,"p":-2,"shout":"axb!"}',
      '{"id":3,"half":2.5,"inverse":1.4,"p":null,"shout":null}',
      '{"id":4,"half":0.0,"inverse":null,"p":3,"shout":"c!"}',
    ].map((r) => r.replace(/,"[a-z]+":null/g, '')),
  });
});

test("ORDER BY puts nulls first ascending and last descending, as Spark does; LIMIT keeps the first", async () => {
  expect((await query('SELECT id, customer FROM o ORDER BY customer, id', false)).rows).toEqual(['{"id":4}', '{"id":1,"customer":10}', '{"id":2,"customer":10}', '{"id":3,"customer":20}']);
  expect((await query('SELECT id FROM o ORDER BY customer DESC, id LIMIT 3', false)).rows).toEqual(['{"id":3}', '{"id":1}', '{"id":2}']);
});

test("LIKE takes Spark's \\ escape, <=> is null-safe, RLIKE searches, IN / BETWEEN / CASE / a WITH query and UNION", async () => {
  expect((await query("SELECT id FROM o WHERE note LIKE 'a\\\\_b'")).rows).toEqual(['{"id":1}']);
  expect((await query('SELECT id FROM o WHERE customer <=> NULL')).rows).toEqual(['{"id":4}']);
  expect((await query("SELECT id FROM o WHERE note RLIKE 'x|c'")).rows).toEqual(['{"id":2}', '{"id":4}']);
  expect((await query("SELECT id, CASE WHEN amount BETWEEN 1 AND 5 THEN 'mid' WHEN amount IN (7) THEN 'top' ELSE 'none' END AS band FROM o")).rows).toEqual([
    '{"id":1,"band":"top"}',
    '{"id":2,"band":"mid"}',
    '{"id":3,"band":"mid"}',
    '{"id":4,"band":"none"}',
  ]);
  expect((await query('WITH big AS (SELECT id FROM o WHERE amount > 4) SELECT id FROM big UNION SELECT id FROM big UNION ALL SELECT cid AS id FROM c WHERE cid = 10')).rows).toEqual(['{"id":10}', '{"id":1}', '{"id":3}']);
});

test('queries outside the subset are refused at synth naming the line and column, and run-time refusals name the node', async () => {
  const p = new Pipeline();
  const orders = p.fromS3({ paths: ['s3://raw/orders/'], format: 'json', transformationCtx: 'orders' });
  expect(() => p.sql('SELECT id\nFROM orders_typo', { o: orders }, { transformationCtx: 'q1' })).toThrow(
    "pipeline node 'q1' (SparkSQL): SqlQuery: the query reads 'orders_typo', which is no input alias (aliases: o) nor WITH query at line 2, column 6",
  );
  expect(() => p.sql('SELECT id, sum(amount) OVER (ORDER BY id ROWS BETWEEN amount PRECEDING AND CURRENT ROW) AS n FROM o', { o: orders }, { transformationCtx: 'q2' })).toThrow(
    "pipeline node 'q2' (SparkSQL): SqlQuery: expected a frame bound: UNBOUNDED PRECEDING, n PRECEDING, CURRENT ROW, n FOLLOWING or UNBOUNDED FOLLOWING (found 'amount') at line 1, column 55",
  );
  expect(() => p.sql('SELECT id FROM o; DROP TABLE o', { o: orders }, { transformationCtx: 'q3' })).toThrow("pipeline node 'q3' (SparkSQL): SqlQuery: a SQL step is one query (found 'DROP') at line 1, column 19");
  await expect(query('SELECT id, amount + 1 FROM o')).rejects.toThrow(
    "node 'step' (SparkSQL) SqlQuery: give this expression a name with AS (Spark names it by its text, which gluekit does not reproduce) at line 1, column 12",
  );
  await expect(query('SELECT md5(note) AS h FROM o')).rejects.toThrow("node 'step' (SparkSQL) SqlQuery: the function 'md5' is not in the SQL subset gluekit runs");
  await expect(query('WITH w AS (SELECT amount AS v FROM o UNION ALL SELECT note AS v FROM o) SELECT CAST(v AS STRING) AS s FROM w')).rejects.toThrow(
    "node 'step' (SparkSQL) SqlQuery: CAST of this value is not in the SQL subset gluekit runs yet (its type must be known: made of columns and literals by the subset's operators and functions); cast the column in a step before at line 1, column 80",
  );
  await expect(query('SELECT o.id, c.cid AS ID FROM o JOIN c ON o.customer = c.cid')).rejects.toThrow(
    "node 'step' (SparkSQL) SqlQuery: the result would have two fields named 'ID' (Spark keeps both, which a DynamicFrame cannot hold): give one an alias with AS",
  );
});

test('DISTINCT inside an aggregate keeps the aggregate; a negative substring length is empty, position 0 is 1', async () => {
  expect((await query('SELECT avg(DISTINCT customer) AS a, min(DISTINCT amount) AS mn, max(DISTINCT id) AS mx, count(DISTINCT customer) AS n, sum(DISTINCT customer) AS s FROM o')).rows).toEqual([
    '{"a":15.0,"mn":0,"mx":4,"n":2,"s":30}',
  ]);
  expect((await query("SELECT id, 1 + 2 || 'x' AS v, substring('hello', 2, -1) AS empty, substring('hello', 0, 2) AS he FROM o WHERE id = 1")).rows).toEqual([
    '{"id":1,"v":"3x","empty":"","he":"he"}',
  ]);
});

test('count of several columns is refused, naming what to do', async () => {
  await expect(query('SELECT count(id, note) AS c FROM o')).rejects.toThrow("node 'step' (SparkSQL) SqlQuery: count() takes 1 arguments in the SQL subset gluekit runs, found 2 at line 1, column 8");
});

test("the columns of WITH queries and subqueries keep their types: CAST and Spark's implicit casts apply to them, and * over a join with one is checked for duplicate names", async () => {
  // price is a string: Spark casts it to a long truncating ("12.50" is 12, "-2.7" is -2, "x" null), and compares it with
  // a number as a number.
  expect((await query('WITH w AS (SELECT id, price AS p FROM o) SELECT id, CAST(p AS BIGINT) AS n FROM w WHERE p > 0')).rows).toEqual(['{"id":1,"n":12}', '{"id":4,"n":3}']);
  expect((await query('SELECT id, CAST(t.p AS INT) AS n FROM (SELECT id, price AS p FROM o) t WHERE id < 3')).rows).toEqual(['{"id":1,"n":12}', '{"id":2,"n":-2}']);
  expect(await query('WITH k AS (SELECT cid, region FROM c) SELECT * FROM o JOIN k ON o.customer = k.cid WHERE o.id = 3')).toEqual({
    schema: lines('root', ' |-- id: int', ' |-- customer: int', ' |-- amount: int', ' |-- price: string', ' |-- note: null', ' |-- cid: int', ' |-- region: string'),
    rows: ['{"id":3,"customer":20,"amount":5,"price":"x","cid":20,"region":"US"}'],
  });
  await expect(query('WITH k AS (SELECT cid AS id FROM c) SELECT * FROM o JOIN k ON o.customer = k.id')).rejects.toThrow(
    "node 'step' (SparkSQL) SqlQuery: the result would have two fields named 'id' (Spark keeps both, which a DynamicFrame cannot hold): give one an alias with AS",
  );
});

test("typed literals DATE '...' and TIMESTAMP '...' are dates and timestamps (1-digit months and days, a T before the time); a text that is no such date is refused at synth", async () => {
  expect(await query("SELECT id, DATE '2024-1-5' AS d, TIMESTAMP '2024-01-05T07:08:09' AS ts, year(DATE '2023-12-31') AS y FROM o WHERE DATE '2024-01-05' < DATE '2024-2-1' AND id = 1")).toEqual({
    schema: lines('root', ' |-- id: int', ' |-- d: date', ' |-- ts: timestamp', ' |-- y: int'),
    rows: ['{"id":1,"d":"2024-01-05","ts":"2024-01-05 07:08:09","y":2023}'],
  });
  // A string compared with a date (or in BETWEEN) is cast to a date as Spark casts it: `2024-02` is 2024-02-01, a time
  // after the day is dropped, trailing text makes it null.
  expect(
    (
      await query(
        "SELECT id FROM o WHERE id = 1 AND '2024-01-15' BETWEEN DATE '2024-01-01' AND DATE '2024-12-31' AND '2024-02' = DATE '2024-02-01' " +
          "AND '2024-03-05 10:00' = DATE '2024-03-05' AND ('2024-01-15x' = DATE '2024-01-15') IS NULL AND '2024-01-15 10:00:00' > TIMESTAMP '2024-01-15 09:00:00'",
      )
    ).rows,
  ).toEqual(['{"id":1}']);
  // A string compared with a decimal: both as doubles (Spark 3), so '1.005' is not 1.01.
  expect((await query("SELECT id FROM o WHERE id = 1 AND ('1.005' = CAST(1.01 AS DECIMAL(10,2))) = false AND '1.01' = CAST(1.01 AS DECIMAL(10,2))")).rows).toEqual(['{"id":1}']);
  // IN with a string and numbers or dates compares them as strings (Spark's common type): '01' is not 1, a date matches its text.
  expect((await query("SELECT id FROM o WHERE id IN ('1', '04') AND note IN (DATE '2024-01-15', 'a_b') AND ('01' IN (1, 2)) = false AND '2024-01-15' IN (DATE '2024-01-15')")).rows).toEqual([
    '{"id":1}',
  ]);
  // Spark types length() and the date parts int (DuckDB's are BIGINT).
  expect(await query("SELECT length(note) AS l, month(DATE '2024-03-05') AS m, hour(TIMESTAMP '2024-03-05 07:00:00') AS h FROM o WHERE id = 1")).toEqual({
    schema: lines('root', ' |-- l: int', ' |-- m: int', ' |-- h: int'),
    rows: ['{"l":3,"m":3,"h":7}'],
  });
  const p = new Pipeline();
  const orders = p.fromS3({ paths: ['s3://raw/orders/'], format: 'json' });
  expect(() => p.sql("SELECT DATE '2024-02-30' AS d FROM o", { o: orders }, { transformationCtx: 'bad' })).toThrow(
    "pipeline node 'bad' (SparkSQL): SqlQuery: '2024-02-30' is not a date gluekit reads in a typed literal (DATE 'yyyy-mm-dd') at line 1, column 13",
  );
  expect(() => p.sql("SELECT TIMESTAMP '2024-01-01 25:00' AS t FROM o", { o: orders }, { transformationCtx: 'bad2' })).toThrow(
    "pipeline node 'bad2' (SparkSQL): SqlQuery: '2024-01-01 25:00' is not a timestamp gluekit reads in a typed literal (TIMESTAMP 'yyyy-mm-dd hh:mm:ss[.fraction]') at line 1, column 18",
  );
  expect(() => p.sql("SELECT DATE '2024-01-01 10:00' AS d FROM o", { o: orders }, { transformationCtx: 'bad3' })).toThrow("'2024-01-01 10:00' is not a date gluekit reads in a typed literal");
  expect(() => p.sql("SELECT X '0A' AS b FROM o", { o: orders }, { transformationCtx: 'bad4' })).toThrow("binary literals (X '...') are not in the SQL subset gluekit runs yet; use CAST('...' AS BINARY)");
});

test("Spark's implicit casts where the types are known: a string compared with a number, strings in arithmetic, date parts of a string, string functions of a number", async () => {
  expect((await query("SELECT id FROM o WHERE price = 12")).rows).toEqual(['{"id":1}']);
  expect((await query("SELECT id, price + 1 AS p1, year('2024-03-05') AS y, upper(amount) AS a, length(id) AS l FROM o WHERE note = 'a_b'")).rows).toEqual([
    '{"id":1,"p1":13.5,"y":2024,"a":"7","l":1}',
  ]);
});

test('window functions: ranks (ints, as Spark), lag and lead, aggregates over a partition, with Spark\'s null order and NULLS FIRST/LAST', async () => {
  expect(
    await query(
      'SELECT id, row_number() OVER (PARTITION BY customer ORDER BY amount DESC) AS n, rank() OVER (ORDER BY customer) AS r, ' +
        'sum(amount) OVER (PARTITION BY customer) AS per_customer, lag(id) OVER (ORDER BY id) AS before, lead(id, 1, 0) OVER (ORDER BY id) AS after FROM o',
    ),
  ).toEqual({
    schema: lines('root', ' |-- id: int', ' |-- n: int', ' |-- r: int', ' |-- per_customer: long', ' |-- before: int', ' |-- after: int'),
    rows: [
      '{"id":1,"n":1,"r":2,"per_customer":9,"after":2}',
      '{"id":2,"n":2,"r":2,"per_customer":9,"before":1,"after":3}',
      '{"id":3,"n":1,"r":4,"per_customer":5,"before":2,"after":4}',
      '{"id":4,"n":1,"r":1,"per_customer":0,"before":3,"after":0}',
    ],
  });
  expect((await query('SELECT id, dense_rank() OVER (ORDER BY customer DESC NULLS FIRST) AS d FROM o ORDER BY id NULLS LAST', false)).rows).toEqual([
    '{"id":1,"d":3}',
    '{"id":2,"d":3}',
    '{"id":3,"d":2}',
    '{"id":4,"d":1}',
  ]);
});

test('window functions are refused in WHERE (as Spark refuses them) and without OVER, naming what to do', async () => {
  await expect(query('SELECT id FROM o WHERE row_number() OVER (ORDER BY id) = 1')).rejects.toThrow(
    "node 'step' (SparkSQL) SqlQuery: a window function is not allowed in WHERE (Spark refuses it there): compute it in a WITH query or subquery first at line 1, column 24",
  );
  await expect(query('SELECT id, row_number() AS n FROM o')).rejects.toThrow("node 'step' (SparkSQL) SqlQuery: row_number() is a window function: it needs OVER (...) at line 1, column 12");
  const p = new Pipeline();
  const orders = p.fromS3({ paths: ['s3://raw/orders/'], format: 'json', transformationCtx: 'orders' });
  expect(() => orders.where('rank() OVER (ORDER BY id) = 1', { transformationCtx: 'w' })).toThrow(
    "pipeline node 'w' (SqlFilter): Condition: a window function is not allowed in a filter condition (Spark refuses it): compute it with withColumns first at line 1, column 8",
  );
});

test('window frames: a running sum (ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), a moving window of three rows, a lone bound', async () => {
  expect(
    (
      await query(
        'SELECT id, sum(amount) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running, ' +
          'sum(amount) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS around, max(id) OVER (ORDER BY id ROWS 1 PRECEDING) AS recent FROM o ORDER BY id',
        false,
      )
    ).rows,
  ).toEqual([
    '{"id":1,"running":7,"around":9,"recent":1}',
    '{"id":2,"running":9,"around":14,"recent":2}',
    '{"id":3,"running":14,"around":7,"recent":3}',
    '{"id":4,"running":14,"around":5,"recent":4}',
  ]);
});

test("CAST and Spark's implicit casts of computed values, their types followed through arithmetic, functions, CASE and windows", async () => {
  expect(
    await query(
      "SELECT id, CAST(amount * 1.5 AS INT) AS truncated, CAST(amount + 1 AS STRING) AS text, CAST(avg(amount) OVER () AS INT) AS mean, " +
        "CAST(upper(note) AS INT) AS nothing, length(note) = '3' AS three, CAST(CASE WHEN amount > 4 THEN price END AS DOUBLE) AS p, CAST(NULL AS INT) AS n FROM o",
    ),
  ).toEqual({
    schema: lines('root', ' |-- id: int', ' |-- truncated: int', ' |-- text: string', ' |-- mean: int', ' |-- nothing: null', ' |-- three: boolean', ' |-- p: double', ' |-- n: null'),
    rows: [
      '{"id":1,"truncated":10,"text":"8","mean":3,"three":true,"p":12.5}',
      '{"id":2,"truncated":3,"text":"3","mean":3,"three":true}',
      '{"id":3,"truncated":7,"text":"6","mean":3}',
      '{"id":4,"truncated":0,"text":"1","mean":3,"three":false}',
    ],
  });
});

test('INTERSECT, EXCEPT (distinct, as Spark) and IN (SELECT ...), NOT IN with a null in the subquery matching nothing', async () => {
  expect((await query('SELECT customer FROM o INTERSECT SELECT cid AS customer FROM c')).rows).toEqual(['{"customer":10}', '{"customer":20}']);
  expect((await query('SELECT cid FROM c EXCEPT SELECT customer AS cid FROM o')).rows).toEqual(['{"cid":30}']);
  expect((await query('SELECT cid FROM c MINUS SELECT customer AS cid FROM o UNION SELECT 99 AS cid FROM c')).rows).toEqual(['{"cid":30}', '{"cid":99}']);
  expect((await query("SELECT id FROM o WHERE customer IN (SELECT cid FROM c WHERE region = 'EU')")).rows).toEqual(['{"id":1}', '{"id":2}']);
  expect((await query('SELECT cid FROM c WHERE cid NOT IN (SELECT customer FROM o)')).rows).toEqual([]);
  const p = new Pipeline();
  const orders = p.fromS3({ paths: ['s3://raw/orders/'], format: 'json', transformationCtx: 'orders' });
  expect(() => p.sql('SELECT id FROM o WHERE customer IN (SELECT cid FROM typo)', { o: orders }, { transformationCtx: 'q' })).toThrow(
    "pipeline node 'q' (SparkSQL): SqlQuery: the query reads 'typo', which is no input alias (aliases: o) nor WITH query at line 1, column 53",
  );
});

test('EXISTS and a subquery as a value (correlated too); a value subquery of several rows fails the run as Spark fails it', async () => {
  expect((await query('SELECT cid FROM c WHERE EXISTS (SELECT 1 AS one FROM o WHERE o.customer = c.cid)')).rows).toEqual(['{"cid":10}', '{"cid":20}']);
  expect((await query('SELECT id, amount - (SELECT avg(amount) AS a FROM o) AS above FROM o WHERE amount > (SELECT min(amount) AS m FROM o)')).rows).toEqual([
    '{"id":1,"above":3.5}',
    '{"id":2,"above":-1.5}',
    '{"id":3,"above":1.5}',
  ]);
  await expect(query('SELECT id, (SELECT cid FROM c) AS any FROM o')).rejects.toThrow(/More than one row returned by a subquery used as an expression/);
});
