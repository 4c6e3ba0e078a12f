import { unescapeSparkString } from './spark-string';

/**
 * Parser for a Glue `push_down_predicate`: the Spark SQL boolean expression over a table's partition columns that
 * `create_dynamic_frame.from_catalog(..., push_down_predicate="...")` uses to prune partitions before any file is read
 * (GLUE-REFERENCE.md section 3).
 *
 * Only a small, closed subset of Spark SQL is accepted: comparisons, AND / OR / NOT, IN (a list of literals), BETWEEN,
 * LIKE (a string literal pattern), IS [NOT] NULL, partition column references, literals and parentheses. Everything
 * else (function calls, arithmetic, subqueries, `;`, comments, typed literals, ...) is refused with a
 * {@link PartitionPredicateError}. The result is a typed tree; nothing here produces or runs SQL.
 *
 * The grammar follows Spark 3's `SqlBase.g4` for the part it keeps:
 *
 * ```
 * predicate  := or
 * or         := and (OR and)*
 * and        := not (AND not)*
 * not        := NOT not | predicated
 * predicated := comparison [NOT] IN '(' literal (',' literal)* ')'
 *             | comparison [NOT] BETWEEN comparison AND comparison
 *             | comparison [NOT] LIKE string
 *             | comparison IS [NOT] NULL
 *             | comparison
 * comparison := primary (compareOp primary)*          (left associative, as Spark's valueExpression)
 * primary    := column | literal | '(' or ')'
 * literal    := string | ['-'] integer | ['-'] decimal | TRUE | FALSE | NULL
 * ```
 *
 * So NOT binds tighter than AND, and AND tighter than OR, as in Spark; `NOT a = 1` is `NOT (a = 1)`.
 */

/**
 * A comparison operator. `==` is parsed as `=` and `<>` as `!=` (Spark treats each pair as the same operator:
 * `EqualTo`, and `Not(EqualTo)`); `<=>` is the null-safe equality.
 */
export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | '<=>';

/** A reference to a partition column, by name as written (backticks removed). Resolved case-insensitively later. */
export interface PartitionColumn {
  readonly kind: 'column';
  readonly name: string;
}

/** A string literal; `value` is the text after Spark's backslash unescaping. */
export interface StringLiteral {
  readonly kind: 'literal';
  readonly type: 'string';
  readonly value: string;
}

/** An integer literal; `value` is its decimal text with an optional leading `-` (e.g. `'2024'`, `'-1'`). */
export interface IntegerLiteral {
  readonly kind: 'literal';
  readonly type: 'integer';
  readonly value: string;
}

/** A decimal literal (digits with a `.`); `value` is its text as written, with an optional leading `-` (`'1.50'`, `'.5'`). */
export interface DecimalLiteral {
  readonly kind: 'literal';
  readonly type: 'decimal';
  readonly value: string;
}

/** `TRUE` or `FALSE`. */
export interface BooleanLiteral {
  readonly kind: 'literal';
  readonly type: 'boolean';
  readonly value: boolean;
}

/** `NULL`. */
export interface NullLiteral {
  readonly kind: 'literal';
  readonly type: 'null';
  readonly value: null;
}

/** Any literal. */
export type PartitionLiteral = StringLiteral | IntegerLiteral | DecimalLiteral | BooleanLiteral | NullLiteral;

/**
 * A parsed push-down predicate: a boolean-valued expression. A column alone, `TRUE`, `FALSE` and `NULL` are predicates
 * too (Spark allows a boolean column or literal where a condition goes; the evaluator checks the column's type).
 */
