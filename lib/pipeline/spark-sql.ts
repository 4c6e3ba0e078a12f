import { isCalendarDate } from './calendar-date';
import { unescapeSparkString } from './spark-string';

/**
 * The query of a SQL step (Glue Studio's SparkSQL node): the common subset of Spark SQL and DuckDB SQL that gluekit runs
 * locally with Spark's semantics, parsed into a typed tree. Anything outside it is refused with a {@link SparkSqlError}
 * naming the line and column, so a query the local engine would run differently never runs.
 *
 * ```
 * query   := [WITH name AS '(' query ')' {',' ...}] sets [ORDER BY order {',' order}] [LIMIT n]
 * sets    := select {(UNION | INTERSECT | EXCEPT | MINUS) [ALL | DISTINCT] select}
 * select  := SELECT [DISTINCT] item {',' item} FROM source {join} [WHERE expr] [GROUP BY expr {',' expr}] [HAVING expr]
 * item    := '*' | name '.' '*' | expr [[AS] name]
 * source  := (name | '(' query ')') [[AS] name]
 * join    := ([INNER] | LEFT [OUTER] | RIGHT [OUTER] | FULL [OUTER]) JOIN source ON expr | CROSS JOIN source | ',' source
 * order   := expr [ASC | DESC] [NULLS FIRST | NULLS LAST]
 * window  := name '(' args ')' OVER '(' [PARTITION BY expr {',' expr}] [ORDER BY order {',' order}] [frame] ')'
 * frame   := (ROWS | RANGE) (bound | BETWEEN bound AND bound)
 * bound   := UNBOUNDED PRECEDING | UNBOUNDED FOLLOWING | CURRENT ROW | n PRECEDING | n FOLLOWING
 * expr    := OR, AND, NOT, comparisons (= == != <> < <= > >= <=>), IS [NOT] NULL, [NOT] IN (list), [NOT] BETWEEN,
 *            [NOT] IN (query), EXISTS (query), (query) as a value, [NOT] LIKE / RLIKE string, + - * / % ||, unary -, literals, columns (`a`, `t.a`, backticks),
 *            function calls (`f(x)`, `count(*)`, `count(DISTINCT x)`), CASE, CAST(expr AS type), parentheses
 * ```
 * Comments (`--`, `/* *\/`) are skipped. Spark's precedence: OR < AND < NOT < predicates < comparison < `+ - ||`
 * (one level, left-associative) < `* / %` < unary minus.
 */

export type SqlBinaryOperator = 'OR' | 'AND' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '<=>' | '+' | '-' | '*' | '/' | '%' | '||';

export type SqlExpr =
  | { readonly kind: 'column'; readonly table?: string; readonly name: string; readonly at: SqlPosition }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly text: string; readonly type: 'int' | 'bigint' | 'decimal' | 'double' }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' }
  | { readonly kind: 'binary'; readonly op: SqlBinaryOperator; readonly left: SqlExpr; readonly right: SqlExpr }
  | { readonly kind: 'not'; readonly expr: SqlExpr }
  | { readonly kind: 'negate'; readonly expr: SqlExpr }
  | { readonly kind: 'isNull'; readonly expr: SqlExpr; readonly negated: boolean }
  | { readonly kind: 'in'; readonly expr: SqlExpr; readonly list: readonly SqlExpr[]; readonly negated: boolean }
  | { readonly kind: 'inQuery'; readonly expr: SqlExpr; readonly query: SqlQuery; readonly negated: boolean }
  | { readonly kind: 'exists'; readonly query: SqlQuery }
  | { readonly kind: 'subquery'; readonly query: SqlQuery; readonly at: SqlPosition }
  | { readonly kind: 'between'; readonly expr: SqlExpr; readonly low: SqlExpr; readonly high: SqlExpr; readonly negated: boolean }
  | { readonly kind: 'like'; readonly expr: SqlExpr; readonly pattern: SqlExpr; readonly negated: boolean; readonly regex: boolean }
  | { readonly kind: 'case'; readonly operand?: SqlExpr; readonly whens: readonly { readonly when: SqlExpr; readonly then: SqlExpr }[]; readonly otherwise?: SqlExpr }
  | { readonly kind: 'cast'; readonly expr: SqlExpr; readonly type: SqlType; readonly at: SqlPosition }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly SqlExpr[]; readonly distinct: boolean; readonly star: boolean; readonly at: SqlPosition; readonly over?: SqlWindow };

/** One ORDER BY key: Spark puts nulls first ascending and last descending unless `nulls` says otherwise. */
export interface SqlOrder {
  readonly expr: SqlExpr;
  readonly descending: boolean;
  readonly nulls?: 'first' | 'last';
}

/** A window function's `OVER (PARTITION BY ... ORDER BY ... [frame])`; without a frame, the default one. */
export interface SqlWindow {
  readonly partitionBy: readonly SqlExpr[];
  readonly orderBy: readonly SqlOrder[];
  readonly frame?: SqlFrame;
  readonly at: SqlPosition;
}

