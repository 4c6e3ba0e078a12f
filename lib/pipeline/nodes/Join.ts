import type { Join } from '@aws-sdk/client-glue';
import type { NodeDefinition } from '../node-definition';
import { pyList } from '../python-literal';

/**
 * `Join.apply(frame1, frame2, keys1, keys2)`: the equijoin of two frames (GLUE-REFERENCE section 2). `Columns` names each
 * input (`From`, a node id) with its key paths; the first entry's keys belong to the first input. Both frames' fields
 * are kept, keys included. Only `JoinType` equijoin is supported yet (Studio prints the other types as DataFrame joins).
 */
export const JoinNode: NodeDefinition<Join> = {
  role: 'transform',
  inputs: 2,
  validate(p, check) {
    check.oneOf('JoinType', p.JoinType, ['equijoin']);
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
    const keys = (i: number): string => pyList(p.Columns![i].Keys!.map((k) => script.path(k)));
    return `Join.apply(frame1=${script.input(0)}, frame2=${script.input(1)}, keys1=${keys(0)}, keys2=${keys(1)}, ${script.transformationCtx})`;
  },
};