export type PartitionPredicate =
  | { readonly kind: 'or'; readonly left: PartitionPredicate; readonly right: PartitionPredicate }
  | { readonly kind: 'and'; readonly left: PartitionPredicate; readonly right: PartitionPredicate }
  | { readonly kind: 'not'; readonly operand: PartitionPredicate }
  | { readonly kind: 'comparison'; readonly op: ComparisonOperator; readonly left: PartitionOperand; readonly right: PartitionOperand }
  | { readonly kind: 'in'; readonly negated: boolean; readonly value: PartitionOperand; readonly list: readonly PartitionLiteral[] }
  | { readonly kind: 'between'; readonly negated: boolean; readonly value: PartitionOperand; readonly low: PartitionOperand; readonly high: PartitionOperand }
  | { readonly kind: 'like'; readonly negated: boolean; readonly value: PartitionOperand; readonly pattern: string }
  | { readonly kind: 'isNull'; readonly negated: boolean; readonly value: PartitionOperand }
  | PartitionColumn
  | BooleanLiteral
  | NullLiteral;

/**
 * What a comparison, IN, BETWEEN, LIKE or IS NULL applies to: a column, any literal, or a parenthesised predicate
 * (Spark allows `(a = 1) = true`).
 */
export type PartitionOperand = PartitionPredicate | PartitionLiteral;

/**
 * The error every refused predicate throws. Its message is
 * `push_down_predicate "<text>": <what is wrong> at character <n>` (1-based, counted in Unicode code points), sometimes
 * followed by `; <what is allowed>`.
 */
export class PartitionPredicateError extends Error {
  /** The predicate text as given. */
  readonly text: string;
  /** 1-based position (in code points) of the character the problem was found at. */
  readonly position: number;

  /**
   * @param text the whole predicate text
   * @param problem what is wrong, without the position
   * @param position 1-based character position
   * @param hint what is allowed instead, if it helps
   */
  constructor(text: string, problem: string, position: number, hint?: string) {
    super(`push_down_predicate "${text}": ${problem} at character ${position}${hint ? `; ${hint}` : ''}`);
    this.name = 'PartitionPredicateError';
    this.text = text;
    this.position = position;
  }
}

const ALLOWED = 'only comparisons, AND/OR/NOT, IN, BETWEEN, LIKE and IS NULL over partition columns are allowed';
const OPERAND_HINT = "expected a partition column, a literal or '('";
const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'BETWEEN', 'LIKE', 'IS', 'NULL', 'TRUE', 'FALSE']);
/** Spark's DecimalType.MAX_PRECISION: a literal needing more digits is an error in Spark. */
const MAX_PRECISION = 38;

type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'op' | 'punct' | 'eof';

interface Token {
  readonly kind: TokenKind;
  /** Index (UTF-16) where the token starts in the text. */
  readonly pos: number;
  /** Index just after the token. */
  readonly end: number;
  /** The token's text as written. */
  readonly raw: string;
  /** Identifier name (backticks removed) or unescaped string value. */
  readonly value?: string;
}

/**
 * Parses a push-down predicate into a {@link PartitionPredicate}.
 *
 * @param text the `push_down_predicate` text, e.g. `year = '2024' AND month IN ('01', '02')`
 * @returns the predicate tree
 * @throws PartitionPredicateError when the text is empty or uses anything outside the accepted subset
 */
export function parsePartitionPredicate(text: string): PartitionPredicate {
  return new Parser(text).parse();
}

/**
 * The distinct column names a predicate refers to, in order of first appearance. Names are compared
 * case-insensitively (as Spark resolves columns); the first spelling is kept.
 *
 * @param p a parsed predicate
 * @returns the column names
 */
export function predicateColumns(p: PartitionPredicate): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const visit = (n: PartitionOperand): void => {
    switch (n.kind) {
      case 'column':
        if (!seen.has(n.name.toLowerCase())) {
          seen.add(n.name.toLowerCase());
          out.push(n.name);
        }
        return;
      case 'literal':
        return;
      case 'or':
      case 'and':
      case 'comparison':
        visit(n.left);
        visit(n.right);
        return;
      case 'not':
        visit(n.operand);
        return;
      case 'between':
        visit(n.value);
        visit(n.low);
        visit(n.high);
        return;
      case 'in':
      case 'like':
      case 'isNull':
        visit(n.value);
        return;
    }
  };
  visit(p);
  return out;
}

interface Parsed {
  readonly node: PartitionOperand;
  readonly pos: number;
  readonly end: number;
}

