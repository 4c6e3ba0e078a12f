import type { PipelineGraph } from './graph';

/**
 * The graph block of a gluekit-generated PySpark script: the pipeline graph as canonical JSON in comment lines between
 * these markers, so a job created through the API from the script alone can be run locally. Values the script reads from
 * job arguments stand as placeholders `{{args.<name>}}`, bound per run from the run's arguments.
 */
export const GRAPH_BEGIN = '# gluekit-graph-begin';
export const GRAPH_END = '# gluekit-graph-end';
const PLACEHOLDER = /^\{\{args\.([A-Za-z_][A-Za-z0-9_-]*)\}\}$/;

/**
 * The graph a gluekit-generated script carries in its `# gluekit-graph-begin` / `# gluekit-graph-end` block, or
 * undefined when the script has no such block. The exact inverse of the block {@link generatePySparkScript} writes.
 *
 * Values that the script reads from job arguments are placeholders `{{args.<name>}}` in the block; pass the run's
 * arguments (`{"--name": value}`, as a job's `DefaultArguments` merged with a run's `Arguments`; keys with or without
 * `--`) to have them replaced. Throws when the block is damaged, or a placeholder names an argument `args` lacks.
 */
export function readGraphFromScript(script: string, args?: Record<string, string>): PipelineGraph | undefined {
  const lines = script.split(/\r?\n/);
  const begin = lines.findIndex((l) => l.trimEnd() === GRAPH_BEGIN);
  if (begin < 0) return undefined;
  let json = '';
  let end = -1;
  for (let i = begin + 1; i < lines.length; i++) {
    if (lines[i].trimEnd() === GRAPH_END) {
      end = i;
      break;
    }
    if (!lines[i].startsWith('# ')) {
      throw new Error(
        `script line ${begin + 1}: '${GRAPH_BEGIN}' has no matching '${GRAPH_END}' (line ${i + 1} is not a '# ' comment line of the block); ` +
          'regenerate the script with gluekit',
      );
    }
    json += lines[i].slice(2);
  }
  if (end < 0) throw new Error(`script line ${begin + 1}: '${GRAPH_BEGIN}' has no matching '${GRAPH_END}'; regenerate the script with gluekit`);
  let graph: unknown;
  try {
    graph = JSON.parse(json);
  } catch (e) {
    throw new Error(`script lines ${begin + 1}-${end + 1}: the gluekit graph block is not valid JSON (${(e as Error).message}); regenerate the script with gluekit`);
  }
  if (!isPlainObject(graph) || !Object.values(graph).every(isPlainObject)) {
    throw new Error(`script lines ${begin + 1}-${end + 1}: the gluekit graph block must be an object of nodes keyed by node id`);
  }
  return args ? bindArguments(graph as PipelineGraph, args) : (graph as PipelineGraph);
}

/**
 * Fills the `{{args.<name>}}` placeholders of a graph from a job run's arguments (`{"--name": value}`, the job's
 * DefaultArguments merged with the run's Arguments; keys with or without `--`). A graph without placeholders comes back
 * unchanged. Throws naming the node and the argument when the run lacks one.
 */
export function bindArguments(graph: PipelineGraph, args: Record<string, string>): PipelineGraph {
  const bind = (value: unknown, where: string): unknown => {
    if (typeof value === 'string') {
      const m = PLACEHOLDER.exec(value);
      if (!m) return value;
      const bound = args[`--${m[1]}`] ?? args[m[1]];
      if (bound === undefined) throw new Error(`pipeline node ${where} is carried by job argument --${m[1]}, which the job run does not have; pass --${m[1]}`);
      return bound;
    }
    if (Array.isArray(value)) return value.map((v, i) => bind(v, `${where}.${i}`));
    if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bind(v, `${where}.${k}`)]));
    return value;
  };
  return Object.fromEntries(Object.entries(graph).map(([id, node]) => [id, bind(node, `'${id}' field`)])) as PipelineGraph;
}

/** A JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

