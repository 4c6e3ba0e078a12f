import type { S3CsvSource, S3JsonSource, S3ParquetSource } from '@aws-sdk/client-glue';
import { dataFiles } from './data-files';
import type { FrameSession } from './frame-session';

/**
 * The local files of an S3 source's paths. Options the engine does not honour yet are refused by name rather than
 * ignored, so a local run never silently reads other rows than Glue would.
 */
export async function s3SourceFiles(session: FrameSession, where: string, p: S3CsvSource | S3JsonSource | S3ParquetSource): Promise<string[]> {
  if (p.Exclusions && p.Exclusions.length > 0) throw new Error(`${where}: Exclusions are not supported by gluekit's frame engine yet; move the excluded files or remove Exclusions`);
  const files: string[] = [];
  for (const path of p.Paths ?? []) files.push(...(await dataFiles(session, path, p.Recurse !== false)));
  if (files.length === 0) throw new Error(`${where}: no data files under ${(p.Paths ?? []).join(', ')}`);
  return files;
}
