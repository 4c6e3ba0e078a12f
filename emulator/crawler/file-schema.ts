import type { ObjectInfo } from '../storage/object-store';
import type { InferredField } from './inferred-type';

/** The classifications the built-in classifiers produce (GLUE-REFERENCE section 4). */
export type Classification = 'csv' | 'json' | 'parquet';

/** `compressionType` as the crawler writes it. */
export type CompressionType = 'none' | 'gzip';

/** What the built-in CSV classifier found in a file. */
export interface CsvFormat {
  /** The field delimiter: one of `,` `|` `\t` `;` `\u0001`. */
  readonly delimiter: string;
  /** Whether the first row is a header (and so `skip.header.line.count=1`). */
  readonly header: boolean;
  /** Whether any sampled value was enclosed in quotes (then the table uses OpenCSVSerde). */
  readonly quoted: boolean;
}

/** A file's schema and statistics, as a classifier inferred them. */
export interface FileSchema {
  readonly classification: Classification;
  readonly compressionType: CompressionType;
  /** Columns in the file's order, names lower-cased; `renderType` gives their Hive types. */
  readonly columns: readonly InferredField[];
  /** Records in the file: exact for Parquet (from the footer), estimated from the sample for text formats. */
  readonly recordCount: number;
  /**
   * Bytes the records take: the file size for Parquet; for text, the uncompressed size without the header line.
   * A table's `averageRecordSize` is the sum of these over the sum of `recordCount`.
   */
  readonly recordBytes: number;
  /** Present for CSV. */
  readonly csv?: CsvFormat;
}

/** A listed object with its inferred schema. */
export interface ClassifiedFile {
  readonly object: ObjectInfo;
  /** The object key relative to the crawled include path (no leading slash). */
  readonly relativeKey: string;
  readonly schema: FileSchema;
}
