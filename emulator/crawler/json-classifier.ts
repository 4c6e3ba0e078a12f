import type { FileSchema } from './file-schema';
import { InferredField, InferredType, mergeFields, mergeTypes } from './inferred-type';
import { JsonSyntaxError, JsonTruncatedError, JsonTypeScanner } from './json-type-scanner';
import type { TextSample } from './text-sample';

/** The column a file that is one top-level JSON array gets (GLUE-REFERENCE section 4). */
export const JSON_ARRAY_COLUMN = 'record';

/** The sample ended before the first record did: read a larger sample (up to 10 MB) and try again. */
export const JSON_NEEDS_LARGER_SAMPLE = 'needs-larger-sample';

/**
 * The built-in JSON classifier. A file is JSON when its first character is `{` or `[` and its first value parses.
 *
 * - Objects one after another (newline-delimited JSON, or pretty-printed objects back to back): each is a record; the
 *   columns are the union of their keys in order of first appearance, names lower-cased (keys differing only in case
 *   merge), types merged across records. Nested field names keep their case (**Unconfirmed**).
 * - A file that is a top-level array is one column `record` of type `array<...>` (no JsonPath classifier in gluekit),
 *   one record per top-level array.
 *
 * A malformed record after the first is skipped (reading resumes at the next line); **Unconfirmed**: when skipped
 * values (malformed, or scalars/arrays between objects) outnumber records the file is not JSON.
 * `recordCount` is exact when the whole file was read, else the sampled records scaled by size / sampled size.
 */
export function classifyJson(sample: TextSample): FileSchema | typeof JSON_NEEDS_LARGER_SAMPLE | undefined {
  const text = sample.bytes.toString('utf8');
  const scanner = new JsonTypeScanner(text);
  if (!scanner.skipWhitespace()) return undefined;
  const mode = text[scanner.pos] === '{' ? 'object' : text[scanner.pos] === '[' ? 'array' : undefined;
  if (!mode) return undefined;

  let fields: InferredField[] = [];
  let element: InferredType | undefined;
  let records = 0;
  let skipped = 0;
  let lastEnd = 0;
  let cut = false;
  while (scanner.skipWhitespace()) {
    const start = scanner.pos;
    try {
      if (mode === 'array') {
        const { element: e, complete } = scanner.partialArrayElements();
        element = mergeTypes(element, e);
        records++;
        if (!complete) {
          if (!sample.truncated) return undefined;
          cut = true;
          break;
        }
      } else {
        const v = scanner.value();
        if (v.shape !== 'object') {
          skipped++;
          continue;
        }
        if (v.type?.kind === 'struct') {
          fields = mergeFields(fields, v.type.fields.map((f) => ({ name: f.name.toLowerCase(), type: f.type })));
        }
        records++;
      }
      // The record's bytes include the line break after it.
      scanner.skipWhitespace();
      lastEnd = scanner.pos;
    } catch (e) {
      if (!(e instanceof JsonTruncatedError) && !(e instanceof JsonSyntaxError)) throw e;
      if (e instanceof JsonTruncatedError && sample.truncated) {
        // The sample ends inside this value: it is the end of what is read.
        if (records === 0) return JSON_NEEDS_LARGER_SAMPLE;
        cut = true;
        break;
      }
      if (records === 0) return undefined;
      skipped++;
      const nextLine = text.indexOf('\n', start + 1);
      if (nextLine < 0) break;
      scanner.pos = nextLine + 1;
    }
  }
  if (records === 0 || skipped > records) return undefined;

  const columns = mode === 'array' ? [{ name: JSON_ARRAY_COLUMN, type: { kind: 'array' as const, element } }] : fields;
  let recordCount = records;
  if ((cut || sample.truncated) && mode === 'object') {
    const sampledBytes = Buffer.byteLength(text.slice(0, lastEnd));
    if (sampledBytes > 0) recordCount = Math.round((records * sample.totalBytes) / sampledBytes);
  }
  return { classification: 'json', compressionType: 'none', columns, recordCount, recordBytes: sample.totalBytes };
}
