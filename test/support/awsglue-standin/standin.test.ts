import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { and, col, or, Pipeline } from '../../../lib/pipeline';
import type { PipelineGraph } from '../../../lib/pipeline/graph';
import { generatePySparkScript } from '../../../lib/pipeline/pyspark';
import { runWithStandins, STANDIN_DIR, type StandinCatalog } from './run-script';

// The stand-ins run generated scripts for real: these tests give small fixtures and check the exact files written.

const RUN = 1700000000000;
let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-standin-test-'));
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

/** Puts an object at s3://<key> (`key` = bucket/path). */
function put(key: string, content: string | Buffer): void {
  const file = path.join(root, key);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

function read(key: string): string {
  return fs.readFileSync(path.join(root, key), 'utf8');
}

/** Every object under s3://<prefix>, as keys relative to it, sorted. */
function objects(prefix: string): string[] {
  const base = path.join(root, prefix);
  if (!fs.existsSync(base)) return [];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(base, full).split(path.sep).join('/'));
    }
  };
  walk(base);
  return out.sort();
}

function graphOf(p: Pipeline | PipelineGraph): PipelineGraph {
  return p instanceof Pipeline ? p.graph : p;
}

function run(p: Pipeline | PipelineGraph, options: { catalog?: StandinCatalog; args?: Record<string, string> } = {}): string {
  const script = generatePySparkScript(graphOf(p));
  runWithStandins(script, { s3Root: root, runMillis: RUN, ...options });
  return script;
}

/** The records of a JSON Lines object. */
function jsonLines(key: string): unknown[] {
  return read(key)
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));
}

/** Column names and DuckDB types of a Parquet file, read with python's duckdb (the stand-ins' own dependency). */
function parquetSchema(key: string): [string, string][] {
  const code =
    'import duckdb, json, sys\n' +
    "rows = duckdb.connect().execute('DESCRIBE SELECT * FROM read_parquet(?, hive_partitioning = false)', [sys.argv[1]]).fetchall()\n" +
    'print(json.dumps([[r[0], r[1]] for r in rows]))\n';
  return JSON.parse(execFileSync('python3', ['-c', code, path.join(root, key)], { encoding: 'utf8' })) as [string, string][];
}

/** Rows of a Parquet file read with python's duckdb: a list per row; bytes as `hex:<hex>`, decimals, dates and
 * timestamps as their text, floats as Python's repr. */
function parquetRows(key: string): unknown[][] {
  const code =
    'import duckdb, json, sys\n' +
    "rows = duckdb.connect().execute('SELECT * FROM read_parquet(?, hive_partitioning = false)', [sys.argv[1]]).fetchall()\n" +
    'def conv(v):\n' +
    "    return 'hex:' + v.hex() if isinstance(v, bytes) else str(v)\n" +
    'print(json.dumps([list(r) for r in rows], default=conv))\n';
  return JSON.parse(execFileSync('python3', ['-c', code, path.join(root, key)], { encoding: 'utf8' })) as unknown[][];
}

/** Writes a Parquet object at s3://<key> holding a DuckDB query's rows (python's duckdb). */
function putParquet(key: string, query: string): void {
  const file = path.join(root, key);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const code = 'import duckdb, sys\n' + "duckdb.connect().execute(\"COPY (\" + sys.argv[1] + \") TO '\" + sys.argv[2].replace(\"'\", \"''\") + \"' (FORMAT parquet)\")\n";
  execFileSync('python3', ['-c', code, query, file], { stdio: 'pipe' });
}

/** Runs `fn` with GLUEKIT_STANDIN_CATALOG_TYPING set to `mode`. */
function withCatalogTyping<T>(mode: 'infer' | 'cast', fn: () => T): T {
  const saved = process.env.GLUEKIT_STANDIN_CATALOG_TYPING;
  process.env.GLUEKIT_STANDIN_CATALOG_TYPING = mode;
  try {
    return fn();
  } finally {
    if (saved === undefined) delete process.env.GLUEKIT_STANDIN_CATALOG_TYPING;
    else process.env.GLUEKIT_STANDIN_CATALOG_TYPING = saved;
  }
}

const OUT = `run-${RUN}-part-r-00000`;

describe('the stand-ins', () => {
  test('have duckdb for Parquet (pip install duckdb==1.5.6)', () => {
    expect(() => execFileSync('python3', ['-c', 'import duckdb'], { stdio: 'pipe' })).not.toThrow();
    expect(fs.existsSync(path.join(STANDIN_DIR, 'awsglue', 'context.py'))).toBe(true);
  });
});