/** Recursive descent over a lazily lexed token stream, so the first problem in the text is the one reported. */
/** How deep parentheses and NOTs may nest: deeper is refused with the parser's own error, never a stack overflow. */
const MAX_NESTING = 100;

class Parser {
  private current: Token | undefined;
  private previous: Token | undefined;
  private offset = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  parse(): PartitionPredicate {
    if (this.text.trim() === '') {
      throw this.error('empty predicate', 0, "write a condition over partition columns, e.g. year = '2024'");
    }
    const result = this.parseOr();
    const condition = this.condition(result);
    const after = this.peek();
    if (after.kind !== 'eof') throw this.unexpectedAfter(after);
    return condition;
  }

  // ---- grammar -------------------------------------------------------------------------------------------------

  private parseOr(): Parsed {
    let left = this.parseAnd();
    while (this.isKeyword(this.peek(), 'OR')) {
      this.next();
      const right = this.parseAnd();
      left = { node: { kind: 'or', left: this.condition(left), right: this.condition(right) }, pos: left.pos, end: right.end };
    }
    return left;
  }

  private parseAnd(): Parsed {
    let left = this.parseNot();
    while (this.isKeyword(this.peek(), 'AND')) {
      this.next();
      const right = this.parseNot();
      left = { node: { kind: 'and', left: this.condition(left), right: this.condition(right) }, pos: left.pos, end: right.end };
    }
    return left;
  }

  private parseNot(): Parsed {
    const tok = this.peek();
    if (this.isKeyword(tok, 'NOT')) {
      this.next();
      const operand = this.nested(tok, () => this.parseNot());
      return { node: { kind: 'not', operand: this.condition(operand) }, pos: tok.pos, end: operand.end };
    }
    return this.parsePredicated();
  }

  /** Parses one nesting level deeper, refusing more than MAX_NESTING levels. */
  private nested(at: Token, parse: () => Parsed): Parsed {
    this.depth += 1;
    if (this.depth > MAX_NESTING) throw this.error(`more than ${MAX_NESTING} nested parentheses or NOTs`, at.pos, 'write the condition more simply');
    try {
      return parse();
    } finally {
      this.depth -= 1;
    }
  }

  private parsePredicated(): Parsed {
    const value = this.parseComparison();
    let tok = this.peek();
    let negated = false;
    if (this.isKeyword(tok, 'NOT')) {
      this.next();
      negated = true;
      tok = this.peek();
      if (!this.isKeyword(tok, 'IN') && !this.isKeyword(tok, 'BETWEEN') && !this.isKeyword(tok, 'LIKE')) {
        throw this.error(`expected IN, BETWEEN or LIKE after NOT, found ${this.describe(tok)}`, tok.pos);
      }
    }
    if (this.isKeyword(tok, 'IN')) {
      this.next();
      const open = this.next();
      if (!this.isPunct(open, '(')) throw this.error(`expected '(' after IN, found ${this.describe(open)}`, open.pos, 'IN takes a list of literals, e.g. IN (\'01\', \'02\')');
      const list: PartitionLiteral[] = [this.parseListLiteral()];
      let sep = this.next();
      while (this.isPunct(sep, ',')) {
        list.push(this.parseListLiteral());
        sep = this.next();
      }
      if (!this.isPunct(sep, ')')) throw this.error(`expected ',' or ')' in the IN list, found ${this.describe(sep)}`, sep.pos, 'IN takes a list of literals');
      return { node: { kind: 'in', negated, value: value.node, list }, pos: value.pos, end: sep.end };
    }
    if (this.isKeyword(tok, 'BETWEEN')) {
      this.next();
      const low = this.parseComparison();
      const and = this.next();
      if (!this.isKeyword(and, 'AND')) throw this.error(`expected AND between the bounds of BETWEEN, found ${this.describe(and)}`, and.pos);
      const high = this.parseComparison();
      return { node: { kind: 'between', negated, value: value.node, low: low.node, high: high.node }, pos: value.pos, end: high.end };
    }
    if (this.isKeyword(tok, 'LIKE')) {
      this.next();
      const pattern = this.next();
      if (pattern.kind !== 'string') {
        throw this.error(`LIKE takes a string literal pattern, found ${this.describe(pattern)}`, pattern.pos);
      }
      return { node: { kind: 'like', negated, value: value.node, pattern: pattern.value! }, pos: value.pos, end: pattern.end };
    }
    if (this.isKeyword(tok, 'IS')) {
      this.next();
      let not = this.next();
      let isNegated = false;
      if (this.isKeyword(not, 'NOT')) {
        isNegated = true;
        not = this.next();
      }
      if (!this.isKeyword(not, 'NULL')) throw this.error(`expected NULL or NOT NULL after IS, found ${this.describe(not)}`, not.pos);
      return { node: { kind: 'isNull', negated: isNegated, value: value.node }, pos: value.pos, end: not.end };
    }
    return value;
  }

