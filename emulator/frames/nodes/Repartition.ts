import type { NodeCompiler } from '../node-compiler';

/**
 * `repartition` / `coalesce`: the frame as it is. Spark partitions decide only how many files Glue writes per folder;
 * the local engine writes one file per folder whatever the count (as `coalesce(1)` would on Glue).
 */
export const compileRepartition: NodeCompiler<'Repartition'> = (node, [input], session) => session.same(node.id, input);
