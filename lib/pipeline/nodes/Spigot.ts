import type { Spigot } from '@aws-sdk/client-glue';
import type { NodeDefinition } from '../node-definition';
import { pyDict } from '../python-literal';

/**
 * `Spigot.apply(frame, path, options)` (GLUE-REFERENCE section 2): the frame passes through unchanged, and a sample of
 * its records is written to `Path` as JSON: the first `Topk` (default 100), or, with `Prob`, each record with that
 * probability (then at most `Topk` of them when both are given).
 */
export const SpigotNode: NodeDefinition<Spigot> = {
  role: 'transform',
  validate(p, check) {
    check.s3Uri('Path', p.Path);
    if (p.Topk !== undefined && (!Number.isInteger(p.Topk) || p.Topk < 0)) check.fail(`Topk must be a whole number from 0, found ${String(p.Topk)}`);
    if (p.Prob !== undefined && (typeof p.Prob !== 'number' || !(p.Prob >= 0 && p.Prob <= 1))) check.fail(`Prob must be a number from 0 to 1, found ${String(p.Prob)}`);
  },
  emit(p, script) {
    const options: [string, string][] = [];
    if (p.Prob !== undefined) options.push(['prob', String(p.Prob)]);
    if (p.Topk !== undefined || p.Prob === undefined) options.push(['topk', String(p.Topk ?? 100)]);
    return `Spigot.apply(${script.frame()}, path=${script.str(p.Path!)}, options=${pyDict(options)}, ${script.transformationCtx})`;
  },
};
