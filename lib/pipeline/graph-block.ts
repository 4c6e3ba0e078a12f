import { bindArguments, isPlainObject } from './argument-placeholder';
import type { PipelineGraph } from './graph';

/**
 * The graph block of a gluekit-generated PySpark script: the pipeline graph as canonical JSON in comment lines between
 * these markers, so a job created through the API from the script alone can be run locally. Values the script reads from
 * job arguments stand as placeholders `{{args.<name>}}`, bound per run from the run's arguments.
 */
export const GRAPH_BEGIN = '# gluekit-graph-begin';
export const GRAPH_END = '# gluekit-graph-end';
/** Whole comment lines of the graph block are at most this long (`# ` included). */
const GRAPH_LINE_WIDTH = 100;

/** The block's lines, markers included: canonical JSON cut into `# ` comment lines of at most 100 characters. */
export function writeGraphBlock(graph: PipelineGraph): string[] {
  return [GRAPH_BEGIN, ...wrap(canonicalJson(graph)), GRAPH_END];
}

/**
 * The graph a gluekit-generated script carries in its `# gluekit-graph-begin` / `# gluekit-graph-end` block, or
 * undefined when the script has no such block. The exact inverse of {@link writeGraphBlock}.
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

/** JSON with object keys sorted at every level, no whitespace, and every non-ASCII character as a \u escape. */
function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (isPlainObject(v)) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) if (v[k] !== undefined) out[k] = sort(v[k]);
      return out;
    }
    return v;
  };
  return JSON.stringify(sort(value)).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The JSON cut into `# ` lines; a line ends in a space only when the JSON holds a run of spaces as long as a line. */
function wrap(json: string): string[] {
  const width = GRAPH_LINE_WIDTH - 2;
  const lines: string[] = [];
  let i = 0;
  while (i < json.length) {
    let chunk = json.slice(i, i + width);
    // An editor that strips trailing whitespace must not change the graph.
    while (chunk.length > 1 && chunk.endsWith(' ')) chunk = chunk.slice(0, -1);
    lines.push(`# ${chunk}`);
    i += chunk.length;
  }
  return lines;
}