/** A window frame: the rows (or the range of ORDER BY values) from `start` to `end` around the current row. */
export interface SqlFrame {
  readonly unit: 'ROWS' | 'RANGE';
  readonly start: SqlFrameBound;
  readonly end: SqlFrameBound;
}

/** One end of a frame: unbounded, the current row, or an offset (a whole number) before or after it. */
export type SqlFrameBound = { readonly kind: 'unbounded' | 'offset'; readonly offset?: number; readonly direction: 'PRECEDING' | 'FOLLOWING' } | { readonly kind: 'current' };

/** A CAST target, by Spark's names. */
export type SqlType =
  | { readonly kind: 'string' | 'int' | 'bigint' | 'smallint' | 'tinyint' | 'double' | 'float' | 'boolean' | 'date' | 'timestamp' }
  | { readonly kind: 'decimal'; readonly precision: number; readonly scale: number };

/** Where a token starts: 1-based line and column. */
export interface SqlPosition {
  readonly line: number;
  readonly column: number;
}

export type SqlSelectItem = { readonly kind: 'star'; readonly table?: string } | { readonly kind: 'expr'; readonly expr: SqlExpr; readonly alias?: string; readonly at: SqlPosition };

export interface SqlSource {
  readonly source: { readonly kind: 'table'; readonly name: string; readonly at: SqlPosition } | { readonly kind: 'query'; readonly query: SqlQuery; readonly at: SqlPosition };
  readonly alias?: string;
}

export interface SqlJoin extends SqlSource {
  readonly type: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'CROSS';
  readonly on?: SqlExpr;
}

export interface SqlSelect {
  readonly distinct: boolean;
  readonly items: readonly SqlSelectItem[];
  readonly from: SqlSource;
  readonly joins: readonly SqlJoin[];
  readonly where?: SqlExpr;
  readonly groupBy: readonly SqlExpr[];
  readonly having?: SqlExpr;
}

export interface SqlQuery {
  readonly with: readonly { readonly name: string; readonly query: SqlQuery; readonly at: SqlPosition }[];
  readonly selects: readonly SqlSelect[];
  /**
   * Between consecutive selects: `UNION`, `INTERSECT`, `EXCEPT` (distinct, as Spark; `MINUS` is `EXCEPT`) or their
   * `ALL` forms. INTERSECT binds tighter than UNION and EXCEPT in Spark and DuckDB alike.
   */
  readonly setOperators: readonly SqlSetOperator[];
  readonly orderBy: readonly SqlOrder[];
  readonly limit?: number;
}

export type SqlSetOperator = 'UNION' | 'UNION ALL' | 'INTERSECT' | 'INTERSECT ALL' | 'EXCEPT' | 'EXCEPT ALL';

/** A query outside the subset, or not SQL: the message names the line and column. */
export class SparkSqlError extends Error {
  constructor(readonly problem: string, readonly at: SqlPosition) {
    super(`${problem} at line ${at.line}, column ${at.column}`);
    this.name = 'SparkSqlError';
  }
}

/** Parses a SQL step's query. */
export function parseSparkSql(text: string): SqlQuery {
  return new SqlParser(text).parse();
}

/** Parses one Spark SQL expression over a frame's fields (a derived column's), in the same subset as queries. */
export function parseSparkSqlExpression(text: string): SqlExpr {
  return new SqlParser(text).parseExpression();
}

/** The first window (`OVER`) in an expression, if any: a filter's condition may not hold one (Spark refuses it). */
export function firstWindow(e: SqlExpr): SqlWindow | undefined {
  if (e.kind === 'call' && e.over) return e.over;
  for (const child of childExpressions(e)) {
    const found = firstWindow(child);
    if (found) return found;
  }
  return undefined;
}

/** The expressions directly inside an expression (not those of its subqueries), in order. */
function childExpressions(e: SqlExpr): SqlExpr[] {
  switch (e.kind) {
    case 'call':
      return [...e.args];
    case 'binary':
      return [e.left, e.right];
    case 'not':
    case 'negate':
    case 'isNull':
    case 'cast':
    case 'inQuery':
      return [e.expr];
    case 'in':
      return [e.expr, ...e.list];
    case 'between':
      return [e.expr, e.low, e.high];
    case 'like':
      return [e.expr, e.pattern];
    case 'case':
      return [...(e.operand ? [e.operand] : []), ...e.whens.flatMap((w) => [w.when, w.then]), ...(e.otherwise ? [e.otherwise] : [])];
    default:
      return [];
  }
}

const RESERVED = new Set([
  'SELECT', 'FROM', 'WHERE', 'GROUP', 'BY', 'HAVING', 'ORDER', 'LIMIT', 'UNION', 'ALL', 'DISTINCT', 'AS', 'ON', 'JOIN',
  'INNER', 'LEFT', 'RIGHT', 'FULL', 'OUTER', 'CROSS', 'AND', 'OR', 'NOT', 'IN', 'IS', 'NULL', 'TRUE', 'FALSE', 'LIKE',
  'RLIKE', 'REGEXP', 'BETWEEN', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'CAST', 'WITH', 'ASC', 'DESC', 'INTERSECT', 'EXCEPT',
  'MINUS',
]);

