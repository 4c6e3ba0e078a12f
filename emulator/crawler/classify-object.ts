import type { ObjectInfo, ObjectStore } from '../storage/object-store';
import { classifyCsv } from './csv-classifier';
import type { FileSchema } from './file-schema';
import { classifyJson, JSON_NEEDS_LARGER_SAMPLE } from './json-classifier';
import { PARQUET_MAGIC, ParquetSchemaReader } from './parquet-schema-reader';
import { detectCompression, MAX_JSON_SAMPLE_BYTES, readTextSample, SAMPLE_BYTES, TextSample } from './text-sample';

/**
 * Runs the built-in classifiers on one object, in Glue's order among those gluekit has (parquet, json, csv), and
 * returns its schema, or undefined when no classifier recognises it (classification `UNKNOWN`; the crawl skips it).
 *
 * - Parquet: `PAR1` at the start (and the end); schema and row count from the footer. A file that starts with `PAR1`
 *   but whose footer cannot be read makes this throw an Error naming its `s3://` URI.
 * - Text (JSON, then CSV): gzip is recognised by its magic bytes and decompressed for sampling
 *   (`compressionType=gzip`). A text sample holding a NUL byte is binary, so UNKNOWN.
 * - **Unconfirmed / not implemented**: bzip2 (recognised by `BZh`) cannot be decompressed without a native library,
 *   so bzip2 files are UNKNOWN; Avro, ORC, XML, Ion and log formats are UNKNOWN too.
 *
 * Corrupt text input (a broken gzip stream, bytes no classifier accepts) never throws: the file is UNKNOWN.
 */
export async function classifyObject(store: ObjectStore, object: ObjectInfo, parquet: ParquetSchemaReader): Promise<FileSchema | undefined> {
  const head = await store.read(object.bucket, object.key, { offset: 0, length: 4 });
  if (head.equals(PARQUET_MAGIC)) return parquet.read(store, object);
  const compression = detectCompression(head);
  if (compression === 'bzip2') return undefined;
  const read = async (limit: number): Promise<TextSample | undefined> => {
    try {
      return await readTextSample(store, object, compression, limit);
    } catch {
      return undefined;
    }
  };
  const sample = await read(SAMPLE_BYTES);
  if (!sample || sample.bytes.length === 0 || sample.bytes.includes(0)) return undefined;
  let json = classifyJson(sample);
  if (json === JSON_NEEDS_LARGER_SAMPLE) {
    const larger = await read(MAX_JSON_SAMPLE_BYTES);
    json = larger ? classifyJson(larger) : undefined;
    if (json === JSON_NEEDS_LARGER_SAMPLE) json = undefined;
  }
  const schema = json ?? classifyCsv(sample);
  return schema && { ...schema, compressionType: compression };
}
