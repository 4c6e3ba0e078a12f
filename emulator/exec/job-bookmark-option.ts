/** The values of the `--job-bookmark-option` job argument (GLUE-REFERENCE section 5). */
export type JobBookmarkOption = 'job-bookmark-enable' | 'job-bookmark-disable' | 'job-bookmark-pause';

const OPTIONS: readonly JobBookmarkOption[] = ['job-bookmark-enable', 'job-bookmark-disable', 'job-bookmark-pause'];

/** A run's bookmark option from its resolved arguments (default `job-bookmark-disable`); another value is an error. */
export function jobBookmarkOption(args: Record<string, string> | undefined): JobBookmarkOption {
  const value = args?.['--job-bookmark-option'];
  if (value === undefined) return 'job-bookmark-disable';
  if (!(OPTIONS as readonly string[]).includes(value)) throw new Error(`job argument --job-bookmark-option '${value}' is not one of ${OPTIONS.join(', ')}`);
  return value as JobBookmarkOption;
}