  private parseComparison(): Parsed {
    let left = this.parsePrimary();
    for (let tok = this.peek(); tok.kind === 'op'; tok = this.peek()) {
      this.next();
      const right = this.parsePrimary();
      const op: ComparisonOperator = tok.raw === '==' ? '=' : tok.raw === '<>' ? '!=' : (tok.raw as ComparisonOperator);
      left = { node: { kind: 'comparison', op, left: left.node, right: right.node }, pos: left.pos, end: right.end };
    }
    return left;
  }

  private parsePrimary(): Parsed {
    const tok = this.next();
    if (this.isPunct(tok, '(')) {
      const inner = this.nested(tok, () => this.parseOr());
      const close = this.next();
      if (!this.isPunct(close, ')')) {
        throw close.kind === 'eof'
          ? this.error('unexpected end of text', close.pos, `expected ')' to close the '(' at character ${this.charNumber(tok.pos)}`)
          : this.unexpectedAfter(close, `expected ')' to close the '(' at character ${this.charNumber(tok.pos)}`);
      }
      return { node: inner.node, pos: tok.pos, end: close.end };
    }
    if (tok.kind === 'word' && !KEYWORDS.has(tok.raw.toUpperCase())) {
      this.refuseCall(tok);
      return { node: { kind: 'column', name: tok.raw }, pos: tok.pos, end: tok.end };
    }
    if (tok.kind === 'quoted') {
      this.refuseCall(tok);
      return { node: { kind: 'column', name: tok.value! }, pos: tok.pos, end: tok.end };
    }
    const literal = this.literalFrom(tok);
    if (literal) return literal;
    if (tok.kind === 'eof') throw this.error('unexpected end of text', tok.pos, OPERAND_HINT);
    if (this.isPunct(tok, '-')) throw this.error("unexpected '-'", tok.pos, ALLOWED);
    throw this.error(`unexpected ${this.describe(tok)}`, tok.pos, OPERAND_HINT);
  }

  /** A literal in an IN list (columns, expressions and subqueries are refused). */
  private parseListLiteral(): PartitionLiteral {
    const tok = this.next();
    const literal = this.literalFrom(tok);
    if (literal) return literal.node as PartitionLiteral;
    if (tok.kind === 'word' && tok.raw.toUpperCase() === 'SELECT') {
      throw this.error("unexpected 'SELECT'", tok.pos, 'subqueries are not allowed; IN takes a list of literals');
    }
    throw this.error(`unexpected ${this.describe(tok)}`, tok.pos, "IN takes a list of literals, e.g. IN ('01', '02')");
  }