describe('CSV sources', () => {
  test('with a header: quoted separators and quotes, "" is the empty string, an unquoted empty field is null, values typed per value', () => {
    put('raw/people/a.csv', 'id,name,score,note\n1,"Smith, Ann",12.50,""\n2,Bob,,plain\n003,"say ""hi""",-4,true\n');
    const p = new Pipeline();
    p.fromS3({ paths: ['s3://raw/people/'], format: 'csv', withHeader: true, transformationCtx: 'src' }).writeToS3({ path: 's3://out/people/', format: 'json', transformationCtx: 'sink' });
    run(p);
    expect(objects('out/people')).toEqual([`${OUT}.json`]);
    expect(read(`out/people/${OUT}.json`)).toBe(
      '{"id":1,"name":"Smith, Ann","score":12.5,"note":""}\n' +
        '{"id":2,"name":"Bob","note":"plain"}\n' +
        '{"id":3,"name":"say \\"hi\\"","score":-4,"note":"true"}\n',
    );
  });

  test('without a header: col0, col1, ...; tab separator; sub-folders read, hidden and empty objects skipped; CSV sink with header', () => {
    put('raw/tab/x.tsv', 'a\t1\t\nb\t2.0\tz\n');
    put('raw/tab/sub/y.tsv', 'c\t-7\tw\n');
    put('raw/tab/_SUCCESS', 'not data\n');
    put('raw/tab/.hidden/z.tsv', 'hidden\t0\t0\n');
    put('raw/tab/empty.tsv', '');
    const p = new Pipeline();
    p.fromS3({ paths: ['s3://raw/tab/'], format: 'csv', separator: 'tab', transformationCtx: 'src' }).writeToS3({ path: 's3://out/tab/', format: 'csv', transformationCtx: 'sink' });
    run(p);
    expect(objects('out/tab')).toEqual([`${OUT}.csv`]);
    // S3 lists by key: sub/y.tsv before x.tsv
    expect(read(`out/tab/${OUT}.csv`)).toBe('col0,col1,col2\nc,-7,w\na,1,\nb,2.0,z\n');

    fs.rmSync(path.join(root, 'out'), { recursive: true });
    const q = new Pipeline();
    q.fromS3({ paths: ['s3://raw/tab/'], format: 'csv', separator: 'tab', recurse: false, transformationCtx: 'src' }).writeToS3({ path: 's3://out/tab/', format: 'csv', transformationCtx: 'sink' });
    run(q);
    expect(read(`out/tab/${OUT}.csv`)).toBe('col0,col1,col2\na,1,\nb,2.0,z\n');
  });

  test('quoting disabled (quoteChar -1) reads quotes as text', () => {
    put('raw/pipe/p.txt', '"a|b"|c\n');
    const p = new Pipeline();
    p.fromS3({ paths: ['s3://raw/pipe/p.txt'], format: 'csv', separator: 'pipe', transformationCtx: 'src' }).writeToS3({ path: 's3://out/quoted/', format: 'json', transformationCtx: 'sink' });
    run(p);
    expect(read(`out/quoted/${OUT}.json`)).toBe('{"col0":"a|b","col1":"c"}\n');

    const g = p.graph;
    g.src.S3CsvSource!.QuoteChar = 'disabled';
    g.sink.S3DirectTarget!.Path = 's3://out/unquoted/';
    expect(generatePySparkScript(g)).toContain('"quoteChar": -1');
    run(g);
    expect(read(`out/unquoted/${OUT}.json`)).toBe('{"col0":"\\"a","col1":"b\\"","col2":"c"}\n');
  });

  test('multiLine false (the default): a quoted newline ends the record; multiLine true keeps it in the value', () => {
    put('raw/ml/m.csv', '1,"two\nlines",x\n2,ok,y\n');
    const p = new Pipeline();
    p.fromS3({ paths: ['s3://raw/ml/'], format: 'csv', transformationCtx: 'src' }).writeToS3({ path: 's3://out/single/', format: 'json', transformationCtx: 'sink' });
    run(p);
    expect(read(`out/single/${OUT}.json`)).toBe('{"col0":1,"col1":"two"}\n{"col0":"lines\\"","col1":"x"}\n{"col0":2,"col1":"ok","col2":"y"}\n');

    const g = p.graph;
    g.src.S3CsvSource!.Multiline = true;
    g.sink.S3DirectTarget!.Path = 's3://out/multi/';
    run(g);
    expect(read(`out/multi/${OUT}.json`)).toBe('{"col0":1,"col1":"two\\nlines","col2":"x"}\n{"col0":2,"col1":"ok","col2":"y"}\n');
  });
});

describe('JSON sources', () => {
  const EVENTS =
    '{"userId":"u1","Count":2,"price":1.5,"tags":["a","b"],"address":{"state":"NY","zip":"02134"}}\n' +
    '\n' +
    '{"userId":"u2","Count":null,"extra":true}\n';

  test('one object per line, keys as written; null fields are left out of JSON output', () => {
    put('raw/events/e.json', EVENTS);
    const p = new Pipeline();
    p.fromS3({ paths: ['s3://raw/events/'], format: 'json', transformationCtx: 'src' }).writeToS3({ path: 's3://out/events/', format: 'json', transformationCtx: 'sink' });
    run(p);
    expect(read(`out/events/${OUT}.json`)).toBe(
      '{"userId":"u1","Count":2,"price":1.5,"tags":["a","b"],"address":{"state":"NY","zip":"02134"}}\n{"userId":"u2","extra":true}\n',
    );
  });

  test('RenameField, DropFields (nested) and SelectFields (top level and nested, frame order)', () => {
    put('raw/events/e.json', EVENTS);
    const p = new Pipeline();
    p.fromS3({ paths: ['s3://raw/events/'], format: 'json', transformationCtx: 'src' })
      .renameField('userId', 'user', { transformationCtx: 'renamed' })
      .renameField('missing', 'other', { transformationCtx: 'noop' })
      .dropFields(['address.zip', 'price'], { transformationCtx: 'dropped' })
      .selectFields(['extra', 'address.state', 'user', 'nope'], { transformationCtx: 'selected' })
      .writeToS3({ path: 's3://out/picked/', format: 'json', transformationCtx: 'sink' });
    run(p);
    expect(read(`out/picked/${OUT}.json`)).toBe('{"user":"u1","address":{"state":"NY"}}\n{"user":"u2","extra":true}\n');
  });

  test('multiLine reads a whole object (an array gives one record per element)', () => {
    put('raw/pretty/p.json', '[\n  {"a": 1,\n   "b": "x"},\n  {"a": 2}\n]\n');
    const p = new Pipeline();
    p.fromS3({ paths: ['s3://raw/pretty/'], format: 'json', transformationCtx: 'src' }).writeToS3({ path: 's3://out/pretty/', format: 'json', transformationCtx: 'sink' });
    const g = p.graph;
    g.src.S3JsonSource!.Multiline = true;
    run(g);
    expect(read(`out/pretty/${OUT}.json`)).toBe('{"a":1,"b":"x"}\n{"a":2}\n');
  });
});

