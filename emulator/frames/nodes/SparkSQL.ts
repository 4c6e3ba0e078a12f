import { parseSparkSql } from '../../../lib/pipeline/spark-sql';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { dataFrameSql } from '../sink-values';
import { sparkSqlToDuckDb, sqlOfField, type SqlInput } from '../spark-sql-duckdb';
import { quoteIdentifier } from '../sql';

/** DuckDB result types Spark has no such type for, and the type Spark gives there (a sum of integers is a long). */
const SPARK_RESULT_TYPES: Record<string, string> = { HUGEINT: 'BIGINT', UHUGEINT: 'BIGINT', UBIGINT: 'BIGINT', UINTEGER: 'BIGINT' };

/**
 * A SQL step: the query over the inputs as `toDF()` gives them (each by its alias), run as one DuckDB query with Spark's
 * semantics (`spark-sql-duckdb.ts`); integer results DuckDB widens (a sum is 128-bit) are longs, as in Spark.
 */
export const compileSparkSQL: NodeCompiler<'SparkSQL'> = async (node, inputs, session) => {
  const p = node.parameters;
  const where = nodeWhere(node);
  const byAlias = new Map<string, SqlInput>();
  for (const a of p.SqlAliases ?? []) {
    const frame = inputs[node.inputs.indexOf(a.From!)];
    byAlias.set(a.Alias!, { sql: dataFrameSql(frame), fields: frame.schema });
  }
  const sql = sqlOfField(where, 'SqlQuery', () => sparkSqlToDuckDb(parseSparkSql(p.SqlQuery!), byAlias));
  const result = await session.frame(node.id, sql);
  if (!result.schema.some((f) => SPARK_RESULT_TYPES[f.type])) return result;
  const columns = result.schema.map((f) => (SPARK_RESULT_TYPES[f.type] ? `CAST(${quoteIdentifier(f.name)} AS ${SPARK_RESULT_TYPES[f.type]}) AS ${quoteIdentifier(f.name)}` : quoteIdentifier(f.name)));
  return session.frame(node.id, `SELECT ${columns.join(', ')} FROM ${quoteIdentifier(result.view)}`);
};
