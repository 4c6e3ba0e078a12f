import type { ApplyMapping } from '@aws-sdk/client-glue';
import { parseGlueType } from '../glue-type';
import type { NodeDefinition } from '../node-definition';
import { pyList } from '../python-literal';

/**
 * `ApplyMapping.apply(frame, mappings)`: only mapped fields survive, each cast to its target type. A mapping without
 * `ToKey` keeps its source path's name, without `ToType` it is a `string`, without `FromType` it takes `ToType`.
 * `Dropped` mappings are left out.
 */
export const ApplyMappingNode: NodeDefinition<ApplyMapping> = {
  role: 'transform',
  errorThresholds: true,
  validate(p, check) {
    if (!Array.isArray(p.Mapping)) return check.fail('Mapping must be a list');
    const targets = new Set<string>();
    p.Mapping.forEach((m, i) => {
      const at = `Mapping[${i}]`;
      if (m.Dropped) return;
      if (m.Children && m.Children.length > 0) check.fail(`${at}: nested Children mappings are not supported yet`);
      const from = check.path(`${at}.FromPath`, m.FromPath);
      const to = check.optionalString(`${at}.ToKey`, m.ToKey) ?? from.join('.');
      for (const [field, type] of [['FromType', m.FromType], ['ToType', m.ToType]] as const) {
        const name = check.optionalString(`${at}.${field}`, type);
        if (name !== undefined && !check.deferred(name)) parseGlueType(name, `${check.where}: ${at}.${field}`);
      }
      if (targets.has(to.toLowerCase())) check.fail(`${at}: target '${to}' is mapped twice`);
      targets.add(to.toLowerCase());
    });
  },
  emit(p, script) {
    const tuples = (p.Mapping ?? [])
      .filter((m) => !m.Dropped)
      .map((m) => {
        const toType = m.ToType ?? 'string';
        const from = script.path(m.FromPath!);
        const to = m.ToKey === undefined ? from : script.str(m.ToKey);
        return `(${[from, script.str(m.FromType ?? toType), to, script.str(toType)].join(', ')})`;
      });
    return `ApplyMapping.apply(${script.frame()}, mappings=${pyList(tuples)}, ${script.transformationCtx})`;
  },
};
