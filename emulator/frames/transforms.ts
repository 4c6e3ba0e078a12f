import type { FilterExpression, Mapping } from '@aws-sdk/client-glue';
import type { DynamicFrame, Field } from './dynamic-frame';
import type { FrameSession } from './frame-session';
import { ident, literal } from './sql';
import { toDuckDbType } from './types';

/** Finds a top-level field the way DynamicFrame paths do (case-insensitively, since the catalog lower-cases names). */
function findField(frame: DynamicFrame, path: string): Field | undefined {
  return frame.schema.find((f) => f.name === path) ?? frame.schema.find((f) => f.name.toLowerCase() === path.toLowerCase());
}

function joinPath(path: string[] | undefined): string {
  return (path ?? []).join('.');
}

/** `RenameField`: renames one field; a path that is not in the frame leaves it unchanged, as in Glue. */
export async function renameField(session: FrameSession, id: string, input: DynamicFrame, body: { SourcePath: string[]; TargetPath: string[] }): Promise<DynamicFrame> {
  const from = joinPath(body.SourcePath);
  const to = joinPath(body.TargetPath);
  if (!to) throw new Error(`node '${id}' (RenameField): TargetPath is empty`);
  const field = findField(input, from);
  const cols = input.schema
    .filter((f) => f === field || f.name !== to)
    .map((f) => (f === field ? `${ident(f.name)} AS ${ident(to)}` : ident(f.name)));
  return session.frame(id, `SELECT ${cols.join(', ') || '*'} FROM ${ident(input.view)}`);
}

/**
 * `ApplyMapping`: only mapped fields survive, in mapping order, each cast to its target type. A value that cannot be
 * cast becomes null (TRY_CAST), as a DynamicFrame cast does; a source field that does not exist is left out.
 */
export async function applyMapping(session: FrameSession, id: string, input: DynamicFrame, body: { Mapping: Mapping[] }): Promise<DynamicFrame> {
  const cols: string[] = [];
  const seen = new Set<string>();
  for (const [i, m] of (body.Mapping ?? []).entries()) {
    if (m.Dropped) continue;
    const where = `node '${id}' (ApplyMapping) Mapping[${i}]`;
    if (m.Children && m.Children.length > 0) throw new Error(`${where}: nested Children mappings are not supported yet`);
    const from = joinPath(m.FromPath);
    const to = m.ToKey ?? from;
    if (to.includes('.')) throw new Error(`${where}: building a struct ('${to}') is not supported yet`);
    const field = findField(input, from);
    if (!field) continue;
    if (seen.has(to)) throw new Error(`${where}: target '${to}' is mapped twice`);
    seen.add(to);
    const target = toDuckDbType(m.ToType ?? 'string', `${where} ToType`);
    cols.push(target === field.type ? `${ident(field.name)} AS ${ident(to)}` : `TRY_CAST(${ident(field.name)} AS ${target}) AS ${ident(to)}`);
  }
  const sql = cols.length > 0 ? `SELECT ${cols.join(', ')} FROM ${ident(input.view)}` : `SELECT NULL AS "_" FROM ${ident(input.view)} WHERE false`;
  return session.frame(id, sql);
}

/** `SelectFields`: keeps the listed top-level fields, in the frame's order; unknown paths are ignored. */
export async function selectFields(session: FrameSession, id: string, input: DynamicFrame, body: { Paths: string[][] }): Promise<DynamicFrame> {
  const wanted = new Set((body.Paths ?? []).map((p) => joinPath(p).toLowerCase()));
  const cols = input.schema.filter((f) => wanted.has(f.name.toLowerCase())).map((f) => ident(f.name));
  const sql = cols.length > 0 ? `SELECT ${cols.join(', ')} FROM ${ident(input.view)}` : `SELECT NULL AS "_" FROM ${ident(input.view)} WHERE false`;
  return session.frame(id, sql);
}

/** `DropFields`: drops the listed top-level fields; unknown paths are ignored. */
export async function dropFields(session: FrameSession, id: string, input: DynamicFrame, body: { Paths: string[][] }): Promise<DynamicFrame> {
  const dropped = new Set((body.Paths ?? []).map((p) => joinPath(p).toLowerCase()));
  const cols = input.schema.filter((f) => !dropped.has(f.name.toLowerCase())).map((f) => ident(f.name));
  const sql = cols.length > 0 ? `SELECT ${cols.join(', ')} FROM ${ident(input.view)}` : `SELECT NULL AS "_" FROM ${ident(input.view)} WHERE false`;
  return session.frame(id, sql);
}

/**
 * One Studio filter condition as SQL with the truth value Glue's Python lambda has: a comparison that would raise
 * (None compared with a number) counts as false, so ordering comparisons are `COALESCE(..., false)` even when negated,
 * while EQ uses `IS NOT DISTINCT FROM` because `None == 5` is simply False in Python.
 */
function conditionSql(input: DynamicFrame, f: FilterExpression, where: string): string {
  const values = f.Values ?? [];
  const operand = (i: number, against?: Field): string => {
    const v = values[i];
    const raw = v?.Value?.[0];
    if (raw === undefined) throw new Error(`${where}: ${f.Operation} needs ${i + 1} value(s)`);
    if (v.Type === 'COLUMNEXTRACTED') {
      const field = findField(input, raw);
      return field ? ident(field.name) : 'NULL';
    }
    return against && against.type !== 'VARCHAR' ? `TRY_CAST(${literal(raw)} AS ${against.type})` : literal(raw);
  };
  const leftField = values[0]?.Type === 'COLUMNEXTRACTED' ? findField(input, values[0].Value?.[0] ?? '') : undefined;
  const left = operand(0);
  let sql: string;
  switch (f.Operation) {
    case 'ISNULL':
      sql = `(${left} IS NULL)`;
      break;
    case 'EQ':
      sql = `(${left} IS NOT DISTINCT FROM ${operand(1, leftField)})`;
      break;
    case 'LT':
    case 'LTE':
    case 'GT':
    case 'GTE': {
      const op = { LT: '<', LTE: '<=', GT: '>', GTE: '>=' }[f.Operation];
      sql = `(${left} ${op} ${operand(1, leftField)})`;
      break;
    }
    case 'REGEX':
      // Python's re.match anchors at the start only.
      sql = `regexp_matches(CAST(${left} AS VARCHAR), '^(?:' || ${operand(1)} || ')')`;
      break;
    default:
      throw new Error(`${where}: unknown filter operation '${String(f.Operation)}'`);
  }
  if (f.Negated) sql = `(NOT ${sql})`;
  return `COALESCE(${sql}, false)`;
}

/** `Filter`: keeps the records for which all (AND) or any (OR) of the conditions hold. */
export async function filter(session: FrameSession, id: string, input: DynamicFrame, body: { LogicalOperator?: string; Filters: FilterExpression[] }): Promise<DynamicFrame> {
  const where = `node '${id}' (Filter)`;
  const filters = body.Filters ?? [];
  if (filters.length === 0) throw new Error(`${where}: Filters is empty`);
  const joiner = body.LogicalOperator === 'OR' ? ' OR ' : ' AND ';
  const predicate = filters.map((f, i) => conditionSql(input, f, `${where} Filters[${i}]`)).join(joiner);
  return session.frame(id, `SELECT * FROM ${ident(input.view)} WHERE ${predicate}`);
}
