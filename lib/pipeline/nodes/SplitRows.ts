import type { SplitRows } from '../gluekit-nodes';
import type { NodeDefinition } from '../node-definition';
import { pyDict, pyString } from '../python-literal';
import { splitFieldsKeys } from './SplitFields';


const OPERATIONS = ['<', '<=', '>', '>=', '=', '!='] as const;

/**
 * `SplitRows.apply(frame, comparison_dict, name1, name2)` (GLUE-REFERENCE section 2): a collection of two frames, the
 * records for which every comparison holds and the others. The comparisons of one path are ANDed, as awsglue's
 * `{path: {op: value}}` dict holds them. A gluekit node kind: Glue Studio has no node for it.
 */
export const SplitRowsNode: NodeDefinition<SplitRows, 'collection'> = {
  role: 'collection',
  errorThresholds: true,
  validate(p, check) {
    if (!Array.isArray(p.Comparisons) || p.Comparisons.length === 0) check.fail('Comparisons must list at least one comparison');
    const seen = new Set<string>();
    p.Comparisons.forEach((c, i) => {
      check.string(`Comparisons[${i}].Path`, c?.Path);
      check.oneOf(`Comparisons[${i}].Operation`, c.Operation, OPERATIONS);
      if (typeof c.Value !== 'string' && (typeof c.Value !== 'number' || !Number.isFinite(c.Value))) check.fail(`Comparisons[${i}].Value must be a string or a finite number`);
      const key = `${c.Path}\u0000${c.Operation}`;
      if (seen.has(key)) check.fail(`Comparisons[${i}]: '${c.Path}' already has a '${c.Operation}' comparison (awsglue's dict holds one per operation)`);
      seen.add(key);
    });
  },
  emit(p, script) {
    const paths = [...new Set(p.Comparisons.map((c) => c.Path))];
    const dict = pyDict(
      paths.map((path) => [path, pyDict(p.Comparisons.filter((c) => c.Path === path).map((c) => [c.Operation, typeof c.Value === 'number' ? String(c.Value) : pyString(c.Value)]))] as [string, string]),
    );
    const [name1, name2] = splitFieldsKeys(script.nodeId);
    return `SplitRows.apply(${script.frame()}, comparison_dict=${dict}, name1=${pyString(name1)}, name2=${pyString(name2)}, ${script.transformationCtx})`;
  },
};
