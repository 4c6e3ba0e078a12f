import type { FillMissingValues } from '@aws-sdk/client-glue';
import type { NodeDefinition } from '../node-definition';

/**
 * `FillMissingValues.apply(frame, missing_values_column, output_column)` from `awsglueml.transforms`: a new top-level
 * field (`FilledPath`, by default `<column>_filled`) holding the column's value, or, where that is missing (null, or an
 * empty string), an estimate. On Glue the estimates are the predictions of a machine-learning model trained on the
 * frame, which no local run can reproduce: the frame engine puts a stand-in estimate there (see its node), so every
 * other value is Glue's. Top-level columns only.
 */
export const FillMissingValuesNode: NodeDefinition<FillMissingValues> = {
  role: 'transform',
  errorThresholds: true,
  validate(p, check) {
    const column = check.topLevelName('ImputedPath', p.ImputedPath);
    if (p.FilledPath === undefined && check.deferred(column)) check.fail('FilledPath must be given when ImputedPath is a job argument');
    if (p.FilledPath !== undefined) check.topLevelName('FilledPath', p.FilledPath);
  },
  emit(p, script) {
    script.need('FillMissingValues');
    return `FillMissingValues.apply(${script.frame()}, missing_values_column=${script.str(p.ImputedPath!)}, output_column=${script.str(filledColumn(p))}, ${script.transformationCtx})`;
  },
};

/** The field the filled values go to: `FilledPath`, or awsglueml's default, the column's name and `_filled`. */
export function filledColumn(p: FillMissingValues): string {
  return p.FilledPath ?? `${p.ImputedPath}_filled`;
}
