import type { S3CsvSource, S3JsonSource, S3ParquetSource } from '@aws-sdk/client-glue';
import type { NodeCheck } from '../node-check';
import type { ScriptContext } from '../node-definition';
import { pyBool, pyDict, pyList, pyString } from '../python-literal';

type S3Source = S3CsvSource | S3JsonSource | S3ParquetSource;

/** Studio's source `CompressionType` values (CSV and JSON); Parquet sources take none (pages are compressed in the file). */
export const TEXT_COMPRESSION_TYPES = ['none', 'gzip', 'bzip2'] as const;

/** The `connection_options` every S3 source shares (GLUE-REFERENCE section 3): paths, recurse, exclusions, grouping. */
export function validateS3Connection(p: S3Source, check: NodeCheck): void {
  if (!Array.isArray(p.Paths) || p.Paths.length === 0) return check.fail('Paths must list at least one s3:// path');
  p.Paths.forEach((path, i) => check.s3Uri(`Paths[${i}]`, path));
  check.boolean('Recurse', p.Recurse);
  if (p.Exclusions !== undefined) {
    if (!Array.isArray(p.Exclusions)) check.fail('Exclusions must be a list of glob patterns');
    p.Exclusions.forEach((e, i) => check.string(`Exclusions[${i}]`, e));
  }
  check.optionalString('GroupFiles', p.GroupFiles);
  check.optionalString('GroupSize', p.GroupSize);
  check.unsupported('MaxBand', p.MaxBand, 'a streaming and bookmark setting');
  check.unsupported('MaxFilesInBand', p.MaxFilesInBand, 'a streaming and bookmark setting');
  check.unsupported('AdditionalOptions', p.AdditionalOptions, 'bounded reads and sample paths');
}

/** `connection_options={...}` of `create_dynamic_frame.from_options(connection_type="s3", ...)`. */
export function emitS3Connection(p: S3Source, script: ScriptContext, textCompression: boolean): string {
  const connection: [string, string][] = [
    ['paths', pyList((p.Paths ?? []).map((path) => script.str(path)))],
    ['recurse', pyBool(p.Recurse !== false)],
  ];
  // awsglue takes the exclusion globs as one JSON-encoded string.
  if (p.Exclusions && p.Exclusions.length > 0) connection.push(['exclusions', pyString(JSON.stringify(p.Exclusions))]);
  if (textCompression && p.CompressionType !== undefined && p.CompressionType !== 'none') connection.push(['compressionType', pyString(String(p.CompressionType))]);
  if (p.GroupFiles !== undefined) connection.push(['groupFiles', script.str(p.GroupFiles)]);
  if (p.GroupSize !== undefined) connection.push(['groupSize', script.str(p.GroupSize)]);
  return pyDict(connection);
}

/** The whole `from_options` call of an S3 source. */
export function emitS3Read(connection: string, format: string, formatOptions: [string, string][], script: ScriptContext): string {
  return (
    `glueContext.create_dynamic_frame.from_options(connection_type="s3", connection_options=${connection}, ` +
    `format=${pyString(format)}, ${formatOptions.length > 0 ? `format_options=${pyDict(formatOptions)}, ` : ''}${script.transformationCtx})`
  );
}
