import { SparkSqlError, type SqlExpr, type SqlOrder, type SqlQuery, type SqlSelect, type SqlSource, type SqlFrameBound, type SqlType, type SqlWindow } from '../../lib/pipeline/spark-sql';
import type { Field } from './dynamic-frame';
import { javaNumberText } from './java-number-text';
import { sparkCast } from './spark-cast';
import { quoteIdentifier, quoteLiteral } from './sql';

/** A SQL step's input as the query sees it: a relation (its `toDF()` columns) and its fields. */
export interface SqlInput {
  readonly sql: string;
  readonly fields: readonly Field[];
}

/** Spark's names for the functions gluekit's SQL steps take, and how each is written for DuckDB. */
type Translate = (args: string[], raw: readonly SqlExpr[]) => string;

const SAME = (name: string): Translate => (args) => `${name}(${args.join(', ')})`;
const WHOLE = (name: string): Translate => (args) => `CAST(${name}(${args.join(', ')}) AS BIGINT)`;
/** A function Spark types `int` (DuckDB's gives BIGINT). */
const INT = (name: string): Translate => (args) => `CAST(${name}(${args.join(', ')}) AS INTEGER)`;

const FUNCTIONS: Record<string, { readonly arity: [number, number]; readonly translate: Translate; readonly aggregate?: boolean }> = {
  count: { arity: [1, 1], translate: SAME('count'), aggregate: true },
  sum: { arity: [1, 1], translate: SAME('sum'), aggregate: true },
  avg: { arity: [1, 1], translate: (a) => averageOf(a[0]), aggregate: true },
  mean: { arity: [1, 1], translate: (a) => averageOf(a[0]), aggregate: true },
  min: { arity: [1, 1], translate: SAME('min'), aggregate: true },
  max: { arity: [1, 1], translate: SAME('max'), aggregate: true },
  upper: { arity: [1, 1], translate: SAME('upper') },
  lower: { arity: [1, 1], translate: SAME('lower') },
  length: { arity: [1, 1], translate: INT('length') },
  trim: { arity: [1, 1], translate: SAME('trim') },
  ltrim: { arity: [1, 1], translate: SAME('ltrim') },
  rtrim: { arity: [1, 1], translate: SAME('rtrim') },
  abs: { arity: [1, 1], translate: SAME('abs') },
  coalesce: { arity: [1, 99], translate: SAME('coalesce') },
  nvl: { arity: [2, 2], translate: SAME('coalesce') },
  ifnull: { arity: [2, 2], translate: SAME('coalesce') },
  nullif: { arity: [2, 2], translate: SAME('nullif') },
  greatest: { arity: [2, 99], translate: SAME('greatest') },
  least: { arity: [2, 99], translate: SAME('least') },
  round: { arity: [1, 2], translate: SAME('round') },
  floor: { arity: [1, 1], translate: WHOLE('floor') },
  ceil: { arity: [1, 1], translate: WHOLE('ceil') },
  ceiling: { arity: [1, 1], translate: WHOLE('ceil') },
  // Spark's substring takes position 0 as 1, and a negative length as none.
  substring: { arity: [2, 3], translate: (a) => sparkSubstring(a) },
  substr: { arity: [2, 3], translate: (a) => sparkSubstring(a) },
  // Spark's concat is null when any argument is; DuckDB's skips nulls.
  concat: { arity: [1, 99], translate: (a) => `CASE WHEN ${a.map((x) => `(${x}) IS NULL`).join(' OR ')} THEN NULL ELSE concat(${a.join(', ')}) END` },
  year: { arity: [1, 1], translate: INT('year') },
  month: { arity: [1, 1], translate: INT('month') },
  day: { arity: [1, 1], translate: INT('day') },
  dayofmonth: { arity: [1, 1], translate: INT('day') },
  hour: { arity: [1, 1], translate: INT('hour') },
  minute: { arity: [1, 1], translate: INT('minute') },
  second: { arity: [1, 1], translate: INT('second') },
};

/**
 * The functions that need a window (`OVER (...)`), and how each is written for DuckDB: the ranks are Spark's ints (DuckDB
 * gives BIGINT), `lag`/`lead` take the same arguments in both.
 */
