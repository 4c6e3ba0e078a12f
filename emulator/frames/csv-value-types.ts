import { choiceColumnError } from './choice-columns';
import type { DynamicFrame } from './dynamic-frame';
import type { FrameSession } from './frame-session';
import { choiceOf, choiceTag, STRING, type DataType } from './schema';
import { quoteIdentifier, quoteLiteral } from './sql';

const LONG: DataType = { kind: 'long', sql: 'BIGINT' };
const DOUBLE: DataType = { kind: 'double', sql: 'DOUBLE' };

/** The kinds Glue's CSV reader gives a value read without a schema, in the order they are tried. */
export type CsvKind = 'long' | 'double' | 'string';
const KINDS: readonly CsvKind[] = ['long', 'double', 'string'];
const TYPES: Record<CsvKind, DataType> = { long: LONG, double: DOUBLE, string: STRING };

const INTEGER = `'[+-]?[0-9]+'`;
const FRACTIONAL = `'[+-]?([0-9]+[.][0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?|[+-]?[0-9]+[eE][+-]?[0-9]+'`;

/**
 * When a text value (not null) is of a kind, and its value as that kind: for a long a cheap test (DuckDB's parse
 * printed back is the text) and an exact one (a regular expression) for what the cheap one does not decide; for a
 * double the regular expression (cheaper than printing a double back). Unconfirmed (GLUE-REFERENCE is silent on how
 * Glue's CSV reader types values; the developer guide's medicare example shows that it does, per value): a decimal
 * integer (optional sign, digits, leading zeros allowed) that fits 64 bits is a `long` (not an `int` where it fits 32
 * bits, as the JSON reader's Jackson makes it: Unconfirmed, as DuckDB's sniffer and the stand-ins' writers type it); a
 * number with a decimal point or an exponent is a `double` unless it overflows; anything else (`true`, `NaN`,
 * `1_000`, `0x1F`, text with surrounding spaces, an integer beyond a long) is a `string`. The awsglue stand-ins type
 * values by the same rule (`infer_csv_value`). The kinds exclude each other, so the tests may be tried in any order.
 */
function kindRule(kind: Exclude<CsvKind, 'string'>, v: string, parsedColumn?: string): { cheap: string; exact?: string; value: string } {
  if (kind === 'long') {
    const parsed = parsedColumn ?? `TRY_CAST(${v} AS BIGINT)`;
    return { cheap: `CAST(${parsed} AS VARCHAR) = ${v}`, exact: `regexp_full_match(${v}, ${INTEGER}) AND ${parsed} IS NOT NULL`, value: parsed };
  }
  const parsed = parsedColumn ?? `TRY_CAST(${v} AS DOUBLE)`;
  return { cheap: `regexp_full_match(${v}, ${FRACTIONAL}) AND isfinite(${parsed})`, value: parsed };
}

/**
 * A CASE over a text value (not null) by its kind among `kinds` (cheap tests first), each giving `then(kind, value)`;
 * a value of none of them gives `otherwise`.
 */
function byKind(v: string, kinds: readonly CsvKind[], then: (kind: CsvKind, value: string) => string, otherwise: string, parsedColumn?: string): string {
  const numbers = kinds.filter((k): k is Exclude<CsvKind, 'string'> => k !== 'string');
  const string = kinds.includes('string') ? then('string', v) : otherwise;
  if (numbers.length === 0) return string;
  // A column parsed once (in an inner projection) serves a lone number kind.
  const rules = numbers.map((k) => ({ kind: k, ...kindRule(k, v, numbers.length === 1 ? parsedColumn : undefined) }));
  const cheap = rules.map((r) => `WHEN ${r.cheap} THEN ${then(r.kind, r.value)}`);
  const exact = rules.flatMap((r) => (r.exact ? [`WHEN ${r.exact} THEN ${then(r.kind, r.value)}`] : []));
  // A number starts with a digit, a sign or a point: a test of the first character rules most strings out (a failed
  // DuckDB cast costs ten times as much).
  const noNumber = `WHEN NOT (ascii(${v}) BETWEEN 48 AND 57 OR ascii(${v}) IN (43, 45, 46)) THEN ${string}`;
  // Where strings are expected, that test comes first; else the numbers' cheap tests.
  const tests = kinds.includes('string') ? [noNumber, ...cheap, ...exact] : [...cheap, noNumber, ...exact];
  return `CASE ${tests.join(' ')} ELSE ${string} END`;
}

/** What DuckDB's sniffer (with BIGINT, DOUBLE and VARCHAR as its candidates) guessed a column's kind to be. */
export function guessedKind(duckDbType: string): CsvKind {
  return duckDbType === 'BIGINT' ? 'long' : duckDbType === 'DOUBLE' ? 'double' : 'string';
}

