import type { GraphNode } from '../../lib/pipeline/graph';
import type { NodeKind } from '../../lib/pipeline/nodes/registry';
import type { DynamicFrame } from './dynamic-frame';
import type { FrameSession } from './frame-session';

/**
 * A node kind on the engine side: compiles a validated node over its inputs' frames into a DuckDB view (sources and
 * transforms return the new frame) or staged output (targets return nothing). Nothing is read until a target writes.
 */
export type NodeCompiler<K extends NodeKind> = (node: GraphNode<K>, inputs: readonly DynamicFrame[], session: FrameSession) => Promise<DynamicFrame | undefined>;

/** `node '<id>' (<Kind>)`, how engine messages name a node. */
export function nodeWhere(node: GraphNode): string {
  return `node '${node.id}' (${node.kind})`;
}