const WINDOW_FUNCTIONS: Record<string, { readonly arity: [number, number]; readonly translate: (args: string[], over: string) => string }> = {
  row_number: { arity: [0, 0], translate: (_a, over) => `CAST(row_number() ${over} AS INTEGER)` },
  rank: { arity: [0, 0], translate: (_a, over) => `CAST(rank() ${over} AS INTEGER)` },
  dense_rank: { arity: [0, 0], translate: (_a, over) => `CAST(dense_rank() ${over} AS INTEGER)` },
  percent_rank: { arity: [0, 0], translate: (_a, over) => `percent_rank() ${over}` },
  cume_dist: { arity: [0, 0], translate: (_a, over) => `cume_dist() ${over}` },
  ntile: { arity: [1, 1], translate: (a, over) => `CAST(ntile(${a[0]}) ${over} AS INTEGER)` },
  lag: { arity: [1, 3], translate: (a, over) => `lag(${a.join(', ')}) ${over}` },
  lead: { arity: [1, 3], translate: (a, over) => `lead(${a.join(', ')}) ${over}` },
  first_value: { arity: [1, 1], translate: (a, over) => `first_value(${a[0]}) ${over}` },
  last_value: { arity: [1, 1], translate: (a, over) => `last_value(${a[0]}) ${over}` },
};

/** An ORDER BY key with Spark's null order unless it says its own: first ascending, last descending. */
function orderKey(o: SqlOrder, sql: string): string {
  return `${sql} ${o.descending ? 'DESC' : 'ASC'} NULLS ${(o.nulls ?? (o.descending ? 'last' : 'first')).toUpperCase()}`;
}

/** Spark's avg, a double: `avg(x)` or, given `DISTINCT x`, over the distinct values. */
function averageOf(arg: string): string {
  const distinct = arg.startsWith('DISTINCT ');
  return `avg(${distinct ? 'DISTINCT ' : ''}CAST(${distinct ? arg.slice('DISTINCT '.length) : arg} AS DOUBLE))`;
}

function sparkSubstring(a: string[]): string {
  const position = `CASE WHEN ${a[1]} = 0 THEN 1 ELSE ${a[1]} END`;
  return a.length === 2 ? `substring(${a[0]}, ${position})` : `substring(${a[0]}, ${position}, greatest(${a[2]}, 0))`;
}

const DATE_PARTS = new Set(['year', 'month', 'day', 'dayofmonth', 'hour', 'minute', 'second']);
const STRING_FUNCTIONS = new Set(['upper', 'lower', 'length', 'trim', 'ltrim', 'rtrim', 'concat']);
const SUBSTRINGS = new Set(['substring', 'substr']);
const COMPARISONS = new Set(['=', '!=', '<', '<=', '>', '>=', '<=>']);
const ARITHMETIC = new Set(['+', '-', '*', '/', '%']);
const NUMERIC_SQL = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|FLOAT|DOUBLE|DECIMAL\(\d+, ?\d+\))$/;

const TYPE_SQL: Record<SqlType['kind'], string> = {
  string: 'VARCHAR', int: 'INTEGER', bigint: 'BIGINT', smallint: 'SMALLINT', tinyint: 'TINYINT', double: 'DOUBLE', float: 'FLOAT',
  boolean: 'BOOLEAN', date: 'DATE', timestamp: 'TIMESTAMP', decimal: 'DECIMAL',
};

/** A column a relation of a query gives: its name and, where known, its DuckDB type. */
interface ScopeField {
  readonly name: string;
  readonly type: string | undefined;
}

/**
 * The relations a select reads, by the names its columns may be qualified with (lower case), with their fields (an
 * input's; a WITH query's or subquery's from its select list).
 */
type Scope = Map<string, readonly ScopeField[]>;