/** What gluekit's SQL steps do not take, with what to do instead: named where the parser meets them. */
const REFUSED: Record<string, string> = {
  LATERAL: 'LATERAL VIEW is not in the SQL subset gluekit runs; use relationalize or unnest steps',
  INTERVAL: 'INTERVAL literals are not in the SQL subset gluekit runs yet',
  SEMI: 'SEMI joins are not in the SQL subset gluekit runs; use a join step with type leftsemi',
  ANTI: 'ANTI joins are not in the SQL subset gluekit runs; use a join step with type leftanti',
  NATURAL: 'NATURAL joins are not in the SQL subset gluekit runs; join ON the columns',
  USING: 'JOIN ... USING is not in the SQL subset gluekit runs; join ON the columns',
  INSERT: 'a SQL step is one query; INSERT is not one',
  CREATE: 'a SQL step is one query; CREATE is not one',
  DROP: 'a SQL step is one query; DROP is not one',
};

const TYPES: Record<string, SqlType['kind']> = {
  STRING: 'string', VARCHAR: 'string', CHAR: 'string', INT: 'int', INTEGER: 'int', BIGINT: 'bigint', LONG: 'bigint',
  SMALLINT: 'smallint', SHORT: 'smallint', TINYINT: 'tinyint', BYTE: 'tinyint', DOUBLE: 'double', FLOAT: 'float',
  REAL: 'float', BOOLEAN: 'boolean', DATE: 'date', TIMESTAMP: 'timestamp', DECIMAL: 'decimal', DEC: 'decimal', NUMERIC: 'decimal',
};

type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'op' | 'punct' | 'eof';

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** An identifier's name (backticks removed) or a string's value (unescaped). */
  readonly value: string;
  readonly at: SqlPosition;
}

class SqlParser {
  private readonly tokens: Token[];
  private index = 0;

  constructor(text: string) {
    this.tokens = lex(text);
  }

  parseExpression(): SqlExpr {
    if (this.peek().kind === 'eof') throw new SparkSqlError('the expression is empty', this.peek().at);
    const e = this.expr();
    const rest = this.peek();
    if (rest.kind !== 'eof') throw this.unexpected(rest, 'expected the end of the expression');
    return e;
  }

  parse(): SqlQuery {
    if (this.peek().kind === 'eof') throw new SparkSqlError('the query is empty', this.peek().at);
    const query = this.query();
    const semicolon = this.acceptPunct(';');
    const rest = this.peek();
    if (rest.kind !== 'eof') {
      const refused = rest.kind === 'word' ? REFUSED[rest.text.toUpperCase()] : undefined;
      throw this.unexpected(rest, semicolon || this.isPunct(';', rest) ? 'a SQL step is one query' : (refused ?? 'expected the end of the query'));
    }
    return query;
  }

  private query(): SqlQuery {
    const ctes: { name: string; query: SqlQuery; at: SqlPosition }[] = [];
    if (this.isWord('WITH')) {
      this.next();
      do {
        const at = this.peek().at;
        const name = this.identifier('a name for the WITH query');
        this.expectWord('AS');
        this.expectPunct('(');
        ctes.push({ name, query: this.query(), at });
        this.expectPunct(')');
      } while (this.acceptPunct(','));
    }
    const selects = [this.select()];
    const setOperators: SqlSetOperator[] = [];
    while (this.isWord('UNION') || this.isWord('INTERSECT') || this.isWord('EXCEPT') || this.isWord('MINUS')) {
      const word = this.next().text.toUpperCase();
      const op = word === 'MINUS' ? 'EXCEPT' : (word as 'UNION' | 'INTERSECT' | 'EXCEPT');
      if (this.isWord('DISTINCT')) this.next();
      const all = this.isWord('ALL');
      if (all) this.next();
      setOperators.push(all ? `${op} ALL` : op);
      selects.push(this.select());
    }
    const orderBy = this.isWord('ORDER') ? this.orderBy() : [];
    let limit: number | undefined;
    if (this.isWord('LIMIT')) {
      this.next();
      const n = this.next();
      if (n.kind !== 'number' || !/^[0-9]+$/.test(n.text)) throw this.unexpected(n, 'LIMIT takes a whole number');
      limit = Number(n.text);
    }
    return { with: ctes, selects, setOperators, orderBy, limit };
  }

