/** Splits `s3://bucket/key/prefix` into its bucket and key. Throws a clear error on anything else. */
export function parseS3Uri(uri: string, where = 'path'): { bucket: string; key: string } {
  const match = /^s3a?:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!match) {
    throw new Error(`${where}: '${uri}' is not an S3 URI; expected s3://<bucket>/<key>`);
  }
  return { bucket: match[1], key: match[2] };
}
