import type { DeriveColumns } from '../gluekit-nodes';
import type { NodeDefinition } from '../node-definition';
import { pyString } from '../python-literal';
import { parseSparkSqlExpression } from '../spark-sql';

/**
 * Derived columns: `DynamicFrame.fromDF(frame.toDF().withColumn(name, expr("...")) ..., glueContext, "<id>")`, each
 * expression in the SQL step's subset of Spark SQL (parsed here, so one outside it fails at synth naming the column,
 * line and column). A gluekit node kind: Glue Studio has no node for it.
 */
export const DeriveColumnsNode: NodeDefinition<DeriveColumns> = {
  role: 'transform',
  validate(p, check) {
    if (!Array.isArray(p.Columns) || p.Columns.length === 0) check.fail('Columns must list at least one (Name, Expression)');
    p.Columns.forEach((c, i) => {
      const name = check.topLevelName(`Columns[${i}].Name`, c?.Name);
      if (check.deferred(name)) check.fail(`Columns[${i}].Name cannot be a job argument: the column's name is printed into the script`);
      const text = check.string(`Columns[${i}].Expression`, c.Expression);
      if (check.deferred(text)) return;
      // A dotted name (`address.city`) is a struct's field, as Spark resolves it where no table has that name.
      check.sql(`Columns[${i}].Expression`, () => parseSparkSqlExpression(text));
    });
  },
  emit(p, script) {
    script.need('SqlFuncs');
    const steps = p.Columns.map((c) => `.withColumn(${pyString(c.Name)}, SqlFuncs.expr(${script.str(c.Expression)}))`).join('');
    return `DynamicFrame.fromDF(${script.input(0)}.toDF()${steps}, glueContext, ${script.str(script.nodeId)})`;
  },
};
