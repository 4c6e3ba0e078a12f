import type { CodeGenConfigurationNode } from '@aws-sdk/client-glue';
import { checkErrorThresholds } from './error-thresholds';
import type { GluekitNodes } from './gluekit-nodes';
import { NodeCheck } from './node-check';
import { definitionOf, isNodeKind, NODE_DEFINITIONS, NodeKind, NodeParameters } from './nodes/registry';

/**
 * A pipeline graph is Glue Studio's own visual job model: a map from node id to a `CodeGenConfigurationNode`, a one-key
 * object naming the node's kind (`{ RenameField: { Name, Inputs, SourcePath, TargetPath } }`). The same graph is printed as
 * a PySpark script for AWS and executed by the emulator's frame engine.
 */
export type PipelineGraph = Record<string, PipelineNode>;

/** One node of a pipeline graph: a Studio `CodeGenConfigurationNode` kind, or one of gluekit's own (`gluekit-nodes.ts`). */
export type PipelineNode = CodeGenConfigurationNode & GluekitNodes;

/** A node unwrapped: its id, its kind (the one key), that key's parameters and its inputs. */
export interface GraphNode<K extends NodeKind = NodeKind> {
  readonly id: string;
  readonly kind: K;
  readonly parameters: NodeParameters<K>;
  readonly inputs: readonly string[];
}

/** A node of any kind, narrowed by `kind`. */
export type AnyGraphNode = { [K in NodeKind]: GraphNode<K> }[NodeKind];

/**
 * Studio kinds whose whole result comes from a model Glue runs on the data: a local run cannot give the rows Glue would,
 * so gluekit refuses them, saying why. (FillMissingValues runs: only its filled values are a model's, and those get a
 * stand-in estimate.)
 */
const UNREPRODUCIBLE: Record<string, string> = {
  PIIDetection: "Glue finds personal data with its own detection models, which a local run cannot reproduce; run this job on AWS",
};

/** Unwraps one node; throws naming the node when it does not have exactly one known kind key. */
export function unwrapNode(id: string, node: unknown): AnyGraphNode {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) throw new Error(`pipeline node '${id}' must be an object with one node kind key`);
  const keys = Object.keys(node).filter((k) => (node as Record<string, unknown>)[k] !== undefined);
  if (keys.length !== 1) {
    throw new Error(`pipeline node '${id}' must have exactly one node kind key, found ${keys.length} (${keys.join(', ') || 'none'})`);
  }
  const kind = keys[0];
  const reason = UNREPRODUCIBLE[kind];
  if (reason) throw new Error(`pipeline node '${id}' is a ${kind} node: ${reason}`);
  if (!isNodeKind(kind)) {
    throw new Error(`pipeline node '${id}' is a ${kind} node, which gluekit does not support yet; use one of ${Object.keys(NODE_DEFINITIONS).join(', ')}`);
  }
  const parameters = (node as Record<string, unknown>)[kind];
  if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) throw new Error(`pipeline node '${id}' (${kind}) must hold an object of parameters`);
  const inputs: unknown = (parameters as { Inputs?: unknown }).Inputs ?? [];
  if (!Array.isArray(inputs) || !inputs.every((i) => typeof i === 'string')) throw new Error(`pipeline node '${id}' (${kind}): Inputs must be a list of node ids`);
  return { id, kind, parameters, inputs } as AnyGraphNode;
}

/** Checks one node's parameters by its kind's rules (the one place they are written). */
export function validateNode(node: AnyGraphNode): void {
  validate(node);
}

function validate<K extends NodeKind>(node: GraphNode<K>): void {
  const definition = definitionOf(node.kind);
  const check = new NodeCheck(node.id, node.kind);
  if (definition.role === 'source' && node.inputs.length > 0) check.fail('is a source and takes no Inputs');
  const inputs = definition.role === 'source' ? 0 : (definition.inputs ?? 1);
  if (inputs === 'many') {
    if (node.inputs.length === 0) check.fail('must have at least one input');
    if (new Set(node.inputs).size !== node.inputs.length) check.fail('takes each input once');
  } else if (definition.role !== 'source' && node.inputs.length !== inputs) check.fail(`must have exactly ${inputs === 1 ? 'one input' : `${inputs} inputs`}, found ${node.inputs.length}`);
  checkErrorThresholds(node.parameters, definition.errorThresholds === true, check);
  definition.validate(node.parameters, check);
}

/**
 * The nodes, validated, in an order where every node comes after its inputs (ties broken by id, so the order is stable).
 * Throws naming the node on an unknown kind, bad parameters, an unknown input, a target used as an input, or a cycle.
 */
export function validateGraph(graph: PipelineGraph): AnyGraphNode[] {
  if (typeof graph !== 'object' || graph === null || Array.isArray(graph)) throw new Error('a pipeline graph must be an object of nodes keyed by node id');
  const nodes = new Map(Object.keys(graph).sort().map((id) => [id, unwrapNode(id, graph[id])]));
  for (const node of nodes.values()) {
    validateNode(node);
    for (const input of node.inputs) {
      const from = nodes.get(input);
      if (!from) throw new Error(`pipeline node '${node.id}' has input '${input}', which is not a node of the graph`);
      const fromRole = definitionOf(from.kind).role;
      if (fromRole === 'target') throw new Error(`pipeline node '${node.id}' has input '${input}', a ${from.kind} that writes and gives no frame`);
      const selects = definitionOf(node.kind).role === 'selection';
      if (fromRole === 'collection' && !selects) {
        throw new Error(`pipeline node '${node.id}' has input '${input}', a ${from.kind} that gives a collection of frames: select one of them first (SelectFrame)`);
      }
      if (selects && fromRole !== 'collection') {
        throw new Error(`pipeline node '${node.id}' (${node.kind}) has input '${input}', a ${from.kind} that gives one frame, not a collection to select from`);
      }
    }
  }
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: AnyGraphNode[] = [];
  const visit = (node: AnyGraphNode): void => {
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
