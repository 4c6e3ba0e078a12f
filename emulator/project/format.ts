import type { Node, WorkflowRun } from '@aws-sdk/client-glue';
import { type TableColumn, toGlueType } from '../api';

export interface FormatOptions {
  /** ANSI colours (off when NO_COLOR is set or output is not a TTY). */
  readonly color?: boolean;
}

const COLORS: Record<string, string> = { SUCCEEDED: '32', COMPLETED: '32', FAILED: '31', ERROR: '31', TIMEOUT: '31', RUNNING: '33', STOPPED: '33', 'NOT RUN': '2' };

function paint(text: string, state: string, color: boolean | undefined): string {
  const code = COLORS[state];
  return color && code ? `\u001b[${code}m${text}\u001b[0m` : text;
}

function seconds(from?: Date | string, to?: Date | string): string {
  if (!from || !to) return '';
  return `${((new Date(to).getTime() - new Date(from).getTime()) / 1000).toFixed(1)} s`;
}

/** A node's status in a run: its last job run's or crawl's state, `NOT RUN`, or for a trigger whether it fired. */
export function nodeStatus(node: Node, run: WorkflowRun): { state: string; took: string; error?: string } {
  if (node.Type === 'JOB') {
    const runs = node.JobDetails?.JobRuns ?? [];
    const last = runs[runs.length - 1];
    return last ? { state: last.JobRunState ?? 'UNKNOWN', took: seconds(last.StartedOn, last.CompletedOn), error: last.ErrorMessage } : { state: 'NOT RUN', took: '' };
  }
  if (node.Type === 'CRAWLER') {
    const crawls = node.CrawlerDetails?.Crawls ?? [];
    const last = crawls[crawls.length - 1];
    return last ? { state: last.State ?? 'UNKNOWN', took: seconds(last.StartedOn, last.CompletedOn), error: last.ErrorMessage } : { state: 'NOT RUN', took: '' };
  }
  const targets = (run.Graph?.Edges ?? []).filter((e) => e.SourceId === node.UniqueId).map((e) => run.Graph?.Nodes?.find((n) => n.UniqueId === e.DestinationId));
  const fired = targets.some((t) => t && nodeStatus(t, run).state !== 'NOT RUN');
  return { state: fired ? 'FIRED' : 'NOT FIRED', took: '' };
}

/** The run's nodes in the order the graph runs them (sources first), ties by name. */
export function orderedNodes(run: WorkflowRun): Node[] {
  const nodes = run.Graph?.Nodes ?? [];
  const edges = run.Graph?.Edges ?? [];
  const indegree = new Map(nodes.map((n) => [n.UniqueId!, 0]));
  for (const e of edges) indegree.set(e.DestinationId!, (indegree.get(e.DestinationId!) ?? 0) + 1);
  const out: Node[] = [];
  let ready = nodes.filter((n) => indegree.get(n.UniqueId!) === 0);
  while (ready.length > 0) {
    ready.sort((a, b) => (a.Name! < b.Name! ? -1 : 1));
    const next: Node[] = [];
    for (const n of ready) {
      out.push(n);
      for (const e of edges.filter((x) => x.SourceId === n.UniqueId)) {
        const left = indegree.get(e.DestinationId!)! - 1;
        indegree.set(e.DestinationId!, left);
        if (left === 0) next.push(nodes.find((x) => x.UniqueId === e.DestinationId)!);
      }
    }
    ready = next;
  }
  for (const n of nodes) if (!out.includes(n)) out.push(n);
  return out;
}

/** The run graph as text: one line per node with its status, errors indented below, then the statistics. */
export function formatWorkflowRun(run: WorkflowRun, options: FormatOptions = {}): string {
  const lines: string[] = [];
  lines.push(`workflow ${run.Name}  run ${run.WorkflowRunId}  ${paint(run.Status ?? '', run.Status ?? '', options.color)}  ${seconds(run.StartedOn, run.CompletedOn)}`);
  const nodes = orderedNodes(run);
  const width = Math.max(4, ...nodes.map((n) => n.Name!.length));
  for (const node of nodes) {
    const status = nodeStatus(node, run);
    lines.push(`  ${node.Type!.padEnd(7)}  ${node.Name!.padEnd(width)}  ${paint(status.state.padEnd(9), status.state, options.color)}  ${status.took}`.trimEnd());
    if (status.error) lines.push(`           ${status.error.split('\n').join('\n           ')}`);
  }
  const s = run.Statistics ?? {};
  lines.push(
    `  actions: ${s.TotalActions ?? 0} total, ${s.SucceededActions ?? 0} succeeded, ${s.FailedActions ?? 0} failed, ${s.ErroredActions ?? 0} errored, ${s.TimeoutActions ?? 0} timed out, ${s.StoppedActions ?? 0} stopped`,
  );
  return lines.join('\n');
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Rows as an aligned text table with a `name: type` header. */
export function formatRows(schema: TableColumn[], rows: Record<string, unknown>[]): string {
  const headers = schema.map((f) => `${f.name}: ${toGlueType(f.type)}`);
  const cells = rows.map((r) => schema.map((f) => cell(r[f.name])));
  const widths = headers.map((h, i) => Math.min(40, Math.max(h.length, ...cells.map((c) => c[i].length))));
  const fmt = (values: string[]): string => values.map((v, i) => (v.length > widths[i] ? `${v.slice(0, widths[i] - 1)}…` : v.padEnd(widths[i]))).join(' | ').trimEnd();
  return [fmt(headers), widths.map((w) => '-'.repeat(w)).join('-+-'), ...cells.map(fmt)].join('\n');
}
