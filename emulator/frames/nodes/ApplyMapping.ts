import { locate, pathParts } from '../field-lookup';
import { NodeCompiler, nodeWhere } from '../node-compiler';
import { Projection } from '../projection';
import { castValue } from '../spark-cast';
import { toDataType } from '../types';

/**
 * `ApplyMapping`: only mapped fields survive, in mapping order, each cast to its target type as Spark casts (a value
 * that cannot be cast becomes null; a choice's value is cast from the type it has). A source path reaches into structs (`address.state`), matched ignoring case as
 * awsglue's default `caseSensitive=False` does; a source that is not in the frame (or lies under an array) is left out.
 * A dotted target builds structs (`address.state` makes `address` a struct with `state`); such a struct is null in a
 * record where none of its members has a value (Unconfirmed: awsglue leaves out targets a record lacks, and a frame
 * here does not tell a missing source from a null one).
 */
export const compileApplyMapping: NodeCompiler<'ApplyMapping'> = (node, [input], session) => {
  const output = Projection.empty();
  for (const [i, m] of (node.parameters.Mapping ?? []).entries()) {
    if (m.Dropped) continue;
    const where = `${nodeWhere(node)} Mapping[${i}]`;
    const from = pathParts(m.FromPath);
    const to = m.ToKey === undefined ? from : pathParts([m.ToKey]);
    const source = locate(input, from, 'ignore-case');
    if (!source) continue;
    const target = toDataType(m.ToType ?? 'string', `${where} ToType`, 'mapping');
    output.put(to, Projection.value(castValue(source.sql, source.type, target), target));
  }
  return session.projected(node.id, input, output);
};
