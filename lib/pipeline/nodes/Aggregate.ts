import type { Aggregate } from '@aws-sdk/client-glue';
import type { NodeDefinition } from '../node-definition';
import { pyList, pyString } from '../python-literal';

/** The functions of Glue Studio's Aggregate node (`pyspark.sql.functions` names). */
export const AGG_FUNCTIONS = [
  'avg', 'count', 'countDistinct', 'first', 'kurtosis', 'last', 'max', 'min', 'skewness', 'stddev_pop', 'stddev_samp', 'sum', 'sumDistinct', 'var_pop', 'var_samp',
] as const;

/**
 * Glue Studio's Aggregate: the frame grouped by `Groups` (none: one record for the whole frame), with one field per
 * `Aggs` entry, printed as Studio prints it, a `sparkAggregate` helper over the DataFrame API (`toDF().groupBy(...)
 * .agg(...)`). Spark names the fields: a group by its last path part, an aggregate `sum(amount)`, `count(DISTINCT id)`.
 */
export const AggregateNode: NodeDefinition<Aggregate> = {
  role: 'transform',
  validate(p, check) {
    check.paths('Groups', p.Groups);
    const aggs = p.Aggs;
    if (!Array.isArray(aggs) || aggs.length === 0) return check.fail('Aggs must list at least one aggregation');
    aggs.forEach((a, i) => {
      check.path(`Aggs[${i}].Column`, a?.Column);
      check.oneOf(`Aggs[${i}].AggFunc`, a.AggFunc, AGG_FUNCTIONS);
    });
  },
  emit(p, script) {
    script.need('sparkAggregate');
    const aggs = pyList((p.Aggs ?? []).map((a) => pyList([script.path(a.Column ?? []), pyString(a.AggFunc!)])));
    return `sparkAggregate(glueContext, parentFrame=${script.input(0)}, groups=${script.paths(p.Groups)}, aggs=${aggs}, ${script.transformationCtx})`;
  },
};