  private select(): SqlSelect {
    if (this.isPunct('(')) throw this.unexpected(this.peek(), 'a parenthesized SELECT in a UNION is not in the SQL subset gluekit runs; write the SELECTs side by side');
    this.expectWord('SELECT');
    let distinct = false;
    if (this.isWord('DISTINCT')) {
      this.next();
      distinct = true;
    } else if (this.isWord('ALL')) this.next();
    const items: SqlSelectItem[] = [];
    do items.push(this.item());
    while (this.acceptPunct(','));
    if (!this.isWord('FROM')) throw this.unexpected(this.peek(), 'expected FROM: a SQL step selects from its input frames');
    this.next();
    const from = this.source();
    const joins: SqlJoin[] = [];
    for (;;) {
      if (this.acceptPunct(',')) {
        joins.push({ ...this.source(), type: 'CROSS' });
        continue;
      }
      const type = this.joinType();
      if (!type) break;
      const source = this.source();
      if (type === 'CROSS') joins.push({ ...source, type });
      else {
        if (this.isWord('USING')) throw this.unexpected(this.peek(), REFUSED.USING);
        this.expectWord('ON');
        joins.push({ ...source, type, on: this.expr() });
      }
    }
    const where = this.isWord('WHERE') ? (this.next(), this.expr()) : undefined;
    const groupBy: SqlExpr[] = [];
    if (this.isWord('GROUP')) {
      this.next();
      this.expectWord('BY');
      groupBy.push(...this.exprList());
    }
    const having = this.isWord('HAVING') ? (this.next(), this.expr()) : undefined;
    return { distinct, items, from, joins, where, groupBy, having };
  }

  private joinType(): SqlJoin['type'] | undefined {
    const t = this.peek();
    if (t.kind !== 'word') return undefined;
    const word = t.text.toUpperCase();
    if (word === 'JOIN') {
      this.next();
      return 'INNER';
    }
    if (REFUSED[word] && ['SEMI', 'ANTI', 'NATURAL'].includes(word)) throw this.unexpected(t, REFUSED[word]);
    const kinds: Record<string, SqlJoin['type']> = { INNER: 'INNER', LEFT: 'LEFT', RIGHT: 'RIGHT', FULL: 'FULL', CROSS: 'CROSS' };
    const type = kinds[word];
    if (!type) return undefined;
    this.next();
    if (type !== 'INNER' && type !== 'CROSS' && this.isWord('OUTER')) this.next();
    if (this.isWord('SEMI') || this.isWord('ANTI')) throw this.unexpected(this.peek(), REFUSED[this.peek().text.toUpperCase()]);
    this.expectWord('JOIN');
    return type;
  }

  private source(): SqlSource {
    const t = this.peek();
    let source: SqlSource['source'];
    if (this.acceptPunct('(')) {
      source = { kind: 'query', query: this.query(), at: t.at };
      this.expectPunct(')');
    } else {
      const name = this.identifier('an input name (an alias of the step) or a WITH query');
      if (this.isPunct('.')) throw this.unexpected(this.peek(), 'a SQL step reads its input frames by their aliases, not catalog tables');
      source = { kind: 'table', name, at: t.at };
    }
    return { source, alias: this.alias() };
  }

  private alias(): string | undefined {
    if (this.isWord('AS')) {
      this.next();
      return this.identifier('an alias');
    }
    const t = this.peek();
    if ((t.kind === 'word' && !RESERVED.has(t.text.toUpperCase()) && !REFUSED[t.text.toUpperCase()] && !['JOIN', 'NULLS', 'USING'].includes(t.text.toUpperCase())) || t.kind === 'quoted') {
      this.next();
      return t.value;
    }
    return undefined;
  }

  private item(): SqlSelectItem {
    const t = this.peek();
    if (this.isOp('*')) {
      this.next();
      return { kind: 'star' };
    }
    if ((t.kind === 'word' || t.kind === 'quoted') && this.isPunct('.', this.tokens[this.index + 1]) && this.tokens[this.index + 2]?.text === '*') {
      this.index += 3;
      return { kind: 'star', table: t.value };
    }
    const expr = this.expr();
    return { kind: 'expr', expr, alias: this.alias(), at: t.at };
  }

  // --- expressions ----------------------------------------------------------------------------------------------

  expr(): SqlExpr {
    let left = this.and();
    while (this.isWord('OR')) {
      this.next();
      left = { kind: 'binary', op: 'OR', left, right: this.and() };
    }
    return left;
  }

  private and(): SqlExpr {
    let left = this.not();
    while (this.isWord('AND')) {
      this.next();
      left = { kind: 'binary', op: 'AND', left, right: this.not() };
    }
    return left;
  }

  private not(): SqlExpr {
    if (this.isWord('NOT') || this.isOp('!')) {
      this.next();
      return { kind: 'not', expr: this.not() };
    }
    return this.predicate();
  }