/**
 * A SQL step's query as one DuckDB query with Spark's semantics: the inputs (by their aliases) and the query's own
 * WITH queries as CTEs; `/` a double division (null by zero, as Spark); `<=>` null-safe; LIKE with Spark's `\`
 * escape; RLIKE a regex search; CAST as Spark casts (of a value whose type is known here: made of columns, of the
 * inputs or of WITH queries and subqueries, and literals by the subset's operators and functions); ORDER BY with Spark's null order (first ascending, last descending); `concat` null
 * when any argument is; `floor`/`ceil` longs; `substring` position 0 as 1. Unaliased expressions are named as Spark
 * names them where that is simple (a column by its name, `sum(amount)`, `count(1)` for `count(*)`); any other
 * expression needs an alias. Two result fields of one name are refused (a DynamicFrame cannot hold them).
 */
export function sparkSqlToDuckDb(query: SqlQuery, inputs: ReadonlyMap<string, SqlInput>): string {
  const ctes = new Map<string, readonly ScopeField[]>();
  const inputCtes = [...inputs.entries()].map(([alias, input]) => `${quoteIdentifier(alias)} AS (${input.sql})`);
  const fieldsOf = new Map([...inputs.entries()].map(([alias, input]) => [alias.toLowerCase(), input.fields]));
  const body = translateQuery(query, { ctes, fieldsOf, inputs: new Set(fieldsOf.keys()) }, true);
  return `WITH ${[...inputCtes, ...body.ctes].join(', ')} ${body.sql}`;
}

interface Context {
  /** WITH query names in scope (lower case), with their fields. */
  readonly ctes: Map<string, readonly ScopeField[]>;
  readonly fieldsOf: ReadonlyMap<string, readonly Field[]>;
  readonly inputs: ReadonlySet<string>;
  /** A derived column's expression: one value per record, so no aggregate. */
  readonly perRecord?: boolean;
  /** Where a window function may not be (Spark refuses it in WHERE, GROUP BY and HAVING): that clause's name. */
  readonly noWindows?: string;
}

/** Runs SQL work of a node's field: a `SparkSqlError` becomes an error naming the node and the field. */
export function sqlOfField<T>(where: string, field: string, work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof SparkSqlError) throw new Error(`${where} ${field}: ${e.message}`);
    throw e;
  }
}

/**
 * A derived column's expression (one value per record, over the frame's fields as `toDF()` gives them) as DuckDB SQL,
 * with the SQL step's Spark semantics. An aggregate is refused.
 */
export function sparkExpressionToDuckDb(e: SqlExpr, fields: readonly Field[]): string {
  const context: Context = { ctes: new Map(), fieldsOf: new Map(), inputs: new Set(), perRecord: true };
  return expr(e, context, new Map([['', fields]]));
}

/** A query's DuckDB SQL, the WITH queries it defines, and the fields it gives (for the queries reading it). */
function translateQuery(query: SqlQuery, context: Context, top: boolean): { ctes: string[]; sql: string; fields: readonly ScopeField[] } {
  const ctes: string[] = [];
  for (const cte of query.with) {
    const key = cte.name.toLowerCase();
    if (context.inputs.has(key)) throw new SparkSqlError(`the WITH query '${cte.name}' has the name of an input alias`, cte.at);
    const inner = translateQuery(cte.query, context, false);
    ctes.push(...inner.ctes, `${quoteIdentifier(cte.name)} AS (${inner.sql})`);
    context.ctes.set(key, inner.fields);
  }
  const parts = query.selects.map((s, i) => translateSelect(s, context, top && i === 0));
  let sql = parts[0].sql;
  query.setOperators.forEach((op, i) => (sql += ` ${op} ${parts[i + 1].sql}`));
  if (query.orderBy.length > 0) {
    sql += ` ORDER BY ${query.orderBy.map((o) => orderKey(o, expr(o.expr, context, new Map()))).join(', ')}`;
  }
  if (query.limit !== undefined) sql += ` LIMIT ${query.limit}`;
  return { ctes, sql, fields: setFields(parts.map((p) => p.fields)) };
}

/**
 * The fields of selects combined by set operators: the first select's names (as Spark names them), each type where
 * every select gives it the same one.
 */
function setFields(selects: readonly (readonly ScopeField[])[]): readonly ScopeField[] {
  const [first, ...rest] = selects;
  return first.map((f, i) => ({ name: f.name, type: rest.every((r) => r[i]?.type === f.type) ? f.type : undefined }));
}

