import { NodeCompiler, nodeWhere } from '../node-compiler';
import { s3Destination } from '../s3-destination';
import { stage } from '../staging';
import { quoteIdentifier } from '../sql';

/**
 * `Spigot`: the frame passes through; a sample of it is written under `Path` as JSON, named as a sink's files: the
 * first `Topk` records (default 100) in the order read, or with `Prob` a Bernoulli sample of that probability (then at
 * most `Topk`). Unconfirmed: the format and file names of Glue's spigot output, and which records a `Prob` sample
 * takes (random on Glue; here DuckDB's sample with a fixed seed).
 */
export const compileSpigot: NodeCompiler<'Spigot'> = async (node, [input], session) => {
  const p = node.parameters;
  const destination = s3Destination(p.Path!, `${nodeWhere(node)} Path`);
  const sampled = p.Prob !== undefined ? ` USING SAMPLE ${p.Prob * 100} PERCENT (bernoulli, 42)` : '';
  const limit = p.Topk !== undefined || p.Prob === undefined ? ` LIMIT ${p.Topk ?? 100}` : '';
  const sample = await session.frame(node.id, `SELECT * FROM (SELECT * FROM ${quoteIdentifier(input.view)}${sampled})${limit}`);
  await stage(session, node.id, sample, { format: 'json', compression: 'none', partitionKeys: [] }, destination);
  return session.same(node.id, input);
};
