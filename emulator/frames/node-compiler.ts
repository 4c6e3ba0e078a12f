import type { GraphNode } from '../../lib/pipeline/graph';
import type { CollectionKind, NodeKind, SelectionKind } from '../../lib/pipeline/nodes/registry';
import type { DynamicFrame, FrameCollection } from './dynamic-frame';
import type { FrameSession } from './frame-session';

/**
 * A node kind on the engine side: compiles a validated node over its inputs' frames into a DuckDB view (sources and
 * transforms return the new frame, collection transforms a collection of them) or staged output (targets return
 * nothing). Nothing is read until a target writes, except where a node's shape depends on the data (DropNullFields).
 */
export type NodeCompiler<K extends NodeKind> = (node: GraphNode<K>, inputs: readonly NodeInput<K>[], session: FrameSession) => Promise<NodeOutput<K>>;

/** What a kind's node gives: a collection kind a `FrameCollection`, a source or transform a frame, a target nothing. */
export type NodeOutput<K extends NodeKind> = K extends CollectionKind ? FrameCollection : DynamicFrame | undefined;

/** What a kind's node takes: a selection kind a collection, every other kind frames (the graph's validation sees to it). */
export type NodeInput<K extends NodeKind> = K extends SelectionKind ? FrameCollection : DynamicFrame;

/** `node '<id>' (<Kind>)`, how engine messages name a node. */
export function nodeWhere(node: GraphNode): string {
  return `node '${node.id}' (${node.kind})`;
}