function translateSelect(select: SqlSelect, context: Context, checkNames: boolean): { sql: string; fields: readonly ScopeField[] } {
  const scope: Scope = new Map();
  const from = [source(select.from, context, scope), ...select.joins.map((j) => `${j.type === 'CROSS' ? 'CROSS JOIN' : `${j.type} JOIN`} ${source(j, context, scope)}${j.on ? ` ON ${expr(j.on, context, scope)}` : ''}`)];
  // The select's fields: a star's relations' in order, an expression's name and type (where `typeOf` knows it).
  const fields: ScopeField[] = [];
  const items = select.items.map((item) => {
    if (item.kind === 'star') {
      if (item.table !== undefined) {
        const starred = scope.get(item.table.toLowerCase());
        if (!starred) throw new SparkSqlError(`'${item.table}.*': no relation '${item.table}' in FROM`, select.items.find((i) => i.kind === 'expr')?.at ?? { line: 1, column: 1 });
        fields.push(...starred);
        return `${quoteIdentifier(item.table)}.*`;
      }
      for (const starred of scope.values()) fields.push(...starred);
      return '*';
    }
    const name = item.alias ?? sparkName(item.expr);
    if (name === undefined) {
      throw new SparkSqlError('give this expression a name with AS (Spark names it by its text, which gluekit does not reproduce)', item.at);
    }
    fields.push({ name, type: typeOf(item.expr, scope) });
    return `${expr(item.expr, context, scope)} AS ${quoteIdentifier(name)}`;
  });
  if (checkNames) {
    const seen = new Set<string>();
    for (const n of fields.map((f) => f.name)) {
      if (seen.has(n.toLowerCase())) throw new SparkSqlError(`the result would have two fields named '${n}' (Spark keeps both, which a DynamicFrame cannot hold): give one an alias with AS`, select.items[0].kind === 'expr' ? select.items[0].at : { line: 1, column: 1 });
      seen.add(n.toLowerCase());
    }
  }
  let sql = `SELECT ${select.distinct ? 'DISTINCT ' : ''}${items.join(', ')} FROM ${from.join(' ')}`;
  if (select.where) sql += ` WHERE ${expr(select.where, { ...context, noWindows: 'WHERE' }, scope)}`;
  if (select.groupBy.length > 0) sql += ` GROUP BY ${select.groupBy.map((g) => expr(g, { ...context, noWindows: 'GROUP BY' }, scope)).join(', ')}`;
  if (select.having) sql += ` HAVING ${expr(select.having, { ...context, noWindows: 'HAVING' }, scope)}`;
  return { sql, fields };
}

/** A query inside an expression, as DuckDB SQL (its WITH queries must be at the top). */
function subquery(query: SqlQuery, context: Context): string {
  const inner = translateQuery(query, { ...context, noWindows: undefined }, false);
  if (inner.ctes.length > 0) throw new SparkSqlError('WITH inside a subquery is not in the SQL subset gluekit runs; put it at the top', firstAt(query.selects[0]));
  return inner.sql;
}

/** Where a select's FROM starts, for messages about the select as a whole. */
function firstAt(select: SqlSelect): { line: number; column: number } {
  return select.from.source.at;
}

function source(s: SqlSource, context: Context, scope: Scope): string {
  if (s.source.kind === 'query') {
    if (!s.alias) throw new SparkSqlError('a subquery in FROM needs an alias', s.source.at);
    const inner = translateQuery(s.source.query, context, false);
    if (inner.ctes.length > 0) throw new SparkSqlError('WITH inside a subquery is not in the SQL subset gluekit runs; put it at the top', s.source.at);
    scope.set(s.alias.toLowerCase(), inner.fields);
    return `(${inner.sql}) AS ${quoteIdentifier(s.alias)}`;
  }
  const key = s.source.name.toLowerCase();
  const fields = context.ctes.get(key) ?? context.fieldsOf.get(key);
  if (!fields) throw new SparkSqlError(`no input or WITH query is named '${s.source.name}' (inputs: ${[...context.inputs].join(', ')})`, s.source.at);
  scope.set((s.alias ?? s.source.name).toLowerCase(), fields);
  return `${quoteIdentifier(s.source.name)}${s.alias ? ` AS ${quoteIdentifier(s.alias)}` : ''}`;
}