  /** Turns a string, number, `-` number, TRUE, FALSE or NULL token into a literal; undefined for anything else. */
  private literalFrom(tok: Token): Parsed | undefined {
    if (tok.kind === 'string') return { node: { kind: 'literal', type: 'string', value: tok.value! }, pos: tok.pos, end: tok.end };
    if (tok.kind === 'number') return { node: this.numberLiteral(tok, ''), pos: tok.pos, end: tok.end };
    if (this.isPunct(tok, '-')) {
      // Spark's grammar allows MINUS before a number literal (`number: MINUS? INTEGER_VALUE | MINUS? DECIMAL_VALUE`).
      const num = this.peek();
      if (num.kind !== 'number') return undefined;
      this.next();
      return { node: this.numberLiteral(num, '-'), pos: tok.pos, end: num.end };
    }
    if (tok.kind === 'word') {
      const kw = tok.raw.toUpperCase();
      if (kw === 'TRUE' || kw === 'FALSE') return { node: { kind: 'literal', type: 'boolean', value: kw === 'TRUE' }, pos: tok.pos, end: tok.end };
      if (kw === 'NULL') return { node: { kind: 'literal', type: 'null', value: null }, pos: tok.pos, end: tok.end };
    }
    return undefined;
  }

  private numberLiteral(tok: Token, sign: '' | '-'): IntegerLiteral | DecimalLiteral {
    const [intPart, fracPart = ''] = tok.raw.split('.');
    const digits = (intPart + fracPart).replace(/^0+/, '');
    const precision = Math.max(digits.length, 1, fracPart.length);
    if (precision > MAX_PRECISION) {
      throw this.error(`number ${tok.raw} needs more than ${MAX_PRECISION} digits`, tok.pos);
    }
    return tok.raw.includes('.')
      ? { kind: 'literal', type: 'decimal', value: sign + tok.raw }
      : { kind: 'literal', type: 'integer', value: sign + tok.raw };
  }

  /**
   * A word or quoted identifier directly followed by `(` is a function call, and one followed by a string is a typed
   * literal (`DATE '2024-01-01'`): both refused.
   */
  private refuseCall(tok: Token): void {
    const after = this.peek();
    const name = tok.kind === 'quoted' ? tok.value : tok.raw;
    if (this.isPunct(after, '(')) {
      throw this.error(`unexpected '(' after '${name}'`, after.pos, ALLOWED);
    }
    if (after.kind === 'string') {
      throw this.error(`unexpected string ${after.raw} after '${name}'`, after.pos, "typed literals are not allowed; compare with a plain string, e.g. dt >= '2024-01-01'");
    }
  }

  /** Checks that a parsed node can stand where a condition goes (not a string or number literal). */
  private condition(p: Parsed): PartitionPredicate {
    const n = p.node;
    if (n.kind === 'literal' && (n.type === 'string' || n.type === 'integer' || n.type === 'decimal')) {
      throw this.error(
        `expected a condition, found the value ${this.text.slice(p.pos, p.end)}`,
        p.pos,
        "compare a partition column with it, e.g. year = '2024'",
      );
    }
    return n as PartitionPredicate;
  }

  /** The error for a token that cannot continue an expression that is already complete. */
  private unexpectedAfter(tok: Token, expected?: string): PartitionPredicateError {
    if (tok.kind === 'punct' && tok.raw === '(') return this.error("unexpected '('", tok.pos, ALLOWED);
    if (tok.kind === 'punct' && tok.raw === '-') return this.error("unexpected '-'", tok.pos, ALLOWED);
    if (tok.kind === 'punct' && tok.raw === ')' && !expected) return this.error("unexpected ')' without a matching '('", tok.pos);
    if (tok.kind === 'string' && this.previous?.kind === 'string' && this.previous.end === tok.pos) {
      return this.error(`unexpected string ${tok.raw}`, tok.pos, "a quote inside a string is written \\' (or use the other quote: \"it's\")");
    }
    const hint = expected ?? (tok.kind === 'punct' ? undefined : 'join conditions with AND or OR');
    return this.error(`unexpected ${this.describe(tok)}`, tok.pos, hint);
  }

  // ---- tokens ----------------------------------------------------------------------------------------------------

  private peek(): Token {
    if (!this.current) this.current = this.lex();
    return this.current;
  }

  private next(): Token {
    const tok = this.peek();
    this.current = undefined;
    this.previous = tok;
    return tok;
  }

  private isKeyword(tok: Token, kw: string): boolean {
    return tok.kind === 'word' && tok.raw.toUpperCase() === kw;
  }