describe('ApplyMapping', () => {
  test('casts as Spark does (GLUE-REFERENCE section 10); only mapped fields survive, in mapping order', () => {
    // written by hand: JSON.stringify would print 12.0 as 12 and 1e20 as 100000000000000000000 (integers)
    put(
      'raw/casts/c.json',
      '{"s":"12.50","n":"-2.7","d":2.7,"d2":3.5,"bad":"0x1F","under":"1_000","dec1":"1.005","dec2":"2.345",' +
        '"big":"123456789.123","x":12.0,"e":1e20,"b":true,"yes":"yes","N":"N","one":"1","maybe":"maybe","day":"2024-01-15",' +
        '"slash":"2024/01/15","ts":"2024-01-15 10:20:30.5","dropped":"not mapped"}\n',
    );
    const p = new Pipeline();
    p.fromS3({ paths: ['s3://raw/casts/'], format: 'json', transformationCtx: 'src' })
      .applyMapping(
        [
          { from: 's', fromType: 'string', to: 's', toType: 'long' },
          { from: 'n', fromType: 'string', to: 'n', toType: 'int' },
          { from: 'd', fromType: 'double', to: 'd', toType: 'long' },
          { from: 'd2', fromType: 'double', to: 'd2', toType: 'int' },
          { from: 'bad', fromType: 'string', to: 'bad', toType: 'long' },
          { from: 'under', fromType: 'string', to: 'under', toType: 'long' },
          { from: 'dec1', fromType: 'string', to: 'dec1', toType: 'decimal' },
          { from: 'dec2', fromType: 'string', to: 'dec2', toType: 'decimal' },
          { from: 'big', fromType: 'string', to: 'big', toType: 'decimal' },
          { from: 'x', fromType: 'double', to: 'x', toType: 'string' },
          { from: 'e', fromType: 'double', to: 'e', toType: 'string' },
          { from: 'b', fromType: 'boolean', to: 'b', toType: 'string' },
          { from: 'yes', fromType: 'string', to: 'yes', toType: 'boolean' },
          { from: 'N', fromType: 'string', to: 'no', toType: 'boolean' },
          { from: 'one', fromType: 'string', to: 'one', toType: 'boolean' },
          { from: 'maybe', fromType: 'string', to: 'maybe', toType: 'boolean' },
          { from: 'day', fromType: 'string', to: 'day', toType: 'date' },
          { from: 'slash', fromType: 'string', to: 'slash', toType: 'date' },
          { from: 'ts', fromType: 'string', to: 'ts', toType: 'timestamp' },
          { from: 'DAY', fromType: 'string', to: 'day_again', toType: 'string' },
          { from: 'absent', fromType: 'string', to: 'absent', toType: 'string' },
        ],
        { transformationCtx: 'mapped' },
      )
      .writeToS3({ path: 's3://out/casts/', format: 'csv', transformationCtx: 'sink' });
    run(p);
    expect(read(`out/casts/${OUT}.csv`)).toBe(
      's,n,d,d2,bad,under,dec1,dec2,big,x,e,b,yes,no,one,maybe,day,slash,ts,day_again\n' +
        '12,-2,2,3,,,1.01,2.35,,12.0,1.0E20,true,true,false,true,,2024-01-15,,2024-01-15 10:20:30.5,2024-01-15\n',
    );
  });
});

describe('Parquet', () => {
  test('round trip: typed columns written with duckdb (snappy, gzip), read back as the same values', () => {
    put('raw/typed/t.json', '{"id":"1","qty":"7","price":"2.7","ratio":"0.5","name":"pen","ok":"yes","amount":"12.345","day":"2024-01-15","at":"2024-01-15 10:20:30"}\n{"id":"2","name":null}\n');
    const p = new Pipeline();
    const typed = p.fromS3({ paths: ['s3://raw/typed/'], format: 'json', transformationCtx: 'src' }).applyMapping(
      [
        { from: 'id', fromType: 'string', to: 'id', toType: 'long' },
        { from: 'qty', fromType: 'string', to: 'qty', toType: 'int' },
        { from: 'price', fromType: 'string', to: 'price', toType: 'double' },
        { from: 'ratio', fromType: 'string', to: 'ratio', toType: 'float' },
        { from: 'name', fromType: 'string', to: 'name', toType: 'string' },
        { from: 'ok', fromType: 'string', to: 'ok', toType: 'boolean' },
        { from: 'amount', fromType: 'string', to: 'amount', toType: 'decimal' },
        { from: 'day', fromType: 'string', to: 'day', toType: 'date' },
        { from: 'at', fromType: 'string', to: 'at', toType: 'timestamp' },
      ],
      { transformationCtx: 'typed' },
    );
    typed.writeToS3({ path: 's3://out/pq/', format: 'parquet', transformationCtx: 'snappy_sink' });
    typed.writeToS3({ path: 's3://out/pqgz/', format: 'parquet', compression: 'gzip', transformationCtx: 'gzip_sink' });
    run(p);
    expect(objects('out/pq')).toEqual([`${OUT}.snappy.parquet`]);
    expect(objects('out/pqgz')).toEqual([`${OUT}.gz.parquet`]);
    expect(parquetSchema(`out/pq/${OUT}.snappy.parquet`)).toEqual([
      ['id', 'BIGINT'],
      ['qty', 'INTEGER'],
      ['price', 'DOUBLE'],
      ['ratio', 'FLOAT'],
      ['name', 'VARCHAR'],
      ['ok', 'BOOLEAN'],
      ['amount', 'DECIMAL(10,2)'],
      ['day', 'DATE'],
      ['at', 'TIMESTAMP'],
    ]);

    const back = new Pipeline();
    back.fromS3({ paths: ['s3://out/pq/'], format: 'parquet', transformationCtx: 'pq' }).writeToS3({ path: 's3://out/back/', format: 'json', transformationCtx: 'sink' });
    run(back);
    expect(read(`out/back/${OUT}.json`)).toBe(
      '{"id":1,"qty":7,"price":2.7,"ratio":0.5,"name":"pen","ok":true,"amount":12.35,"day":"2024-01-15","at":"2024-01-15 10:20:30"}\n' +
        '{"id":2}\n',
    );
  });

  test('a column with values of two types (a choice) is written as a struct with a field per type, as toDF() makes it', () => {
    put('raw/mixed/m.csv', 'v\n1\nx\n');
    const p = new Pipeline();
    p.fromS3({ paths: ['s3://raw/mixed/'], format: 'csv', withHeader: true, transformationCtx: 'src' }).writeToS3({ path: 's3://out/mixed/', format: 'parquet', transformationCtx: 'sink' });
    run(p);
    expect(parquetSchema(`out/mixed/${OUT}.snappy.parquet`)).toEqual([['v', 'STRUCT(long BIGINT, string VARCHAR)']]);
  });
});