/** Spark's name for an unaliased item, where it is simple: a column, or a function over columns (`sum(amount)`). */
function sparkName(e: SqlExpr): string | undefined {
  if (e.kind === 'column') return e.name;
  if (e.kind !== 'call') return undefined;
  if (e.star) return e.name === 'count' ? 'count(1)' : undefined;
  if (!e.args.every((a) => a.kind === 'column')) return undefined;
  const args = e.args.map((a) => (a.kind === 'column' ? (a.table ? `${a.table}.${a.name}` : a.name) : '')).join(', ');
  return `${e.name}(${e.distinct ? 'DISTINCT ' : ''}${args})`;
}

function expr(e: SqlExpr, context: Context, scope: Scope): string {
  const x = (inner: SqlExpr): string => expr(inner, context, scope);
  switch (e.kind) {
    case 'column':
      return e.table ? `${quoteIdentifier(e.table)}.${quoteIdentifier(e.name)}` : quoteIdentifier(e.name);
    case 'string':
      return quoteLiteral(e.value);
    case 'number':
      return e.type === 'int' ? `(${e.text})` : e.type === 'bigint' ? `CAST(${e.text} AS BIGINT)` : e.type === 'double' ? `CAST(${e.text} AS DOUBLE)` : `(${e.text})`;
    case 'boolean':
      return e.value ? 'true' : 'false';
    case 'null':
      return 'NULL';
    case 'binary': {
      // Spark's implicit casts where both sides' types are known here (an input's column, a literal): compared with a
      // number, a date or a timestamp, a string is cast to that type; in arithmetic, a string is a double (as Spark
      // casts it).
      const [leftType, rightType] = [typeOf(e.left, scope), typeOf(e.right, scope)];
      let [left, right] = [x(e.left), x(e.right)];
      if (COMPARISONS.has(e.op)) {
        [left, right] = compared(left, leftType, right, rightType);
      } else if (ARITHMETIC.has(e.op)) {
        if (leftType === 'VARCHAR') left = sparkCast(left, 'VARCHAR', 'DOUBLE');
        if (rightType === 'VARCHAR') right = sparkCast(right, 'VARCHAR', 'DOUBLE');
      }
      // Spark (not ANSI): null where the divisor is 0; DuckDB's double division gives infinity there.
      if (e.op === '/') return `(CAST(${left} AS DOUBLE) / NULLIF(CAST(${right} AS DOUBLE), 0))`;
      if (e.op === '%') return `(${left} % NULLIF(${right}, 0))`;
      if (e.op === '<=>') return `(${left} IS NOT DISTINCT FROM ${right})`;
      return `(${left} ${e.op === '!=' ? '<>' : e.op} ${right})`;
    }
    case 'not':
      return `(NOT ${x(e.expr)})`;
    case 'negate':
      return `(- ${x(e.expr)})`;
    case 'isNull':
      return `(${x(e.expr)} IS ${e.negated ? 'NOT ' : ''}NULL)`;
    case 'in': {
      // Spark compares a string with numbers, dates or timestamps in IN as strings (the wider common type of a string
      // and any of them is a string): `'01' IN (1)` is false, where DuckDB would cast '01' to 1.
      const all = [e.expr, ...e.list];
      const types = all.map((v) => typeOf(v, scope));
      const asText = types.includes('VARCHAR') && types.some((t) => t !== undefined && t !== 'VARCHAR' && (NUMERIC_SQL.test(t) || t === 'DATE' || t === 'TIMESTAMP'));
      const [value, ...list] = all.map((v, i) => (asText && types[i] !== 'VARCHAR' ? sparkText(x(v), types[i]) : x(v)));
      return `(${value} ${e.negated ? 'NOT ' : ''}IN (${list.join(', ')}))`;
    }
    case 'inQuery':
      return `(${x(e.expr)} ${e.negated ? 'NOT ' : ''}IN (${subquery(e.query, context)}))`;
    case 'exists':
      return `(EXISTS (${subquery(e.query, context)}))`;
    // A subquery as a value: more than one row fails the run, in Spark and in DuckDB alike.
    case 'subquery':
      return `(${subquery(e.query, context)})`;
    case 'between': {
      // Spark's `a BETWEEN l AND h` is `a >= l AND a <= h`, each comparison with its implicit cast.
      const [value, type] = [x(e.expr), typeOf(e.expr, scope)];
      const [lowValue, low] = compared(value, type, x(e.low), typeOf(e.low, scope));
      const [highValue, high] = compared(value, type, x(e.high), typeOf(e.high, scope));
      return `(${e.negated ? 'NOT ' : ''}(${lowValue} >= ${low} AND ${highValue} <= ${high}))`;
    }
    case 'like':
      if (e.regex) return `(${e.negated ? 'NOT ' : ''}regexp_matches(${x(e.expr)}, ${x(e.pattern)}))`;
      return `(${x(e.expr)} ${e.negated ? 'NOT ' : ''}LIKE ${x(e.pattern)} ESCAPE '\\')`;
    case 'case':
      return `(CASE${e.operand ? ` ${x(e.operand)}` : ''} ${e.whens.map((w) => `WHEN ${x(w.when)} THEN ${x(w.then)}`).join(' ')}${e.otherwise ? ` ELSE ${x(e.otherwise)}` : ''} END)`;
    case 'cast': {
      const to = e.type.kind === 'decimal' ? `DECIMAL(${e.type.precision}, ${e.type.scale})` : TYPE_SQL[e.type.kind];
      if (e.expr.kind === 'null') return `CAST(NULL AS ${to})`;
      const from = typeOf(e.expr, scope);
      if (!from) throw new SparkSqlError("CAST of this value is not in the SQL subset gluekit runs yet (its type must be known: made of columns and literals by the subset's operators and functions); cast the column in a step before", e.at);
      return sparkCast(x(e.expr), from, to);
    }
    case 'call': {
      if (e.over && context.noWindows) throw new SparkSqlError(`a window function is not allowed in ${context.noWindows} (Spark refuses it there): compute it in a WITH query or subquery first`, e.at);
      const over = e.over ? windowSql(e.over, context, scope) : undefined;
      const w = WINDOW_FUNCTIONS[e.name];
      if (w) {
        if (!over) throw new SparkSqlError(`${e.name}() is a window function: it needs OVER (...)`, e.at);
        if (e.star || e.distinct) throw new SparkSqlError(`${e.name}() takes neither * nor DISTINCT`, e.at);
        const [min, max] = w.arity;
        if (e.args.length < min || e.args.length > max) throw new SparkSqlError(`${e.name}() takes ${min === max ? min : `${min} to ${max}`} arguments, found ${e.args.length}`, e.at);
        return w.translate(e.args.map(x), over);
      }
      const f = FUNCTIONS[e.name];
      if (!f) throw new SparkSqlError(`the function '${e.name}' is not in the SQL subset gluekit runs (it takes ${[...Object.keys(FUNCTIONS), ...Object.keys(WINDOW_FUNCTIONS)].join(', ')})`, e.at);
      if (over && !f.aggregate) throw new SparkSqlError(`${e.name}() is not an aggregate or window function: it takes no OVER`, e.at);
      if (over && e.distinct) throw new SparkSqlError(`DISTINCT inside ${e.name}() OVER (...) is not in the SQL subset gluekit runs (Spark refuses it too)`, e.at);
      if (e.star) {
        if (e.name !== 'count') throw new SparkSqlError(`${e.name}(*) is not a function call`, e.at);
        if (context.perRecord && !over) throw new SparkSqlError('count(*) is an aggregate: a derived column has one value per record (use an aggregate or SQL step)', e.at);
        return over ? `count(*) ${over}` : 'count(*)';
      }
      if (f.aggregate && context.perRecord && !over) throw new SparkSqlError(`${e.name}() is an aggregate: a derived column has one value per record (use an aggregate or SQL step)`, e.at);
      if (e.distinct && !f.aggregate) throw new SparkSqlError(`DISTINCT inside ${e.name}() is only for aggregates`, e.at);
      const [min, max] = f.arity;
      if (e.args.length < min || e.args.length > max) throw new SparkSqlError(`${e.name}() takes ${min === max ? min : `${min} to ${max}`} arguments in the SQL subset gluekit runs, found ${e.args.length}`, e.at);
      // Spark's implicit casts of arguments whose type is known here: a string to a date (or timestamp) for the date
      // parts, a number to a string for the string functions (a double as Java prints it).
      const args = e.args.map((a, i) => {
        const sql = x(a);
        const type = typeOf(a, scope);
        if (DATE_PARTS.has(e.name) && type === 'VARCHAR') return sparkCast(sql, 'VARCHAR', ['hour', 'minute', 'second'].includes(e.name) ? 'TIMESTAMP' : 'DATE');
        if ((STRING_FUNCTIONS.has(e.name) || (SUBSTRINGS.has(e.name) && i === 0)) && type !== undefined && type !== 'VARCHAR') {
          return type === 'DOUBLE' || type === 'FLOAT' ? javaNumberText(sql) : `CAST(${sql} AS VARCHAR)`;
        }
        return sql;
      });
      // DISTINCT goes inside the aggregate's own argument (avg's cast to double included); OVER after the aggregate's
      // call, the outermost of every aggregate's translation.
      const call = f.translate(e.distinct ? [`DISTINCT ${args[0]}`] : args, e.args);
      return over ? `${call} ${over}` : call;
    }
    default:
      throw new Error(`unknown SQL expression ${(e as { kind: string }).kind}`);
  }
}

