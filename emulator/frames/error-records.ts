import type { GraphNode } from '../../lib/pipeline/graph';
import { errorThresholdsOf } from '../../lib/pipeline/error-thresholds';
import { definitionOf, type NodeKind } from '../../lib/pipeline/nodes/registry';
import type { DynamicFrame, ErrorRecords, FrameCollection } from './dynamic-frame';
import type { FrameSession } from './frame-session';
import { quoteIdentifier, quoteLiteral } from './sql';

/**
 * An error record (GLUE-REFERENCE section 2: a record a step could not read or convert, kept beside its frame instead of
 * failing the run) as `errorsAsDynamicFrame()` shows it: one `error` struct with the fields of the developer guide's
 * example (`callsite` with `site` and `info`, `msg`, `stackTrace`, `input`, `bytesread`, `source`). Unconfirmed: the
 * types (the guide shows values, not a schema) and their content, which on Glue come from its JVM reader (a Java stack
 * trace in `stackTrace`); gluekit says in `stackTrace` what was wrong where, and leaves out `dynamicRecord` (the part of
 * the record Glue's reader parsed before the error, which DuckDB does not give).
 */
export const ERROR_RECORD_TYPE =
  'STRUCT("callsite" STRUCT("site" VARCHAR, "info" VARCHAR), "msg" VARCHAR, "stackTrace" VARCHAR, "input" VARCHAR, "bytesread" BIGINT, "source" VARCHAR)';

/**
 * The SQL of an error record of node `node`'s JSON reader (`msg` as in the developer guide's example: "error in jackson
 * reader"), from SQL expressions of its other parts.
 */
export function readerErrorSql(node: string, parts: { stackTrace: string; bytesread: string; source: string }): string {
  return errorRecordSql({ site: quoteLiteral(`node '${node}'`), msg: `'error in jackson reader'`, ...parts });
}

/** The SQL of one error record's `error` value, from SQL expressions of its parts. */
function errorRecordSql(parts: { site: string; msg: string; stackTrace: string; bytesread: string; source: string }): string {
  return (
    `struct_pack("callsite" := struct_pack("site" := ${parts.site}, "info" := ''), "msg" := ${parts.msg}, "stackTrace" := ${parts.stackTrace}, ` +
    `"input" := '', "bytesread" := CAST(${parts.bytesread} AS BIGINT), "source" := ${parts.source})`
  );
}

/** Materializes a step's error records (a query giving an `error` column) and counts them; none gives undefined. */
export async function stageErrors(session: FrameSession, node: string, query: string): Promise<ErrorRecords | undefined> {
  const table = await session.table(node, `SELECT CAST(error AS ${ERROR_RECORD_TYPE}) AS error FROM (${query})`);
  const counted = await session.connection.runAndReadAll(`SELECT count(*) AS n FROM ${quoteIdentifier(table)}`);
  const count = Number(counted.getRowObjectsJS()[0].n);
  return count === 0 ? undefined : { node, table, count };
}

/** The error records of several lineages together, each step's once (two inputs of a join may share a source). */
export function mergeErrors(...lists: readonly (readonly ErrorRecords[] | undefined)[]): ErrorRecords[] {
  const out = new Map<string, ErrorRecords>();
  for (const list of lists) for (const e of list ?? []) out.set(e.table, e);
  return [...out.values()];
}

/** How many error records a list holds. */
export function errorCount(errors: readonly ErrorRecords[] | undefined): number {
  return (errors ?? []).reduce((n, e) => n + e.count, 0);
}

/**
 * A node's output with the error records of its inputs added to its own: every frame a step gives carries what led to
 * it (a collection's frames each), except where the kind starts a lineage of its own (`errorsAsDynamicFrame()`).
 */
export function withInputErrors<T extends DynamicFrame | FrameCollection | undefined>(node: GraphNode, output: T, inputs: readonly (DynamicFrame | FrameCollection)[]): T {
  const inherited = inheritedErrors(inputs);
  if (output === undefined || inherited.length === 0 || definitionOf(node.kind).startsErrorLineage) return output;
  if ('frames' in output) {
    const frames = new Map([...output.frames].map(([k, f]) => [k, { ...f, errors: mergeErrors(inherited, f.errors) }]));
    return { ...output, frames } as T;
  }
  return { ...output, errors: mergeErrors(inherited, output.errors) } as T;
}

function inheritedErrors(inputs: readonly (DynamicFrame | FrameCollection)[]): ErrorRecords[] {
  return mergeErrors(...inputs.flatMap((i) => ('frames' in i ? [...i.frames.values()].map((f) => f.errors) : [i.errors])));
}

/**
 * Fails the run where a node's error records pass its thresholds (awsglue's `stageThreshold`: the node's own;
 * `totalThreshold`: with its inputs'), naming the node, the counts and the steps they came from. Unconfirmed: whether
 * Glue fails at more than the threshold or at the threshold (its docs say both); gluekit fails at more than it.
 */
export function enforceErrorThresholds<K extends NodeKind, T extends DynamicFrame | FrameCollection | undefined>(node: GraphNode<K>, inputs: readonly (DynamicFrame | FrameCollection)[], output: T): T {
  const { stage, total } = errorThresholdsOf(node.parameters);
  if ((stage === 0 && total === 0) || output === undefined) return output;
  const all = mergeErrors(...('frames' in output ? [...output.frames.values()].map((f) => f.errors) : [output.errors]));
  const before = new Set(inheritedErrors(inputs).map((e) => e.table));
  const own = all.filter((e) => !before.has(e.table));
  const bySteps = (list: readonly ErrorRecords[]): string => list.map((e) => `'${e.node}' ${e.count}`).join(', ');
  const where = `node '${node.id}' (${node.kind})`;
  const see = 'see them with errorsAsDynamicFrame()';
  if (stage > 0 && errorCount(own) > stage) throw new Error(`${where}: ${errorCount(own)} error records in this step (${bySteps(own)}), more than its stageThreshold of ${stage}; ${see}`);
  if (total > 0 && errorCount(all) > total) throw new Error(`${where}: ${errorCount(all)} error records in this step and the steps before it (${bySteps(all)}), more than its totalThreshold of ${total}; ${see}`);
  return output;
}

/** The query of a list of error records as one relation (`errorsAsDynamicFrame()`), in the order of the steps. */
export function errorRecordsQuery(errors: readonly ErrorRecords[]): string {
  return errors.map((e) => `SELECT error FROM ${quoteIdentifier(e.table)}`).join(' UNION ALL ');
}
