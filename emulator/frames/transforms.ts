import type { FilterExpression, Mapping } from '@aws-sdk/client-glue';
import type { DynamicFrame, Field } from './dynamic-frame';
import type { FrameSession } from './frame-session';
import { isNumberLiteral } from '../../lib/pipeline/expressions';
import { ident, literal } from './sql';
import { toDuckDbType } from './types';

/** Finds a top-level field the way DynamicFrame paths do (case-insensitively, since the catalog lower-cases names). */
function findField(frame: DynamicFrame, path: string): Field | undefined {
  return frame.schema.find((f) => f.name === path) ?? frame.schema.find((f) => f.name.toLowerCase() === path.toLowerCase());
}

/**
 * A top-level field by path. A dotted path that is not itself a top-level field means a nested field, which the frame
 * engine does not reach yet: that is an error naming the node, rather than a silent no-op that differs from Glue.
 */
function resolvePath(frame: DynamicFrame, path: string, where: string): Field | undefined {
  const field = findField(frame, path);
  if (!field && path.includes('.')) {
    throw new Error(`${where}: nested path '${path}' is not supported by gluekit's frame engine yet (top-level fields: ${frame.schema.map((f) => f.name).join(', ')})`);
  }
  return field;
}

function joinPath(path: string[] | undefined): string {
  return (path ?? []).join('.');
}

/** `RenameField`: renames one field; a path that is not in the frame leaves the frame unchanged, as in Glue. */
export async function renameField(session: FrameSession, id: string, input: DynamicFrame, body: { SourcePath: string[]; TargetPath: string[] }): Promise<DynamicFrame> {
  const where = `node '${id}' (RenameField)`;
  const from = joinPath(body.SourcePath);
  const to = joinPath(body.TargetPath);
  if (!to) throw new Error(`${where}: TargetPath is empty`);
  if (to.includes('.')) throw new Error(`${where}: renaming into a nested path ('${to}') is not supported by gluekit's frame engine yet`);
  const field = resolvePath(input, from, where);
  if (!field) return session.frame(id, `SELECT * FROM ${ident(input.view)}`);
  const cols = input.schema
    .filter((f) => f === field || f.name.toLowerCase() !== to.toLowerCase())
    .map((f) => (f === field ? `${ident(f.name)} AS ${ident(to)}` : ident(f.name)));
  return session.frame(id, `SELECT ${cols.join(', ')} FROM ${ident(input.view)}`);
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
    const field = resolvePath(input, from, where);
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
  for (const p of body.Paths ?? []) resolvePath(input, joinPath(p), `node '${id}' (SelectFields)`);
  const wanted = new Set((body.Paths ?? []).map((p) => joinPath(p).toLowerCase()));
  const cols = input.schema.filter((f) => wanted.has(f.name.toLowerCase())).map((f) => ident(f.name));
  const sql = cols.length > 0 ? `SELECT ${cols.join(', ')} FROM ${ident(input.view)}` : `SELECT NULL AS "_" FROM ${ident(input.view)} WHERE false`;
  return session.frame(id, sql);
}

/** `DropFields`: drops the listed top-level fields; unknown paths are ignored. */
export async function dropFields(session: FrameSession, id: string, input: DynamicFrame, body: { Paths: string[][] }): Promise<DynamicFrame> {
  for (const p of body.Paths ?? []) resolvePath(input, joinPath(p), `node '${id}' (DropFields)`);
  const dropped = new Set((body.Paths ?? []).map((p) => joinPath(p).toLowerCase()));
  const cols = input.schema.filter((f) => !dropped.has(f.name.toLowerCase())).map((f) => ident(f.name));
  const sql = cols.length > 0 ? `SELECT ${cols.join(', ')} FROM ${ident(input.view)}` : `SELECT NULL AS "_" FROM ${ident(input.view)} WHERE false`;
  return session.frame(id, sql);
}

type Kind = 'number' | 'string' | 'other';

/** How Python sees a column's values: numbers (bool is an int in Python), strings, or anything else. */
function kindOf(duckType: string): Kind {
  const t = duckType.toUpperCase();
  if (t === 'VARCHAR') return 'string';
  if (/^(BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT|DOUBLE|FLOAT|BOOLEAN|DECIMAL)/.test(t)) return 'number';
  return 'other';
}

/**
 * One Studio filter condition as SQL with the truth value of the generated script's Python lambda, where a record
 * missing the field (KeyError) or a comparison that raises (TypeError: None < 5, 5 < 'a') counts as false, even when
 * negated; `==` between different kinds is simply False (so its negation is True); a constant is a number when it reads
 * as one (`isNumberLiteral`, the generator's rule), else a string.
 */
function conditionSql(input: DynamicFrame, f: FilterExpression, where: string): string {
  const values = f.Values ?? [];
  const operand = (i: number): { sql: string; kind: Kind } | 'missing' => {
    const v = values[i];
    const raw = v?.Value?.[0];
    if (raw === undefined) throw new Error(`${where}: ${f.Operation} needs ${i + 1} value(s)`);
    if (v.Type === 'COLUMNEXTRACTED') {
      const field = resolvePath(input, raw, where);
      if (!field) return 'missing';
      const sql = field.type.toUpperCase() === 'BOOLEAN' ? `CAST(${ident(field.name)} AS INTEGER)` : ident(field.name);
      return { sql, kind: kindOf(field.type) };
    }
    return isNumberLiteral(raw) ? { sql: raw, kind: 'number' } : { sql: literal(raw), kind: 'string' };
  };
  const left = operand(0);
  if (left === 'missing') return 'false';
  let sql: string;
  switch (f.Operation) {
    case 'ISNULL':
      sql = `(${left.sql} IS NULL)`;
      break;
    case 'EQ': {
      const right = operand(1);
      if (right === 'missing') return 'false';
      // Python: == never raises; values of different kinds are unequal, None == None is True.
      sql = left.kind === right.kind && left.kind !== 'other' ? `(${left.sql} IS NOT DISTINCT FROM ${right.sql})` : `(${left.sql} IS NULL AND ${right.sql} IS NULL)`;
      break;
    }
    case 'LT':
    case 'LTE':
    case 'GT':
    case 'GTE': {
      const right = operand(1);
      if (right === 'missing') return 'false';
      // Ordering across kinds raises TypeError in Python: false, negated or not.
      if (left.kind !== right.kind || left.kind === 'other') return 'false';
      const op = { LT: '<', LTE: '<=', GT: '>', GTE: '>=' }[f.Operation];
      return `COALESCE(${f.Negated ? 'NOT ' : ''}(${left.sql} ${op} ${right.sql}), false)`;
    }
    case 'REGEX': {
      const right = operand(1);
      if (right === 'missing') return 'false';
      // re.match(p, str(v)): anchored at the start only; str(None) is 'None'.
      const text = `COALESCE(CAST(${left.sql} AS VARCHAR), 'None')`;
      sql = `regexp_matches(${text}, '^(?:' || CAST(${right.sql} AS VARCHAR) || ')')`;
      break;
    }
    default:
      throw new Error(`${where}: unknown filter operation '${String(f.Operation)}'`);
  }
  return `COALESCE(${f.Negated ? `NOT ${sql}` : sql}, false)`;
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