/** A window as DuckDB writes it, with Spark's null order in its ORDER BY. */
function windowSql(w: SqlWindow, context: Context, scope: Scope): string {
  const inner = { ...context, noWindows: 'a window' };
  const parts = [
    ...(w.partitionBy.length > 0 ? [`PARTITION BY ${w.partitionBy.map((p) => expr(p, inner, scope)).join(', ')}`] : []),
    ...(w.orderBy.length > 0 ? [`ORDER BY ${w.orderBy.map((o) => orderKey(o, expr(o.expr, inner, scope))).join(', ')}`] : []),
    // A frame means the same in Spark and DuckDB; written back from the parsed bounds.
    ...(w.frame ? [`${w.frame.unit} BETWEEN ${frameBound(w.frame.start)} AND ${frameBound(w.frame.end)}`] : []),
  ];
  return `OVER (${parts.join(' ')})`;
}

function frameBound(b: SqlFrameBound): string {
  if (b.kind === 'current') return 'CURRENT ROW';
  return `${b.kind === 'unbounded' ? 'UNBOUNDED' : String(b.offset)} ${b.direction}`;
}

/**
 * The DuckDB type of a value whose type is known without running anything, as the translation computes it: an input's
 * column, a literal, and what is made of them (arithmetic, comparisons, CASE, CAST, the functions of the subset). Only
 * the class of a type decides a Spark cast here (text, integral, fractional, other), so an integral result is BIGINT
 * and a decimal one DECIMAL(38, 10) whatever their exact widths; undefined where the class is not known.
 */
