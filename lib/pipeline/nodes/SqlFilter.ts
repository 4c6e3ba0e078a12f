import type { SqlFilter } from '../gluekit-nodes';
import type { NodeDefinition } from '../node-definition';
import { firstWindow, parseSparkSqlExpression, SparkSqlError } from '../spark-sql';

/**
 * A filter written as a Spark SQL condition: `DynamicFrame.fromDF(frame.toDF().filter(expr("...")), glueContext,
 * "<id>")`; a record stays where the condition is true (false or null drops it). The condition is in the SQL step's
 * subset, parsed here, so one outside it fails at synth naming the line and column. A gluekit node kind.
 */
export const SqlFilterNode: NodeDefinition<SqlFilter> = {
  role: 'transform',
  validate(p, check) {
    const text = check.string('Condition', p.Condition);
    if (check.deferred(text)) return;
    check.sql('Condition', () => {
      const window = firstWindow(parseSparkSqlExpression(text));
      if (window) throw new SparkSqlError('a window function is not allowed in a filter condition (Spark refuses it): compute it with withColumns first', window.at);
    });
  },
  emit(p, script) {
    script.need('SqlFuncs');
    return `DynamicFrame.fromDF(${script.input(0)}.toDF().filter(SqlFuncs.expr(${script.str(p.Condition)})), glueContext, ${script.str(script.nodeId)})`;
  },
};
