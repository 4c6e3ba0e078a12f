import type { Unbox } from '../gluekit-nodes';
import type { NodeDefinition } from '../node-definition';
import { pyBool, pyString } from '../python-literal';

const CSV_OPTIONS = ['Separator', 'Escaper', 'WithHeader', 'SkipFirst'] as const;

/**
 * `Unbox.apply(frame, path, format, **options)` (GLUE-REFERENCE section 2): a string field whose values are JSON
 * objects, or CSV text, parsed into a struct of the same name. A gluekit node kind: Glue Studio has no node for it.
 * csv takes awsglue's options `separator`, `escaper`, `withHeader` and `skipFirst`; `withSchema` is not supported yet.
 */
export const UnboxNode: NodeDefinition<Unbox> = {
  role: 'transform',
  errorThresholds: true,
  validate(p, check) {
    check.string('Path', p.Path);
    const format = check.oneOf('Format', p.Format, ['json', 'csv']);
    if (format === 'json') {
      const given = CSV_OPTIONS.filter((o) => p[o] !== undefined);
      if (given.length > 0) check.fail(`${given.join(', ')}: options of the csv format; a json Unbox takes none`);
      return;
    }
    for (const option of ['Separator', 'Escaper'] as const) {
      const c = p[option];
      if (c !== undefined && (typeof c !== 'string' || [...c].length !== 1 || c === '\n' || c === '\r' || c === '"')) {
        check.fail(`${option} must be one character other than a line break or the quote ("), got ${JSON.stringify(c)}`);
      }
    }
    if (p.Escaper !== undefined && p.Escaper === (p.Separator ?? ',')) check.fail('Separator and Escaper must differ (the separator is , by default)');
    check.boolean('WithHeader', p.WithHeader);
    check.boolean('SkipFirst', p.SkipFirst);
  },
  emit(p, script) {
    const options = [
      ...(p.Separator !== undefined ? [`separator=${pyString(p.Separator)}`] : []),
      ...(p.Escaper !== undefined ? [`escaper=${pyString(p.Escaper)}`] : []),
      ...(p.WithHeader !== undefined ? [`withHeader=${pyBool(p.WithHeader)}`] : []),
      ...(p.SkipFirst !== undefined ? [`skipFirst=${pyBool(p.SkipFirst)}`] : []),
    ];
    return `Unbox.apply(${script.frame()}, path=${script.str(p.Path)}, format=${pyString(p.Format)}, ${[script.transformationCtx, ...options].join(', ')})`;
  },
};