function typeOf(e: SqlExpr, scope: Scope): string | undefined {
  const t = (inner: SqlExpr): string | undefined => typeOf(inner, scope);
  switch (e.kind) {
    case 'string':
      return 'VARCHAR';
    case 'number': {
      if (e.type !== 'decimal') return e.type === 'int' ? 'INTEGER' : e.type === 'bigint' ? 'BIGINT' : 'DOUBLE';
      const digits = e.text.replace('-', '');
      const scale = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
      const precision = Math.max(digits.replace('.', '').replace(/^0+(?=.)/, '').length, scale, 1);
      return precision <= 38 ? `DECIMAL(${precision}, ${scale})` : 'DOUBLE';
    }
    case 'boolean':
    case 'not':
    case 'isNull':
    case 'in':
    case 'inQuery':
    case 'exists':
    case 'between':
    case 'like':
      return 'BOOLEAN';
    case 'column': {
      const candidates = e.table ? [scope.get(e.table.toLowerCase())] : [...scope.values()];
      const found = candidates.flatMap((fields) => (fields ?? []).filter((f) => f.name.toLowerCase() === e.name.toLowerCase()));
      return found.length === 1 ? found[0].type : undefined;
    }
    case 'binary': {
      if (e.op === 'AND' || e.op === 'OR' || COMPARISONS.has(e.op)) return 'BOOLEAN';
      if (e.op === '||') return 'VARCHAR';
      if (e.op === '/') return 'DOUBLE';
      // A string in arithmetic is a double (the translation casts it).
      const sides = [t(e.left), t(e.right)].map((x) => (x === 'VARCHAR' ? 'DOUBLE' : x));
      return numericClass(sides);
    }
    case 'negate':
      return numericClass([t(e.expr)]);
    case 'case': {
      const branches = [...e.whens.map((w) => w.then), ...(e.otherwise ? [e.otherwise] : [])].filter((b) => b.kind !== 'null').map(t);
      if (branches.length > 0 && branches.every((b) => b !== undefined && b === branches[0])) return branches[0];
      return numericClass(branches);
    }
    case 'cast':
      return e.type.kind === 'decimal' ? `DECIMAL(${e.type.precision}, ${e.type.scale})` : TYPE_SQL[e.type.kind];
    case 'call':
      return callType(e.name, e.args.map(t));
    default:
      return undefined;
  }
}

