import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { and, col, Frame, or, Pipeline, type ResolveChoiceOptions } from '../../lib/pipeline';
import { generatePySparkScript } from '../../lib/pipeline/pyspark';
import { runWithStandins } from '../support/awsglue-standin/run-script';
import { ParityCase, runParity } from '../support/parity';
import { REFERENCE_PEOPLE_JSON } from '../support/reference-records';

/**
 * Parity: for each builder feature, the generated PySpark script run against the executing awsglue stand-ins
 * (test/support/awsglue-standin) and the frame engine on the same input write the same files with the same rows.
 * Inputs hold values whose reading GLUE-REFERENCE settles; messy values (choice types) are issue 6's.
 */
async function expectParity(c: ParityCase): Promise<void> {
  const { engine, script } = await runParity(c);
  expect(Object.keys(engine).length).toBeGreaterThan(0);
  expect(engine).toEqual(script);
}

/** The bytes of a Parquet file holding a query's rows, written by DuckDB. */
async function parquetFile(query: string): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-parity-pq-'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (${query}) TO '${path.join(dir, 'a.parquet')}' (FORMAT parquet)`);
    return fs.readFileSync(path.join(dir, 'a.parquet'));
  } finally {
    connection.closeSync();
    instance.closeSync();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Text compressed with bzip2 (by Python's bz2 module, which the stand-ins use too). */
function bzip2(text: string): Buffer {
  return execFileSync('python3', ['-c', 'import bz2,sys; sys.stdout.buffer.write(bz2.compress(sys.stdin.buffer.read()))'], { input: text });
}

const PEOPLE_CSV = 'id,name,city,score\n1,Ann,Paris,10.5\n2,Bob,Oslo,3.25\n3,Cid,Rome,7.0\n4,"",,1.5\n';
const PEOPLE_JSON = '{"id":1,"name":"Ann","city":"Paris","score":10.5,"tags":"a","active":true}\n{"id":2,"name":"Bob","city":"Oslo","score":3.25,"active":false}\n{"id":3,"name":"Cid","city":null,"score":7.5,"tags":"c","active":true}\n';

/** Records with a struct (two levels deep), a null struct, a missing struct and an array of structs. */
const NESTED_JSON = [
  '{"id":1,"name":"Ann","address":{"city":"SF","state":"CA","zip":"94105","geo":{"lat":37.7,"lon":-122.4}},"items":[{"sku":"a","price":2.5},{"sku":"b","price":4.0}]}',
  '{"id":2,"name":"Bob","address":{"city":"NYC","state":"NY","zip":"10001","geo":{"lat":40.7,"lon":-74.0}},"items":[{"sku":"c","price":1.25}]}',
  '{"id":3,"name":"Cid","address":null,"items":[]}',
  '{"id":4,"name":"Dee","address":{"city":"LA","state":"CA","zip":"90001","geo":{"lat":34.0,"lon":-118.2}},"items":[{"sku":"d","price":null}]}',
].join('\n') + '\n';

describe('sources', () => {
  test('S3 CSV rows shorter and longer than the header', () =>
    expectParity({
      files: { 'raw/rag/a.csv': 'id,name\n1,Ann\n2\n3,Cid,extra\n' },
      build: (p) => p.fromS3({ paths: ['s3://raw/rag/'], format: 'csv', withHeader: true }).writeToS3({ path: 's3://out/rag/', format: 'json' }),
    }));

  test('S3 JSON field of objects, arrays and strings (a choice of struct, array and string, integers in them int, long or both); to json', () =>
    expectParity({
      files: { 'raw/o/a.json': '{"id":1,"addr":"unknown"}\n{"id":2,"addr":{"city":"Oslo","zip":150}}\n{"id":3,"addr":["a","b"]}\n{"id":4,"addr":{"city":"Rome","zip":3000000000}}\n{"id":5,"n":[1,2]}\n{"id":6,"n":{"k":5}}\n' },
      build: (p) => p.fromS3({ paths: ['s3://raw/o/'], format: 'json' }).writeToS3({ path: 's3://out/o/', format: 'json' }),
    }));

  test.each(['json', 'parquet'] as const)('S3 JSON arrays whose elements, or the fields of their structs, have several JSON types, integers among fractions too (choices inside arrays); to %s', (format) =>
    expectParity({
      files: { 'raw/a/a.json': '{"id":1,"tags":[1,"x",2.5],"items":[{"n":1},{"n":"two"}],"fs":[1.5,2]}\n{"id":2,"tags":[true,{"k":3}],"items":[],"fs":[3]}\n{"id":3}\n' },
      build: (p) => p.fromS3({ paths: ['s3://raw/a/'], format: 'json' }).writeToS3({ path: 's3://out/a/', format }),
    }));

  test('S3 JSON records with a key twice keep its last value, at any depth, with multiLine too', () =>
    expectParity({
      files: { 'raw/d/a.json': '{"a":"x","b":{"c":1}}\n{"a":1,"a":2,"b":{"c":1,"c":2.5}}\n', 'raw/m/a.json': '[\n  {"a": 1,\n   "a": 2},\n  {"a": 3, "b": {"c": "x", "c": "y"}}\n]\n' },
      build: (p) => {
        p.fromS3({ paths: ['s3://raw/d/'], format: 'json' }).writeToS3({ path: 's3://out/d/', format: 'json' });
        p.fromS3({ paths: ['s3://raw/m/'], format: 'json', multiLine: true }).writeToS3({ path: 's3://out/m/', format: 'json' });
      },
    }));

  // The stand-ins' Parquet writer models no choice of int and long inside a struct: each path holds one kind here.
  test('S3 JSON field of objects, arrays and strings, integers in them int or long; to parquet', () =>
    expectParity({
      files: { 'raw/o/a.json': '{"id":1,"addr":"unknown"}\n{"id":2,"addr":{"city":"Oslo","zip":3000000001}}\n{"id":3,"addr":["a","b"]}\n{"id":4,"addr":{"city":"Rome","zip":3000000000}}\n{"id":5,"n":[1,2]}\n{"id":6,"n":{"k":5}}\n' },
      build: (p) => p.fromS3({ paths: ['s3://raw/o/'], format: 'json' }).writeToS3({ path: 's3://out/o/', format: 'parquet' }),
    }));

  test('S3 JSON field of objects, arrays and numbers whose own fields have several JSON types (choices inside choice members); to parquet', () =>
    expectParity({
      files: { 'raw/m/a.json': '{"id":1,"a":{"x":1,"y":[1,"s"]}}\n{"id":2,"a":{"x":"s","w":{"q":true}}}\n{"id":3,"a":5}\n{"id":4,"a":[{"z":1},{"z":"q"}]}\n{"id":5,"a":{"w":"no"}}\n' },
      build: (p) => p.fromS3({ paths: ['s3://raw/m/'], format: 'json' }).writeToS3({ path: 's3://out/m/', format: 'parquet' }),
    }));

  test('S3 JSON with a jsonPath: the records of wrappers in JSON Lines, and of a multi-line array', () =>
    expectParity({
      files: {
        'raw/w/a.json': '{"meta":1,"records":[{"id":1,"a":"x"},{"id":2,"a":"y"}]}\n{"meta":2,"records":[{"id":3}]}\n{"meta":3}\n',
        'raw/arr/a.json': '[\n  {"id": 1, "tags": ["a"]},\n  {"id": 2, "tags": []}\n]\n',
      },
      build: (p) => {
        p.fromS3({ paths: ['s3://raw/w/'], format: 'json', jsonPath: '$.records[*]' }).writeToS3({ path: 's3://out/w/', format: 'json' });
        p.fromS3({ paths: ['s3://raw/w/'], format: 'json', jsonPath: "$['records'][0]" }).writeToS3({ path: 's3://out/first/', format: 'json' });
        p.fromS3({ paths: ['s3://raw/arr/'], format: 'json', jsonPath: '$[*]', multiLine: true }).writeToS3({ path: 's3://out/arr/', format: 'parquet' });
      },
    }));

  test.each(['json', 'parquet'] as const)('S3 JSON integers and fractions in one field (a choice of double and int), at the top level and in a struct; to %s', (format) =>
    expectParity({
      files: { 'raw/d/a.json': '{"price":5,"rate":0.5,"s":{"w":1.5}}\n{"price":5.5,"rate":2.0,"s":{"w":2}}\n{"price":null,"rate":1e3,"s":null}\n' },
      build: (p) => p.fromS3({ paths: ['s3://raw/d/'], format: 'json' }).writeToS3({ path: 's3://out/d/', format }),
    }));

  test.each(['json', 'csv', 'parquet'] as const)('S3 CSV values typed one by one: a column of ints, fractions and words, booleans and dates as text; to %s', (format) =>
    expectParity({
      files: { 'raw/mixed/a.csv': 'id,price,flag,day,big\n1,5,true,2024-01-15,3000000000\n2,5.50,false,2024-02-01,7\n3,abc,TRUE,x,\n4,,f,,1e3\n' },
      build: (p) => p.fromS3({ paths: ['s3://raw/mixed/'], format: 'csv', withHeader: true }).writeToS3({ path: 's3://out/mixed/', format }),
    }));

  test('S3 CSV with a header, comma separated, to JSON', () =>
    expectParity({
      files: { 'raw/people/a.csv': PEOPLE_CSV },
      build: (p) => p.fromS3({ paths: ['s3://raw/people/'], format: 'csv', withHeader: true }).writeToS3({ path: 's3://out/p/', format: 'json' }),
    }));

  test.each([
    ['comma', ','],
    ['tab', '\t'],
    ['pipe', '|'],
    ['semicolon', ';'],
    ['ctrla', '\u0001'],
  ] as const)('S3 CSV without a header, %s separated, names its columns col0, col1...', (separator, char) =>
    expectParity({
      files: { 'raw/x/a.csv': `1${char}Ann${char}Paris\n2${char}Bob${char}Oslo\n` },
      build: (p) => p.fromS3({ paths: ['s3://raw/x/'], format: 'csv', separator }).writeToS3({ path: 's3://out/x/', format: 'json' }),
    }));

  test.each([
    ['single_quote', "id,name,note\n1,'Ann, Jr',\"x\"\n2,Bob,'y'\n"],
    ['disabled', "id,name,note\n1,\"Ann\",'x'\n2,Bob,y\n"],
  ] as const)('S3 CSV with quoteChar %s', (quoteChar, csv) =>
    expectParity({
      files: { 'raw/q/a.csv': csv },
      build: (p) => p.fromS3({ paths: ['s3://raw/q/'], format: 'csv', withHeader: true, quoteChar }).writeToS3({ path: 's3://out/q/', format: 'json' }),
    }));

  test('S3 sources read sub-folders unless recurse is false', () =>
    expectParity({
      files: { 'raw/r/a.json': '{"id":1}\n', 'raw/r/sub/b.json': '{"id":2}\n' },
      build: (p) => {
        p.fromS3({ paths: ['s3://raw/r/'], format: 'json' }).writeToS3({ path: 's3://out/all/', format: 'json' });
        p.fromS3({ paths: ['s3://raw/r/'], format: 'json', recurse: false }).writeToS3({ path: 's3://out/top/', format: 'json' });
      },
    }));

  test('S3 sources skip what their exclusion globs match, below the path or as a whole s3:// URI', () =>
    expectParity({
      files: { 'raw/x/a.json': '{"id":1}\n', 'raw/x/notes.txt': '{"id":2}\n', 'raw/x/old/b.json': '{"id":3}\n', 'raw/x/new/c.json': '{"id":4}\n', 'raw/x/new/d.json': '{"id":5}\n' },
      build: (p) => p.fromS3({ paths: ['s3://raw/x/'], format: 'json', exclusions: ['**.txt', 'old/**', 's3://raw/x/new/d.*'] }).writeToS3({ path: 's3://out/x/', format: 'json' }),
    }));

  test('bzip2 inputs (.bz2) are read decompressed, CSV and JSON', () =>
    expectParity({
      files: { 'raw/c/a.csv.bz2': bzip2(PEOPLE_CSV), 'raw/j/a.json.bz2': bzip2(PEOPLE_JSON) },
      build: (p) => {
        p.fromS3({ paths: ['s3://raw/c/'], format: 'csv', withHeader: true }).writeToS3({ path: 's3://out/c/', format: 'json' });
        p.fromS3({ paths: ['s3://raw/j/'], format: 'json' }).writeToS3({ path: 's3://out/j/', format: 'json' });
      },
    }));

  test('a gzip CSV read line by line (skipFirst), by its name and by compressionType', () =>
    expectParity({
      files: { 'raw/g/a.csv.gz': gzipSync('id,name\n0,skip\n1,Ann\n'), 'raw/h/part': gzipSync('id,name\n0,skip\n2,Bob\n') },
      build: (p) => {
        p.fromS3({ paths: ['s3://raw/g/'], format: 'csv', withHeader: true, skipFirst: true }).writeToS3({ path: 's3://out/g/', format: 'json' });
        p.fromS3({ paths: ['s3://raw/h/'], format: 'csv', withHeader: true, skipFirst: true, compressionType: 'gzip' }).writeToS3({ path: 's3://out/h/', format: 'json' });
      },
    }));

  test.each(['gzip', 'bzip2'] as const)('compressionType %s applies to every object, whatever its name', (compressionType) =>
    expectParity({
      files: { 'raw/c/part-0000': compressionType === 'gzip' ? gzipSync(PEOPLE_CSV) : bzip2(PEOPLE_CSV), 'raw/j/data': compressionType === 'gzip' ? gzipSync(PEOPLE_JSON) : bzip2(PEOPLE_JSON) },
      build: (p) => {
        p.fromS3({ paths: ['s3://raw/c/'], format: 'csv', withHeader: true, compressionType }).writeToS3({ path: 's3://out/c/', format: 'json' });
        p.fromS3({ paths: ['s3://raw/j/'], format: 'json', compressionType }).writeToS3({ path: 's3://out/j/', format: 'json' });
      },
    }));

  test.each([
    ['a quoted newline ends the record without multiLine (the rest is a record of its own)', 'name,note\n"ab\ncd",x\n"a,b",y\n"q""t"z,"open\n,""\nlast,"x"\r\n', {}],
    ['with multiLine a quoted value spans lines', 'id,name,note\n1,"ab\ncd",x\n2,"a,b",y\n', { multiLine: true }],
    ['with multiLine a row longer than the header, a blank line and a doubled quote (DuckDB refuses the file)', 'id,name\n1,Ann,extra\n2,"Bob\nby"\n\n3,""""\r\n', { multiLine: true }],
    ['with multiLine a quote never closed runs to the end of the file', 'id,name\n0,Zed\n1,"Ann\n2,Bob\n', { multiLine: true }],
    ['with multiLine and an escaper, a quoted value spans lines and escapes apply anywhere', 'id,name\n1,"a\\"b\nc"\n2,x\\,y\n3,t\\tz\n', { multiLine: true, escaper: '\\' }],
    ['with multiLine, skipFirst skips the first record (one spanning lines)', 'id,name\n0,"skip\nped"\n1,Ann\n', { multiLine: true, skipFirst: true }],
    ['with multiLine and skipFirst, a quote inside a field is text (it opens nothing)', 'a,b,c\n0,0,0\n1,x"y,2\n3,4,5\n', { multiLine: true, skipFirst: true }],
    ['with multiLine and an escaper, an escaped line break is part of the value, inside quotes and out', 'a,b\n"x\\\ny",z\n1,w\\\n', { multiLine: true, escaper: '\\' }],
    ['an escaper takes the next character as it is, and \\n as a newline', 'id,name\n1,a\\,b\n2,"x\\"y"\n3,tab\\there\n4,end\\\n', { escaper: '\\' }],
    ['an escaped \\n is a newline in the value (and a short row gets nulls)', 'id,name,note\n1,"a\\nb",x\n2,c\n', { escaper: '\\' }],
    ['skipFirst skips the first record after the header', 'id,name\n0,skipped\n1,Ann\n2,Bob\n', { skipFirst: true }],
    ['skipFirst without a header skips the first line', '0,skipped\n1,Ann\n', { skipFirst: true, withHeader: false }],
    ['quoting off, with an escaper', 'id|name\n1|"a"\\|b\n', { quoteChar: 'disabled', escaper: '\\', separator: 'pipe' }],
  ] as const)('S3 CSV: %s', (_name, text, options) =>
    expectParity({
      files: { 'raw/m/a.csv': text },
      build: (p) => p.fromS3({ paths: ['s3://raw/m/'], format: 'csv', withHeader: true, ...options }).writeToS3({ path: 's3://out/m/', format: 'json' }),
    }));

  test('an S3 JSON source with multiLine: a document spread over lines', () =>
    expectParity({
      files: { 'raw/ml/a.json': '{\n  "id": 1,\n  "name": "Ann",\n  "tags": ["a", "b"]\n}\n' },
      build: (p) => p.fromS3({ paths: ['s3://raw/ml/'], format: 'json', multiLine: true }).writeToS3({ path: 's3://out/ml/', format: 'json' }),
    }));

  test('an S3 JSON source', () =>
    expectParity({
      files: { 'raw/j/a.json': PEOPLE_JSON },
      build: (p) => p.fromS3({ paths: ['s3://raw/j/'], format: 'json' }).writeToS3({ path: 's3://out/pq/', format: 'parquet' }),
    }));

  test('JSON integers are int where they fit 32 bits, long where none does, a choice of the two where both occur, at any depth; date-like strings stay strings', () =>
    expectParity({
      files: {
        'raw/i/a.json':
          '{"small":1,"big":3000000000,"mixed":5,"s":{"n":7,"m":1},"xs":[1,2],"ys":[{"q":1}],"day":"2024-01-15","at":"2024-01-15 10:00:00"}\n' +
          '{"small":-2,"big":-3000000000,"mixed":1700000000000,"s":{"n":8,"m":9000000000},"xs":[5000000000],"ys":[{"q":2}],"day":"2024-01-16","at":"x"}\n',
      },
      build: (p) => {
        const src = p.fromS3({ paths: ['s3://raw/i/'], format: 'json' });
        src.writeToS3({ path: 's3://out/pq/', format: 'parquet' });
        src.writeToS3({ path: 's3://out/json/', format: 'json' });
      },
    }));

  test('a JSON field whose values have different types is a choice of them (the issue\'s price: int and string), resolvable', () =>
    expectParity({
      files: { 'raw/c/a.json': '{"id":1,"price":5}\n{"id":2,"price":"5.50"}\n{"id":3,"price":3000000000}\n{"id":4,"price":true}\n{"id":5,"price":null}\n{"id":6,"price":2.5}\n' },
      build: (p) => {
        const src = p.fromS3({ paths: ['s3://raw/c/'], format: 'json' });
        src.writeToS3({ path: 's3://out/json/', format: 'json' });
        src.writeToS3({ path: 's3://out/pq/', format: 'parquet' });
        src.resolveChoice({ specs: [['price', 'cast:double']] }).writeToS3({ path: 's3://out/cast/', format: 'json' });
        src.resolveChoice({ choice: 'make_struct' }).writeToS3({ path: 's3://out/struct/', format: 'parquet' });
      },
    }));

  test('a conflict inside a JSON struct is a choice there too', () =>
    expectParity({
      files: { 'raw/n/a.json': '{"id":1,"a":{"p":5,"q":"x"}}\n{"id":2,"a":{"p":"five","q":"y"}}\n{"id":3,"a":null}\n' },
      build: (p) => {
        const src = p.fromS3({ paths: ['s3://raw/n/'], format: 'json' });
        src.writeToS3({ path: 's3://out/json/', format: 'json' });
        src.writeToS3({ path: 's3://out/pq/', format: 'parquet' });
      },
    }));

  test('an S3 Parquet source', async () =>
    expectParity({
      files: { 'raw/p/a.parquet': await parquetFile("SELECT * FROM (VALUES (1, 'Ann', 10.5, DATE '2024-01-15'), (2, 'Bob', NULL, DATE '2023-12-31')) t(id, name, score, day)") },
      build: (p) => p.fromS3({ paths: ['s3://raw/p/'], format: 'parquet' }).writeToS3({ path: 's3://out/j/', format: 'json' }),
    }));

  test('a catalog Parquet table', async () =>
    expectParity({
      files: { 'raw/pt/a.parquet': await parquetFile("SELECT * FROM (VALUES (1, 'Ann', 10.5), (2, 'Bob', 3.25)) t(id, name, score)") },
      tables: [
        {
          input: {
            Name: 'pt',
            Parameters: { classification: 'parquet' },
            StorageDescriptor: { Location: 's3://raw/pt/', Columns: [{ Name: 'id', Type: 'int' }, { Name: 'name', Type: 'string' }, { Name: 'score', Type: 'double' }] },
          },
        },
      ],
      build: (p) => p.fromCatalog({ database: 'db', table: 'pt' }).writeToS3({ path: 's3://out/pt/', format: 'csv' }),
    }));

  test('a catalog CSV table, partitioned, pruned by a push-down predicate', () =>
    expectParity({
      files: { 'raw/t/year=2019/a.csv': 'id,name\n1,Ann\n', 'raw/t/year=2020/a.csv': 'id,name\n2,Bob\n', 'raw/t/year=2021/a.csv': 'id,name\n3,Cid\n' },
      tables: [
        {
          input: {
            Name: 't',
            PartitionKeys: [{ Name: 'year', Type: 'string' }],
            Parameters: { classification: 'csv', delimiter: ',', 'skip.header.line.count': '1' },
            StorageDescriptor: {
              Location: 's3://raw/t/',
              Columns: [{ Name: 'id', Type: 'bigint' }, { Name: 'name', Type: 'string' }],
              SerdeInfo: { SerializationLibrary: 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe', Parameters: { 'field.delim': ',' } },
            },
          },
          partitions: ['2019', '2020', '2021'].map((y) => ({ Values: [y], StorageDescriptor: { Location: `s3://raw/t/year=${y}/` } })),
        },
      ],
      build: (p) => {
        p.fromCatalog({ database: 'db', table: 't' }).writeToS3({ path: 's3://out/all/', format: 'json' });
        p.fromCatalog({ database: 'db', table: 't', pushDownPredicate: "year >= '2020' and not (year = '2021')" }).writeToS3({ path: 's3://out/some/', format: 'json' });
      },
    }));

  test('a catalog CSV table whose bigint and double columns hold text: choices of the type and string, in every sink format', () =>
    expectParity({
      files: { 'raw/m/a.csv': 'drg,provider id,charges\nA,10001,12.5\nB,ABC1,n/a\nC,,7\nD,12.0,1e3\n', 'raw/m/b.csv': 'drg,provider id,charges\nE,10005,\n' },
      tables: [
        {
          input: {
            Name: 'm',
            Parameters: { classification: 'csv', delimiter: ',', 'skip.header.line.count': '1' },
            StorageDescriptor: {
              Location: 's3://raw/m/',
              Columns: [
                { Name: 'drg', Type: 'string' },
                { Name: 'provider id', Type: 'bigint' },
                { Name: 'charges', Type: 'double' },
              ],
            },
          },
        },
      ],
      build: (p) => {
        const src = p.fromCatalog({ database: 'db', table: 'm' });
        src.writeToS3({ path: 's3://out/json/', format: 'json' });
        src.writeToS3({ path: 's3://out/csv/', format: 'csv' });
        src.writeToS3({ path: 's3://out/pq/', format: 'parquet' });
      },
    }));

  test("Glue Studio's S3CatalogSource node reads a catalog table as from_catalog, with its push-down predicate", () =>
    expectParity({
      files: { 'raw/p/year=2023/a.json': PEOPLE_JSON, 'raw/p/year=2024/a.json': '{"id":9,"name":"Zed","score":1.0}\n' },
      tables: [
        {
          input: {
            Name: 'p',
            PartitionKeys: [{ Name: 'year', Type: 'string' }],
            Parameters: { classification: 'json' },
            StorageDescriptor: { Location: 's3://raw/p/', Columns: [{ Name: 'id', Type: 'bigint' }, { Name: 'name', Type: 'string' }] },
          },
          partitions: ['2023', '2024'].map((year) => ({ Values: [year], StorageDescriptor: { Location: `s3://raw/p/year=${year}/` } })),
        },
      ],
      build: (p) =>
        p
          .add('studio_source', { S3CatalogSource: { Name: 'Amazon S3', Database: 'db', Table: 'p', PartitionPredicate: "year = '2024'" } })
          .writeToS3({ path: 's3://out/p/', format: 'json' }),
    }));

  test('a catalog JSON table', () =>
    expectParity({
      files: { 'raw/j/a.json': PEOPLE_JSON },
      tables: [
        {
          input: {
            Name: 'j',
            Parameters: { classification: 'json' },
            StorageDescriptor: { Location: 's3://raw/j/', Columns: [{ Name: 'id', Type: 'bigint' }, { Name: 'name', Type: 'string' }, { Name: 'score', Type: 'double' }] },
          },
        },
      ],
      build: (p) => p.fromCatalog({ database: 'db', table: 'j' }).writeToS3({ path: 's3://out/j/', format: 'json' }),
    }));
});

describe('transforms', () => {
  test('renameField, selectFields and dropFields', () =>
    expectParity({
      files: { 'raw/j/a.json': PEOPLE_JSON },
      build: (p) =>
        p
          .fromS3({ paths: ['s3://raw/j/'], format: 'json' })
          .renameField('name', 'given_name')
          .dropFields(['tags'])
          .selectFields(['id', 'given_name', 'city'])
          .writeToS3({ path: 's3://out/f/', format: 'json' }),
    }));

  test('applyMapping keeps only mapped fields, renamed and cast to each type the builder offers', () =>
    expectParity({
      files: { 'raw/m/a.json': '{"i":"12","n":5,"d":"2.5","b":"true","day":"2024-01-15","t":"2024-01-15 10:30:00","s":42}\n{"i":"-7","n":-1,"d":"-0.5","b":"false","day":"2023-12-31","t":"2023-12-31 23:59:59","s":0}\n' },
      build: (p) =>
        p
          .fromS3({ paths: ['s3://raw/m/'], format: 'json' })
          .applyMapping([
            { from: 'i', fromType: 'string', to: 'as_long', toType: 'long' },
            { from: 'i', fromType: 'string', to: 'as_bigint', toType: 'bigint' },
            { from: 'i', fromType: 'string', to: 'as_int', toType: 'int' },
            { from: 'i', fromType: 'string', to: 'as_short', toType: 'short' },
            { from: 'i', fromType: 'string', to: 'as_smallint', toType: 'smallint' },
            { from: 'i', fromType: 'string', to: 'as_byte', toType: 'byte' },
            { from: 'i', fromType: 'string', to: 'as_tinyint', toType: 'tinyint' },
            { from: 'n', fromType: 'long', to: 'n_double', toType: 'double' },
            { from: 'd', fromType: 'string', to: 'as_double', toType: 'double' },
            { from: 'd', fromType: 'string', to: 'as_float', toType: 'float' },
            { from: 'b', fromType: 'string', to: 'as_boolean', toType: 'boolean' },
            { from: 'day', fromType: 'string', to: 'as_date', toType: 'date' },
            { from: 't', fromType: 'string', to: 'as_timestamp', toType: 'timestamp' },
            { from: 's', fromType: 'long', to: 'as_string', toType: 'string' },
            { from: 'missing', fromType: 'string', to: 'gone', toType: 'string' },
          ])
          .writeToS3({ path: 's3://out/m/', format: 'parquet' }),
    }));

  test('applyMapping casts messy strings and fractions as Spark does', () =>
    expectParity({
      files: { 'raw/m/a.json': ['{"s":"12.50","d":2.7,"b":"Yes"}', '{"s":"-2.7","d":-2.7,"b":" n "}', '{"s":" 7 ","d":3.5,"b":"maybe"}', '{"s":".5","d":0.2,"b":"1"}', '{"s":"abc","d":-0.9,"b":"F"}', '{"s":"1e3","d":9.99,"b":"t"}'].join('\n') + '\n' },
      build: (p) =>
        p
          .fromS3({ paths: ['s3://raw/m/'], format: 'json' })
          .applyMapping([
            { from: 's', fromType: 'string', to: 's_long', toType: 'long' },
            { from: 's', fromType: 'string', to: 's_int', toType: 'int' },
            { from: 'd', fromType: 'double', to: 'd_long', toType: 'long' },
            { from: 'd', fromType: 'double', to: 'd_short', toType: 'short' },
            { from: 'b', fromType: 'string', to: 'b', toType: 'boolean' },
          ])
          .writeToS3({ path: 's3://out/m/', format: 'parquet' }),
    }));

  test('applyMapping to decimal (awsglue DecimalType(10,2)) and to binary (a string as its UTF-8 bytes)', () =>
    expectParity({
      files: { 'raw/m/a.json': '{"amount":"12.5","n":7,"s":"h\u00e9"}\n{"amount":"-3.456","n":-1,"s":"x"}\n' },
      build: (p) => {
        const mapped = p.fromS3({ paths: ['s3://raw/m/'], format: 'json' }).applyMapping([
          { from: 'amount', fromType: 'string', to: 'amount', toType: 'decimal' },
          { from: 'n', fromType: 'long', to: 'n_decimal', toType: 'decimal' },
          { from: 's', fromType: 'string', to: 'bytes', toType: 'binary' },
        ]);
        mapped.writeToS3({ path: 's3://out/pq/', format: 'parquet' });
        mapped.writeToS3({ path: 's3://out/json/', format: 'json' });
      },
    }));

  test('join (equijoin) on one key named alike on both sides, and on two keys named differently', () =>
    expectParity({
      files: {
        'raw/c/a.json': '{"id":1,"name":"Ann","zip":"75001"}\n{"id":2,"name":"Bob","zip":"0150"}\n{"id":3,"name":"Cid","zip":null}\n',
        'raw/o/a.json': '{"order":10,"zip":"75001","customer":1}\n{"order":11,"zip":"75001","customer":1}\n{"order":12,"zip":null,"customer":3}\n{"order":13,"zip":"99999","customer":9}\n',
      },
      build: (p) => {
        const customers = p.fromS3({ paths: ['s3://raw/c/'], format: 'json' });
        const orders = p.fromS3({ paths: ['s3://raw/o/'], format: 'json' });
        customers.join(orders, ['zip']).writeToS3({ path: 's3://out/byzip/', format: 'json' });
        customers.join(orders, ['id', 'zip'], ['customer', 'zip']).writeToS3({ path: 's3://out/bytwo/', format: 'json' });
      },
    }));

  test.each(['left', 'right', 'outer', 'leftsemi', 'leftanti'] as const)('%s join (a DataFrame join) on two keys, the second frame renamed apart; null keys match nothing', (type) =>
    expectParity({
      files: {
        'raw/o/a.json': '{"order":1,"cust":10,"site":"a","amount":5}\n{"order":2,"cust":20,"site":"a","amount":7}\n{"order":3,"cust":null,"site":"b","amount":1}\n{"order":4,"cust":10,"site":"b","amount":2}\n',
        'raw/c/a.json': '{"c_id":10,"c_site":"a","c_name":"Ann"}\n{"c_id":30,"c_site":"a","c_name":"Cid"}\n{"c_id":10,"c_site":"b","c_name":"Ann B"}\n',
      },
      build: (p) =>
        p
          .fromS3({ paths: ['s3://raw/o/'], format: 'json' })
          .join(p.fromS3({ paths: ['s3://raw/c/'], format: 'json' }), ['cust', 'site'], ['c_id', 'c_site'], { type })
          .writeToS3({ path: 's3://out/j/', format: 'json' }),
    }));

  test('merge: every staging record, and the source records whose keys no staging record has (null keys match nothing)', () =>
    expectParity({
      files: {
        'raw/src/a.json': '{"id":1,"v":"old1"}\n{"id":2,"v":"old2"}\n{"id":2,"v":"old2b"}\n{"id":null,"v":"nokey"}\n{"id":4,"v":"old4","extra":true}\n',
        'raw/stg/a.json': '{"id":2,"v":"new2"}\n{"id":3,"v":"new3"}\n{"id":null,"v":"stagednull"}\n',
      },
      build: (p) => {
        const source = p.fromS3({ paths: ['s3://raw/src/'], format: 'json' });
        const staging = p.fromS3({ paths: ['s3://raw/stg/'], format: 'json' });
        source.merge(staging, ['id']).writeToS3({ path: 's3://out/m/', format: 'json' });
      },
    }));

  test.each(['json', 'parquet'] as const)('union distinct keeps one of each distinct record, fields matched by name; to %s', (format) =>
    expectParity({
      files: {
        'raw/a/a.json': '{"id":1,"name":"Ann"}\n{"id":2,"name":"Bob"}\n{"id":1,"name":"Ann"}\n',
        'raw/b/b.json': '{"name":"Bob","id":2}\n{"id":3,"name":"Cid","extra":true}\n',
      },
      build: (p) =>
        p.fromS3({ paths: ['s3://raw/a/'], format: 'json' }).union(p.fromS3({ paths: ['s3://raw/b/'], format: 'json' }), { distinct: true }).writeToS3({ path: 's3://out/u/', format }),
    }));

  test('union keeps every record of both frames, each with its own fields', () =>
    expectParity({
      files: { 'raw/a/a.json': '{"id":1,"name":"Ann"}\n{"id":2,"name":"Bob"}\n', 'raw/b/b.json': '{"id":2,"name":"Bob"}\n{"id":3,"city":"Rome"}\n' },
      build: (p) => {
        const a = p.fromS3({ paths: ['s3://raw/a/'], format: 'json' });
        const b = p.fromS3({ paths: ['s3://raw/b/'], format: 'json' });
        a.union(b).writeToS3({ path: 's3://out/u/', format: 'json' });
      },
    }));

  test('dropNullFields drops the fields null or missing in every record, not those with an empty string', () =>
    expectParity({
      files: { 'raw/n/a.json': '{"id":1,"gone":null,"empty":"","some":null}\n{"id":2,"empty":"","some":3}\n' },
      build: (p) => p.fromS3({ paths: ['s3://raw/n/'], format: 'json' }).dropNullFields().writeToS3({ path: 's3://out/n/', format: 'json' }),
    }));

  test('dropNullFields looks into structs and arrays of structs: a struct or an array left without fields goes too', () =>
    expectParity({
      files: {
        'raw/n/a.json':
          '{"id":1,"a":{"b":null,"c":1,"d":{"e":null}},"items":[{"sku":"x","gone":null}],"empty":[{"z":null}],"s":""}\n' +
          '{"id":2,"a":{"b":null,"c":null,"d":{"e":null}},"items":[{"sku":null,"gone":null}],"empty":[],"s":null}\n',
      },
      build: (p) => {
        const dropped = p.fromS3({ paths: ['s3://raw/n/'], format: 'json' }).dropNullFields();
        dropped.writeToS3({ path: 's3://out/json/', format: 'json' });
        dropped.writeToS3({ path: 's3://out/pq/', format: 'parquet' });
      },
    }));

  test('selectFields and dropFields of several paths, one not in the frame', () =>
    expectParity({
      files: { 'raw/j/a.json': PEOPLE_JSON },
      build: (p) => {
        const src = p.fromS3({ paths: ['s3://raw/j/'], format: 'json' });
        src.selectFields(['name', 'id', 'nope']).writeToS3({ path: 's3://out/sel/', format: 'json' });
        src.dropFields(['score', 'tags', 'nope']).writeToS3({ path: 's3://out/drop/', format: 'json' });
      },
    }));

  test('applyMapping from nested paths (matched ignoring case), to top-level and to dotted targets that build structs', () =>
    expectParity({
      files: { 'raw/n/a.json': NESTED_JSON },
      build: (p) => {
        const mapped = p.fromS3({ paths: ['s3://raw/n/'], format: 'json' }).applyMapping([
          { from: 'id', fromType: 'long', to: 'id', toType: 'long' },
          { from: 'address.state', fromType: 'string', to: 'state', toType: 'string' },
          { from: 'Address.ZIP', fromType: 'string', to: 'zip', toType: 'int' },
          { from: 'name', fromType: 'string', to: 'person.name', toType: 'string' },
          { from: 'address.city', fromType: 'string', to: 'person.home.city', toType: 'string' },
          { from: 'address.geo.lat', fromType: 'double', to: 'person.lat', toType: 'string' },
          { from: 'address.nope', fromType: 'string', to: 'person.gone', toType: 'string' },
          { from: 'items.price', fromType: 'double', to: 'under_array', toType: 'double' },
        ]);
        mapped.writeToS3({ path: 's3://out/pq/', format: 'parquet' });
        mapped.writeToS3({ path: 's3://out/json/', format: 'json' });
      },
    }));

  test.each<[string, ResolveChoiceOptions]>([
    ['specs into arrays (tags[] cast, items[].n cast)', { specs: [['tags[]', 'cast:string'], ['items[].n', 'cast:long']] }],
    ['specs: make_cols inside the structs of an array', { specs: [['items[].n', 'make_cols']] }],
    ['one choice for all, inside arrays too (make_struct)', { choice: 'make_struct' }],
    ['one choice for all, inside arrays too (project:int)', { choice: 'project:int' }],
  ])('resolveChoice %s', (_title, options) =>
    expectParity({
      files: { 'raw/r/a.json': '{"id":1,"tags":[1,"x"],"items":[{"n":1,"k":"a"},{"n":"two","k":"b"}]}\n{"id":2,"tags":[2.5],"items":[]}\n{"id":3}\n' },
      build: (p) => p.fromS3({ paths: ['s3://raw/r/'], format: 'json' }).resolveChoice(options).writeToS3({ path: 's3://out/r/', format: 'json' }),
    }));

  test.each([
    ['specs: cast and project', (f: Frame) => f.resolveChoice({ specs: [['provider id', 'cast:long'], ['charges', 'project:double'], ['drg', 'cast:int']] })],
    ['choice make_cols', (f: Frame) => f.resolveChoice({ choice: 'make_cols' })],
    ['choice make_struct', (f: Frame) => f.resolveChoice({ choice: 'make_struct' })],
    ['choice cast:string', (f: Frame) => f.resolveChoice({ choice: 'cast:string' })],
    ['choice project:string', (f: Frame) => f.resolveChoice({ choice: 'project:string' })],
    ['choice match_catalog', (f: Frame) => f.resolveChoice({ choice: 'match_catalog', database: 'db', table: 'target' })],
  ] as const)('resolveChoice, %s', (_name, resolve) =>
    expectParity({
      files: { 'raw/m/a.csv': 'drg,provider id,charges\nA,10001,12.5\nB,ABC1,n/a\nC,,7\n7,12.0,1e3\n' },
      tables: [
        {
          input: {
            Name: 'm',
            Parameters: { classification: 'csv', delimiter: ',', 'skip.header.line.count': '1' },
            StorageDescriptor: {
              Location: 's3://raw/m/',
              Columns: [
                { Name: 'drg', Type: 'string' },
                { Name: 'provider id', Type: 'bigint' },
                { Name: 'charges', Type: 'double' },
              ],
            },
          },
        },
        {
          input: {
            Name: 'target',
            Parameters: { classification: 'parquet' },
            StorageDescriptor: { Location: 's3://out/target/', Columns: [{ Name: 'provider id', Type: 'int' }, { Name: 'charges', Type: 'string' }] },
          },
        },
      ],
      build: (p) => {
        const resolved = resolve(p.fromCatalog({ database: 'db', table: 'm' }));
        resolved.writeToS3({ path: 's3://out/json/', format: 'json' });
        resolved.writeToS3({ path: 's3://out/pq/', format: 'parquet' });
      },
    }));

  test.each([
    ['a number comparison (the strings raise)', col('provider id').gt(10002)],
    ['equality with a string', col('provider id').eq('ABC1')],
    ['a regex over every value', col('provider id').matches('1')],
    ['a null test', col('provider id').isNull()],
  ] as const)('filter on a choice column: %s', (_name, where) =>
    expectParity({
      files: { 'raw/m/a.csv': 'drg,provider id\nA,10001\nB,ABC1\nC,\nD,10005\n' },
      tables: [
        {
          input: {
            Name: 'm',
            Parameters: { classification: 'csv', delimiter: ',', 'skip.header.line.count': '1' },
            StorageDescriptor: { Location: 's3://raw/m/', Columns: [{ Name: 'drg', Type: 'string' }, { Name: 'provider id', Type: 'bigint' }] },
          },
        },
      ],
      build: (p) => {
        const src = p.fromCatalog({ database: 'db', table: 'm' });
        src.filter(where).selectFields(['drg']).writeToS3({ path: 's3://out/kept/', format: 'json' });
        src.selectFields(['drg']).writeToS3({ path: 's3://out/all/', format: 'json' });
      },
    }));

  test('backticks quote a dot in a name, at the top level and inside a struct', () =>
    expectParity({
      files: { 'raw/q/a.json': '{"id":1,"a.b":"x","s":{"c.d":2,"e":3}}\n{"id":2,"a.b":"y","s":{"c.d":4,"e":5}}\n' },
      build: (p) => {
        const src = p.fromS3({ paths: ['s3://raw/q/'], format: 'json' });
        src
          .applyMapping([
            { from: '`a.b`', fromType: 'string', to: 'ab', toType: 'string' },
            { from: 's.`c.d`', fromType: 'long', to: 'cd', toType: 'long' },
            { from: 'id', fromType: 'long', to: '`x.y`', toType: 'long' },
          ])
          .writeToS3({ path: 's3://out/m/', format: 'json' });
        src.selectFields(['`a.b`', 's.`c.d`']).writeToS3({ path: 's3://out/s/', format: 'json' });
        src.dropFields(['s.`c.d`']).renameField('`a.b`', 'ab').writeToS3({ path: 's3://out/d/', format: 'json' });
      },
    }));

  test('renameField on nested paths: in place, into another struct, out to the top level, and a path not in the frame', () =>
    expectParity({
      files: { 'raw/n/a.json': NESTED_JSON },
      build: (p) => {
        const src = p.fromS3({ paths: ['s3://raw/n/'], format: 'json' });
        src.renameField('address.state', 'address.region').writeToS3({ path: 's3://out/inplace/', format: 'json' });
        src.renameField('address.zip', 'postal.code').writeToS3({ path: 's3://out/moved/', format: 'parquet' });
        src.renameField('address.city', 'city').writeToS3({ path: 's3://out/up/', format: 'json' });
        src.renameField('address.nope', 'x').writeToS3({ path: 's3://out/none/', format: 'json' });
      },
    }));

  test('selectFields and dropFields on nested paths, inside arrays of structs, and a struct losing its last field', () =>
    expectParity({
      files: { 'raw/n/a.json': NESTED_JSON },
      build: (p) => {
        const src = p.fromS3({ paths: ['s3://raw/n/'], format: 'json' });
        src.selectFields(['id', 'address.state', 'address.geo.lat', 'address.nope']).writeToS3({ path: 's3://out/sel/', format: 'json' });
        src.dropFields(['address.zip', 'address.geo.lat', 'address.geo.lon', 'items.price', 'name.nope']).writeToS3({ path: 's3://out/drop/', format: 'json' });
        src.dropFields(['address.zip', 'items.sku']).writeToS3({ path: 's3://out/droppq/', format: 'parquet' });
      },
    }));

  test.each([
    ['a nested field', col('address.state').eq('CA')],
    ['a nested field in an or, its struct null in one record', or(col('address.state').eq('NY'), col('id').eq(3))],
    ['two levels down', col('address.geo.lat').gt(40)],
    ['a nested field that does not exist', col('address.nope').isNull()],
    ['a path through an array', col('items.price').isNull()],
  ] as const)('filter on %s', (_name, where) =>
    expectParity({
      files: { 'raw/n/a.json': NESTED_JSON },
      build: (p) => {
        const source = p.fromS3({ paths: ['s3://raw/n/'], format: 'json' });
        source.filter(where).selectFields(['id']).writeToS3({ path: 's3://out/kept/', format: 'json' });
        source.selectFields(['id']).writeToS3({ path: 's3://out/all/', format: 'json' });
      },
    }));

  test('join on a nested key', () =>
    expectParity({
      files: {
        'raw/n/a.json': NESTED_JSON,
        'raw/z/a.json': '{"zone":"west","zip":"94105"}\n{"zone":"east","zip":"10001"}\n',
      },
      build: (p) => {
        const people = p.fromS3({ paths: ['s3://raw/n/'], format: 'json' });
        const zones = p.fromS3({ paths: ['s3://raw/z/'], format: 'json' });
        people.join(zones, ['address.zip'], ['zip']).selectFields(['id', 'zone']).writeToS3({ path: 's3://out/j/', format: 'json' });
      },
    }));

  test.each([
    ['eq', col('city').eq('Oslo')],
    ['a boolean constant', col('active').eq(true)],
    ['ne', col('city').ne('Oslo')],
    ['lt', col('score').lt(7.5)],
    ['lte', col('score').lte(7.5)],
    ['gt', col('id').gt(1)],
    ['gte', col('id').gte(2)],
    ['matches', col('name').matches('[AB]')],
    ['isNull', col('city').isNull()],
    ['isNotNull', col('tags').isNotNull()],
    ['not', col('id').eq(2).not()],
    ['and', and(col('id').gt(1), col('score').lt(7))],
    ['or', or(col('city').eq('Paris'), col('tags').eq('c'))],
    ['column against column', col('score').gt(col('id'))],
    ['a missing field', col('nope').isNull().not()],
    ['a comparison that raises inside an or', or(col('score').gt(4), col('id').eq(2), col('city').eq('Rome'))],
    ['an and that stops before a raising comparison', and(col('tags').isNotNull(), col('city').gt('A'))],
    ['a number against a string column', col('name').lt(3)],
  ] as const)('filter: %s', (_name, where) =>
    expectParity({
      files: { 'raw/j/a.json': PEOPLE_JSON },
      build: (p) => {
        const source = p.fromS3({ paths: ['s3://raw/j/'], format: 'json' });
        source.filter(where).selectFields(['id']).writeToS3({ path: 's3://out/kept/', format: 'json' });
        // Every record, so a filter that keeps none is compared against something (neither side writes a file for it).
        source.selectFields(['id']).writeToS3({ path: 's3://out/all/', format: 'json' });
      },
    }));
});

describe('relationalize', () => {
  const PEOPLE = REFERENCE_PEOPLE_JSON;

  test.each(['json', 'parquet'] as const)('the reference person records: the root frame and people_friends, to %s', (format) =>
    expectParity({
      files: { 'raw/people/a.json': `${PEOPLE}\n` },
      build: (p) => {
        const frames = p.fromS3({ paths: ['s3://raw/people/'], format: 'json' }).relationalize('people', { stagingPath: 's3://tmp/staging/' });
        frames.select('people').writeToS3({ path: 's3://out/people/', format });
        frames.select('people_friends').writeToS3({ path: 's3://out/friends/', format });
      },
    }));

  test('arrays of values, arrays inside array elements, a struct inside elements, and a name not in the collection', () =>
    expectParity({
      files: {
        'raw/orders/a.json':
          '{"order":1,"lines":[{"sku":"a","tags":["x","y"],"size":{"w":2,"h":3}},{"sku":"b","tags":[]}],"notes":["rush"]}\n' +
          '{"order":2,"lines":[{"sku":"c","tags":["z"],"size":{"w":1,"h":1}}],"notes":null}\n{"order":3}\n',
      },
      build: (p) => {
        const frames = p.fromS3({ paths: ['s3://raw/orders/'], format: 'json' }).relationalize('o', { stagingPath: 's3://tmp/staging/' });
        for (const key of ['o', 'o_lines', 'o_notes', 'o_lines.val.tags', 'o_nothing']) frames.select(key).writeToS3({ path: `s3://out/${key}/`, format: 'json' });
      },
    }));

  test('after relationalize, a flattened name is reached with backticks', () =>
    expectParity({
      files: { 'raw/people/a.json': `${PEOPLE}\n` },
      build: (p) =>
        p
          .fromS3({ paths: ['s3://raw/people/'], format: 'json' })
          .relationalize('people', { stagingPath: 's3://tmp/staging/' })
          .select('people')
          .applyMapping([
            { from: 'name', fromType: 'string', to: 'name', toType: 'string' },
            { from: '`location.state`', fromType: 'string', to: 'state', toType: 'string' },
            { from: 'friends', fromType: 'long', to: 'friends_key', toType: 'long' },
          ])
          .writeToS3({ path: 's3://out/flat/', format: 'json' }),
    }));
});

describe('unnest', () => {
  test.each(['json', 'parquet'] as const)('structs at any depth become dotted top-level fields; arrays stay; to %s', (format) =>
    expectParity({
      files: { 'raw/j/a.json': NESTED_JSON },
      build: (p) => p.fromS3({ paths: ['s3://raw/j/'], format: 'json' }).unnest().writeToS3({ path: 's3://out/flat/', format }),
    }));
});

describe('fillMissingValues (gluekit stand-in estimates: Glue predicts them with a model)', () => {
  test.each(['json', 'parquet'] as const)('values present copied; missing ones the mean (numbers, cast back) or the most frequent value; an output column replaced in place; to %s', (format) =>
    expectParity({
      files: {
        'raw/f/a.json':
          '{"id":1,"n":5,"s":"a","t":"y","d":1.5,"out":"old"}\n{"id":2,"n":null,"s":"","t":null,"d":null,"out":"old"}\n' +
          '{"id":3,"n":2,"s":"b","t":"x","d":2.5}\n{"id":4,"s":null}\n{"id":5,"n":4,"s":"b","t":"","d":2.0}\n',
      },
      build: (p) =>
        p
          .fromS3({ paths: ['s3://raw/f/'], format: 'json' })
          .fillMissingValues('n')
          .fillMissingValues('s', { outputColumn: 'out' })
          .fillMissingValues('T')
          .fillMissingValues('d')
          .writeToS3({ path: 's3://out/filled/', format }),
    }));

  test('a decimal column (its mean made a decimal from its printed digits, half up), after applyMapping of doubles to decimals; to parquet', () =>
    expectParity({
      files: { 'raw/f/a.json': '{"id":1,"n":1.25,"m":1.255}\n{"id":2,"n":1.26,"m":-1.255}\n{"id":3,"m":2.5}\n' },
      build: (p) =>
        p
          .fromS3({ paths: ['s3://raw/f/'], format: 'json' })
          .applyMapping([
            { from: 'id', fromType: 'int', to: 'id', toType: 'int' },
            { from: 'n', fromType: 'double', to: 'n', toType: 'decimal(10,2)' },
            { from: 'm', fromType: 'double', to: 'm', toType: 'decimal(10,2)' },
          ])
          .fillMissingValues('n')
          .writeToS3({ path: 's3://out/filled/', format: 'parquet' }),
    }));

  test('its totalThreshold fails the run on the error records that reached it, in the engine and in the script alike', async () => {
    const files = { 'raw/f/a.json': '{"id":1,"n":5}\nnot json\n{"id":2}\n{also not\n' };
    const build = (p: Pipeline): void => p.fromS3({ paths: ['s3://raw/f/'], format: 'json' }).fillMissingValues('n', { totalThreshold: 1, transformationCtx: 'fill' }).writeToS3({ path: 's3://out/filled/', format: 'json' });
    await expect(expectParity({ files, build })).rejects.toThrow("the engine's run FAILED: node 'fill' (FillMissingValues): 2 error records");
    const s3Root = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-parity-fill-'));
    try {
      fs.mkdirSync(path.join(s3Root, 'raw', 'f'), { recursive: true });
      fs.writeFileSync(path.join(s3Root, 'raw', 'f', 'a.json'), files['raw/f/a.json']);
      const p = new Pipeline();
      build(p);
      expect(() => runWithStandins(generatePySparkScript(p.graph), { s3Root, catalog: { tables: [] } })).toThrow(/ErrorThresholdExceeded: 2 error records, more than totalThreshold 1/);
    } finally {
      fs.rmSync(s3Root, { recursive: true, force: true });
    }
  });
});

describe('splitFields', () => {
  test('the fields at the paths (nested ones as selectFields keeps them) and the others, picked by position and by name', () =>
    expectParity({
      files: { 'raw/j/a.json': NESTED_JSON },
      build: (p) => {
        const split = p.fromS3({ paths: ['s3://raw/j/'], format: 'json' }).splitFields(['id', 'address.city', 'nope'], { transformationCtx: 'split' });
        split.at(0).writeToS3({ path: 's3://out/selected/', format: 'json' });
        split.at(1).writeToS3({ path: 's3://out/rest/', format: 'parquet' });
        split.select('split_1').selectFields(['name']).writeToS3({ path: 's3://out/by-name/', format: 'json' });
      },
    }));

  test('splitRows: the records for which every comparison holds, and the others (missing and null values included)', () =>
    expectParity({
      files: { 'raw/j/a.json': NESTED_JSON + '{"id":5,"name":"Eve"}\n{"id":6,"name":null,"address":{"city":"SF","state":"CA"}}\n' },
      build: (p) => {
        const split = p.fromS3({ paths: ['s3://raw/j/'], format: 'json' }).splitRows([['id', '>=', 2], ['id', '<', 6], ['address.state', '=', 'CA'], ['name', '!=', 'Zed']], { transformationCtx: 'rows' });
        split.at(0).writeToS3({ path: 's3://out/match/', format: 'json' });
        split.at(1).writeToS3({ path: 's3://out/rest/', format: 'json' });
      },
    }));

  test('SelectFromCollection by position on a relationalized collection: the root first', () =>
    expectParity({
      files: { 'raw/j/a.json': NESTED_JSON },
      build: (p) => p.fromS3({ paths: ['s3://raw/j/'], format: 'json' }).relationalize('r', { stagingPath: 's3://tmp/s/' }).at(0).writeToS3({ path: 's3://out/root/', format: 'json' }),
    }));
});

describe('repartition and coalesce', () => {
  test('keep every record as it is', () =>
    expectParity({
      files: { 'raw/j/a.json': NESTED_JSON },
      build: (p) => p.fromS3({ paths: ['s3://raw/j/'], format: 'json' }).repartition(8).coalesce(1).writeToS3({ path: 's3://out/all/', format: 'json' }),
    }));
});

describe('dropDuplicates and aggregate', () => {
  const SALES = [
    '{"id":1,"region":"EU","who":{"city":"Oslo"},"amount":1,"price":2.5,"qty":"3","note":"a"}',
    '{"id":2,"region":"EU","who":{"city":"Oslo"},"amount":2,"price":0.5,"qty":"x","note":null}',
    '{"id":3,"region":"EU","who":{"city":"Rome"},"amount":3,"price":1.25,"qty":"4.5"}',
    '{"id":4,"region":"EU","who":{"city":"Rome"},"amount":4,"price":2.5,"qty":null,"note":"c"}',
    '{"id":5,"region":"EU","who":{"city":"Rome"},"amount":10,"price":3.0,"qty":"1","note":"b"}',
    '{"id":6,"region":"US","who":{"city":"Austin"},"amount":7,"price":1.0,"qty":"2","note":"z"}',
    '{"id":7,"region":"US","who":{"city":"Austin"},"amount":7,"price":1.0,"qty":"2","note":"y"}',
    '{"id":8,"region":"APAC","who":{"city":"Pune"},"amount":null,"price":null,"qty":null}',
  ].join('\n');

  test.each(['json', 'parquet'] as const)('dropDuplicates by columns keeps the first record of each, without columns whole records; to %s', (format) =>
    expectParity({
      files: { 'raw/s/a.json': `${SALES}\n{"id":1,"region":"EU","who":{"city":"Oslo"},"amount":1,"price":2.5,"qty":"3","note":"a"}\n` },
      build: (p) => {
        const sales = p.fromS3({ paths: ['s3://raw/s/'], format: 'json' });
        sales.dropDuplicates(['REGION', 'amount']).writeToS3({ path: 's3://out/by-columns/', format });
        sales.dropDuplicates().writeToS3({ path: 's3://out/whole/', format });
      },
    }));

  test.each(['json', 'parquet'] as const)('aggregate with every function, grouped by a field and by a nested one, and without groups; to %s', (format) =>
    expectParity({
      files: { 'raw/s/a.json': `${SALES}\n` },
      build: (p) => {
        const sales = p.fromS3({ paths: ['s3://raw/s/'], format: 'json' });
        const all = ['avg', 'count', 'countDistinct', 'first', 'kurtosis', 'last', 'max', 'min', 'skewness', 'stddev_pop', 'stddev_samp', 'sum', 'sumDistinct', 'var_pop', 'var_samp'] as const;
        sales.aggregate({ groupBy: ['region'], aggregations: all.map((f) => ['amount', f] as [string, (typeof all)[number]]) }).writeToS3({ path: 's3://out/region/', format });
        sales
          .aggregate({ groupBy: ['who.city'], aggregations: [['price', 'sum'], ['price', 'avg'], ['qty', 'sum'], ['qty', 'avg'], ['note', 'min'], ['note', 'max'], ['note', 'count']] })
          .writeToS3({ path: 's3://out/city/', format });
        sales.aggregate({ aggregations: [['amount', 'sum'], ['id', 'count'], ['note', 'first']] }).writeToS3({ path: 's3://out/total/', format });
      },
    }));
});

describe('spigot', () => {
  test('passes the frame through and writes its first records as JSON, before the sink that follows', () =>
    expectParity({
      files: { 'raw/j/a.json': NESTED_JSON },
      build: (p) => {
        const source = p.fromS3({ paths: ['s3://raw/j/'], format: 'json' });
        source.spigot('s3://out/sample-2/', { topk: 2 }).selectFields(['id']).spigot('s3://out/sample-default/').writeToS3({ path: 's3://out/all/', format: 'parquet' });
      },
    }));
});

describe('SQL step', () => {
  test('a query joining two inputs, filtering, grouping and ordering; a CAST of a WITH query\'s column (the part of SQL where sqlite, the stand-ins\' engine, agrees with Spark)', () =>
    expectParity({
      files: {
        'raw/o/a.json': '{"id":1,"customer":10,"amount":7}\n{"id":2,"customer":10,"amount":2}\n{"id":3,"customer":20,"amount":5}\n{"id":4,"customer":null,"amount":1}\n',
        'raw/c/a.json': '{"cid":10,"region":"EU"}\n{"cid":20,"region":"US"}\n',
      },
      build: (p) => {
        const orders = p.fromS3({ paths: ['s3://raw/o/'], format: 'json' });
        const customers = p.fromS3({ paths: ['s3://raw/c/'], format: 'json' });
        p.sql(
          "SELECT c.region, count(*) AS n, sum(o.amount) AS total, max(o.id) AS last_id FROM o JOIN c ON o.customer = c.cid WHERE o.amount > 1 AND c.region LIKE 'E%' OR c.region = 'US' GROUP BY c.region ORDER BY total DESC",
          { o: orders, c: customers },
        ).writeToS3({ path: 's3://out/regions/', format: 'json' });
        p.sql("SELECT id, CASE WHEN customer IS NULL THEN 'none' ELSE 'known' END AS who FROM o WHERE id IN (1, 4) UNION ALL SELECT cid AS id, region AS who FROM c", { o: orders, c: customers }).writeToS3({
          path: 's3://out/union/',
          format: 'json',
        });
        p.sql('WITH w AS (SELECT id, amount * 2 AS a2 FROM o) SELECT id, CAST(a2 AS DOUBLE) AS s FROM w WHERE a2 > 4', { o: orders }).writeToS3({ path: 's3://out/cte-cast/', format: 'json' });
      },
    }));

  test('INTERSECT, EXCEPT, IN (SELECT ...), EXISTS and a subquery as a value', () =>
    expectParity({
      files: {
        'raw/o/a.json': '{"id":1,"customer":10,"amount":7}\n{"id":2,"customer":10,"amount":2}\n{"id":3,"customer":20,"amount":5}\n{"id":4,"customer":null,"amount":1}\n',
        'raw/c/a.json': '{"cid":10,"region":"EU"}\n{"cid":20,"region":"US"}\n{"cid":30,"region":"EU"}\n',
      },
      build: (p) => {
        const orders = p.fromS3({ paths: ['s3://raw/o/'], format: 'json' });
        const customers = p.fromS3({ paths: ['s3://raw/c/'], format: 'json' });
        p.sql('SELECT customer AS k FROM o INTERSECT SELECT cid AS k FROM c', { o: orders, c: customers }).writeToS3({ path: 's3://out/both/', format: 'json' });
        p.sql('SELECT cid FROM c EXCEPT SELECT customer AS cid FROM o', { o: orders, c: customers }).writeToS3({ path: 's3://out/only/', format: 'json' });
        p.sql("SELECT id FROM o WHERE customer IN (SELECT cid FROM c WHERE region = 'EU')", { o: orders, c: customers }).writeToS3({ path: 's3://out/eu/', format: 'json' });
        p.sql('SELECT cid FROM c WHERE EXISTS (SELECT 1 AS one FROM o WHERE o.customer = c.cid)', { o: orders, c: customers }).writeToS3({ path: 's3://out/exists/', format: 'json' });
        p.sql('SELECT id, amount - (SELECT min(amount) AS m FROM o) AS above FROM o', { o: orders }).writeToS3({ path: 's3://out/above/', format: 'json' });
      },
    }));

  test('window functions: row_number, rank, lag and a sum over a partition, in a query and as a derived column', () =>
    expectParity({
      files: { 'raw/o/a.json': '{"id":1,"customer":10,"amount":7}\n{"id":2,"customer":10,"amount":2}\n{"id":3,"customer":20,"amount":5}\n{"id":4,"customer":null,"amount":1}\n' },
      build: (p) => {
        const orders = p.fromS3({ paths: ['s3://raw/o/'], format: 'json' });
        p.sql(
          'SELECT id, row_number() OVER (PARTITION BY customer ORDER BY amount DESC) AS n, rank() OVER (ORDER BY customer) AS r, lag(id) OVER (ORDER BY id) AS before, sum(amount) OVER (PARTITION BY customer) AS total FROM o',
          { o: orders },
        ).writeToS3({ path: 's3://out/windows/', format: 'json' });
        orders.withColumns({ running: 'sum(amount) OVER (ORDER BY id)' }).writeToS3({ path: 's3://out/running/', format: 'json' });
        orders
          .withColumns({ around: 'sum(amount) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING)', upto: 'count(*) OVER (ORDER BY amount RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)' })
          .writeToS3({ path: 's3://out/frames/', format: 'json' });
      },
    }));
});

describe('derived columns', () => {
  test('where: a SQL condition keeps the records for which it is true (null drops them)', () =>
    expectParity({
      files: { 'raw/o/a.json': '{"id":1,"qty":3,"name":"ann"}\n{"id":2,"qty":null,"name":"bob"}\n{"id":3,"qty":7,"name":"cid"}\n' },
      build: (p) => p.fromS3({ paths: ['s3://raw/o/'], format: 'json' }).where("qty > 2 AND name LIKE '%n%' OR id IN (2)").writeToS3({ path: 's3://out/o/', format: 'json' }),
    }));

  test('withColumns: expressions over the fields, one after another, a name the frame has replaced in place', () =>
    expectParity({
      files: { 'raw/o/a.json': '{"id":1,"qty":3,"price":4,"name":"ann"}\n{"id":2,"qty":null,"price":5,"name":"bob"}\n' },
      build: (p) =>
        p
          .fromS3({ paths: ['s3://raw/o/'], format: 'json' })
          .withColumns({ total: 'qty * price', label: "upper(name) || '-' || id", NAME: "CASE WHEN total > 10 THEN 'big' ELSE coalesce(name, 'none') END" })
          .writeToS3({ path: 's3://out/o/', format: 'json' }),
    }));
});

describe('sinks', () => {
  test.each(['snappy', 'gzip', 'uncompressed', 'none'] as const)('Parquet, %s', (compression) =>
    expectParity({
      files: { 'raw/j/a.json': PEOPLE_JSON },
      build: (p) => p.fromS3({ paths: ['s3://raw/j/'], format: 'json' }).selectFields(['id', 'name', 'score']).writeToS3({ path: 's3://out/p/', format: 'parquet', compression }),
    }));

  test.each([
    ['csv', 'none'],
    ['csv', 'gzip'],
    ['csv', 'bzip2'],
    ['json', 'none'],
    ['json', 'gzip'],
    ['json', 'bzip2'],
  ] as const)('%s, compression %s', (format, compression) =>
    expectParity({
      files: { 'raw/c/a.csv': PEOPLE_CSV },
      build: (p) => p.fromS3({ paths: ['s3://raw/c/'], format: 'csv', withHeader: true }).writeToS3({ path: 's3://out/t/', format, compression }),
    }));

  test('decimals in a CSV sink, as BigDecimal prints them (all the scale\'s digits; scientific under an adjusted exponent of -6)', () =>
    expectParity({
      files: { 'raw/j/a.json': '{"id":1,"d":"1.5","t":"0.0000001"}\n{"id":2,"d":"100","t":"0.000015"}\n{"id":3,"d":"-0.5","t":"0"}\n' },
      build: (p) =>
        p
          .fromS3({ paths: ['s3://raw/j/'], format: 'json' })
          .applyMapping([
            { from: 'id', fromType: 'int', to: 'id', toType: 'int' },
            { from: 'd', fromType: 'string', to: 'd', toType: 'decimal(10,2)' },
            { from: 't', fromType: 'string', to: 't', toType: 'decimal(12,9)' },
          ])
          .writeToS3({ path: 's3://out/d/', format: 'csv' }),
    }));

  test('doubles and floats made decimals (the printed digits, half up; a float widened to a double first); to csv', () =>
    expectParity({
      files: { 'raw/j/a.json': '{"id":1,"d":1.255}\n{"id":2,"d":0.00006}\n{"id":3,"d":-0.00009}\n{"id":4,"d":9.4e-8}\n{"id":5,"d":123456.785}\n' },
      build: (p) =>
        p
          .fromS3({ paths: ['s3://raw/j/'], format: 'json' })
          .applyMapping([
            { from: 'id', fromType: 'int', to: 'id', toType: 'int' },
            { from: 'd', fromType: 'double', to: 'd', toType: 'double' },
            { from: 'd', fromType: 'double', to: 'f', toType: 'float' },
          ])
          .applyMapping([
            { from: 'id', fromType: 'int', to: 'id', toType: 'int' },
            { from: 'd', fromType: 'double', to: 'd2', toType: 'decimal(12,2)' },
            { from: 'd', fromType: 'double', to: 'd6', toType: 'decimal(18,6)' },
            { from: 'f', fromType: 'float', to: 'f2', toType: 'decimal(12,2)' },
          ])
          .writeToS3({ path: 's3://out/d/', format: 'csv' }),
    }));

  test("strings made dates and timestamps by Spark's forms (offsets taken off); to parquet", () =>
    expectParity({
      files: {
        'raw/j/a.json': ['2024-01-15T10:00:00+02:00', '2024-01-15 10:00:00Z', '2024-01', '2024-01-15T10:00:00.1234567', '2024-01-15 25:00', '2024-01-15T10:00-0530', 'x', ' 2024-1-5 7:08 ']
          .map((v, i) => JSON.stringify({ id: i + 1, s: v }))
          .join('\n'),
      },
      build: (p) =>
        p
          .fromS3({ paths: ['s3://raw/j/'], format: 'json' })
          .applyMapping([
            { from: 'id', fromType: 'int', to: 'id', toType: 'int' },
            { from: 's', fromType: 'string', to: 't', toType: 'timestamp' },
            { from: 's', fromType: 'string', to: 'd', toType: 'date' },
          ])
          .writeToS3({ path: 's3://out/t/', format: 'parquet' }),
    }));

  test.each(['csv', 'json'] as const)('%s partitioned, bzip2', (format) =>
    expectParity({
      files: { 'raw/j/a.json': '{"id":1,"state":"CA"}\n{"id":2,"state":"NY"}\n{"id":3,"state":"CA"}\n' },
      build: (p) => p.fromS3({ paths: ['s3://raw/j/'], format: 'json' }).writeToS3({ path: 's3://out/p/', format, compression: 'bzip2', partitionKeys: ['state'] }),
    }));

  test.each(['parquet', 'csv', 'json'] as const)('%s partitioned by two keys', (format) =>
    expectParity({
      files: { 'raw/j/a.json': '{"id":1,"state":"CA","year":"2020"}\n{"id":2,"state":"NY","year":"2020"}\n{"id":3,"state":"CA","year":"2021"}\n{"id":4,"state":"a/b c","year":"2021"}\n' },
      build: (p) => p.fromS3({ paths: ['s3://raw/j/'], format: 'json' }).writeToS3({ path: 's3://out/p/', format, partitionKeys: ['state', 'year'] }),
    }));

  test.each([
    ['csv', { classification: 'csv', delimiter: '|', 'skip.header.line.count': '1' }],
    ['json', { classification: 'json' }],
    ['parquet', { classification: 'parquet' }],
  ] as const)('a catalog %s table, in its own column order, partitioned', (_format, parameters) =>
    expectParity({
      files: { 'raw/j/a.json': '{"id":1,"name":"Ann","state":"CA"}\n{"id":2,"name":"Bob","state":"NY"}\n' },
      tables: [
        {
          input: {
            Name: 'sink',
            PartitionKeys: [{ Name: 'state', Type: 'string' }],
            Parameters: { ...parameters },
            StorageDescriptor: { Location: 's3://out/sink/', Columns: [{ Name: 'name', Type: 'string' }, { Name: 'id', Type: 'bigint' }] },
          },
        },
      ],
      build: (p) => p.fromS3({ paths: ['s3://raw/j/'], format: 'json' }).writeToCatalog({ database: 'db', table: 'sink', partitionKeys: ['state'] }),
    }));

  test('a catalog sink with updateCatalog writes the same files (and adds its partitions)', () =>
    expectParity({
      files: { 'raw/j/a.json': '{"id":1,"name":"Ann","state":"CA"}\n{"id":2,"name":"Bob","state":"NY"}\n' },
      tables: [
        {
          input: {
            Name: 'sink',
            PartitionKeys: [{ Name: 'state', Type: 'string' }],
            Parameters: { classification: 'parquet' },
            StorageDescriptor: { Location: 's3://out/sink/', Columns: [{ Name: 'name', Type: 'string' }, { Name: 'id', Type: 'bigint' }] },
          },
        },
      ],
      build: (p) => p.fromS3({ paths: ['s3://raw/j/'], format: 'json' }).writeToCatalog({ database: 'db', table: 'sink', partitionKeys: ['state'], updateCatalog: true }),
    }));

  test('a catalog table without partition keys, written with partitionKeys', () =>
    expectParity({
      files: { 'raw/j/a.json': '{"id":1,"name":"Ann","state":"CA"}\n{"id":2,"name":"Bob","state":"NY"}\n' },
      tables: [{ input: { Name: 'flat', Parameters: { classification: 'json' }, StorageDescriptor: { Location: 's3://out/flat/', Columns: [{ Name: 'id', Type: 'bigint' }, { Name: 'name', Type: 'string' }] } } }],
      build: (p) => p.fromS3({ paths: ['s3://raw/j/'], format: 'json' }).writeToCatalog({ database: 'db', table: 'flat', partitionKeys: ['state'] }),
    }));
});

describe('error records', () => {
  test('a multiLine JSON file that is not JSON: the other files read, the same number of error records', () =>
    expectParity({
      files: { 'raw/m/a.json': '[\n  {"id": 1},\n  {"id": 2}\n]\n', 'raw/m/b.json': '{\n  "id": 3,\n  "name": \n}\n' },
      build: (p) => {
        const src = p.fromS3({ paths: ['s3://raw/m/'], format: 'json', multiLine: true });
        src.writeToS3({ path: 's3://out/m/', format: 'json' });
        src.errorsAsDynamicFrame().selectFields(['error.msg', 'error.source']).writeToS3({ path: 's3://out/errors/', format: 'json' });
      },
    }));

  const MALFORMED = '{"id":1,"name":"Ann"}\n{"id":2,"name":\n\n{"id":3,"name":"Cid"}\nnot json at all\n';

  test('malformed JSON lines: the good records through a join and a union, the error records of both inputs through errorsAsDynamicFrame', () =>
    expectParity({
      files: { 'raw/j/a.json': MALFORMED, 'raw/k/a.json': '{"id":1,"city":"Oslo"}\n{"id":3,"city":\n' },
      build: (p) => {
        const people = p.fromS3({ paths: ['s3://raw/j/'], format: 'json', transformationCtx: 'people' });
        const cities = p.fromS3({ paths: ['s3://raw/k/'], format: 'json', transformationCtx: 'cities' });
        const joined = people.join(cities, ['id'], ['id'], { transformationCtx: 'joined' });
        joined.selectFields(['id', 'name'], { totalThreshold: 3 }).writeToS3({ path: 's3://out/good/', format: 'json' });
        joined.errorsAsDynamicFrame().writeToS3({ path: 's3://out/errors/', format: 'json' });
        people.union(people).errorsAsDynamicFrame().writeToS3({ path: 's3://out/union-errors/', format: 'json' });
      },
    }));
});

describe('unbox', () => {
  test('a CSV column of JSON objects parsed into a struct, text that is no object null; to json', () =>
    expectParity({
      files: { 'raw/c/a.csv': 'id,payload\n1,"{""qty"": 2, ""who"": {""name"": ""Ann""}}"\n2,"{""qty"": 3}"\n3,\n4,not json\n' },
      build: (p) => p.fromS3({ paths: ['s3://raw/c/'], format: 'csv', withHeader: true }).unbox('payload', 'json').writeToS3({ path: 's3://out/u/', format: 'json' }),
    }));

  test('a CSV column of CSV text: col<i> fields typed value by value (a choice), quotes, an empty or missing record null; to json', () =>
    expectParity({
      files: { 'raw/c/a.csv': 'id,payload\n1,"7|2.5|""A|b"""\n2,"8|x"\n3,\n4,"9|"\n5,""\n' },
      build: (p) => p.fromS3({ paths: ['s3://raw/c/'], format: 'csv', withHeader: true }).unbox('payload', 'csv', { separator: '|' }).writeToS3({ path: 's3://out/u/', format: 'json' }),
    }));

  test('CSV text with a header, skipFirst and an escaper; to parquet', () =>
    expectParity({
      files: { 'raw/c/a.csv': 'id,payload\n1,"qty;;note\nold;0;x\n2;3;a\\;b"\n2,"qty;;note\nold;0;x\n4;5;c"\n3,"qty\nold"\n' },
      build: (p) =>
        p
          .fromS3({ paths: ['s3://raw/c/'], format: 'csv', withHeader: true, multiLine: true })
          .unbox('payload', 'csv', { separator: ';', escaper: '\\', withHeader: true, skipFirst: true })
          .writeToS3({ path: 's3://out/u/', format: 'parquet' }),
    }));

  test('CSV text with withSchema: values by position read as the schema\'s types, null where one does not read; to parquet', () =>
    expectParity({
      files: { 'raw/c/a.csv': 'id,payload\n1,"a;b;c;d;e\n2;3.456;2024-01-15;TRUE;x;extra"\n2,"a\nlots;1e2;15/01/2024;yes"\n3,"a\n"\n' },
      build: (p) =>
        p
          .fromS3({ paths: ['s3://raw/c/'], format: 'csv', withHeader: true, multiLine: true })
          .unbox('payload', 'csv', {
            separator: ';',
            withHeader: true,
            withSchema: [
              { name: 'qty', type: 'int' },
              { name: 'price', type: 'decimal(6,2)' },
              { name: 'day', type: 'date' },
              { name: 'ok', type: 'boolean' },
              { name: 'note', type: 'string' },
            ],
          })
          .writeToS3({ path: 's3://out/u/', format: 'parquet' }),
    }));
});