describe('Parquet column types follow the DynamicFrame types', () => {
  test('ApplyMapping: each target type is its column type (short SMALLINT, float FLOAT, decimal DECIMAL(10,2), binary BLOB...), also when null everywhere', () => {
    put(
      'raw/m/m.json',
      '{"i":"12","d":"2.5","b":"true","day":"2024-01-15","t":"2024-01-15 10:30:00","amt":"12.5","s":"h\u00e9","z":null}\n' +
        '{"i":"-7.9","d":"-0.25","b":"no","day":"2023-12-31","t":"2023-12-31 23:59:59.5","amt":"-3.456","s":"x","z":null,"n":258}\n',
    );
    const p = new Pipeline();
    p.fromS3({ paths: ['s3://raw/m/'], format: 'json', transformationCtx: 'src' })
      .applyMapping(
        [
          { from: 'i', fromType: 'string', to: 'as_long', toType: 'long' },
          { from: 'i', fromType: 'string', to: 'as_bigint', toType: 'bigint' },
          { from: 'i', fromType: 'string', to: 'as_int', toType: 'int' },
          { from: 'i', fromType: 'string', to: 'as_short', toType: 'short' },
          { from: 'i', fromType: 'string', to: 'as_smallint', toType: 'smallint' },
          { from: 'i', fromType: 'string', to: 'as_byte', toType: 'byte' },
          { from: 'i', fromType: 'string', to: 'as_tinyint', toType: 'tinyint' },
          { from: 'd', fromType: 'string', to: 'as_double', toType: 'double' },
          { from: 'd', fromType: 'string', to: 'as_float', toType: 'float' },
          { from: 'b', fromType: 'string', to: 'as_boolean', toType: 'boolean' },
          { from: 'day', fromType: 'string', to: 'as_date', toType: 'date' },
          { from: 't', fromType: 'string', to: 'as_timestamp', toType: 'timestamp' },
          { from: 'amt', fromType: 'string', to: 'as_decimal', toType: 'decimal' },
          { from: 'amt', fromType: 'string', to: 'as_decimal_5_1', toType: 'decimal' },
          { from: 's', fromType: 'string', to: 'as_binary', toType: 'binary' },
          { from: 'n', fromType: 'long', to: 'long_binary', toType: 'binary' },
          { from: 'n', fromType: 'long', to: 'as_string', toType: 'string' },
          { from: 'z', fromType: 'string', to: 'null_short', toType: 'short' },
          { from: 'i', fromType: 'string', to: 'nested.s', toType: 'short' },
          { from: 'd', fromType: 'string', to: 'nested.f', toType: 'float' },
          { from: 'absent', fromType: 'string', to: 'never', toType: 'short' },
        ],
        { transformationCtx: 'typed' },
      )
      .writeToS3({ path: 's3://out/typed/', format: 'parquet', transformationCtx: 'sink' });
    const g = p.graph;
    g.typed.ApplyMapping!.Mapping![13].ToType = 'decimal(5,1)';
    run(g);
    expect(parquetSchema(`out/typed/${OUT}.snappy.parquet`)).toEqual([
      ['as_long', 'BIGINT'],
      ['as_bigint', 'BIGINT'],
      ['as_int', 'INTEGER'],
      ['as_short', 'SMALLINT'],
      ['as_smallint', 'SMALLINT'],
      ['as_byte', 'TINYINT'],
      ['as_tinyint', 'TINYINT'],
      ['as_double', 'DOUBLE'],
      ['as_float', 'FLOAT'],
      ['as_boolean', 'BOOLEAN'],
      ['as_date', 'DATE'],
      ['as_timestamp', 'TIMESTAMP'],
      ['as_decimal', 'DECIMAL(10,2)'],
      ['as_decimal_5_1', 'DECIMAL(5,1)'],
      ['as_binary', 'BLOB'],
      ['null_short', 'SMALLINT'],
      ['nested', 'STRUCT(s SMALLINT, f FLOAT)'],
      ['long_binary', 'BLOB'],
      ['as_string', 'VARCHAR'],
    ]);
    expect(parquetRows(`out/typed/${OUT}.snappy.parquet`)).toEqual([
      [12, 12, 12, 12, 12, 12, 12, 2.5, 2.5, true, '2024-01-15', '2024-01-15 10:30:00', '12.50', '12.5', 'hex:68c3a9', null, { s: 12, f: 2.5 }, null, null],
      [-7, -7, -7, -7, -7, -7, -7, -0.25, -0.25, false, '2023-12-31', '2023-12-31 23:59:59.500000', '-3.46', '-3.5', 'hex:78', null, { s: -7, f: -0.25 }, 'hex:00000102', '258'],
    ]);
  });

  test('a Parquet source keeps the file\'s types, through RenameField, DropFields and SelectFields, nested ones too', () => {
    putParquet(
      'raw/pq/a.parquet',
      "SELECT 1::SMALLINT AS sm, 2::TINYINT AS ti, 3::INTEGER AS i, 4::BIGINT AS l, 1.5::FLOAT AS f, 2.25::DOUBLE AS d, 12.5::DECIMAL(5,2) AS amt, " +
        "'ab'::BLOB AS bl, true AS bo, 'x' AS s, DATE '2024-01-15' AS day, TIMESTAMP '2024-01-15 10:20:30' AS ts, TIMESTAMPTZ '2024-01-15 10:20:30+02' AS tz, " +
        "{'x': 1::SMALLINT, 'y': 2.5::FLOAT, 'z': 'q'} AS st, [1::SMALLINT, 2] AS arr, MAP {'k': 1::TINYINT} AS m, 200::UTINYINT AS u, NULL::SMALLINT AS nul",
    );
    const p = new Pipeline();
    const src = p
      .fromS3({ paths: ['s3://raw/pq/'], format: 'parquet', transformationCtx: 'src' })
      .renameField('st.x', 'st.x2', { transformationCtx: 'renamed' })
      .dropFields(['st.z'], { transformationCtx: 'dropped' });
    src.writeToS3({ path: 's3://out/all/', format: 'parquet', transformationCtx: 'all_sink' });
    src.selectFields(['st.y', 'f', 'nul'], { transformationCtx: 'picked' }).writeToS3({ path: 's3://out/picked/', format: 'parquet', transformationCtx: 'picked_sink' });
    src.writeToS3({ path: 's3://out/json/', format: 'json', transformationCtx: 'json_sink' });
    run(p);
    expect(parquetSchema(`out/all/${OUT}.snappy.parquet`)).toEqual([
      ['sm', 'SMALLINT'],
      ['ti', 'TINYINT'],
      ['i', 'INTEGER'],
      ['l', 'BIGINT'],
      ['f', 'FLOAT'],
      ['d', 'DOUBLE'],
      ['amt', 'DECIMAL(5,2)'],
      ['bl', 'BLOB'],
      ['bo', 'BOOLEAN'],
      ['s', 'VARCHAR'],
      ['day', 'DATE'],
      ['ts', 'TIMESTAMP'],
      ['tz', 'TIMESTAMP'],
      ['st', 'STRUCT(x2 SMALLINT, y FLOAT)'],
      ['arr', 'SMALLINT[]'],
      ['m', 'MAP(VARCHAR, TINYINT)'],
      ['u', 'SMALLINT'],
      ['nul', 'SMALLINT'],
    ]);
    expect(parquetRows(`out/all/${OUT}.snappy.parquet`)).toEqual([
      [1, 2, 3, 4, 1.5, 2.25, '12.50', 'hex:6162', true, 'x', '2024-01-15', '2024-01-15 10:20:30', '2024-01-15 08:20:30', { x2: 1, y: 2.5 }, [1, 2], { k: 1 }, 200, null],
    ]);
    expect(parquetSchema(`out/picked/${OUT}.snappy.parquet`)).toEqual([
      ['f', 'FLOAT'],
      ['st', 'STRUCT(y FLOAT)'],
      ['nul', 'SMALLINT'],
    ]);
    expect(read(`out/json/${OUT}.json`)).toBe(
      '{"sm":1,"ti":2,"i":3,"l":4,"f":1.5,"d":2.25,"amt":12.50,"bl":"YWI=","bo":true,"s":"x","day":"2024-01-15","ts":"2024-01-15 10:20:30",' +
        '"tz":"2024-01-15 08:20:30","st":{"x2":1,"y":2.5},"arr":[1,2],"m":{"k":1},"u":200}\n',
    );
  });

  test('binary: a string is its UTF-8 bytes, an integral value its big-endian bytes as wide as its type; a double is refused', () => {
    putParquet('raw/nums/a.parquet', "SELECT 258::INTEGER i, -2::SMALLINT sm, 1::TINYINT ti, 258::BIGINT l, 'é' s, 1.5::DOUBLE d");
    const p = new Pipeline();
    const src = p.fromS3({ paths: ['s3://raw/nums/'], format: 'parquet', transformationCtx: 'src' });
    src
      .applyMapping(
        [
          { from: 'i', fromType: 'int', to: 'i', toType: 'binary' },
          { from: 'sm', fromType: 'short', to: 'sm', toType: 'binary' },
          { from: 'ti', fromType: 'byte', to: 'ti', toType: 'binary' },
          { from: 'l', fromType: 'long', to: 'l', toType: 'binary' },
          { from: 's', fromType: 'string', to: 's', toType: 'binary' },
        ],
        { transformationCtx: 'bin' },
      )
      .writeToS3({ path: 's3://out/bin/', format: 'parquet', transformationCtx: 'sink' });
    run(p);
    expect(parquetSchema(`out/bin/${OUT}.snappy.parquet`)).toEqual([
      ['i', 'BLOB'],
      ['sm', 'BLOB'],
      ['ti', 'BLOB'],
      ['l', 'BLOB'],
      ['s', 'BLOB'],
    ]);
    expect(parquetRows(`out/bin/${OUT}.snappy.parquet`)).toEqual([['hex:00000102', 'hex:fffe', 'hex:01', 'hex:0000000000000102', 'hex:c3a9']]);

    const q = new Pipeline();
    q.fromS3({ paths: ['s3://raw/nums/'], format: 'parquet', transformationCtx: 'src' })
      .applyMapping([{ from: 'd', fromType: 'double', to: 'd', toType: 'binary' }], { transformationCtx: 'bin' })
      .writeToS3({ path: 's3://out/bad/', format: 'parquet', transformationCtx: 'sink' });
    expect(() => run(q)).toThrow(/casting a float value to binary: Spark does not cast double to binary/);
  });

  test('Parquet files that disagree on a column\'s type make a choice, written as a struct with a field per type', () => {
    putParquet('raw/two/a.parquet', 'SELECT 1::SMALLINT id');
    putParquet('raw/two/b.parquet', 'SELECT 2::INTEGER id');
    const p = new Pipeline();
    p.fromS3({ paths: ['s3://raw/two/'], format: 'parquet', transformationCtx: 'src' }).writeToS3({ path: 's3://out/two/', format: 'parquet', transformationCtx: 'sink' });
    run(p);
    // Which field holds each value is not modelled: the stand-ins' Python ints do not carry short or int.
    expect(parquetSchema(`out/two/${OUT}.snappy.parquet`)).toEqual([['id', 'STRUCT("int" INTEGER, short SMALLINT)']]);
  });

  test('JSON and CSV values are typed per value: a JSON integer int (long past 32 bits), a CSV one long, float double, str string, bool boolean; a column null everywhere is a string', () => {
    put('raw/j/a.json', '{"a":1,"b":1.5,"c":"x","d":true,"e":{"f":1,"g":"y"},"h":[1,2],"z":null}\n{"a":2,"e":{"f":3}}\n');
    put('raw/c/a.csv', 'id,score,name\n1,2.5,x\n');
    const p = new Pipeline();
    p.fromS3({ paths: ['s3://raw/j/'], format: 'json', transformationCtx: 'json_src' }).writeToS3({ path: 's3://out/j/', format: 'parquet', transformationCtx: 'json_sink' });
    p.fromS3({ paths: ['s3://raw/c/'], format: 'csv', withHeader: true, transformationCtx: 'csv_src' }).writeToS3({ path: 's3://out/c/', format: 'parquet', transformationCtx: 'csv_sink' });
    run(p);
    expect(parquetSchema(`out/j/${OUT}.snappy.parquet`)).toEqual([
      ['a', 'INTEGER'],
      ['b', 'DOUBLE'],
      ['c', 'VARCHAR'],
      ['d', 'BOOLEAN'],
      ['e', 'STRUCT(f INTEGER, g VARCHAR)'],
      ['h', 'INTEGER[]'],
      ['z', 'VARCHAR'],
    ]);
    expect(parquetSchema(`out/c/${OUT}.snappy.parquet`)).toEqual([
      ['id', 'BIGINT'],
      ['score', 'DOUBLE'],
      ['name', 'VARCHAR'],
    ]);
  });

  test('catalog sources: partition keys by their key types; columns by the catalog with cast typing, else by value (CSV) or by the file (Parquet)', () => {
    put('lake/t/year=2024/region=eu/a.csv', 'id,price,amount,total,day\n7,1.5,12.345,99,2024-01-15\n');
    putParquet('lake/p/a.parquet', 'SELECT 1::INTEGER "ID", 10.5 score');
    const catalog: StandinCatalog = {
      tables: [
        {
          Table: {
            DatabaseName: 'db',
            Name: 't',
            Parameters: { classification: 'csv', delimiter: ',', 'skip.header.line.count': '1' },
            PartitionKeys: [
              { Name: 'year', Type: 'int' },
              { Name: 'region', Type: 'string' },
            ],
            StorageDescriptor: {
              Location: 's3://lake/t/',
              Columns: [
                { Name: 'id', Type: 'smallint' },
                { Name: 'price', Type: 'float' },
                { Name: 'amount', Type: 'decimal(6,2)' },
                { Name: 'total', Type: 'decimal' },
                { Name: 'day', Type: 'date' },
              ],
            },
          },
          Partitions: [{ Values: ['2024', 'eu'] }],
        },
        {
          Table: {
            DatabaseName: 'db',
            Name: 'p',
            Parameters: { classification: 'parquet' },
            StorageDescriptor: { Location: 's3://lake/p/', Columns: [{ Name: 'id', Type: 'bigint' }, { Name: 'score', Type: 'double' }] },
          },
          Partitions: [],
        },
      ],
    };
    const p = new Pipeline();
    p.fromCatalog({ database: 'db', table: 't', transformationCtx: 'csv_src' }).writeToS3({ path: 's3://out/csv/', format: 'parquet', transformationCtx: 'csv_sink' });
    p.fromCatalog({ database: 'db', table: 'p', transformationCtx: 'pq_src' }).writeToS3({ path: 's3://out/pq/', format: 'parquet', transformationCtx: 'pq_sink' });

    withCatalogTyping('infer', () => run(p, { catalog }));
    expect(parquetSchema(`out/csv/${OUT}.snappy.parquet`)).toEqual([
      ['id', 'BIGINT'],
      ['price', 'DOUBLE'],
      ['amount', 'DOUBLE'],
      ['total', 'BIGINT'],
      ['day', 'VARCHAR'],
      ['year', 'INTEGER'],
      ['region', 'VARCHAR'],
    ]);
    expect(parquetSchema(`out/pq/${OUT}.snappy.parquet`)).toEqual([
      ['id', 'INTEGER'],
      ['score', 'DECIMAL(3,1)'],
    ]);

    fs.rmSync(path.join(root, 'out'), { recursive: true });
    withCatalogTyping('cast', () => run(p, { catalog }));
    expect(parquetSchema(`out/csv/${OUT}.snappy.parquet`)).toEqual([
      ['id', 'SMALLINT'],
      ['price', 'FLOAT'],
      ['amount', 'DECIMAL(6,2)'],
      ['total', 'DECIMAL(10,0)'],
      ['day', 'DATE'],
      ['year', 'INTEGER'],
      ['region', 'VARCHAR'],
    ]);
    expect(parquetRows(`out/csv/${OUT}.snappy.parquet`)).toEqual([[7, 1.5, '12.35', '99', '2024-01-15', 2024, 'eu']]);
    expect(parquetSchema(`out/pq/${OUT}.snappy.parquet`)).toEqual([
      ['id', 'BIGINT'],
      ['score', 'DOUBLE'],
    ]);
    expect(parquetRows(`out/pq/${OUT}.snappy.parquet`)).toEqual([[1, 10.5]]);
  });

  test('CSV and JSON writers: a decimal with its scale (12.50), binary as base64 in JSON; binary in CSV is refused', () => {
    put('raw/w/a.json', '{"amt":"12.5","s":"h\u00e9"}\n{"amt":"-0.001","s":""}\n');
    const p = new Pipeline();
    const typed = p.fromS3({ paths: ['s3://raw/w/'], format: 'json', transformationCtx: 'src' }).applyMapping(
      [
        { from: 'amt', fromType: 'string', to: 'amt', toType: 'decimal' },
        { from: 's', fromType: 'string', to: 's', toType: 'binary' },
      ],
      { transformationCtx: 'typed' },
    );
    typed.writeToS3({ path: 's3://out/json/', format: 'json', transformationCtx: 'json_sink' });
    typed.selectFields(['amt'], { transformationCtx: 'amt' }).writeToS3({ path: 's3://out/csv/', format: 'csv', transformationCtx: 'csv_sink' });
    run(p);
    expect(read(`out/json/${OUT}.json`)).toBe('{"amt":12.50,"s":"aMOp"}\n{"amt":0.00,"s":""}\n');
    expect(read(`out/csv/${OUT}.csv`)).toBe('amt\n12.50\n0.00\n');

    const q = new Pipeline();
    q.fromS3({ paths: ['s3://raw/w/'], format: 'json', transformationCtx: 'src' })
      .applyMapping([{ from: 's', fromType: 'string', to: 's', toType: 'binary' }], { transformationCtx: 'typed' })
      .writeToS3({ path: 's3://out/bad/', format: 'csv', transformationCtx: 'sink' });
    expect(() => run(q)).toThrow(/field 's' holds binary values, which Spark's CSV writer refuses/);
  });
});

describe('Filter', () => {
  test('KeyError, ValueError and TypeError make a record false, even under not (...) or after a true or-operand', () => {
    put('raw/f/rows.json', '{"id":1,"n":5}\n{"id":2,"n":null}\n{"id":3}\n{"id":4,"n":"x"}\n');
    const cases: [Parameters<ReturnType<Pipeline['fromS3']>['filter']>[0], number[]][] = [
      // None > 4 and "x" > 4 raise TypeError: dropped although id == 2; id 3 has no n: KeyError
      [or(col('n').gt(4), col('id').eq(2)), [1]],
      [col('n').isNull(), [2]],
      [col('n').isNotNull(), [1, 4]],
      [and(col('id').gte(2), col('id').lte(3)), [2, 3]],
    ];
    cases.forEach(([where, ids], i) => {
      const p = new Pipeline();
      p.fromS3({ paths: ['s3://raw/f/'], format: 'json', transformationCtx: 'src' }).filter(where, { transformationCtx: 'kept' }).writeToS3({ path: `s3://out/f${i}/`, format: 'json', transformationCtx: 'sink' });
      run(p);
      expect(jsonLines(`out/f${i}/${OUT}.json`).map((r) => (r as { id: number }).id)).toEqual(ids);
    });
  });

  test('any other exception fails the job', () => {
    put('raw/f/rows.json', '{"id":1}\n{"id":3}\n');
    const p = new Pipeline();
    p.fromS3({ paths: ['s3://raw/f/'], format: 'json', transformationCtx: 'src' }).filter(col('id').gt(0), { transformationCtx: 'kept' }).writeToS3({ path: 's3://out/f/', format: 'json', transformationCtx: 'sink' });
    const script = generatePySparkScript(p.graph).replace('f=lambda row: (row["id"] > 0)', 'f=lambda row: (1 / (row["id"] - 3) > 0)');
    expect(script).toContain('1 / (row["id"] - 3)');
    expect(() => runWithStandins(script, { s3Root: root, runMillis: RUN })).toThrow(/ZeroDivisionError/);
    expect(objects('out/f')).toEqual([]);
  });
});

describe('S3 sinks', () => {
  test('partitionKeys write Hive folders, values escaped as Spark does, null and empty to __HIVE_DEFAULT_PARTITION__', () => {
    put(
      'raw/parts/p.json',
      [
        { k: 'a/b', n: 1, v: 'r1' },
        { k: 'x y', n: 1, v: 'r2' },
        { k: 'ü', n: 2, v: 'r3' },
        { k: '', n: 2, v: 'r4' },
        { k: null, n: 2, v: 'r5' },
        { k: '50%', n: 1.5, v: 'r6' },
        { n: 3, v: 'r7' },
        { k: 'q=1?#', n: 1, v: 'r8' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n',
    );
    const p = new Pipeline();
    const src = p.fromS3({ paths: ['s3://raw/parts/'], format: 'json', transformationCtx: 'src' });
    src.writeToS3({ path: 's3://out/parts/', format: 'csv', partitionKeys: ['k', 'n'], transformationCtx: 'csv_sink' });
    src.writeToS3({ path: 's3://out/gz/', format: 'json', compression: 'gzip', partitionKeys: ['n'], transformationCtx: 'gz_sink' });
    run(p);
    expect(objects('out/parts')).toEqual(
      [
        'k=50%25/n=1.5',
        'k=__HIVE_DEFAULT_PARTITION__/n=2',
        'k=__HIVE_DEFAULT_PARTITION__/n=3',
        'k=a%2Fb/n=1',
        'k=q%3D1%3F%23/n=1',
        'k=x y/n=1',
        'k=ü/n=2',
      ]
        .map((f) => `${f}/${OUT}.csv`)
        .sort(),
    );
    expect(read(`out/parts/k=__HIVE_DEFAULT_PARTITION__/n=2/${OUT}.csv`)).toBe('v\nr4\nr5\n');
    expect(read(`out/parts/k=a%2Fb/n=1/${OUT}.csv`)).toBe('v\nr1\n');
    expect(objects('out/gz')).toEqual(['n=1', 'n=1.5', 'n=2', 'n=3'].map((f) => `${f}/${OUT}.json.gz`).sort());
    expect(zlib.gunzipSync(fs.readFileSync(path.join(root, `out/gz/n=1/${OUT}.json.gz`))).toString('utf8')).toBe(
      '{"k":"a/b","v":"r1"}\n{"k":"x y","v":"r2"}\n{"k":"q=1?#","v":"r8"}\n',
    );
  });
});

describe('the Data Catalog', () => {
  const SALES_COLUMNS = [
    { Name: 'id', Type: 'bigint' },
    { Name: 'item', Type: 'string' },
    { Name: 'amount', Type: 'double' },
  ];

  function catalog(): StandinCatalog {
    const part = (year: string, month: string, withLocation = true) => ({
      DatabaseName: 'datalake',
      TableName: 'sales',
      Values: [year, month],
      StorageDescriptor: withLocation ? { Location: `s3://lake/sales/year=${year}/month=${month}/`, Columns: SALES_COLUMNS } : { Columns: SALES_COLUMNS },
    });
    return {
      tables: [
        {
          Table: {
            DatabaseName: 'datalake',
            Name: 'sales',
            Parameters: { classification: 'csv', delimiter: '|', 'skip.header.line.count': '1' },
            PartitionKeys: [
              { Name: 'year', Type: 'int' },
              { Name: 'month', Type: 'string' },
            ],
            StorageDescriptor: {
              Location: 's3://lake/sales/',
              Columns: SALES_COLUMNS,
              SerdeInfo: { SerializationLibrary: 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe', Parameters: { 'field.delim': '|' } },
            },
          },
          Partitions: [part('2023', '12'), part('2024', '01'), part('2024', '02', false), part('2024', '03')],
        },
        {
          Table: {
            DatabaseName: 'curated',
            Name: 'sales_copy',
            Parameters: { classification: 'csv', delimiter: ';', 'skip.header.line.count': '1' },
            PartitionKeys: [],
            StorageDescriptor: {
              Location: 's3://lake/sales_copy/',
              Columns: [
                { Name: 'item', Type: 'string' },
                { Name: 'id', Type: 'bigint' },
                { Name: 'amount', Type: 'double' },
                { Name: 'month', Type: 'string' },
                { Name: 'year', Type: 'int' },
              ],
            },
          },
          Partitions: [],
        },
      ],
    };
  }

  function putSales(): void {
    put('lake/sales/year=2023/month=12/a.csv', 'ID|Item|Amount\n1|old|5\n');
    put('lake/sales/year=2024/month=01/a.csv', 'ID|Item|Amount\n2|pen|1.5\n3|ink|x\n');
    put('lake/sales/year=2024/month=02/b.csv', 'ID|Item|Amount\n4|cap|2\n');
    put('lake/sales/year=2024/month=03/c.csv', 'ID|Item|Amount\n5|new|9\n');
  }

  function salesPipeline(predicate: string): Pipeline {
    const p = new Pipeline();
    const src = p.fromCatalog({ database: 'datalake', table: 'sales', pushDownPredicate: predicate, transformationCtx: 'src' });
    src.writeToS3({ path: 's3://out/sales/', format: 'json', transformationCtx: 'sink' });
    src.writeToCatalog({ database: 'curated', table: 'sales_copy', transformationCtx: 'catalog_sink' });
    return p;
  }

  test('push_down_predicate prunes partitions; names by the catalog, values parsed as their catalog types (else strings: a choice), partition values typed by the key type', () => {
    putSales();
    run(salesPipeline("year == '2024' and month IN ('01', '02')"), { catalog: catalog() });
    expect(read(`out/sales/${OUT}.json`)).toBe(
      '{"id":2,"item":"pen","amount":1.5,"year":2024,"month":"01"}\n' +
        '{"id":3,"item":"ink","amount":"x","year":2024,"month":"01"}\n' +
        '{"id":4,"item":"cap","amount":2.0,"year":2024,"month":"02"}\n',
    );
    // the catalog sink: the table's delimiter, header and column order; no partition registered
    expect(objects('lake/sales_copy')).toEqual([`${OUT}.csv`]);
    expect(read(`lake/sales_copy/${OUT}.csv`)).toBe('item;id;amount;month;year\npen;2;1.5;01;2024\nink;3;x;01;2024\ncap;4;2.0;02;2024\n');
  });

  test('GLUEKIT_STANDIN_CATALOG_TYPING=infer types CSV values per value, as from_options does', () => {
    putSales();
    const saved = process.env.GLUEKIT_STANDIN_CATALOG_TYPING;
    process.env.GLUEKIT_STANDIN_CATALOG_TYPING = 'infer';
    try {
      run(salesPipeline("year == '2024' and month IN ('01', '02')"), { catalog: catalog() });
    } finally {
      if (saved === undefined) delete process.env.GLUEKIT_STANDIN_CATALOG_TYPING;
      else process.env.GLUEKIT_STANDIN_CATALOG_TYPING = saved;
    }
    expect(read(`out/sales/${OUT}.json`)).toBe(
      '{"id":2,"item":"pen","amount":1.5,"year":2024,"month":"01"}\n' +
        '{"id":3,"item":"ink","amount":"x","year":2024,"month":"01"}\n' +
        '{"id":4,"item":"cap","amount":2,"year":2024,"month":"02"}\n',
    );
    expect(read(`lake/sales_copy/${OUT}.csv`)).toBe('item;id;amount;month;year\npen;2;1.5;01;2024\nink;3;x;01;2024\ncap;4;2;02;2024\n');
  });

  test('GLUEKIT_STANDIN_CATALOG_TYPING=cast types values by the catalog columns instead (a value that does not cast is null)', () => {
    putSales();
    const saved = process.env.GLUEKIT_STANDIN_CATALOG_TYPING;
    process.env.GLUEKIT_STANDIN_CATALOG_TYPING = 'cast';
    try {
      run(salesPipeline("(month > '01' OR month IS NULL) AND NOT year = 2023"), { catalog: catalog() });
    } finally {
      if (saved === undefined) delete process.env.GLUEKIT_STANDIN_CATALOG_TYPING;
      else process.env.GLUEKIT_STANDIN_CATALOG_TYPING = saved;
    }
    expect(read(`out/sales/${OUT}.json`)).toBe(
      '{"id":4,"item":"cap","amount":2.0,"year":2024,"month":"02"}\n{"id":5,"item":"new","amount":9.0,"year":2024,"month":"03"}\n',
    );
  });

  test('a predicate outside the modelled subset, or on a non-partition column, fails the job', () => {
    putSales();
    expect(() => run(salesPipeline("month LIKE '0%'"), { catalog: catalog() })).toThrow(/push_down_predicate "month LIKE '0%'": expected a comparison/);
    expect(() => run(salesPipeline("item = 'pen'"), { catalog: catalog() })).toThrow(/'item' is not a partition column/);
    expect(() => run(salesPipeline("year = 2024"), { catalog: { tables: [] } })).toThrow(/EntityNotFoundException|Table sales not found/);
  });
});

describe('the awsglue API surface', () => {
  test('getResolvedOptions: --name-with-dash comes back with underscores (argparse), so the generator refuses a dashed argument name', () => {
    put('raw/a/x.json', '{"a":1}\n');
    const p = new Pipeline();
    p.fromS3({ paths: ['s3://raw/a/'], format: 'json', transformationCtx: 'src' }).writeToS3({ path: 's3://out/a/', format: 'json', transformationCtx: 'sink' });
    const good = generatePySparkScript(p.graph, { argumentFor: (_n, field) => (field === 'Path' ? 'sink_path' : undefined) });
    runWithStandins(good, { s3Root: root, runMillis: RUN, args: { sink_path: 's3://out/args/' } });
    expect(read(`out/args/${OUT}.json`)).toBe('{"a":1}\n');

    // A script reading args["sink-path"] would fail on Glue (KeyError): the generator refuses such a name.
    const dashedScript = good.split('"sink_path"').join('"sink-path"');
    expect(() => runWithStandins(dashedScript, { s3Root: root, runMillis: RUN, args: { 'sink-path': 's3://out/args2/' } })).toThrow(/KeyError: 'sink-path'/);
    expect(() => generatePySparkScript(p.graph, { argumentFor: (_n, field) => (field === 'Path' ? 'sink-path' : undefined) })).toThrow(
      "pipeline node 'sink' (S3DirectTarget) field Path: argumentFor returned 'sink-path', which is not a job argument name (letters, digits and _, without the leading --; awsglue's getResolvedOptions turns - into _)",
    );
    // a missing required argument is an error naming it
    expect(() => runWithStandins(good, { s3Root: root, runMillis: RUN })).toThrow(/the following arguments are required: --sink_path/);
  });

  test('a keyword the real signature does not have fails as it would on Glue', () => {
    put('raw/a/x.json', '{"a":1}\n');
    const p = new Pipeline();
    p.fromS3({ paths: ['s3://raw/a/'], format: 'json', transformationCtx: 'src' })
      .applyMapping([{ from: 'a', fromType: 'long', to: 'a', toType: 'long' }], { transformationCtx: 'm' })
      .writeToS3({ path: 's3://out/a/', format: 'json', transformationCtx: 'sink' });
    const script = generatePySparkScript(p.graph).replace('ApplyMapping.apply(frame=src, mappings=', 'ApplyMapping.apply(frame=src, mapping=');
    expect(() => runWithStandins(script, { s3Root: root, runMillis: RUN })).toThrow(/unexpected keyword argument 'mapping'/);
  });
});
