import type { SparkSQL } from '@aws-sdk/client-glue';
import type { NodeDefinition } from '../node-definition';
import { pyDict } from '../python-literal';
import { parseSparkSql, queryInputs, SparkSqlError } from '../spark-sql';

/**
 * Glue Studio's SQL Query node: a Spark SQL query over the node's inputs, each named by its `SqlAliases` entry, printed
 * as Studio prints it (a `sparkSqlQuery` helper: each input's `toDF()` as a temp view, then `spark.sql`). The query
 * must be in the common subset of Spark SQL and DuckDB SQL (`spark-sql.ts`); it is parsed here, so a query outside it
 * fails at synth naming the line and column. `OutputSchemas` is Studio's editor metadata and is not used.
 */
export const SparkSQLNode: NodeDefinition<SparkSQL> = {
  role: 'transform',
  inputs: 'many',
  validate(p, check) {
    const text = check.string('SqlQuery', p.SqlQuery);
    const inputs = p.Inputs ?? [];
    if (!Array.isArray(p.SqlAliases) || p.SqlAliases.length === 0) return check.fail('SqlAliases must name each input (From: node id, Alias: the name the query uses)');
    const aliases = new Map<string, string>();
    const aliased = new Set<string>();
    p.SqlAliases.forEach((a, i) => {
      const from = check.string(`SqlAliases[${i}].From`, a?.From);
      const alias = check.string(`SqlAliases[${i}].Alias`, a.Alias);
      if (!inputs.includes(from)) check.fail(`SqlAliases[${i}].From '${from}' is not one of the node's Inputs (${inputs.join(', ')})`);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(alias)) check.fail(`SqlAliases[${i}].Alias '${alias}' must be a name of letters, digits and _`);
      if (aliases.has(alias.toLowerCase())) check.fail(`SqlAliases[${i}].Alias '${alias}' names two inputs`);
      if (aliased.has(from)) check.fail(`SqlAliases[${i}]: input '${from}' has two aliases`);
      aliases.set(alias.toLowerCase(), from);
      aliased.add(from);
    });
    const missing = inputs.filter((i) => !aliased.has(i));
    if (missing.length > 0) check.fail(`every input needs an alias in SqlAliases; ${missing.join(', ')} has none`);
    if (check.deferred(text)) return;
    check.sql('SqlQuery', () => {
      for (const read of queryInputs(parseSparkSql(text))) {
        if (!aliases.has(read.name.toLowerCase())) {
          throw new SparkSqlError(`the query reads '${read.name}', which is no input alias (aliases: ${[...aliases.keys()].join(', ')}) nor WITH query`, read.at);
        }
      }
    });
  },
  emit(p, script) {
    script.need('sparkSqlQuery');
    const mapping = pyDict((p.SqlAliases ?? []).map((a) => [a.Alias!, script.input((p.Inputs ?? []).indexOf(a.From!))] as [string, string]));
    return `sparkSqlQuery(glueContext, query=${script.str(p.SqlQuery!)}, mapping=${mapping}, ${script.transformationCtx})`;
  },
};