  private predicate(): SqlExpr {
    const expr = this.comparison();
    if (this.isWord('IS')) {
      this.next();
      const negated = this.isWord('NOT') ? (this.next(), true) : false;
      const t = this.next();
      if (!(t.kind === 'word' && t.text.toUpperCase() === 'NULL')) throw this.unexpected(t, 'IS takes NULL or NOT NULL in the SQL subset gluekit runs');
      return { kind: 'isNull', expr, negated };
    }
    const negated = this.isWord('NOT') ? (this.next(), true) : false;
    if (this.isWord('IN')) {
      this.next();
      this.expectPunct('(');
      if (this.isWord('SELECT') || this.isWord('WITH')) {
        const query = this.query();
        this.expectPunct(')');
        return { kind: 'inQuery', expr, query, negated };
      }
      const list: SqlExpr[] = [];
      do list.push(this.comparison());
      while (this.acceptPunct(','));
      this.expectPunct(')');
      return { kind: 'in', expr, list, negated };
    }
    if (this.isWord('BETWEEN')) {
      this.next();
      const low = this.comparison();
      this.expectWord('AND');
      return { kind: 'between', expr, low, high: this.comparison(), negated };
    }
    if (this.isWord('LIKE') || this.isWord('RLIKE') || this.isWord('REGEXP')) {
      const regex = this.next().text.toUpperCase() !== 'LIKE';
      return { kind: 'like', expr, pattern: this.comparison(), negated, regex };
    }
    if (negated) throw this.unexpected(this.tokens[this.index - 1], 'NOT here must be followed by IN, BETWEEN, LIKE or RLIKE');
    return expr;
  }

  private comparison(): SqlExpr {
    let left = this.additive();
    for (;;) {
      const t = this.peek();
      if (t.kind !== 'op' || !['=', '==', '!=', '<>', '<', '<=', '>', '>=', '<=>'].includes(t.text)) return left;
      this.next();
      const op = (t.text === '==' ? '=' : t.text === '<>' ? '!=' : t.text) as SqlBinaryOperator;
      left = { kind: 'binary', op, left, right: this.additive() };
    }
  }

  /** `+`, `-` and `||`: one level, left-associative, as Spark's grammar has them. */
  private additive(): SqlExpr {
    let left = this.multiplicative();
    while (this.isOp('+') || this.isOp('-') || this.isOp('||')) {
      const op = this.next().text as SqlBinaryOperator;
      left = { kind: 'binary', op, left, right: this.multiplicative() };
    }
    return left;
  }

  private multiplicative(): SqlExpr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = this.next().text as SqlBinaryOperator;
      left = { kind: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): SqlExpr {
    if (this.isOp('-')) {
      this.next();
      const operand = this.unary();
      return operand.kind === 'number' && !operand.text.startsWith('-') ? { ...operand, text: `-${operand.text}` } : { kind: 'negate', expr: operand };
    }
    if (this.isOp('+')) {
      this.next();
      return this.unary();
    }
    return this.primary();
  }

  private primary(): SqlExpr {
    const t = this.next();
    if (t.kind === 'number') return numberLiteral(t);
    if (t.kind === 'string') return { kind: 'string', value: t.value };
    if (t.kind === 'punct' && t.text === '(') {
      if (this.isWord('SELECT') || this.isWord('WITH')) {
        const query = this.query();
        this.expectPunct(')');
        return { kind: 'subquery', query, at: t.at };
      }
      const inner = this.expr();
      this.expectPunct(')');
      return inner;
    }
    if (t.kind === 'quoted') return this.columnFrom(t);
    if (t.kind !== 'word') throw this.unexpected(t, 'expected a value: a column, a literal, a function call, CASE, CAST or (');
    const word = t.text.toUpperCase();
    if (word === 'NULL') return { kind: 'null' };
    if (word === 'TRUE' || word === 'FALSE') return { kind: 'boolean', value: word === 'TRUE' };
    if (word === 'CASE') return this.caseExpr();
    if (word === 'CAST') return this.cast(t);
    if (word === 'EXISTS' && this.isPunct('(')) {
      this.expectPunct('(');
      const query = this.query();
      this.expectPunct(')');
      return { kind: 'exists', query };
    }
    if (REFUSED[word]) throw this.unexpected(t, REFUSED[word]);
    if (RESERVED.has(word)) throw this.unexpected(t, 'expected a value: a column, a literal, a function call, CASE, CAST or (');
    if (this.isPunct('(')) return this.call(t);
    if (this.peek().kind === 'string' && (word === 'DATE' || word === 'TIMESTAMP')) return this.typedLiteral(t, word);
    if (this.peek().kind === 'string' && word === 'X') throw this.unexpected(t, "binary literals (X '...') are not in the SQL subset gluekit runs yet; use CAST('...' AS BINARY)");
    return this.columnFrom(t);
  }

  private columnFrom(first: Token): SqlExpr {
    if (!this.isPunct('.')) return { kind: 'column', name: first.value, at: first.at };
    this.next();
    const second = this.next();
    if (second.kind !== 'word' && second.kind !== 'quoted') throw this.unexpected(second, 'expected a column name after the dot');
    if (this.isPunct('.')) throw this.unexpected(this.peek(), 'a nested field path (a.b.c) is not in the SQL subset gluekit runs yet');
    return { kind: 'column', table: first.value, name: second.value, at: first.at };
  }

  /** `expr {',' expr}`. */
  private exprList(): SqlExpr[] {
    const out: SqlExpr[] = [];
    do out.push(this.expr());
    while (this.acceptPunct(','));
    return out;
  }

