import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { crawlS3Path, FORMATS, SERDE } from '../../../emulator/crawler';
import { LocalFolderStore } from '../../../emulator/storage/local-folder-store';

let dir: string;
let store: LocalFolderStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-crawler-'));
  store = new LocalFolderStore(dir);
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const bytes = (s: string): number => Buffer.byteLength(s);

const COMMON = {
  typeOfData: 'file',
  UPDATED_BY_CRAWLER: 'crawler1',
  CrawlerSchemaSerializerVersion: '1.0',
  CrawlerSchemaDeserializerVersion: '1.0',
};

function stats(records: number, recordBytes: number, objects: number, size: number): Record<string, string> {
  return {
    recordCount: String(records),
    averageRecordSize: String(Math.round(recordBytes / records)),
    objectCount: String(objects),
    sizeKey: String(size),
  };
}

describe('medicare CSV layout (raw/medicare/year=.../)', () => {
  const header = 'Provider Id,Provider Name,GivenName,City,State,Total Discharges,Average Covered Charges,Average Total Payments\n';
  const rows2019 =
    '10001,"SOUTHEAST ALABAMA MEDICAL CENTER, INC",John,DOTHAN,AL,91,32963.07,5777.24\n' +
    '10005,MARSHALL MEDICAL CENTER SOUTH,Mary,BOAZ,AL,14,15131.85,5787.57\n' +
    ',"ELIZA COFFEE MEMORIAL HOSPITAL, THE",Ann,FLORENCE,AL,24,37560.37,5434.95\n' +
    '10011,ST VINCENTS EAST,Bob,BIRMINGHAM,AL,25,13998.28,5417.56\n';
  const rows2020 =
    '10016,SHELBY BAPTIST MEDICAL CENTER,Cid,ALABASTER,AL,18,31633.27,5658.33\n' +
    ',"DCH REGIONAL MEDICAL CENTER, TUSCALOOSA",Dee,TUSCALOOSA,AL,67,16920.79,6653.8\n' +
    '10023,BAPTIST MEDICAL CENTER SOUTH,Eve,MONTGOMERY,AL,51,11977.13,5834.74\n';

  beforeEach(async () => {
    await store.write('b', 'raw/medicare/year=2019/part-0000.csv', header + rows2019);
    await store.write('b', 'raw/medicare/year=2020/part-0000.csv', header + rows2020);
    await store.write('b', 'raw/medicare/year=2020/_SUCCESS', '');
    await store.write('b', 'raw/medicare/year=2019/.part-0000.csv.crc', 'crc');
  });

  const csvParams = {
    ...COMMON,
    classification: 'csv',
    compressionType: 'none',
    delimiter: ',',
    areColumnsQuoted: 'true',
    columnsOrdered: 'true',
    'skip.header.line.count': '1',
  };
  const columns = [
    { Name: 'provider id', Type: 'bigint' },
    { Name: 'provider name', Type: 'string' },
    { Name: 'givenname', Type: 'string' },
    { Name: 'city', Type: 'string' },
    { Name: 'state', Type: 'string' },
    { Name: 'total discharges', Type: 'bigint' },
    { Name: 'average covered charges', Type: 'double' },
    { Name: 'average total payments', Type: 'double' },
  ];
  const sd = (location: string, parameters: Record<string, string>): object => ({
    Columns: columns,
    Location: location,
    InputFormat: FORMATS.textInput,
    OutputFormat: FORMATS.textOutput,
    Compressed: false,
    SerdeInfo: { SerializationLibrary: SERDE.openCsv, Parameters: { separatorChar: ',', quoteChar: '"' } },
    Parameters: parameters,
    StoredAsSubDirectories: false,
  });

  test('one table medicare partitioned by year, with header, types, OpenCSVSerde and statistics', async () => {
    const tables = await crawlS3Path(store, 's3://b/raw/medicare/', { crawlerName: 'crawler1' });
    const size2019 = bytes(header + rows2019);
    const size2020 = bytes(header + rows2020);
    const tableParams = { ...csvParams, ...stats(7, bytes(rows2019) + bytes(rows2020), 2, size2019 + size2020) };
    const p2019 = { ...csvParams, ...stats(4, bytes(rows2019), 1, size2019) };
    const p2020 = { ...csvParams, ...stats(3, bytes(rows2020), 1, size2020) };
    expect(tables).toEqual([
      {
        table: {
          Name: 'medicare',
          TableType: 'EXTERNAL_TABLE',
          PartitionKeys: [{ Name: 'year', Type: 'string' }],
          Parameters: tableParams,
          StorageDescriptor: sd('s3://b/raw/medicare/', tableParams),
        },
        partitions: [
          { Values: ['2019'], StorageDescriptor: sd('s3://b/raw/medicare/year=2019/', p2019), Parameters: p2019 },
          { Values: ['2020'], StorageDescriptor: sd('s3://b/raw/medicare/year=2020/', p2020), Parameters: p2020 },
        ],
      },
    ]);
  });

  test('crawling the bucket root or the raw/ folder finds the same table; a prefix is prepended', async () => {
    for (const target of ['s3://b/', 's3://b', 's3://b/raw', 's3://b/raw/']) {
      const tables = await crawlS3Path(store, target, { crawlerName: 'crawler1', tablePrefix: 'raw_' });
      expect(tables.map((t) => [t.table.Name, t.table.StorageDescriptor?.Location, t.partitions.length])).toEqual([['raw_medicare', 's3://b/raw/medicare/', 2]]);
    }
  });

  test('the result is deterministic', async () => {
    const a = await crawlS3Path(store, 's3://b/raw/', { crawlerName: 'crawler1' });
    const b = await crawlS3Path(store, 's3://b/raw/', { crawlerName: 'crawler1' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe('CSV without a header', () => {
  test('a headerless CSV gets col0, col1... and LazySimpleSerDe without skip.header.line.count', async () => {
    const body = '1,foo,2.5,true\n2,bar,3,FALSE\n3,baz,,True\n';
    await store.write('b', 'headerless/data.csv', body);
    const [t] = await crawlS3Path(store, 's3://b/headerless/', { crawlerName: 'crawler1' });
    const params = {
      ...COMMON,
      classification: 'csv',
      compressionType: 'none',
      delimiter: ',',
      areColumnsQuoted: 'false',
      columnsOrdered: 'true',
      ...stats(3, bytes(body), 1, bytes(body)),
    };
    expect(t.table).toEqual({
      Name: 'headerless',
      TableType: 'EXTERNAL_TABLE',
      PartitionKeys: [],
      Parameters: params,
      StorageDescriptor: {
        Columns: [
          { Name: 'col0', Type: 'bigint' },
          { Name: 'col1', Type: 'string' },
          { Name: 'col2', Type: 'double' },
          { Name: 'col3', Type: 'boolean' },
        ],
        Location: 's3://b/headerless/',
        InputFormat: FORMATS.textInput,
        OutputFormat: FORMATS.textOutput,
        Compressed: false,
        SerdeInfo: { SerializationLibrary: SERDE.lazySimple, Parameters: { 'field.delim': ',' } },
        Parameters: params,
        StoredAsSubDirectories: false,
      },
    });
    expect(t.partitions).toEqual([]);
  });

  test('an all-string CSV has no header detected: its first row is data', async () => {
    await store.write('b', 'people/people.csv', 'name,city\nalice,paris\nbob,rome\n');
    const [t] = await crawlS3Path(store, 's3://b/people/', { crawlerName: 'crawler1' });
    expect(t.table.StorageDescriptor?.Columns).toEqual([
      { Name: 'col0', Type: 'string' },
      { Name: 'col1', Type: 'string' },
    ]);
    expect(t.table.Parameters?.['skip.header.line.count']).toBeUndefined();
    expect(t.table.Parameters?.recordCount).toBe('3');
  });

  test('a pipe-delimited gzip CSV: delimiter |, compressionType gzip, Compressed', async () => {
    const body = 'id|amount\n1|2.5\n2|3.5\n3|4\n';
    await store.write('b', 'gz/part-0.csv.gz', gzipSync(body));
    const [t] = await crawlS3Path(store, 's3://b/gz/', { crawlerName: 'crawler1' });
    expect(t.table.StorageDescriptor?.Columns).toEqual([
      { Name: 'id', Type: 'bigint' },
      { Name: 'amount', Type: 'double' },
    ]);
    expect(t.table.Parameters).toMatchObject({ compressionType: 'gzip', delimiter: '|', recordCount: '3', 'skip.header.line.count': '1' });
    expect(t.table.StorageDescriptor?.Compressed).toBe(true);
    expect(t.table.StorageDescriptor?.SerdeInfo).toEqual({ SerializationLibrary: SERDE.lazySimple, Parameters: { 'field.delim': '|' } });
    expect(t.table.Parameters?.sizeKey).toBe(String(fs.statSync(path.join(dir, 'b/gz/part-0.csv.gz')).size));
  });
});

describe('JSON', () => {
  test('JSON lines make a JsonSerDe table with nested struct and array types', async () => {
    const body =
      '{"id":1,"Name":"a","tags":["x","y"],"address":{"city":"Paris","zip":75001},"score":1.5,"active":true}\n' +
      '{"id":2,"Name":"b","tags":[],"address":{"city":"Rome","zip":null,"geo":{"lat":41.9}},"score":2,"active":false,"extra":null}\n' +
      '\n' +
      '{"id":3,"Name":null,"score":1.0}\n';
    await store.write('b', 'events/2021/part-0.json', body);
    await store.write('b', 'events/2022/part-0.json', '{"id":4,"Name":"d","score":3,"active":true}\n{"id":5,"Name":"e","score":4,"active":false}\n');
    const [t] = await crawlS3Path(store, 's3://b/events/', { crawlerName: 'crawler1' });
    const columns = [
      { Name: 'id', Type: 'bigint' },
      { Name: 'name', Type: 'string' },
      { Name: 'tags', Type: 'array<string>' },
      { Name: 'address', Type: 'struct<city:string,zip:bigint,geo:struct<lat:double>>' },
      { Name: 'score', Type: 'double' },
      { Name: 'active', Type: 'boolean' },
      { Name: 'extra', Type: 'string' },
    ];
    const size2021 = bytes(body);
    const size2022 = fs.statSync(path.join(dir, 'b/events/2022/part-0.json')).size;
    const params = { ...COMMON, classification: 'json', compressionType: 'none', ...stats(5, size2021 + size2022, 2, size2021 + size2022) };
    expect(t.table).toEqual({
      Name: 'events',
      TableType: 'EXTERNAL_TABLE',
      PartitionKeys: [{ Name: 'partition_0', Type: 'string' }],
      Parameters: params,
      StorageDescriptor: {
        Columns: columns,
        Location: 's3://b/events/',
        InputFormat: FORMATS.textInput,
        OutputFormat: FORMATS.textOutput,
        Compressed: false,
        SerdeInfo: { SerializationLibrary: SERDE.json, Parameters: { paths: 'id,name,tags,address,score,active,extra' } },
        Parameters: params,
        StoredAsSubDirectories: false,
      },
    });
    expect(t.partitions.map((p) => [p.Values, p.StorageDescriptor?.Location, p.Parameters?.recordCount])).toEqual([
      [['2021'], 's3://b/events/2021/', '3'],
      [['2022'], 's3://b/events/2022/', '2'],
    ]);
  });

  test('a file that is one top-level array is one column record', async () => {
    await store.write('b', 'arr/data.json', '[\n  {"a": 1, "b": "x"},\n  {"a": 2.5}\n]\n');
    const [t] = await crawlS3Path(store, 's3://b/arr/', { crawlerName: 'crawler1' });
    expect(t.table.StorageDescriptor?.Columns).toEqual([{ Name: 'record', Type: 'array<struct<a:double,b:string>>' }]);
    expect(t.table.StorageDescriptor?.SerdeInfo?.Parameters).toEqual({ paths: 'record' });
    expect(t.table.Parameters?.recordCount).toBe('1');
  });
});

describe('Parquet', () => {
  async function writeParquet(select: string, folder: string, partitionBy?: string): Promise<void> {
    const target = path.join(dir, folder);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const options = partitionBy ? `FORMAT parquet, PARTITION_BY (${partitionBy})` : 'FORMAT parquet';
      await connection.run(`COPY (${select}) TO '${target}' (${options})`);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  }

  test('partitioned output under curated/medicare/ crawled at s3://b/curated/ with prefix curated_', async () => {
    await writeParquet(
      `SELECT * FROM (VALUES
         (10001::BIGINT, 'SOUTHEAST ALABAMA', 91::INTEGER, 32963.07::DOUBLE, 12.5::DECIMAL(10,2), DATE '2019-01-02', ['a','b'], {'x': 1, 'y': 'z'}, 'AL'),
         (10005, 'MARSHALL', 14, 15131.85, 3.25, DATE '2019-03-04', [], {'x': 2, 'y': 'w'}, 'AL'),
         (50001, 'SUTTER', 7, 1000.5, 1.00, NULL, ['c'], NULL, 'CA')
       ) t(Provider_Id, provider_name, total_discharges, average_covered_charges, amount, admitted, tags, info, state)`,
      'b/curated/medicare',
      'state',
    );
    await store.write('b', 'curated/medicare/_SUCCESS', '');
    const tables = await crawlS3Path(store, 's3://b/curated/', { crawlerName: 'crawler1', tablePrefix: 'curated_' });
    expect(tables).toHaveLength(1);
    const [{ table, partitions }] = tables;
    const file = (state: string): number => fs.statSync(path.join(dir, `b/curated/medicare/state=${state}/data_0.parquet`)).size;
    const size = file('AL') + file('CA');
    const params = { ...COMMON, classification: 'parquet', compressionType: 'none', ...stats(3, size, 2, size) };
    const columns = [
      { Name: 'provider_id', Type: 'bigint' },
      { Name: 'provider_name', Type: 'string' },
      { Name: 'total_discharges', Type: 'int' },
      { Name: 'average_covered_charges', Type: 'double' },
      { Name: 'amount', Type: 'decimal(10,2)' },
      { Name: 'admitted', Type: 'date' },
      { Name: 'tags', Type: 'array<string>' },
      { Name: 'info', Type: 'struct<x:int,y:string>' },
    ];
    const sd = (location: string, parameters: Record<string, string>): object => ({
      Columns: columns,
      Location: location,
      InputFormat: FORMATS.parquetInput,
      OutputFormat: FORMATS.parquetOutput,
      Compressed: false,
      SerdeInfo: { SerializationLibrary: SERDE.parquet, Parameters: { 'serialization.format': '1' } },
      Parameters: parameters,
      StoredAsSubDirectories: false,
    });
    expect(table).toEqual({
      Name: 'curated_medicare',
      TableType: 'EXTERNAL_TABLE',
      PartitionKeys: [{ Name: 'state', Type: 'string' }],
      Parameters: params,
      StorageDescriptor: sd('s3://b/curated/medicare/', params),
    });
    const al = { ...COMMON, classification: 'parquet', compressionType: 'none', ...stats(2, file('AL'), 1, file('AL')) };
    const ca = { ...COMMON, classification: 'parquet', compressionType: 'none', ...stats(1, file('CA'), 1, file('CA')) };
    expect(partitions).toEqual([
      { Values: ['AL'], StorageDescriptor: sd('s3://b/curated/medicare/state=AL/', al), Parameters: al },
      { Values: ['CA'], StorageDescriptor: sd('s3://b/curated/medicare/state=CA/', ca), Parameters: ca },
    ]);
  });

  test('an unreadable Parquet footer fails the crawl with an error naming the object', async () => {
    await store.write('b', 'bad/x.parquet', Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(64, 7), Buffer.from('PAR1')]));
    await expect(crawlS3Path(store, 's3://b/bad/', { crawlerName: 'crawler1' })).rejects.toThrow(/s3:\/\/b\/bad\/x\.parquet/);
    await store.write('b', 'bad/x.parquet', Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(64, 7)]));
    await expect(crawlS3Path(store, 's3://b/bad/', { crawlerName: 'crawler1' })).rejects.toThrow(/s3:\/\/b\/bad\/x\.parquet/);
  });
});

describe('table grouping', () => {
  test('two folders with incompatible schemas make two tables named after the folders', async () => {
    await store.write('b', 'table1/year=2017/data.json', '{"A":1,"B":2}\n');
    await store.write('b', 'table1/year=2018/data.json', '{"C":3,"D":4}\n');
    const tables = await crawlS3Path(store, 's3://b/table1/', { crawlerName: 'crawler1' });
    expect(tables.map((t) => [t.table.Name, t.table.StorageDescriptor?.Location, t.table.PartitionKeys, t.table.StorageDescriptor?.Columns])).toEqual([
      ['year_2017', 's3://b/table1/year=2017/', [], [{ Name: 'a', Type: 'bigint' }, { Name: 'b', Type: 'bigint' }]],
      ['year_2018', 's3://b/table1/year=2018/', [], [{ Name: 'c', Type: 'bigint' }, { Name: 'd', Type: 'bigint' }]],
    ]);
    expect(tables.every((t) => t.partitions.length === 0)).toBe(true);
  });

  test('compatible schemas (overlap >= 0.7 of the smaller set) make one table with merged columns', async () => {
    await store.write('b', 'sales/year=2017/data.json', '{"a":1,"b":2,"c":3,"d":"x"}\n');
    await store.write('b', 'sales/year=2018/data.json', '{"a":1.5,"b":2,"c":"y","e":true}\n');
    const tables = await crawlS3Path(store, 's3://b/sales/', { crawlerName: 'crawler1' });
    expect(tables.map((t) => t.table.Name)).toEqual(['sales']);
    expect(tables[0].table.StorageDescriptor?.Columns).toEqual([
      { Name: 'a', Type: 'double' },
      { Name: 'b', Type: 'bigint' },
      { Name: 'c', Type: 'string' },
      { Name: 'd', Type: 'string' },
      { Name: 'e', Type: 'boolean' },
    ]);
    expect(tables[0].partitions.map((p) => p.Values)).toEqual([['2017'], ['2018']]);
  });

  test('folders that are not key=value give partition_0, partition_1; key=value levels keep their key', async () => {
    const csv = 'id,amount\n1,2.5\n2,3\n';
    await store.write('b', 'logs/eu/2021/a.csv', csv);
    await store.write('b', 'logs/us/2021/b.csv', csv);
    await store.write('b', 'logs/us/2022/c.csv', csv);
    await store.write('b', 'mixed/region=eu/day1/a.csv', csv);
    await store.write('b', 'mixed/region=us/day2/b.csv', csv);
    const [logs] = await crawlS3Path(store, 's3://b/logs/', { crawlerName: 'crawler1' });
    expect(logs.table.Name).toBe('logs');
    expect(logs.table.PartitionKeys).toEqual([
      { Name: 'partition_0', Type: 'string' },
      { Name: 'partition_1', Type: 'string' },
    ]);
    expect(logs.partitions.map((p) => [p.Values, p.StorageDescriptor?.Location])).toEqual([
      [['eu', '2021'], 's3://b/logs/eu/2021/'],
      [['us', '2021'], 's3://b/logs/us/2021/'],
      [['us', '2022'], 's3://b/logs/us/2022/'],
    ]);
    const [mixed] = await crawlS3Path(store, 's3://b/mixed/', { crawlerName: 'crawler1' });
    expect(mixed.table.PartitionKeys?.map((k) => k.Name)).toEqual(['region', 'partition_1']);
    expect(mixed.partitions.map((p) => p.Values)).toEqual([
      ['eu', 'day1'],
      ['us', 'day2'],
    ]);
  });

  test('files directly in the include path with different schemas are tables named after the files', async () => {
    await store.write('b', 'legislators/persons.json', '{"id":"p1","name":"Ann"}\n{"id":"p2","name":"Bob"}\n');
    await store.write('b', 'legislators/Organizations.CSV', 'org id,seats\n1,10\n2,20\n');
    const tables = await crawlS3Path(store, 's3://b/legislators/', { crawlerName: 'crawler1', tablePrefix: 'leg-' });
    expect(tables.map((t) => [t.table.Name, t.table.StorageDescriptor?.Location, t.table.Parameters?.classification])).toEqual([
      ['leg_organizations_csv', 's3://b/legislators/Organizations.CSV', 'csv'],
      ['leg_persons_json', 's3://b/legislators/persons.json', 'json'],
    ]);
  });

  test('an include path naming one object crawls that file', async () => {
    await store.write('b', 'legislators/persons.json', '{"id":"p1","name":"Ann"}\n');
    await store.write('b', 'legislators/persons.json.bak', '{"other":1}\n');
    const tables = await crawlS3Path(store, 's3://b/legislators/persons.json', { crawlerName: 'crawler1' });
    expect(tables.map((t) => [t.table.Name, t.table.StorageDescriptor?.Location])).toEqual([['persons_json', 's3://b/legislators/persons.json']]);
  });

  test('same-named folders in different places get a hash suffix after the first', async () => {
    await store.write('b', 'x/data/a.json', '{"a":1}\n');
    await store.write('b', 'y/data/b.csv', 'p,q\n1,2\n3,4\n');
    const names = (await crawlS3Path(store, 's3://b/', { crawlerName: 'crawler1' })).map((t) => t.table.Name!);
    expect(names).toHaveLength(2);
    expect(names[0]).toBe('data');
    expect(names[1]).toMatch(/^data_[0-9a-f]{8}$/);
  });

  test('a bucket crawled at its root splits by format and descends below the split', async () => {
    await store.write('b', 'raw/medicare/year=2019/a.csv', 'id,amount\n1,2.5\n2,3\n');
    await store.write('b', 'raw/medicare/year=2020/a.csv', 'id,amount\n3,2.5\n4,3\n');
    await store.write('b', 'curated/medicare/state=CA/a.json', '{"id":1,"amount":2.5}\n');
    const tables = await crawlS3Path(store, 's3://b/', { crawlerName: 'crawler1' });
    expect(tables.map((t) => [t.table.StorageDescriptor?.Location, t.table.Parameters?.classification, t.table.PartitionKeys?.map((k) => k.Name)])).toEqual([
      ['s3://b/curated/medicare/', 'json', ['state']],
      ['s3://b/raw/medicare/', 'csv', ['year']],
    ]);
    expect(tables[0].table.Name).toBe('medicare');
    expect(tables[1].table.Name).toMatch(/^medicare_[0-9a-f]{8}$/);
  });

  test('a data column named like a partition key is left to the partition key', async () => {
    await store.write('b', 'people/state=CA/a.csv', 'id,state,amount\n1,CA,2.5\n2,CA,3\n');
    const [t] = await crawlS3Path(store, 's3://b/people/', { crawlerName: 'crawler1' });
    expect(t.table.PartitionKeys).toEqual([{ Name: 'state', Type: 'string' }]);
    expect(t.table.StorageDescriptor?.Columns?.map((c) => c.Name)).toEqual(['id', 'amount']);
  });

  test('an empty or missing path finds no tables', async () => {
    expect(await crawlS3Path(store, 's3://nobucket/', { crawlerName: 'crawler1' })).toEqual([]);
    await store.write('b', 'empty/_SUCCESS', '');
    expect(await crawlS3Path(store, 's3://b/empty/', { crawlerName: 'crawler1' })).toEqual([]);
  });
});

describe('exclusions and bad input', () => {
  test('exclusion globs relative to the include path skip objects', async () => {
    const csv = 'id,amount\n1,2.5\n2,3\n';
    await store.write('b', 'data/year=2020/a.csv', csv);
    await store.write('b', 'data/year=2020/notes.txt', 'hello\nworld\n');
    await store.write('b', 'data/year=2021/b.csv', csv);
    await store.write('b', 'data/year=2021/tmp/junk.json', '{"x":1}\n');
    await store.write('b', 'data/archive/old.json', '{"y":2}\n');
    const tables = await crawlS3Path(store, 's3://b/data/', { crawlerName: 'crawler1', exclusions: ['archive/**', '**.txt', '*/tmp/*.json'] });
    expect(tables.map((t) => [t.table.Name, t.table.Parameters?.objectCount, t.partitions.map((p) => p.Values)])).toEqual([['data', '2', [['2020'], ['2021']]]]);
  });

  test('malformed and unknown files are skipped without failing the crawl', async () => {
    const csv = 'id,amount\n1,2.5\n2,3\n';
    await store.write('b', 'data/good.csv', csv);
    await store.write('b', 'data/binary.bin', Buffer.from([0, 1, 2, 3, 0, 255, 10, 0, 1]));
    await store.write('b', 'data/broken.gz', Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7]));
    await store.write('b', 'data/one-line.txt', 'just one line of prose\n');
    await store.write('b', 'data/archive.bz2', Buffer.from('BZh91AY&SY garbage'));
    const tables = await crawlS3Path(store, 's3://b/data/', { crawlerName: 'crawler1' });
    expect(tables.map((t) => [t.table.Name, t.table.Parameters?.objectCount])).toEqual([['data', '1']]);
  });

  test('a malformed JSON line is skipped, the rest of the file is read', async () => {
    await store.write('b', 'j/a.json', '{"a":1,"b":"x"}\n{"a":2,"b":\n{"a":3,"b":"z"}\n');
    const [t] = await crawlS3Path(store, 's3://b/j/', { crawlerName: 'crawler1' });
    expect(t.table.StorageDescriptor?.Columns).toEqual([
      { Name: 'a', Type: 'bigint' },
      { Name: 'b', Type: 'string' },
    ]);
    expect(t.table.Parameters?.recordCount).toBe('2');
  });
});
