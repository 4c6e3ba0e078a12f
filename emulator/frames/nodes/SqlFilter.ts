import { parseSparkSqlExpression } from '../../../lib/pipeline/spark-sql';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { dataFrameSql } from '../sink-values';
import { sparkExpressionToDuckDb, sqlOfField } from '../spark-sql-duckdb';

/**
 * A SQL condition filter: the records, as `toDF()` gives them (a choice as a struct), for which the condition is true
 * with the SQL step's Spark semantics; false and null drop the record.
 */
export const compileSqlFilter: NodeCompiler<'SqlFilter'> = async (node, [input], session) => {
  const condition = sqlOfField(nodeWhere(node), 'Condition', () => sparkExpressionToDuckDb(parseSparkSqlExpression(node.parameters.Condition), input.schema));
  return session.frame(node.id, `SELECT * FROM (${dataFrameSql(input)}) WHERE coalesce(${condition}, false)`);
};
