import type { CodeGenConfigurationNode } from '@aws-sdk/client-glue';

/**
 * A pipeline graph is Glue Studio's own visual job model: a map from node id to a `CodeGenConfigurationNode`, a one-key
 * object naming the node's kind (`{ RenameField: { Name, Inputs, SourcePath, TargetPath } }`). The same graph is printed as
 * a PySpark script for AWS and executed by the emulator's frame engine.
 */
export type PipelineGraph = Record<string, CodeGenConfigurationNode>;

/** The node kinds gluekit's builder produces and its frame engine runs today. */
export const SUPPORTED_NODE_KINDS = [
  'CatalogSource',
  'S3CsvSource',
  'S3JsonSource',
  'S3ParquetSource',
  'RenameField',
  'ApplyMapping',
  'SelectFields',
  'DropFields',
  'Filter',
  'S3GlueParquetTarget',
  'S3DirectTarget',
  'CatalogTarget',
] as const;
export type NodeKind = (typeof SUPPORTED_NODE_KINDS)[number];

const SOURCE_KINDS: ReadonlySet<string> = new Set(['CatalogSource', 'S3CsvSource', 'S3JsonSource', 'S3ParquetSource']);
const TARGET_KINDS: ReadonlySet<string> = new Set(['S3GlueParquetTarget', 'S3DirectTarget', 'CatalogTarget']);

/** A node unwrapped: its id, its kind (the one key) and that key's body. */
export interface GraphNode {
  readonly id: string;
  readonly kind: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
  readonly inputs: string[];
}

/** Unwraps one node; throws naming the node when it does not have exactly one kind key. */
export function unwrapNode(id: string, node: CodeGenConfigurationNode): GraphNode {
  const keys = Object.keys(node).filter((k) => (node as Record<string, unknown>)[k] !== undefined);
  if (keys.length !== 1) {
    throw new Error(`pipeline node '${id}' must have exactly one node kind key, found ${keys.length} (${keys.join(', ') || 'none'})`);
  }
  const kind = keys[0];
  const body = (node as Record<string, unknown>)[kind] as { Inputs?: string[] };
  return { id, kind, body, inputs: body?.Inputs ?? [] };
}

export function isSourceKind(kind: string): boolean {
  return SOURCE_KINDS.has(kind);
}

export function isTargetKind(kind: string): boolean {
  return TARGET_KINDS.has(kind);
}

/**
 * The nodes in an order where every node comes after its inputs (ties broken by id, so the order is stable).
 * Throws naming the node on an unknown input or a cycle.
 */
export function topologicalOrder(graph: PipelineGraph): GraphNode[] {
  const nodes = new Map(Object.keys(graph).sort().map((id) => [id, unwrapNode(id, graph[id])]));
  for (const node of nodes.values()) {
    for (const input of node.inputs) {
      if (!nodes.has(input)) throw new Error(`pipeline node '${node.id}' has input '${input}', which is not a node of the graph`);
    }
  }
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: GraphNode[] = [];
  const visit = (node: GraphNode): void => {
    if (done.has(node.id)) return;
    if (visiting.has(node.id)) throw new Error(`pipeline graph has a cycle through node '${node.id}'`);
    visiting.add(node.id);
    for (const input of node.inputs) visit(nodes.get(input)!);
    visiting.delete(node.id);
    done.add(node.id);
    out.push(node);
  };
  for (const node of nodes.values()) visit(node);
  return out;
}

/** Glue Studio's CSV `Separator` values and the characters they stand for. */
export const CSV_SEPARATORS: Readonly<Record<string, string>> = { comma: ',', tab: '\t', pipe: '|', semicolon: ';', ctrla: '\u0001' };
