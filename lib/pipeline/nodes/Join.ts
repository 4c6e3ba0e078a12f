import type { Join } from '@aws-sdk/client-glue';
import type { NodeDefinition } from '../node-definition';
import { pyList, pyString } from '../python-literal';

/** Studio's join types other than equijoin, and the names Spark's `DataFrame.join` takes for them. */
const DATAFRAME_JOINS = { left: 'left', right: 'right', outer: 'outer', leftsemi: 'left_semi', leftanti: 'left_anti' } as const;

/**
 * Studio's Join (GLUE-REFERENCE section 2). `Columns` names each input (`From`, a node id) with its key paths; the first
 * entry's keys belong to the first input. `JoinType` equijoin is `Join.apply(frame1, frame2, keys1, keys2)`: both
 * frames' fields kept, keys included, a shared name's second copy prefixed with `.`. The other types go through the
 * DataFrame API, `toDF().alias("l").join(toDF().alias("r"), col("l.k") == col("r.k"), how)`: left, right and outer keep
 * both frames' fields (which must then have different names: rename one side first, as Glue Studio asks), leftsemi
 * and leftanti the first frame's.
 */
export const JoinNode: NodeDefinition<Join> = {
  role: 'transform',
  inputs: 2,
  validate(p, check) {
    check.oneOf('JoinType', p.JoinType, ['equijoin', ...(Object.keys(DATAFRAME_JOINS) as (keyof typeof DATAFRAME_JOINS)[])]);
    if (!Array.isArray(p.Columns) || p.Columns.length !== 2) return check.fail('Columns must name the keys of both inputs (two entries)');
    p.Columns.forEach((c, i) => {
      check.string(`Columns[${i}].From`, c.From);
      if (check.paths(`Columns[${i}].Keys`, c.Keys).length === 0) check.fail(`Columns[${i}].Keys must name at least one key`);
    });
    if (p.Columns[0].Keys!.length !== p.Columns[1].Keys!.length) check.fail(`Columns: both inputs need as many keys (${p.Columns[0].Keys!.length} and ${p.Columns[1].Keys!.length})`);
    const inputs = p.Inputs ?? [];
    if (p.Columns[0].From !== inputs[0] || p.Columns[1].From !== inputs[1]) {
      check.fail(`Columns[0].From and Columns[1].From must be the inputs, in order (${inputs.join(', ')})`);
    }
  },
  emit(p, script) {
    if (p.JoinType !== 'equijoin') {
      script.need('SqlFuncs');
      const keys = p.Columns![0].Keys!.map((k, i) => `(SqlFuncs.col(${script.str(`l.${k.join('.')}`)}) == SqlFuncs.col(${script.str(`r.${p.Columns![1].Keys![i].join('.')}`)}))`);
      const how = DATAFRAME_JOINS[p.JoinType as keyof typeof DATAFRAME_JOINS];
      return `DynamicFrame.fromDF(${script.input(0)}.toDF().alias("l").join(${script.input(1)}.toDF().alias("r"), ${keys.join(' & ')}, ${pyString(how)}), glueContext, ${script.str(script.nodeId)})`;
    }
    const keys = (i: number): string => pyList(p.Columns![i].Keys!.map((k) => script.path(k)));
    return `Join.apply(frame1=${script.input(0)}, frame2=${script.input(1)}, keys1=${keys(0)}, keys2=${keys(1)}, ${script.transformationCtx})`;
  },
};