/**
 * Two compared values with Spark's implicit cast: a string compared with a number, a date or a timestamp is cast to
 * that type, except that a string and a decimal are both compared as doubles (Spark 3's `(StringType, DecimalType)`
 * rule).
 */
function compared(left: string, leftType: string | undefined, right: string, rightType: string | undefined): [string, string] {
  const castable = (t: string | undefined): t is string => t !== undefined && (NUMERIC_SQL.test(t) || t === 'DATE' || t === 'TIMESTAMP');
  const cast = (text: string, other: string, otherType: string): [string, string] =>
    otherType.startsWith('DECIMAL') ? [sparkCast(text, 'VARCHAR', 'DOUBLE'), `CAST(${other} AS DOUBLE)`] : [sparkCast(text, 'VARCHAR', otherType), other];
  if (leftType === 'VARCHAR' && castable(rightType)) return cast(left, right, rightType);
  if (rightType === 'VARCHAR' && castable(leftType)) return cast(right, left, leftType).reverse() as [string, string];
  return [left, right];
}

/** A value as Spark writes it as a string (a double as Java prints it; the other numbers, dates and timestamps as DuckDB does, alike). */
function sparkText(sql: string, type: string | undefined): string {
  return type === 'DOUBLE' || type === 'FLOAT' ? javaNumberText(sql) : `CAST(${sql} AS VARCHAR)`;
}

/** The class of arithmetic over these types: fractional if one is, integral if all are; undefined otherwise. */
function numericClass(types: readonly (string | undefined)[]): string | undefined {
  if (types.length === 0 || !types.every((x) => x !== undefined && NUMERIC_SQL.test(x))) return undefined;
  if (types.some((x) => /^(DOUBLE|FLOAT)$/.test(x!))) return 'DOUBLE';
  if (types.some((x) => x!.startsWith('DECIMAL'))) return 'DECIMAL(38, 10)';
  return 'BIGINT';
}

/** The type a function of the subset gives, from its arguments' types. */
function callType(name: string, args: readonly (string | undefined)[]): string | undefined {
  switch (name) {
    case 'upper': case 'lower': case 'trim': case 'ltrim': case 'rtrim': case 'substring': case 'substr': case 'concat':
      return 'VARCHAR';
    case 'length': case 'year': case 'month': case 'day': case 'dayofmonth': case 'hour': case 'minute': case 'second':
    case 'row_number': case 'rank': case 'dense_rank': case 'ntile':
      return 'INTEGER';
    case 'floor': case 'ceil': case 'ceiling': case 'count':
      return 'BIGINT';
    case 'avg': case 'mean': case 'percent_rank': case 'cume_dist':
      return 'DOUBLE';
    case 'sum':
      return numericClass(args);
    case 'abs': case 'round': case 'min': case 'max': case 'lag': case 'lead': case 'first_value': case 'last_value':
      return args[0];
    case 'coalesce': case 'nvl': case 'ifnull': case 'nullif': case 'greatest': case 'least':
      return args.every((a) => a !== undefined && a === args[0]) ? args[0] : numericClass(args);
    default:
      return undefined;
  }
}
