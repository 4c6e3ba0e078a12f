import { parse } from 'csv-parse/sync';
import type { FileSchema } from './file-schema';
import { InferredField, InferredType, mergeTypes, STRING } from './inferred-type';
import type { TextSample } from './text-sample';
import { textValueType } from './text-value-type';

/** The delimiters the built-in CSV classifier tries, in order (GLUE-REFERENCE section 4). */
export const CSV_DELIMITERS: readonly string[] = [',', '|', '\t', ';', '\u0001'];

/** Records sampled per file: 1,000 (plus the header line). */
export const CSV_SAMPLE_RECORDS = 1000;

/** Header cells other than the last must be shorter than this. */
const MAX_HEADER_CELL = 150;
/** The Data Catalog's limit on a column name. */
const MAX_COLUMN_NAME = 255;

interface SampledRecord {
  readonly fields: string[];
  /** Bytes of the sample consumed up to the end of this record (its line break included). */
  readonly endByte: number;
}

interface ParsedSample {
  readonly records: SampledRecord[];
  readonly quoted: boolean;
  /** Whether the records read are the file's complete content (so counts are exact, not estimated). */
  readonly complete: boolean;
}

/**
 * Parses the sample with one delimiter (quote `"`, doubled quote as escape). Returns undefined when the text is not
 * CSV with that delimiter (a quoting error in a complete file). A truncated sample is cut at its last line break and
 * a record left open by the cut is dropped.
 */
function parseSample(sample: TextSample, delimiter: string): ParsedSample | undefined {
  let bytes = sample.bytes;
  if (sample.truncated) {
    const lastBreak = bytes.lastIndexOf(0x0a);
    if (lastBreak < 0) return undefined;
    bytes = bytes.subarray(0, lastBreak + 1);
  }
  const records: SampledRecord[] = [];
  let quoted = false;
  let failed = false;
  try {
    parse(bytes, {
      delimiter,
      quote: '"',
      escape: '"',
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      to: CSV_SAMPLE_RECORDS + 1,
      cast: (value, context) => {
        if (context.quoting) quoted = true;
        return value;
      },
      on_record: (record: string[], context) => {
        records.push({ fields: record, endByte: context.bytes });
        return null;
      },
    });
  } catch {
    failed = true;
  }
  if (failed && !sample.truncated) return undefined;
  const complete = !sample.truncated && !failed && records.length <= CSV_SAMPLE_RECORDS;
  return { records, quoted, complete };
}

/** Whether a header cell can name a column: not blank, no control characters, at most 255 characters. */
function isValidColumnName(cell: string): boolean {
  const name = cell.trim();
  // eslint-disable-next-line no-control-regex
  return name.length > 0 && name.length <= MAX_COLUMN_NAME && !/[\u0000-\u001f\u007f]/.test(name);
}

/** Per-column types of `rows` (empty values ignored). */
function columnTypes(rows: readonly SampledRecord[], width: number): (InferredType | undefined)[] {
  const types: (InferredType | undefined)[] = new Array(width).fill(undefined);
  for (const row of rows) {
    for (let i = 0; i < width; i++) types[i] = mergeTypes(types[i], textValueType(row.fields[i] ?? ''));
  }
  return types;
}

/**
 * The built-in CSV classifier's header rule (GLUE-REFERENCE section 4): the first row is a header only if every cell
 * parses as string, every cell but the last is under 150 characters, every cell is a valid column name, and at least
 * one column of the data rows has a non-string type.
 */
export function isCsvHeader(first: readonly string[], dataTypes: readonly (InferredType | undefined)[]): boolean {
  for (let i = 0; i < first.length; i++) {
    const cell = first[i];
    if (textValueType(cell) !== STRING) return false;
    if (i < first.length - 1 && cell.trim().length >= MAX_HEADER_CELL) return false;
    if (!isValidColumnName(cell)) return false;
  }
  return dataTypes.some((t) => t !== undefined && t !== STRING);
}

/**
 * Column names from a header row: trimmed and lower-cased (`" Total Discharges "` -> `total discharges`).
 * **Unconfirmed**: Glue writes duplicate header names as duplicate columns (which Athena then rejects); gluekit keeps
 * the first and suffixes later ones `_1`, `_2`...
 */
export function headerColumnNames(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell) => {
    const base = cell.trim().toLowerCase();
    const n = seen.get(base);
    if (n === undefined) {
      seen.set(base, 0);
      return base;
    }
    seen.set(base, n + 1);
    let name = `${base}_${n + 1}`;
    while (seen.has(name)) name = `${name}_`;
    seen.set(name, 0);
    return name;
  });
}

/**
 * The built-in CSV classifier. Tries the delimiters `, | \t ; \u0001` in order and takes the first with which every
 * sampled record has the same number of fields, at least 2, and there are at least 2 data rows. Samples the first
 * 1,000 records or 1 MB. Returns undefined when the file is not CSV.
 *
 * **Unconfirmed**: Glue's tolerance for rows of differing width is not documented; gluekit requires every sampled record
 * to have the first record's width (otherwise the next delimiter is tried, then the file is UNKNOWN).
 * `recordCount` is the number of sampled data rows when the whole file was sampled, else the sampled rows scaled by
 * (content size - header) / (sampled size - header), rounded.
 */
export function classifyCsv(sample: TextSample): FileSchema | undefined {
  for (const delimiter of CSV_DELIMITERS) {
    if (!sample.bytes.includes(delimiter)) continue;
    const parsed = parseSample(sample, delimiter);
    if (!parsed || parsed.records.length < 2) continue;
    const width = parsed.records[0].fields.length;
    if (width < 2 || parsed.records.some((r) => r.fields.length !== width)) continue;
    const [first, ...rest] = parsed.records;
    const restTypes = columnTypes(rest, width);
    const header = isCsvHeader(first.fields, restTypes);
    const rows = header ? rest : parsed.records;
    if (rows.length < 2) continue;
    const types = header ? restTypes : columnTypes(parsed.records, width);
    const names = header ? headerColumnNames(first.fields) : types.map((_, i) => `col${i}`);
    const columns: InferredField[] = names.map((name, i) => ({ name, type: types[i] }));
    const headerBytes = header ? first.endByte : 0;
    const recordBytes = Math.max(0, sample.totalBytes - headerBytes);
    const sampledBytes = rows[rows.length - 1].endByte - headerBytes;
    const recordCount = parsed.complete || sampledBytes <= 0 ? rows.length : Math.round((rows.length * recordBytes) / sampledBytes);
    return {
      classification: 'csv',
      compressionType: 'none',
      columns,
      recordCount,
      recordBytes,
      csv: { delimiter, header, quoted: parsed.quoted },
    };
  }
  return undefined;
}