  /** `ORDER BY order {',' order}`. */
  private orderBy(): SqlOrder[] {
    this.expectWord('ORDER');
    this.expectWord('BY');
    const out: SqlOrder[] = [];
    do {
      const expr = this.expr();
      let descending = false;
      if (this.isWord('ASC')) this.next();
      else if (this.isWord('DESC')) {
        this.next();
        descending = true;
      }
      let nulls: 'first' | 'last' | undefined;
      if (this.isWord('NULLS')) {
        this.next();
        const which = this.next();
        if (which.kind !== 'word' || !['FIRST', 'LAST'].includes(which.text.toUpperCase())) throw this.unexpected(which, 'expected FIRST or LAST after NULLS');
        nulls = which.text.toUpperCase() === 'FIRST' ? 'first' : 'last';
      }
      out.push({ expr, descending, ...(nulls ? { nulls } : {}) });
    } while (this.acceptPunct(','));
    return out;
  }

  /** `OVER '(' [PARTITION BY ...] [ORDER BY ...] ')'` after a function call. */
  private window(): SqlWindow {
    const over = this.next();
    if (!this.isPunct('(')) throw this.unexpected(this.peek(), 'a named window (OVER w) is not in the SQL subset gluekit runs; write the window in parentheses');
    this.expectPunct('(');
    const partitionBy: SqlExpr[] = [];
    if (this.isWord('PARTITION')) {
      this.next();
      this.expectWord('BY');
      partitionBy.push(...this.exprList());
    }
    const orderBy = this.isWord('ORDER') ? this.orderBy() : [];
    const frame = this.isWord('ROWS') || this.isWord('RANGE') ? this.frame() : undefined;
    this.expectPunct(')');
    return { partitionBy, orderBy, ...(frame ? { frame } : {}), at: over.at };
  }

  /** `(ROWS | RANGE) (bound | BETWEEN bound AND bound)`; a lone bound ends at the current row. */
  private frame(): SqlFrame {
    const unit = this.next().text.toUpperCase() as 'ROWS' | 'RANGE';
    if (!this.isWord('BETWEEN')) return { unit, start: this.frameBound(), end: { kind: 'current' } };
    this.next();
    const start = this.frameBound();
    this.expectWord('AND');
    return { unit, start, end: this.frameBound() };
  }

  private frameBound(): SqlFrameBound {
    const t = this.next();
    const word = t.kind === 'word' ? t.text.toUpperCase() : '';
    if (word === 'CURRENT') {
      this.expectWord('ROW');
      return { kind: 'current' };
    }
    const direction = (): 'PRECEDING' | 'FOLLOWING' => {
      const d = this.next();
      const w = d.kind === 'word' ? d.text.toUpperCase() : '';
      if (w !== 'PRECEDING' && w !== 'FOLLOWING') throw this.unexpected(d, 'expected PRECEDING or FOLLOWING');
      return w;
    };
    if (word === 'UNBOUNDED') return { kind: 'unbounded', direction: direction() };
    if (t.kind === 'number' && /^[0-9]+$/.test(t.text)) return { kind: 'offset', offset: Number(t.text), direction: direction() };
    throw this.unexpected(t, 'expected a frame bound: UNBOUNDED PRECEDING, n PRECEDING, CURRENT ROW, n FOLLOWING or UNBOUNDED FOLLOWING');
  }

  private call(name: Token): SqlExpr {
    this.expectPunct('(');
    if (this.isOp('*')) {
      this.next();
      this.expectPunct(')');
      const over = this.isWord('OVER') ? this.window() : undefined;
      return { kind: 'call', name: name.text.toLowerCase(), args: [], distinct: false, star: true, at: name.at, ...(over ? { over } : {}) };
    }
    const distinct = this.isWord('DISTINCT') ? (this.next(), true) : false;
    const args = this.isPunct(')') ? [] : this.exprList();
    this.expectPunct(')');
    if (this.isWord('FILTER')) throw this.unexpected(this.peek(), 'FILTER on an aggregate is not in the SQL subset gluekit runs; use CASE inside it');
    const over = this.isWord('OVER') ? this.window() : undefined;
    return { kind: 'call', name: name.text.toLowerCase(), args, distinct, star: false, at: name.at, ...(over ? { over } : {}) };
  }

  private caseExpr(): SqlExpr {
    const operand = this.isWord('WHEN') ? undefined : this.expr();
    const whens: { when: SqlExpr; then: SqlExpr }[] = [];
    while (this.isWord('WHEN')) {
      this.next();
      const when = this.expr();
      this.expectWord('THEN');
      whens.push({ when, then: this.expr() });
    }
    if (whens.length === 0) throw this.unexpected(this.peek(), 'CASE needs at least one WHEN');
    const otherwise = this.isWord('ELSE') ? (this.next(), this.expr()) : undefined;
    this.expectWord('END');
    return { kind: 'case', operand, whens, otherwise };
  }

