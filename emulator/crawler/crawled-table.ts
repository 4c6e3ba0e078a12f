import type { Column, PartitionInput, SerDeInfo, StorageDescriptor, TableInput } from '@aws-sdk/client-glue';
import type { ClassifiedFile, FileSchema } from './file-schema';
import { InferredField, mergeFields, renderType } from './inferred-type';
import type { TableGroup } from './table-grouping';

/** One table a crawl found, with its partitions, in the Glue API's own shapes. */
export interface CrawledTable {
  table: TableInput;
  partitions: PartitionInput[];
}

/** SerDe and input/output format classes the crawler writes (GLUE-REFERENCE section 4, observed). */
export const SERDE = {
  lazySimple: 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe',
  openCsv: 'org.apache.hadoop.hive.serde2.OpenCSVSerde',
  json: 'org.openx.data.jsonserde.JsonSerDe',
  parquet: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
} as const;

export const FORMATS = {
  textInput: 'org.apache.hadoop.mapred.TextInputFormat',
  textOutput: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
  parquetInput: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
  parquetOutput: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
} as const;

/** The table's columns: every file's columns merged (order of first appearance, files in key order). */
function mergedColumns(files: readonly ClassifiedFile[], partitionKeys: readonly string[]): Column[] {
  let fields: InferredField[] = [];
  for (const file of files) fields = mergeFields(fields, file.schema.columns);
  return fields.filter((f) => !partitionKeys.includes(f.name)).map((f) => ({ Name: f.name, Type: renderType(f.type) }));
}

/** `recordCount`, `averageRecordSize`, `objectCount` and `sizeKey` of a set of files. */
function statistics(files: readonly ClassifiedFile[]): Record<string, string> {
  let records = 0;
  let recordBytes = 0;
  let size = 0;
  for (const { object, schema } of files) {
    records += schema.recordCount;
    recordBytes += schema.recordBytes;
    size += object.size;
  }
  return {
    recordCount: String(records),
    averageRecordSize: String(records > 0 ? Math.round(recordBytes / records) : 0),
    objectCount: String(files.length),
    sizeKey: String(size),
  };
}

interface Format {
  readonly schema: FileSchema;
  readonly header: boolean;
  readonly quoted: boolean;
}

function formatParameters(crawlerName: string, format: Format): Record<string, string> {
  const { schema } = format;
  const params: Record<string, string> = {
    classification: schema.classification,
    compressionType: schema.compressionType,
    typeOfData: 'file',
    UPDATED_BY_CRAWLER: crawlerName,
    CrawlerSchemaSerializerVersion: '1.0',
    CrawlerSchemaDeserializerVersion: '1.0',
  };
  if (schema.csv) {
    params.delimiter = schema.csv.delimiter;
    params.areColumnsQuoted = String(format.quoted);
    params.columnsOrdered = 'true';
    if (format.header) params['skip.header.line.count'] = '1';
  }
  return params;
}

function serde(format: Format, columns: readonly Column[]): SerDeInfo {
  const { schema } = format;
  switch (schema.classification) {
    case 'csv':
      return format.quoted
        ? { SerializationLibrary: SERDE.openCsv, Parameters: { separatorChar: schema.csv!.delimiter, quoteChar: '"' } }
        : { SerializationLibrary: SERDE.lazySimple, Parameters: { 'field.delim': schema.csv!.delimiter } };
    case 'json':
      return { SerializationLibrary: SERDE.json, Parameters: { paths: columns.map((c) => c.Name).join(',') } };
    case 'parquet':
      return { SerializationLibrary: SERDE.parquet, Parameters: { 'serialization.format': '1' } };
  }
}

/**
 * The TableInput and PartitionInputs for a group of files (GLUE-REFERENCE section 4, "Table parameters" and "SerDe").
 *
 * Table parameters: `classification`, `compressionType`, `typeOfData=file`, `recordCount` (sum over the files),
 * `averageRecordSize` (record bytes over records, rounded), `objectCount`, `sizeKey` (stored bytes),
 * `UPDATED_BY_CRAWLER`, `CrawlerSchema(De)SerializerVersion=1.0`; CSV adds `delimiter`, `areColumnsQuoted`,
 * `columnsOrdered=true` and `skip.header.line.count=1` with a header. The StorageDescriptor carries the same parameters.
 * CSV uses OpenCSVSerde (`separatorChar`, `quoteChar`) when any sampled value was quoted, else LazySimpleSerDe
 * (`field.delim`); JSON the OpenX JsonSerDe with `paths` (the column names joined by commas, in column order);
 * Parquet the ParquetHiveSerDe.
 *
 * A folder table's Location is its folder with a trailing slash; **Unconfirmed** (observed in public crawls of
 * single files, such as `persons.json`): a file table's Location is the file's own URI. Every partition has the
 * table's columns and format parameters, its folder as Location and **its own** `recordCount`, `averageRecordSize`,
 * `objectCount` and `sizeKey`. **Unconfirmed**: a data column named like a partition key is dropped (the partition key
 * wins).
 */
export function crawledTable(bucket: string, group: TableGroup, tableName: string, crawlerName: string): CrawledTable {
  const format: Format = {
    schema: group.files[0].schema,
    header: group.files.some((f) => f.schema.csv?.header === true),
    quoted: group.files.some((f) => f.schema.csv?.quoted === true),
  };
  const columns = mergedColumns(group.files, group.partitionKeys);
  const base = formatParameters(crawlerName, format);
  const tableParams = { ...base, ...statistics(group.files) };
  const isParquet = format.schema.classification === 'parquet';
  const storage = (location: string, parameters: Record<string, string>): StorageDescriptor => ({
    Columns: columns.map((c) => ({ ...c })),
    Location: location,
    InputFormat: isParquet ? FORMATS.parquetInput : FORMATS.textInput,
    OutputFormat: isParquet ? FORMATS.parquetOutput : FORMATS.textOutput,
    Compressed: format.schema.compressionType !== 'none',
    SerdeInfo: serde(format, columns),
    Parameters: { ...parameters },
    StoredAsSubDirectories: false,
  });
  const table: TableInput = {
    Name: tableName,
    TableType: 'EXTERNAL_TABLE',
    PartitionKeys: group.partitionKeys.map((k) => ({ Name: k, Type: 'string' })),
    Parameters: tableParams,
    StorageDescriptor: storage(`s3://${bucket}/${group.key}`, tableParams),
  };
  const partitions: PartitionInput[] = group.partitions.map((p) => {
    const params = { ...base, ...statistics(p.files) };
    return { Values: [...p.values], StorageDescriptor: storage(`s3://${bucket}/${p.folderKey}`, params), Parameters: params };
  });
  return { table, partitions };
}
