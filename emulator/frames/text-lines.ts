import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import type { FrameSession } from './frame-session';
import { gunzipFile, isGzipFile } from './gzip-input';
import { quoteLiteral } from './sql';

/**
 * Text files read and written line by line in DuckDB, for the readers that take a file apart before DuckDB's own
 * readers see it (CSV without multiLine, JSON with malformed lines or a jsonPath): where their files go in the staging
 * folder, the lines of a file, and a query's text written back as lines.
 */

/** A file of the run's staging folder, `<folder>/<hash of key><extension>`, its folder made. */
export async function stagingFile(session: FrameSession, folder: string, key: string, extension: string): Promise<string> {
  const target = path.join(session.stagingDir, folder, `${createHash('sha256').update(key).digest('hex').slice(0, 40)}${extension}`);
  await fs.mkdir(path.dirname(target), { recursive: true });
  return target;
}

/**
 * A file as DuckDB's `read_text` can read it: DuckDB's read_text does not decompress, so a gzip file is decompressed
 * into the staging folder first (a stream, never held in memory).
 */
export async function readableText(session: FrameSession, file: string, gzip: boolean | undefined, folder: string): Promise<string> {
  return isGzipFile(file, gzip) ? gunzipFile(file, await stagingFile(session, folder, file, '.gunzip'), session.describePaths(file)) : file;
}

/** The lines of a text file: `raw` (a `\r` before the newline kept) and its number `n` from 1. */
export function textLinesSql(file: string): string {
  const split = 'string_split(content, chr(10))';
  return `SELECT unnest(${split}) AS raw, generate_subscripts(${split}, 1) AS n FROM read_text(${quoteLiteral(file)})`;
}

/** Writes a query's one text column to `target`, one value a line, as it is (no quoting, no header). */
export function writeLinesSql(query: string, target: string): string {
  return `COPY (${query}) TO ${quoteLiteral(target)} (FORMAT csv, QUOTE '', ESCAPE '', HEADER false, DELIMITER chr(1))`;
}