  private cast(at: Token): SqlExpr {
    this.expectPunct('(');
    const expr = this.expr();
    this.expectWord('AS');
    const t = this.next();
    const kind = t.kind === 'word' ? TYPES[t.text.toUpperCase()] : undefined;
    if (!kind) throw this.unexpected(t, `expected a type: ${Object.keys(TYPES).join(', ')}`);
    let type: SqlType;
    if (kind === 'decimal') {
      // Spark SQL's DECIMAL alone is decimal(10,0).
      let precision = 10;
      let scale = 0;
      if (this.acceptPunct('(')) {
        precision = this.wholeNumber('a precision');
        scale = this.acceptPunct(',') ? this.wholeNumber('a scale') : 0;
        this.expectPunct(')');
      }
      if (precision < 1 || precision > 38 || scale > precision) throw this.unexpected(t, `decimal(${precision},${scale}) is not a type: precision 1 to 38, scale at most the precision`);
      type = { kind, precision, scale };
    } else {
      if (kind === 'string' && this.isPunct('(')) {
        this.next();
        this.wholeNumber('a length');
        this.expectPunct(')');
      }
      type = { kind };
    }
    this.expectPunct(')');
    return { kind: 'cast', expr, type, at: at.at };
  }

  /**
   * `DATE 'yyyy-mm-dd'` or `TIMESTAMP 'yyyy-mm-dd[ hh:mm[:ss[.fraction]]]'` (a `T` for the space, as Spark takes it): a
   * CAST of its text, which is checked here as Spark checks a literal (a text that is no such date is an error, where
   * a CAST gives null). Spark's other forms (`2024-01`, a time zone) are refused.
   */
  private typedLiteral(at: Token, word: 'DATE' | 'TIMESTAMP'): SqlExpr {
    const text = this.next();
    const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(\.\d{1,9})?)?)?\s*$/.exec(text.value);
    const valid = m !== null && (word === 'TIMESTAMP' || m[4] === undefined) && isCalendarDate(+m[1], +m[2], +m[3]) && (m[4] === undefined || (+m[4] < 24 && +m[5] < 60 && +(m[6] ?? 0) < 60));
    if (!m || !valid) {
      const form = word === 'DATE' ? "DATE 'yyyy-mm-dd'" : "TIMESTAMP 'yyyy-mm-dd hh:mm:ss[.fraction]'";
      throw new SparkSqlError(`'${text.value}' is not a ${word.toLowerCase()} gluekit reads in a typed literal (${form})`, text.at);
    }
    const pad = (n: string, w = 2): string => n.padStart(w, '0');
    const date = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
    const value = m[4] === undefined ? date : `${date} ${pad(m[4])}:${pad(m[5])}:${pad(m[6] ?? '0')}${m[7] ?? ''}`;
    return { kind: 'cast', expr: { kind: 'string', value }, type: { kind: word === 'DATE' ? 'date' : 'timestamp' }, at: at.at };
  }

  // --- tokens ---------------------------------------------------------------------------------------------------

  private wholeNumber(what: string): number {
    const t = this.next();
    if (t.kind !== 'number' || !/^[0-9]+$/.test(t.text)) throw this.unexpected(t, `expected ${what} (a whole number)`);
    return Number(t.text);
  }

  private identifier(what: string): string {
    const t = this.next();
    if (t.kind === 'quoted' || (t.kind === 'word' && !RESERVED.has(t.text.toUpperCase()))) return t.value;
    throw this.unexpected(t, `expected ${what}`);
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    const t = this.tokens[this.index];
    if (t.kind !== 'eof') this.index += 1;
    return t;
  }

  private isWord(word: string, t = this.peek()): boolean {
    return t.kind === 'word' && t.text.toUpperCase() === word;
  }

  private isPunct(p: string, t: Token | undefined = this.peek()): boolean {
    return t !== undefined && t.kind === 'punct' && t.text === p;
  }

  private isOp(op: string): boolean {
    return this.peek().kind === 'op' && this.peek().text === op;
  }

  private acceptPunct(p: string): boolean {
    if (!this.isPunct(p)) return false;
    this.next();
    return true;
  }

  private expectPunct(p: string): void {
    const t = this.next();
    if (!(t.kind === 'punct' && t.text === p)) throw this.unexpected(t, `expected '${p}'`);
  }

  private expectWord(word: string): void {
    const t = this.next();
    if (!this.isWord(word, t)) throw this.unexpected(t, `expected ${word}`);
  }

  private unexpected(t: Token, hint: string): SparkSqlError {
    const shown = t.kind === 'eof' ? 'the end of the text' : t.kind === 'string' ? `string ${t.text}` : `'${t.text}'`;
    return new SparkSqlError(`${hint} (found ${shown})`, t.at);
  }
}