  private isPunct(tok: Token, p: string): boolean {
    return tok.kind === 'punct' && tok.raw === p;
  }

  private describe(tok: Token): string {
    if (tok.kind === 'eof') return 'the end of the text';
    if (tok.kind === 'string') return `string ${tok.raw}`;
    return `'${tok.raw}'`;
  }

  private lex(): Token {
    const t = this.text;
    let i = this.offset;
    // Spark's lexer skips [ \r\n\t] between tokens.
    while (i < t.length && ' \r\n\t'.includes(t[i])) i++;
    const start = i;
    if (i >= t.length) {
      this.offset = i;
      return { kind: 'eof', pos: i, end: i, raw: '' };
    }
    const c = t[i];
    const token = (kind: TokenKind, end: number, value?: string): Token => {
      this.offset = end;
      return { kind, pos: start, end, raw: t.slice(start, end), value };
    };
    if (/[A-Za-z_]/.test(c)) {
      while (i < t.length && /[A-Za-z0-9_]/.test(t[i])) i++;
      return token('word', i);
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(t[i + 1] ?? ''))) {
      while (i < t.length && /[0-9]/.test(t[i])) i++;
      if (t[i] === '.') {
        i++;
        while (i < t.length && /[0-9]/.test(t[i])) i++;
      }
      if (i < t.length && /[A-Za-z0-9_.]/.test(t[i])) {
        let j = i;
        while (j < t.length && /[A-Za-z0-9_.+-]/.test(t[j]) && !(/[+-]/.test(t[j]) && !/[eE]/.test(t[j - 1]))) j++;
        throw this.error(`unsupported number '${t.slice(start, j)}'`, start, 'write integers or decimals such as 2024 or 1.5');
      }
      return token('number', i);
    }
    if (c === '`') {
      let name = '';
      i++;
      for (;;) {
        if (i >= t.length) throw this.error('unterminated quoted identifier starting', start);
        if (t[i] === '`') {
          if (t[i + 1] === '`') {
            name += '`';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        name += t[i++];
      }
      if (name === '') throw this.error('empty quoted identifier', start);
      return token('quoted', i, name);
    }
    if (c === "'" || c === '"') {
      i++;
      while (i < t.length && t[i] !== c) i += t[i] === '\\' ? 2 : 1;
      if (i >= t.length) throw this.error('unterminated string starting', start);
      return token('string', i + 1, unescapeSparkString(t.slice(start + 1, i)));
    }
    if (c === '(' || c === ')' || c === ',') return token('punct', i + 1);
    if (c === '-') {
      if (t[i + 1] === '-') throw this.error("unexpected '--'", start, 'comments are not allowed');
      return token('punct', i + 1);
    }
    if (c === '/' && t[i + 1] === '*') throw this.error("unexpected '/*'", start, 'comments are not allowed');
    if (c === '=') return token('op', t[i + 1] === '=' ? i + 2 : i + 1);
    if (c === '!' && t[i + 1] === '=') return token('op', i + 2);
    if (c === '<') {
      if (t.startsWith('<=>', i)) return token('op', i + 3);
      return token('op', t[i + 1] === '=' || t[i + 1] === '>' ? i + 2 : i + 1);
    }
    if (c === '>') return token('op', t[i + 1] === '=' ? i + 2 : i + 1);
    if ('+*/%&|^~!'.includes(c)) throw this.error(`unexpected '${c}'`, start, ALLOWED);
    const cp = t.codePointAt(i)!;
    const shown = cp < 0x20 || cp === 0x7f ? `\\u${cp.toString(16).padStart(4, '0')}` : String.fromCodePoint(cp);
    throw this.error(`unexpected '${shown}'`, start);
  }

  /** 1-based position, counted in code points, of a UTF-16 index. */
  private charNumber(index: number): number {
    return Array.from(this.text.slice(0, index)).length + 1;
  }

  private error(problem: string, index: number, hint?: string): PartitionPredicateError {
    return new PartitionPredicateError(this.text, problem, this.charNumber(index), hint);
  }
}
