import { findName } from '../field-lookup';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { dataFrameSql } from '../sink-values';
import { quoteIdentifier } from '../sql';

/**
 * Drop Duplicates (`toDF().dropDuplicates(columns)`): one record per distinct value of the columns (matched ignoring
 * case, as Spark resolves names), or of whole records. A choice is a struct there, as `toDF()` makes it. Which of
 * several duplicates stays is Spark's to choose; locally the first in the order read (Unconfirmed).
 */
export const compileDropDuplicates: NodeCompiler<'DropDuplicates'> = async (node, [input], session) => {
  const names = input.schema.map((f) => f.name);
  const columns = (node.parameters.Columns ?? []).map((c) => {
    const i = findName(names, c[0], 'ignore-case');
    if (i < 0) throw new Error(`${nodeWhere(node)}: Cannot resolve column name "${c[0]}" among (${names.join(', ')})`);
    return quoteIdentifier(names[i]);
  });
  const table = await session.table(node.id, dataFrameSql(input));
  if (columns.length === 0) return session.frame(node.id, `SELECT DISTINCT * FROM ${quoteIdentifier(table)}`);
  return session.frame(
    node.id,
    `SELECT * EXCLUDE (gluekit_order) FROM (SELECT rowid AS gluekit_order, * FROM ${quoteIdentifier(table)}) ` +
      `QUALIFY row_number() OVER (PARTITION BY ${columns.join(', ')} ORDER BY gluekit_order) = 1`,
  );
};
