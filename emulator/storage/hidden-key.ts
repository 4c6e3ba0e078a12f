/**
 * Whether a key, relative to the folder being read, passes through a hidden or marker name: a segment starting with `_`
 * or `.` (`_SUCCESS`, `_temporary/`, `.part-0.crc`), which Hadoop, Spark and Glue's readers and crawlers skip.
 * **Unconfirmed**: Glue documents the file names; gluekit also skips such folders, as Hive and Spark do.
 */
export function isHiddenKey(relativeKey: string): boolean {
  return relativeKey.split('/').some((segment) => segment.startsWith('_') || segment.startsWith('.'));
}
