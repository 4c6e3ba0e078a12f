/**
 * What a node's emission may ask the script to carry beyond its fixed header: an import, or a helper function (as
 * Glue Studio's own scripts define `sparkAggregate`), each written once, in a fixed order.
 */
export type ScriptFeature = 're' | 'DynamicFrame' | 'SqlFuncs' | 'FillMissingValues' | 'sparkAggregate' | 'sparkSqlQuery';

interface FeatureText {
  readonly imports: readonly string[];
  readonly helper?: readonly string[];
}

const FEATURES: { readonly [F in ScriptFeature]: FeatureText } = {
  re: { imports: ['import re'] },
  DynamicFrame: { imports: ['from awsglue.dynamicframe import DynamicFrame'] },
  SqlFuncs: { imports: ['from awsglue.dynamicframe import DynamicFrame', 'from pyspark.sql import functions as SqlFuncs'] },
  FillMissingValues: { imports: ['from awsglueml.transforms import FillMissingValues'] },
  // Groups by the columns and applies each (column, function name) of `aggs` with pyspark.sql.functions: Spark names
  // the results `sum(amount)`, `count(DISTINCT id)`...
  sparkAggregate: {
    imports: ['from awsglue.dynamicframe import DynamicFrame', 'from pyspark.sql import functions as SqlFuncs'],
    helper: [
      'def sparkAggregate(glueContext, parentFrame, groups, aggs, transformation_ctx):',
      '    functions = [getattr(SqlFuncs, name)(column) for column, name in aggs]',
      '    frame = parentFrame.toDF()',
      '    result = frame.groupBy(*groups).agg(*functions) if groups else frame.agg(*functions)',
      '    return DynamicFrame.fromDF(result, glueContext, transformation_ctx)',
    ],
  },
  // Each input frame as a temp view named by its alias, then the query with the script's Spark session.
  sparkSqlQuery: {
    imports: ['from awsglue.dynamicframe import DynamicFrame'],
    helper: [
      'def sparkSqlQuery(glueContext, query, mapping, transformation_ctx):',
      '    for alias, frame in mapping.items():',
      '        frame.toDF().createOrReplaceTempView(alias)',
      '    return DynamicFrame.fromDF(spark.sql(query), glueContext, transformation_ctx)',
    ],
  },
};

/** The import lines (sorted, each once) and helper definitions (in feature order) that a set of features needs. */
export function featureText(features: ReadonlySet<ScriptFeature>): { imports: string[]; helpers: string[] } {
  const chosen = (Object.keys(FEATURES) as ScriptFeature[]).filter((f) => features.has(f));
  const imports = [...new Set(chosen.flatMap((f) => FEATURES[f].imports))].sort();
  const helpers = chosen.flatMap((f) => (FEATURES[f].helper ? [...FEATURES[f].helper!, ''] : []));
  return { imports, helpers };
}