function numberLiteral(t: Token): SqlExpr {
  const text = t.text;
  if (/[Ll]$/.test(text)) {
    if (/[.eE]/.test(text)) throw new SparkSqlError(`'${text}' is not a number: the L suffix is for whole numbers`, t.at);
    return { kind: 'number', text: text.slice(0, -1), type: 'bigint' };
  }
  if (/[Dd]$/.test(text)) return { kind: 'number', text: text.slice(0, -1), type: 'double' };
  if (/[eE]/.test(text)) return { kind: 'number', text, type: 'double' };
  if (text.includes('.')) return { kind: 'number', text, type: 'decimal' };
  // Spark: an integer literal is an int where it fits, a bigint where not, a decimal beyond.
  const n = BigInt(text);
  if (n <= 2147483647n) return { kind: 'number', text, type: 'int' };
  if (n <= 9223372036854775807n) return { kind: 'number', text, type: 'bigint' };
  return { kind: 'number', text, type: 'decimal' };
}

/** Splits a query into tokens, skipping whitespace and comments. */
function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const at = (index: number): SqlPosition => ({ line, column: index - lineStart + 1 });
  const advanceTo = (end: number): void => {
    for (let k = i; k < end; k++) {
      if (text[k] === '\n') {
        line += 1;
        lineStart = k + 1;
      }
    }
    i = end;
  };
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) advanceTo(i + 1);
    if (text.startsWith('--', i)) {
      const end = text.indexOf('\n', i);
      advanceTo(end < 0 ? text.length : end);
      continue;
    }
    if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new SparkSqlError('unterminated comment', at(i));
      advanceTo(end + 2);
      continue;
    }
    if (i >= text.length) {
      tokens.push({ kind: 'eof', text: '', value: '', at: at(i) });
      return tokens;
    }
    const start = i;
    const position = at(i);
    const c = text[i];
    const push = (kind: TokenKind, end: number, value?: string): void => {
      const raw = text.slice(start, end);
      advanceTo(end);
      tokens.push({ kind, text: raw, value: value ?? raw, at: position });
    };
    if (/[A-Za-z_]/.test(c)) {
      let end = i;
      while (end < text.length && /[A-Za-z0-9_]/.test(text[end])) end++;
      push('word', end);
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[LlDd]?/.exec(text.slice(i))!;
      if (/[A-Za-z_]/.test(text[i + m[0].length] ?? '')) throw new SparkSqlError(`'${text.slice(i, i + m[0].length + 1)}' is not a number gluekit reads (integers, decimals, exponents, and the L and D suffixes)`, position);
      push('number', i + m[0].length);
    } else if (c === '`') {
      let end = i + 1;
      let name = '';
      for (;;) {
        if (end >= text.length) throw new SparkSqlError('unterminated quoted name', position);
        if (text[end] === '`') {
          if (text[end + 1] === '`') {
            name += '`';
            end += 2;
            continue;
          }
          break;
        }
        name += text[end++];
      }
      push('quoted', end + 1, name);
    } else if (c === "'" || c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== c) end += text[end] === '\\' ? 2 : 1;
      if (end >= text.length) throw new SparkSqlError('unterminated string', position);
      push('string', end + 1, unescapeSparkString(text.slice(i + 1, end)));
    } else if ('(),.;'.includes(c)) {
      push('punct', i + 1);
    } else {
      const op = ['<=>', '==', '!=', '<>', '<=', '>=', '||', '=', '<', '>', '+', '-', '*', '/', '%', '!'].find((o) => text.startsWith(o, i));
      if (!op) throw new SparkSqlError(`'${c}' is not in the SQL subset gluekit runs`, position);
      push('op', i + op.length);
    }
  }
}

/**
 * The relations a query reads that it does not define itself (its WITH queries): the names a SQL step's aliases must
 * give, each with where it is first read.
 */
export function queryInputs(query: SqlQuery, defined: ReadonlySet<string> = new Set()): { name: string; at: SqlPosition }[] {
  const out: { name: string; at: SqlPosition }[] = [];
  const names = new Set(defined);
  for (const cte of query.with) {
    out.push(...queryInputs(cte.query, names));
    names.add(cte.name.toLowerCase());
  }
  for (const select of query.selects) {
    for (const s of [select.from, ...select.joins]) {
      if (s.source.kind === 'query') out.push(...queryInputs(s.source.query, names));
      else if (!names.has(s.source.name.toLowerCase())) out.push({ name: s.source.name, at: s.source.at });
    }
    const exprs = [...select.items.flatMap((i) => (i.kind === 'expr' ? [i.expr] : [])), ...select.joins.flatMap((j) => (j.on ? [j.on] : [])), select.where, ...select.groupBy, select.having];
    for (const e of exprs) if (e) for (const sub of subqueries(e)) out.push(...queryInputs(sub, names));
  }
  return out;
}

/** The queries inside an expression (`x IN (SELECT ...)`, `EXISTS (...)`, a subquery as a value), outermost first. */
function subqueries(e: SqlExpr): SqlQuery[] {
  const own = e.kind === 'inQuery' || e.kind === 'exists' || e.kind === 'subquery' ? [e.query] : [];
  return [...own, ...childExpressions(e).flatMap(subqueries)];
}
