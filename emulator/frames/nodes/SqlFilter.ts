import { parseSparkSqlExpression, SparkSqlError } from '../../../lib/pipeline/spark-sql';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { parquetColumns } from '../sink-values';
import { sparkExpressionToDuckDb } from '../spark-sql-duckdb';
import { quoteIdentifier } from '../sql';

/**
 * A SQL condition filter: the records, as `toDF()` gives them (a choice as a struct), for which the condition is true
 * with the SQL step's Spark semantics; false and null drop the record.
 */
export const compileSqlFilter: NodeCompiler<'SqlFilter'> = async (node, [input], session) => {
  let condition: string;
  try {
    condition = sparkExpressionToDuckDb(parseSparkSqlExpression(node.parameters.Condition), input.schema);
  } catch (e) {
    if (e instanceof SparkSqlError) throw new Error(`${nodeWhere(node)} Condition: ${e.message}`);
    throw e;
  }
  return session.frame(node.id, `SELECT * FROM (SELECT ${parquetColumns(input.schema)} FROM ${quoteIdentifier(input.view)}) WHERE coalesce(${condition}, false)`);
};