/**
 * A CSV source's columns (read as text) typed value by value, as Glue's reader types them (`kindRule`): a column whose
 * values are all of one kind has that type, one of several kinds is a choice of them.
 *
 * As for catalog tables (`choice-columns.ts`), a scan first assumes each column is of the kind DuckDB's sniffer
 * guessed from a sample; a value of another kind raises the error that makes the run note the column and start
 * again, and the scan's columns are then probed (one aggregate over the files) for the kinds they hold. Clean files
 * are read once; a string column pays a test of each value's first character to show that it is no number.
 */
export async function typeCsvValues(
  session: FrameSession,
  node: string,
  scanKey: string,
  read: DynamicFrame,
  columns: readonly { source: string; name: string; guess: CsvKind }[],
  probe = false,
  /** Columns of `read` passed through as they are, before the typed ones. */
  keep: readonly string[] = [],
): Promise<DynamicFrame> {
  // One column found to hold a value of another kind than its guess (or no guesses: `probe`): every column of the scan
  // is probed, in one pass, so no other column can make the run start again.
  const kinds = new Map<string, CsvKind[]>();
  if (probe || columns.some((c) => session.choices.has(scanKey, c.name))) {
    const kindOf = (v: string): string => `CASE WHEN ${v} IS NULL THEN NULL ELSE ${byKind(v, KINDS, (k) => quoteLiteral(k), `'string'`)} END`;
    const each = columns.map((c, i) => `${kindOf(quoteIdentifier(c.source))} AS ${quoteIdentifier(`k${i}`)}`);
    const probes = columns.flatMap((_c, i) => KINDS.map((k) => `bool_or(${quoteIdentifier(`k${i}`)} = ${quoteLiteral(k)}) AS ${quoteIdentifier(`${k}${i}`)}`));
    const query = `SELECT ${probes.join(', ')} FROM (SELECT ${each.join(', ')} FROM ${quoteIdentifier(read.view)})`;
    const row = (await session.step(node, () => session.connection.runAndReadAll(query))).getRowObjectsJS()[0];
    columns.forEach((c, i) => kinds.set(c.name, KINDS.filter((k) => row[`${k}${i}`] === true)));
  }
  const parsedName = (c: (typeof columns)[number]): string => quoteIdentifier(`gluekit_parsed_${columns.indexOf(c)}`);
  const select = columns.map((c) => {
    const v = quoteIdentifier(c.source);
    const present = kinds.get(c.name);
    let sql: string;
    if (present === undefined) sql = assumed(v, c.guess, choiceColumnError(scanKey, c.name), c.guess === 'string' ? undefined : parsedName(c));
    else if (present.length === 0 || (present.length === 1 && present[0] === 'string')) sql = v;
    else {
      const type = choiceOf(present.map((k) => TYPES[k]));
      const member = (k: CsvKind, value: string): string => (type.kind === 'choice' ? `CAST(union_value(${quoteIdentifier(choiceTag(TYPES[k]))} := ${value}) AS ${type.sql})` : value);
      sql = `CASE WHEN ${v} IS NULL THEN NULL ELSE ${byKind(v, present, member, 'NULL')} END`;
    }
    return `${sql} AS ${quoteIdentifier(c.name)}`;
  });
  // Each number column assumed of its kind is parsed once, in an inner projection (DuckDB would parse it per use).
  const parsed = kinds.size === 0 ? columns.filter((c) => c.guess !== 'string') : [];
  const inner = parsed.length === 0 ? quoteIdentifier(read.view) : `(SELECT *, ${parsed.map((c) => `TRY_CAST(${quoteIdentifier(c.source)} AS ${TYPES[c.guess].sql}) AS ${parsedName(c)}`).join(', ')} FROM ${quoteIdentifier(read.view)})`;
  return session.frame(node, `SELECT ${[...keep.map(quoteIdentifier), ...select].join(', ')} FROM ${inner}`);
}

/**
 * A column read as the kind assumed for it: each value of that kind, any other raising `otherwise` (the error that
 * makes the run probe the scan's columns).
 */
function assumed(v: string, kind: CsvKind, otherwise: string, parsedColumn?: string): string {
  const only = kind === 'string' ? byKind(v, KINDS, (k, value) => (k === 'string' ? value : otherwise), otherwise) : byKind(v, [kind], (_k, value) => value, otherwise, parsedColumn);
  return `CASE WHEN ${v} IS NULL THEN NULL ELSE ${only} END`;
}
