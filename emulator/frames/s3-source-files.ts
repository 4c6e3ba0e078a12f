import type { S3CsvSource, S3JsonSource, S3ParquetSource } from '@aws-sdk/client-glue';
import { compileExclusionGlob } from '../storage/exclusion-glob';
import { dataFiles } from './data-files';
import type { FrameSession } from './frame-session';

/**
 * The local files of an S3 source's paths, less those an exclusion glob matches and those the source's job bookmark
 * has read already. A pattern is matched against the key below the source path and against the object's whole
 * `s3://` URI: either match excludes it (Unconfirmed: the developer guide's examples use both forms). Empty only when
 * the bookmark left every file out (the source then gives an empty frame); no file at all is an error.
 */
export async function s3SourceFiles(session: FrameSession, node: string, where: string, p: S3CsvSource | S3JsonSource | S3ParquetSource): Promise<string[]> {
  let exclusions: RegExp[];
  try {
    exclusions = (p.Exclusions ?? []).map(compileExclusionGlob);
  } catch (e) {
    throw new Error(`${where}: ${(e as Error).message}`);
  }
  const files: string[] = [];
  for (const path of p.Paths ?? []) files.push(...(await dataFiles(session, path, { recurse: p.Recurse !== false, exclusions, bookmark: node, bzip2: String(p.CompressionType) === 'bzip2' })));
  if (files.length === 0 && !session.bookmarks.skippedAny(node)) throw new Error(`${where}: no data files under ${(p.Paths ?? []).join(', ')}`);
  return files;
}
