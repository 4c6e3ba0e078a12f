import { parseSparkSqlExpression } from '../../../lib/pipeline/spark-sql';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { dataFrameSql } from '../sink-values';
import { sparkExpressionToDuckDb, sqlOfField } from '../spark-sql-duckdb';
import { quoteIdentifier } from '../sql';

/**
 * Derived columns: each expression over the frame as `toDF()` gives it (a choice as a struct), with the SQL step's
 * Spark semantics, one after another (a later one sees the earlier ones); a name the frame has (ignoring case, as Spark
 * resolves it) is replaced in place, a new one appended.
 */
export const compileDeriveColumns: NodeCompiler<'DeriveColumns'> = async (node, [input], session) => {
  const where = nodeWhere(node);
  let frame = await session.frame(node.id, dataFrameSql(input));
  for (const [i, c] of node.parameters.Columns.entries()) {
    const fields = frame.schema;
    const value = sqlOfField(where, `Columns[${i}].Expression`, () => sparkExpressionToDuckDb(parseSparkSqlExpression(c.Expression), fields));
    const replaced = frame.schema.findIndex((f) => f.name.toLowerCase() === c.Name.toLowerCase());
    const columns = frame.schema.map((f, j) => (j === replaced ? `${value} AS ${quoteIdentifier(c.Name)}` : quoteIdentifier(f.name)));
    if (replaced < 0) columns.push(`${value} AS ${quoteIdentifier(c.Name)}`);
    frame = await session.frame(node.id, `SELECT ${columns.join(', ')} FROM ${quoteIdentifier(frame.view)}`);
  }
  return frame;
};
