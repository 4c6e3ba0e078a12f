/**
 * Values a generated script reads from job arguments (a bucket name only known at deploy, say) stand in the pipeline
 * graph as placeholders `{{args.<name>}}`; each run binds them from its own arguments, so a run's `--name` overrides the
 * job's default on AWS and locally alike.
 */
const PLACEHOLDER = /^\{\{args\.([A-Za-z_][A-Za-z0-9_]*)\}\}$/;
/** A job argument name, without the leading `--`. */
export const ARGUMENT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** How CDK encodes an unresolved token inside a string (`${Token[Bucket.Name.123]}`). */
const CDK_STRING_TOKEN = /\$\{Token\[[^\]]*\]\}/;

/** The placeholder standing for job argument `name`. */
export function placeholderFor(name: string): string {
  return `{{args.${name}}}`;
}

/** The job argument a placeholder stands for, or undefined when `value` is not a placeholder. */
export function argumentOfPlaceholder(value: string): string | undefined {
  return PLACEHOLDER.exec(value)?.[1];
}

/**
 * Whether a graph value is only known at deploy or run time (a CDK token, or a job-argument placeholder): such a value
 * is checked when it is bound, not before.
 */
export function isDeferredValue(value: string): boolean {
  return PLACEHOLDER.test(value) || CDK_STRING_TOKEN.test(value);
}

/**
 * Fills the `{{args.<name>}}` placeholders of a graph from a job run's arguments (`{"--name": value}`, the job's
 * DefaultArguments merged with the run's Arguments; keys with or without `--`). A graph without placeholders comes back
 * unchanged. Throws naming the node and the argument when the run lacks one.
 */
export function bindArguments<G extends Record<string, unknown>>(graph: G, args: Record<string, string>): G {
  const bind = (value: unknown, where: string): unknown => {
    if (typeof value === 'string') {
      const name = argumentOfPlaceholder(value);
      if (name === undefined) return value;
      const bound = args[`--${name}`] ?? args[name];
      if (bound === undefined) throw new Error(`pipeline node ${where} is carried by job argument --${name}, which the job run does not have; pass --${name}`);
      return bound;
    }
    if (Array.isArray(value)) return value.map((v, i) => bind(v, `${where}.${i}`));
    if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bind(v, `${where}.${k}`)]));
    return value;
  };
  return Object.fromEntries(Object.entries(graph).map(([id, node]) => [id, bind(node, `'${id}' field`)])) as G;
}

/** A JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
