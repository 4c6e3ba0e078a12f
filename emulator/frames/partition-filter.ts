/**
 * Evaluates a parsed `push_down_predicate` against a table's partitions, in TypeScript: no SQL is generated or run.
 *
 * Semantics are Spark 3's in its default (non-ANSI) mode, as Glue 4.0 (Spark 3.3) and 5.0 (Spark 3.5) run it:
 * - Each partition value is first typed by its key's catalog type, as Spark's `CatalogTablePartition.toRow` /
 *   `ExternalCatalogUtils` do: the stored string `__HIVE_DEFAULT_PARTITION__` is null, anything else goes through
 *   `Cast(Literal(value), keyType)`, so a value that does not parse as the type is null. char(n) and varchar(n) are
 *   strings (`CharVarcharUtils.replaceCharVarcharWithStringInSchema` in partition pruning).
 * - Operands of different types are coerced as Spark's analyzer does (`TypeCoercion.PromoteStrings`,
 *   `DecimalPrecision`, `BooleanEquality`, `ImplicitTypeCasts`, `InConversion`; see {@link comparisonType} and
 *   {@link inListType}); a pair Spark cannot coerce (a date with an int, say) is an error at compile time, as Spark's
 *   analysis fails.
 * - SQL three-valued logic; a partition is kept only when the predicate is true (Spark's `InterpretedPredicate`).
 *
 * Unconfirmed: Glue's catalog reader is closed source; that it evaluates the predicate as Spark's own partition pruning
 * does (`HiveExternalCatalog.listPartitionsByFilter`: values typed by the key types, then the analysed predicate) is
 * taken from the Glue guide ("any Boolean expression supported by Spark SQL", DG) and is the most plausible reading.
 *
 * Sources: apache/spark `sql/catalyst/.../analysis/TypeCoercion.scala`, `DecimalPrecision.scala`,
 * `expressions/Cast.scala`, `util/DateTimeUtils.scala` (`stringToDate`, `parseTimestampString`),
 * `common/unsafe/.../UTF8String.java` (`toLong`, `toInt`), `util/StringUtils.scala` (`escapeLikeRegex`,
 * `isTrueString`), `parser/AstBuilder.scala` (BETWEEN as `>=` AND `<=`), and `docs/sql-migration-guide.md`
 * ("Upgrading from Spark SQL 2.4 to 3.0": casts trim whitespace, `inf`/`nan` literals).
 */
import { isCalendarDate } from '../../lib/pipeline/calendar-date';
import { ComparisonOperator, PartitionLiteral, PartitionOperand, PartitionPredicate, predicateColumns } from '../../lib/pipeline/partition-predicate';

type IntegralKind = 'tinyint' | 'smallint' | 'int' | 'bigint';

/** Spark's atomic types as far as partition columns and literals need them. */
type SqlType =
  | { readonly k: 'string' }
  | { readonly k: 'boolean' }
  | { readonly k: 'null' }
  | { readonly k: IntegralKind }
  | { readonly k: 'float' }
  | { readonly k: 'double' }
  | { readonly k: 'decimal'; readonly p: number; readonly s: number }
  | { readonly k: 'date' }
  | { readonly k: 'timestamp' };

/**
 * A typed value: string; boolean; integral as bigint; float and double as number; decimal as its unscaled bigint at
 * the type's scale; date as days since 1970-01-01; timestamp as microseconds since 1970-01-01T00:00:00Z; or null.
 */
type Value = string | boolean | bigint | number | null;
type Row = Value[];

interface Compiled {
  readonly type: SqlType;
  readonly ev: (row: Row) => Value;
  /** How error messages name this operand. */
  readonly desc: string;
  /** The value of an integer literal (Spark's `DecimalType.forLiteral` uses its digit count). */
  readonly integerLiteral?: bigint;
}

const STRING: SqlType = { k: 'string' };
const BOOLEAN: SqlType = { k: 'boolean' };
const NULL: SqlType = { k: 'null' };
const DOUBLE: SqlType = { k: 'double' };
const INTEGRAL_RANGE: Record<IntegralKind, readonly [bigint, bigint]> = {
  tinyint: [-(2n ** 7n), 2n ** 7n - 1n],
  smallint: [-(2n ** 15n), 2n ** 15n - 1n],
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  bigint: [-(2n ** 63n), 2n ** 63n - 1n],
};
/** Spark's `TypeCoercion.numericPrecedence` (decimal handled apart). */
const NUMERIC_PRECEDENCE = ['tinyint', 'smallint', 'int', 'bigint', 'float', 'double'] as const;
/** Spark's `DecimalType.forType`: the decimal an integral type widens to. */
const INTEGRAL_DECIMAL_PRECISION: Record<IntegralKind, number> = { tinyint: 3, smallint: 5, int: 10, bigint: 20 };
const MAX_PRECISION = 38;
const MICROS_PER_DAY = 86_400_000_000n;
/** Hive's and Spark's name for a null partition value (`ExternalCatalogUtils.DEFAULT_PARTITION_NAME`). */
const DEFAULT_PARTITION_NAME = '__HIVE_DEFAULT_PARTITION__';

/**
 * Compiles a parsed push-down predicate into a test over one partition's values.
 *
 * Every column the predicate names must be a partition key (matched case-insensitively, as Spark resolves columns);
 * this, the key types and the type coercions are all checked here, once, not per call.
 *
 * Rules, with their sources (apache/spark, Spark 3.3 to 3.5, non-ANSI):
 * - Partition values are typed with a Spark cast from string (`CatalogTablePartition.toRow`); see {@link castFn} for each
 *   string parse (`UTF8String.toLong`, `Decimal.fromString`, `DateTimeUtils.stringToDate`, ...).
 * - Comparisons coerce both sides to one type ({@link comparisonType}: `PromoteStrings`, `DecimalPrecision`,
 *   `BooleanEquality`, `ImplicitTypeCasts`); IN coerces the value and the whole list to one type ({@link inListType}:
 *   `InConversion` with `findWiderCommonType`).
 * - BETWEEN is `value >= low AND value <= high`, each comparison coerced on its own (`AstBuilder.withPredicate`).
 * - LIKE casts its operand to string (`Like` is `ImplicitCastInputTypes(StringType, StringType)`), matches the whole
 *   string case-sensitively; `_` is one character, `%` any run, `\` escapes `_`, `%` and `\` and nothing else
 *   (`StringUtils.escapeLikeRegex`: a pattern with another escape is an error).
 * - `<=>` is true when both sides are null, false when one is; IN is null when the value is null, or when nothing
 *   matched and the list holds a null (`In.eval`). AND / OR / NOT are SQL's three-valued logic.
 * - Strings compare by code point (Spark compares UTF-8 bytes); doubles put NaN above everything and NaN = NaN
 *   (`SQLOrderingUtil.compareDoubles`); integers and decimals compare exactly.
 *
 * @param predicate the parsed predicate (see `parsePartitionPredicate`)
 * @param keys the table's partition keys, in order, with catalog (Hive) type names: string, varchar(n), char(n), int,
 *   bigint, smallint, tinyint, double, float, decimal(p,s), boolean, date, timestamp
 * @param where how error messages name the place the predicate comes from, e.g. `node 'src' (CatalogSource db.t)`
 * @returns a function of one partition's stored values (`Partition.Values`, index i for key i) that says whether the
 *   partition is kept: only when the predicate is true
 * @throws Error when the predicate names a column that is not a partition key, a key's type is not one of the above,
 *   two operands have no common type in Spark, a non-boolean stands where a condition goes, or a LIKE pattern is invalid
 */
export function compilePartitionPredicate(
  predicate: PartitionPredicate,
  keys: { name: string; type: string }[],
  where: string,
): (values: (string | null)[]) => boolean {
  const index = new Map<string, number>();
  keys.forEach((k, i) => {
    if (!index.has(k.name.toLowerCase())) index.set(k.name.toLowerCase(), i);
  });
  const used: number[] = [];
  for (const name of predicateColumns(predicate)) {
    const i = index.get(name.toLowerCase());
    if (i === undefined) {
      throw new Error(`${where}: push_down_predicate refers to '${name}', which is not a partition column (partition columns: ${keys.map((k) => k.name).join(', ')})`);
    }
    if (!used.includes(i)) used.push(i);
  }
  const keyTypes: SqlType[] = [];
  const keyCasts: ((s: string) => Value)[] = [];
  for (const i of used) {
    const type = parseCatalogType(keys[i].type);
    if (!type) {
      throw new Error(`${where}: partition column '${keys[i].name}' has type '${keys[i].type}', which push_down_predicate cannot evaluate (supported: string, varchar, char, tinyint, smallint, int, bigint, float, double, decimal, boolean, date, timestamp)`);
    }
    keyTypes[i] = type;
    keyCasts[i] = castFn(STRING, type) as (s: string) => Value;
  }
  const compiler = new Compiler(where, (name) => {
    const i = index.get(name.toLowerCase())!;
    return { i, type: keyTypes[i], name: keys[i].name };
  });
  const root = compiler.compile(predicate);
  compiler.requireCondition(root);
  return (values) => {
    const row: Row = [];
    for (const i of used) {
      const raw = values[i];
      row[i] = raw === null || raw === undefined || raw === DEFAULT_PARTITION_NAME ? null : keyCasts[i](raw);
    }
    return root.ev(row) === true;
  };
}

class Compiler {
  constructor(
    private readonly where: string,
    private readonly column: (name: string) => { i: number; type: SqlType; name: string },
  ) {}

  compile(n: PartitionOperand): Compiled {
    switch (n.kind) {
      case 'column': {
        const { i, type, name } = this.column(n.name);
        return { type, ev: (row) => row[i], desc: `column '${name}' (${typeName(type)})` };
      }
      case 'literal':
        return compileLiteral(n);
      case 'not': {
        const operand = this.requireCondition(this.compile(n.operand));
        return { type: BOOLEAN, ev: (row) => not(operand.ev(row)), desc: 'a condition' };
      }
      case 'and': {
        const left = this.requireCondition(this.compile(n.left));
        const right = this.requireCondition(this.compile(n.right));
        return {
          type: BOOLEAN,
          desc: 'a condition',
          ev: (row) => {
            const a = left.ev(row);
            if (a === false) return false;
            const b = right.ev(row);
            if (b === false) return false;
            return a === null || b === null ? null : true;
          },
        };
      }
      case 'or': {
        const left = this.requireCondition(this.compile(n.left));
        const right = this.requireCondition(this.compile(n.right));
        return {
          type: BOOLEAN,
          desc: 'a condition',
          ev: (row) => {
            const a = left.ev(row);
            if (a === true) return true;
            const b = right.ev(row);
            if (b === true) return true;
            return a === null || b === null ? null : false;
          },
        };
      }
      case 'comparison':
        return this.comparison(n.op, this.compile(n.left), this.compile(n.right));
      case 'between': {
        // Spark's AstBuilder: `e BETWEEN lower AND upper` is `e >= lower AND e <= upper`, each coerced separately.
        const value = this.compile(n.value);
        const low = this.comparison('>=', value, this.compile(n.low));
        const high = this.comparison('<=', value, this.compile(n.high));
        const both = (row: Row): Value => {
          const a = low.ev(row);
          if (a === false) return false;
          const b = high.ev(row);
          if (b === false) return false;
          return a === null || b === null ? null : true;
        };
        return { type: BOOLEAN, desc: 'a condition', ev: n.negated ? (row) => not(both(row)) : both };
      }
      case 'in':
        return this.inList(n.negated, this.compile(n.value), n.list.map(compileLiteral));
      case 'like': {
        const value = this.compile(n.value);
        const toString = castFn(value.type, STRING);
        const regex = likeRegex(n.pattern, this.where);
        return {
          type: BOOLEAN,
          desc: 'a condition',
          ev: (row) => {
            const v = value.ev(row);
            const s = v === null ? null : toString(v);
            if (s === null) return null;
            return regex.test(s as string) !== n.negated;
          },
        };
      }
      case 'isNull': {
        const value = this.compile(n.value);
        return { type: BOOLEAN, desc: 'a condition', ev: (row) => (value.ev(row) === null) !== n.negated };
      }
    }
  }

  /**
   * AND, OR, NOT and the predicate itself take booleans only (`And`/`Or` are `BinaryOperator(BooleanType)`, `Not` is
   * `ImplicitCastInputTypes(BooleanType)`, and Spark has no implicit cast from string or numbers to boolean there).
   * A NULL literal is allowed: it is implicitly cast to boolean. Unconfirmed: a predicate that is only `NULL`; it is
   * taken to keep nothing.
   */
  requireCondition(c: Compiled): Compiled {
    if (c.type.k === 'boolean' || c.type.k === 'null') return c;
    throw new Error(`${this.where}: push_down_predicate uses ${c.desc} as a condition; only a boolean column, TRUE, FALSE, NULL or a comparison can be one`);
  }

  private comparison(op: ComparisonOperator, left: Compiled, right: Compiled): Compiled {
    const target = comparisonType(op, left, right);
    if (!target) {
      throw new Error(`${this.where}: push_down_predicate cannot compare ${left.desc} with ${right.desc} using ${op}: Spark has no implicit cast between ${typeName(left.type)} and ${typeName(right.type)}`);
    }
    const castLeft = castFn(left.type, target);
    const castRight = castFn(right.type, target);
    const cmp = comparator(target);
    return {
      type: BOOLEAN,
      desc: 'a condition',
      ev: (row) => {
        const l = left.ev(row);
        const r = right.ev(row);
        const a = l === null ? null : castLeft(l);
        const b = r === null ? null : castRight(r);
        if (op === '<=>') return a === null || b === null ? a === null && b === null : cmp(a, b) === 0;
        if (a === null || b === null) return null;
        const c = cmp(a, b);
        switch (op) {
          case '=': return c === 0;
          case '!=': return c !== 0;
          case '<': return c < 0;
          case '<=': return c <= 0;
          case '>': return c > 0;
          case '>=': return c >= 0;
        }
      },
    };
  }

  private inList(negated: boolean, value: Compiled, list: Compiled[]): Compiled {
    const target = inListType(value.type, list.map((c) => c.type));
    if (!target) {
      throw new Error(`${this.where}: push_down_predicate cannot compare ${value.desc} with the IN list (${list.map((c) => c.desc).join(', ')}): Spark finds no common type for them`);
    }
    const castValue = castFn(value.type, target);
    const items = list.map((c) => {
      const v = c.ev([]);
      return v === null ? null : castFn(c.type, target)(v);
    });
    const hasNull = items.includes(null);
    const nonNull = items.filter((v): v is Exclude<Value, null> => v !== null);
    const cmp = comparator(target);
    const test = (row: Row): Value => {
      const v = value.ev(row);
      const x = v === null ? null : castValue(v);
      if (x === null) return null;
      if (nonNull.some((item) => cmp(x, item) === 0)) return true;
      return hasNull ? null : false;
    };
    return { type: BOOLEAN, desc: 'a condition', ev: negated ? (row) => not(test(row)) : test };
  }
}

function not(v: Value): Value {
  return v === null ? null : !v;
}

// ---- types ----------------------------------------------------------------------------------------------------------

/**
 * Maps a catalog (Hive) type name to the Spark type a partition value gets. `decimal` alone is decimal(10,0) (Hive's
 * default); char(n) and varchar(n) are string (Spark replaces them with string for partition pruning:
 * `CharVarcharUtils.replaceCharVarcharWithStringInSchema` in `HiveShim.getPartitionsByFilter`).
 */
function parseCatalogType(name: string): SqlType | undefined {
  const t = name.trim().toLowerCase();
  if (t === 'string' || /^(var)?char\s*\(\s*\d+\s*\)$/.test(t)) return STRING;
  if (t === 'int' || t === 'integer') return { k: 'int' };
  if (t === 'bigint' || t === 'long') return { k: 'bigint' };
  if (t === 'smallint' || t === 'short') return { k: 'smallint' };
  if (t === 'tinyint' || t === 'byte') return { k: 'tinyint' };
  if (t === 'double' || t === 'double precision') return DOUBLE;
  if (t === 'float' || t === 'real') return { k: 'float' };
  if (t === 'boolean') return BOOLEAN;
  if (t === 'date') return { k: 'date' };
  if (t === 'timestamp') return { k: 'timestamp' };
  const m = /^(?:decimal|dec|numeric)(?:\s*\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?$/.exec(t);
  if (m) {
    const p = m[1] === undefined ? 10 : Number(m[1]);
    const s = m[2] === undefined ? 0 : Number(m[2]);
    if (p >= 1 && p <= MAX_PRECISION && s <= p) return { k: 'decimal', p, s };
  }
  return undefined;
}

function typeName(t: SqlType): string {
  return t.k === 'decimal' ? `decimal(${t.p},${t.s})` : t.k;
}

function sameType(a: SqlType, b: SqlType): boolean {
  return a.k === b.k && (a.k !== 'decimal' || (b.k === 'decimal' && a.p === b.p && a.s === b.s));
}

function isIntegral(t: SqlType): t is { k: IntegralKind } {
  return t.k === 'tinyint' || t.k === 'smallint' || t.k === 'int' || t.k === 'bigint';
}

function isNumeric(t: SqlType): boolean {
  return isIntegral(t) || t.k === 'float' || t.k === 'double' || t.k === 'decimal';
}

/** `DecimalPrecision.widerDecimalType`: scale max(s1, s2), integral digits max(p1-s1, p2-s2), bounded to 38. */
function widerDecimal(p1: number, s1: number, p2: number, s2: number): SqlType {
  const scale = Math.max(s1, s2);
  const range = Math.max(p1 - s1, p2 - s2);
  return { k: 'decimal', p: Math.min(range + scale, MAX_PRECISION), s: Math.min(scale, MAX_PRECISION) };
}

/** Precision and scale an integral operand widens to next to a decimal (`DecimalType.forType` / `forLiteral`). */
function integralAsDecimal(c: Compiled): [number, number] {
  if (c.integerLiteral !== undefined) {
    const digits = (c.integerLiteral < 0n ? -c.integerLiteral : c.integerLiteral).toString().length;
    return [digits, 0];
  }
  return [INTEGRAL_DECIMAL_PRECISION[c.type.k as IntegralKind], 0];
}

/**
 * The type both sides of a comparison are cast to, or undefined when Spark's analysis would fail. In Spark's order:
 *
 * 1. Same type: no cast.
 * 2. `TypeCoercion.PromoteStrings` / `findCommonTypeForBinaryComparison` (Spark 3.0 to 3.5, with
 *    `spark.sql.legacy.typeCoercion.datetimeToString.enabled` false): string vs date is date, string vs timestamp is
 *    timestamp, date vs timestamp is timestamp, string vs null is string, string vs decimal is **double**
 *    (SPARK-22469), and string vs any other atomic type (int, bigint, double, boolean, ...) is **that type**: the
 *    string is cast. So `year = 2024` over a string key casts the key to int ('2024.9' gives 2024, 'abc' gives null),
 *    and `year > '2020'` over an int key casts '2020' to int.
 * 3. Null vs T is T (`findTightestCommonType`).
 * 4. Numbers (`ImplicitTypeCasts` with `findTightestCommonType`, and `DecimalPrecision`): integral and floating types
 *    widen along tinyint < smallint < int < bigint < float < double; an integral next to a decimal becomes
 *    decimal(3|5|10|20, 0) (an integer literal: just its digits) and the two decimals widen to
 *    `widerDecimalType`; a decimal next to float or double becomes double. So int vs decimal compares exactly.
 * 5. `BooleanEquality`: boolean = number and boolean <=> number cast the boolean to the number's type (true is 1);
 *    other comparisons of booleans with numbers fail in Spark.
 * 6. Anything else (date vs number, boolean vs date, ...) fails analysis ("differing types").
 */
function comparisonType(op: ComparisonOperator, left: Compiled, right: Compiled): SqlType | undefined {
  const a = left.type;
  const b = right.type;
  if (sameType(a, b)) return a;
  const pair = (x: SqlType['k'], y: SqlType['k']): boolean => (a.k === x && b.k === y) || (a.k === y && b.k === x);
  if (pair('string', 'date')) return { k: 'date' };
  if (pair('string', 'timestamp')) return { k: 'timestamp' };
  if (pair('string', 'null')) return STRING;
  if (pair('date', 'timestamp')) return { k: 'timestamp' };
  if (pair('string', 'decimal')) return DOUBLE;
  if (a.k === 'string') return b;
  if (b.k === 'string') return a;
  if (a.k === 'null') return b;
  if (b.k === 'null') return a;
  if (isNumeric(a) && isNumeric(b)) {
    if (a.k === 'decimal' && b.k === 'decimal') return widerDecimal(a.p, a.s, b.p, b.s);
    if (a.k === 'decimal' || b.k === 'decimal') {
      const [dec, other, otherCompiled] = a.k === 'decimal' ? [a, b, right] : [b, a, left];
      if (dec.k !== 'decimal') return undefined;
      if (other.k === 'float' || other.k === 'double') return DOUBLE;
      const [p, s] = integralAsDecimal(otherCompiled);
      return widerDecimal(p, s, dec.p, dec.s);
    }
    return { k: NUMERIC_PRECEDENCE[Math.max(NUMERIC_PRECEDENCE.indexOf(a.k as never), NUMERIC_PRECEDENCE.indexOf(b.k as never))] };
  }
  if ((op === '=' || op === '<=>') && ((a.k === 'boolean' && isNumeric(b)) || (b.k === 'boolean' && isNumeric(a)))) {
    return a.k === 'boolean' ? b : a;
  }
  return undefined;
}

/** `TypeCoercion.findTightestCommonType` for atomic types. */
function tightestCommonType(a: SqlType, b: SqlType): SqlType | undefined {
  if (sameType(a, b)) return a;
  if (a.k === 'null') return b;
  if (b.k === 'null') return a;
  const decimalWiderThanIntegral = (d: SqlType, i: SqlType): boolean =>
    d.k === 'decimal' && isIntegral(i) && d.p - d.s >= INTEGRAL_DECIMAL_PRECISION[i.k];
  if (decimalWiderThanIntegral(a, b)) return a;
  if (decimalWiderThanIntegral(b, a)) return b;
  if (isNumeric(a) && isNumeric(b) && a.k !== 'decimal' && b.k !== 'decimal') {
    return { k: NUMERIC_PRECEDENCE[Math.max(NUMERIC_PRECEDENCE.indexOf(a.k as never), NUMERIC_PRECEDENCE.indexOf(b.k as never))] };
  }
  if ((a.k === 'date' && b.k === 'timestamp') || (a.k === 'timestamp' && b.k === 'date')) return { k: 'timestamp' };
  return undefined;
}

/** `findWiderTypeForTwo`: tightest common type, else `findWiderTypeForDecimal`, else `stringPromotion`. */
function widerTypeForTwo(a: SqlType, b: SqlType): SqlType | undefined {
  const tight = tightestCommonType(a, b);
  if (tight) return tight;
  if (a.k === 'decimal' && b.k === 'decimal') return widerDecimal(a.p, a.s, b.p, b.s);
  if (a.k === 'decimal' && isIntegral(b)) return widerDecimal(INTEGRAL_DECIMAL_PRECISION[b.k], 0, a.p, a.s);
  if (b.k === 'decimal' && isIntegral(a)) return widerDecimal(INTEGRAL_DECIMAL_PRECISION[a.k], 0, b.p, b.s);
  if ((a.k === 'decimal' && (b.k === 'float' || b.k === 'double')) || (b.k === 'decimal' && (a.k === 'float' || a.k === 'double'))) return DOUBLE;
  // stringPromotion: string with any atomic type but boolean (and binary) is string.
  if (a.k === 'string' && b.k !== 'boolean') return STRING;
  if (b.k === 'string' && a.k !== 'boolean') return STRING;
  return undefined;
}

/**
 * The type IN casts its value and list to (`TypeCoercion.InConversion`): none needed when every item already has the
 * value's type; otherwise `findWiderCommonType` over all of them, string types first, folding `findWiderTypeForTwo`.
 * Unlike a comparison this promotes numbers and dates to **string** next to a string: `year IN (2023, 2024)` over a
 * string key compares the strings '2023' and '2024', and `year IN ('2024')` over an int key compares year's text.
 * A boolean with a string or a number has no common type: an error, as in Spark.
 */
function inListType(value: SqlType, list: SqlType[]): SqlType | undefined {
  if (list.every((t) => sameType(t, value))) return value;
  const all = [value, ...list];
  const strings = all.filter((t) => t.k === 'string').slice(0, 1);
  let acc: SqlType | undefined = NULL;
  for (const t of [...strings, ...all.filter((t) => t.k !== 'string')]) {
    acc = acc && widerTypeForTwo(acc, t);
  }
  return acc;
}

function compileLiteral(n: PartitionLiteral): Compiled {
  switch (n.type) {
    case 'string':
      return { type: STRING, ev: () => n.value, desc: `'${n.value}' (string)` };
    case 'boolean':
      return { type: BOOLEAN, ev: () => n.value, desc: `${n.value} (boolean)` };
    case 'null':
      return { type: NULL, ev: () => null, desc: 'NULL' };
    case 'integer': {
      // Spark's AstBuilder.visitIntegerLiteral: int when it fits, else bigint, else decimal(digits, 0).
      const v = BigInt(n.value);
      const digits = (v < 0n ? -v : v).toString().length;
      const type: SqlType = fits(v, 'int') ? { k: 'int' } : fits(v, 'bigint') ? { k: 'bigint' } : { k: 'decimal', p: digits, s: 0 };
      return { type, ev: () => v, desc: `${n.value} (${typeName(type)})`, integerLiteral: v };
    }
    case 'decimal': {
      // Spark's visitDecimalLiteral: a BigDecimal literal, decimal(max(precision, scale), scale).
      const negative = n.value.startsWith('-');
      const [intPart, frac = ''] = n.value.replace(/^-/, '').split('.');
      const unscaled = BigInt((intPart + frac).replace(/^0+(?=\d)/, '') || '0');
      const digits = unscaled.toString().length;
      const type: SqlType = { k: 'decimal', p: Math.max(digits, frac.length, 1), s: frac.length };
      const v = negative ? -unscaled : unscaled;
      return { type, ev: () => v, desc: `${n.value} (${typeName(type)})` };
    }
  }
}

function fits(v: bigint, k: IntegralKind): boolean {
  return v >= INTEGRAL_RANGE[k][0] && v <= INTEGRAL_RANGE[k][1];
}

// ---- casts (Spark's Cast, non-ANSI: a value that does not convert is null) -----------------------------------------

type Cast = (v: Exclude<Value, null>) => Value;

/**
 * A Spark (non-ANSI) cast between two of the types above, for a non-null value; null where Spark's cast gives null.
 * Only the casts type coercion can ask for are here.
 */
function castFn(from: SqlType, to: SqlType): Cast {
  if (sameType(from, to)) return (v) => v;
  if (from.k === 'null') return () => null;
  if (to.k === 'string') return (v) => formatValue(from, v);
  if (from.k === 'string') return stringCast(to);
  if (from.k === 'boolean') {
    const one = castFn({ k: 'tinyint' }, to);
    return (v) => one(v ? 1n : 0n);
  }
  if (isIntegral(from)) {
    if (isIntegral(to)) return (v) => (fits(v as bigint, to.k) ? v : null);
    if (to.k === 'float') return (v) => Math.fround(Number(v));
    if (to.k === 'double') return (v) => Number(v);
    if (to.k === 'decimal') return (v) => rescale(v as bigint, 0, to.p, to.s);
  }
  if (from.k === 'float' && to.k === 'double') return (v) => v;
  if (from.k === 'decimal') {
    if (to.k === 'double') return (v) => Number(formatDecimalPlain(v as bigint, from.s));
    if (to.k === 'decimal') return (v) => rescale(v as bigint, from.s, to.p, to.s);
  }
  if (from.k === 'date' && to.k === 'timestamp') return (v) => BigInt(v as number) * MICROS_PER_DAY;
  throw new Error(`internal: no cast from ${typeName(from)} to ${typeName(to)}`);
}

/** Spark 3 trims these around a string before casting it to a number, boolean or date (migration guide, 2.4 to 3.0). */
function trimControl(s: string): string {
  return s.replace(/^[\u0000-\u0020\u007f]+|[\u0000-\u0020\u007f]+$/g, '');
}

function stringCast(to: SqlType): Cast {
  switch (to.k) {
    case 'boolean':
      return (v) => parseBoolean(v as string);
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint': {
      const k = to.k;
      return (v) => parseIntegral(v as string, k);
    }
    case 'float':
      return (v) => {
        const d = parseDouble(v as string);
        return d === null ? null : Math.fround(d);
      };
    case 'double':
      return (v) => parseDouble(v as string);
    case 'decimal':
      return (v) => parseDecimal(v as string, to.p, to.s);
    case 'date':
      return (v) => parseDate(v as string);
    case 'timestamp':
      return (v) => parseTimestamp(v as string);
    default:
      throw new Error(`internal: no cast from string to ${typeName(to)}`);
  }
}

/** `StringUtils.isTrueString` / `isFalseString` on the trimmed, lower-cased text: t, true, y, yes, 1 / f, false, n, no, 0. */
function parseBoolean(s: string): boolean | null {
  const t = trimControl(s).toLowerCase();
  if (t === 't' || t === 'true' || t === 'y' || t === 'yes' || t === '1') return true;
  if (t === 'f' || t === 'false' || t === 'n' || t === 'no' || t === '0') return false;
  return null;
}

/**
 * `UTF8String.toLong` / `toInt` (then a range check for tinyint and smallint): trimmed, an optional sign, digits, and
 * an optional `.` followed by digits that are dropped (truncation toward zero: '12.50' is 12, '-2.7' is -2). No
 * exponent, hex or underscores; out of range is null. A sign alone is null; '.' alone is 0 (as Spark's loop reads it).
 */
function parseIntegral(s: string, k: IntegralKind): bigint | null {
  const t = trimControl(s);
  const m = /^([+-]?)(\d*)(?:\.\d*)?$/.exec(t);
  if (!m || t === '' || t === '+' || t === '-') return null;
  const v = BigInt(m[2] || '0') * (m[1] === '-' ? -1n : 1n);
  return fits(v, k) ? v : null;
}

/**
 * Spark's string to double: `java.lang.Double.parseDouble` (which trims characters up to U+0020 and accepts an
 * exponent, an `f`/`d` suffix, `NaN` and `Infinity`), else `Cast.processFloatingPointSpecialLiterals`: `inf`,
 * `+inf`, `infinity`, `+infinity`, `-inf`, `-infinity`, `nan`, any case. Hexadecimal floating-point strings
 * (`0x1p3`) are not recognised here (null).
 */
function parseDouble(s: string): number | null {
  const t = s.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  const m = /^([+-]?)(?:(NaN)|(Infinity)|((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)[fFdD]?)$/.exec(t);
  if (m) {
    const sign = m[1] === '-' ? -1 : 1;
    if (m[2]) return NaN;
    if (m[3]) return sign * Infinity;
    return sign * Number(m[4]);
  }
  switch (t.toLowerCase()) {
    case 'inf':
    case '+inf':
    case 'infinity':
    case '+infinity':
      return Infinity;
    case '-inf':
    case '-infinity':
      return -Infinity;
    case 'nan':
      return NaN;
    default:
      return null;
  }
}

/**
 * `Decimal.fromString` (`new java.math.BigDecimal(s.trim)`: sign, digits, optional fraction, optional exponent) then
 * `changePrecision(p, s)` with ROUND_HALF_UP; a value that does not fit decimal(p, s) is null.
 */
function parseDecimal(str: string, p: number, s: number): bigint | null {
  const t = str.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(t);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const frac = m[3] ?? '';
  let unscaled = BigInt((m[2] + frac) || '0');
  if (m[1] === '-') unscaled = -unscaled;
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  if (!Number.isSafeInteger(exponent)) return unscaled === 0n ? 0n : exponent < 0 ? 0n : null;
  return rescale(unscaled, frac.length - exponent, p, s);
}

/** Re-expresses unscaled/10^scale at scale `s` (ROUND_HALF_UP), or null when it needs more than `p` digits. */
function rescale(unscaled: bigint, scale: number, p: number, s: number): bigint | null {
  if (unscaled === 0n) return 0n;
  const magnitude = (unscaled < 0n ? -unscaled : unscaled).toString().length;
  if (magnitude - scale > p + 1) return null;
  if (scale - s > magnitude + 1) return 0n;
  let v: bigint;
  if (s >= scale) {
    v = unscaled * 10n ** BigInt(s - scale);
  } else {
    const d = 10n ** BigInt(scale - s);
    v = unscaled / d;
    const rem = unscaled % d;
    if ((rem < 0n ? -rem : rem) * 2n >= d) v += unscaled < 0n ? -1n : 1n;
  }
  return (v < 0n ? -v : v) < 10n ** BigInt(p) ? v : null;
}

/**
 * `DateTimeUtils.stringToDate`: trimmed; `[+-]yyyy*`, `[+-]yyyy*-[m]m`, `[+-]yyyy*-[m]m-[d]d`, the last optionally
 * followed by a space or `T` and anything; the year has 4 to 7 digits, month and day 1 or 2; the date must exist
 * (proleptic Gregorian, `LocalDate.of`). '2024/01/15' is null.
 */
function parseDate(str: string): number | null {
  const t = trimControl(str);
  if (t === '') return null;
  let j = 0;
  let sign = 1;
  if (t[0] === '-' || t[0] === '+') {
    sign = t[0] === '-' ? -1 : 1;
    j = 1;
  }
  const segments = [1, 1, 1];
  const valid = (segment: number, digits: number): boolean => (segment === 0 ? digits >= 4 && digits <= 7 : digits > 0 && digits <= 2);
  let i = 0;
  let current = 0;
  let digits = 0;
  while (j < t.length && t[j] !== ' ' && t[j] !== 'T') {
    const c = t[j];
    if (i < 2 && c === '-') {
      if (!valid(i, digits)) return null;
      segments[i++] = current;
      current = 0;
      digits = 0;
    } else if (c >= '0' && c <= '9') {
      current = current * 10 + (c.charCodeAt(0) - 48);
      digits++;
    } else {
      return null;
    }
    j++;
  }
  if (!valid(i, digits)) return null;
  if (i < 2 && j < t.length) return null;
  segments[i] = current;
  return epochDay(sign * segments[0], segments[1], segments[2]);
}

/**
 * `DateTimeUtils.parseTimestampString` + `stringToTimestamp`: trimmed; `[+-]yyyy*[-[m]m[-[d]d[( |T)[h]h[:[m]m[:[s]s
 * [.fraction][zone]]]]]]` with a 4 to 6 digit year and 1 or 2 digit fields, fraction digits past the 6th dropped. The
 * zone may be `Z`, an offset (`+h`, `+hh`, `+hh:mm`, `+hhmm`, `+hh:mm:ss`, `+hhmmss`, also `+h:mm` and `+hh:m`), or
 * `UTC`, `GMT`, `UT` optionally followed by such an offset. Without a zone the session time zone applies:
 * Unconfirmed, taken to be UTC (Glue's default JVM and session time zone). Not modelled (null here): region zone ids
 * such as `Europe/Paris` and short ids such as `PST`, and the time-only forms (`12:30`, `T12:30`), which Spark
 * completes with the current date.
 */
function parseTimestamp(str: string): bigint | null {
  const t = trimControl(str);
  const m = /^([+-]?)(\d{4,6})(?:-(\d{1,2})(?:-(\d{1,2})(?:[ T](\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:\.(\d*))?(\D.*)?)?)?)?)?)?$/s.exec(t);
  if (!m) return null;
  const year = Number(m[2]) * (m[1] === '-' ? -1 : 1);
  const day = epochDay(year, m[3] === undefined ? 1 : Number(m[3]), m[4] === undefined ? 1 : Number(m[4]));
  const [hour, minute, second] = [m[5], m[6], m[7]].map((x) => (x === undefined ? 0 : Number(x)));
  if (day === null || hour > 23 || minute > 59 || second > 59) return null;
  const micros = BigInt(((m[8] ?? '') + '000000').slice(0, 6));
  let offsetSeconds = 0;
  if (m[9] !== undefined) {
    const offset = zoneOffsetSeconds(m[9].trim());
    if (offset === null) return null;
    offsetSeconds = offset;
  }
  const seconds = BigInt(day) * 86_400n + BigInt(hour * 3600 + minute * 60 + second - offsetSeconds);
  return seconds * 1_000_000n + micros;
}

/** `DateTimeUtils.getZoneId` then `ZoneId.of` for the fixed-offset ids; null for any other id. */
function zoneOffsetSeconds(zone: string): number | null {
  const id = zone.replace(/^([+-])(\d):/, '$10$2:').replace(/^([+-])(\d\d):(\d)$/, '$1$2:0$3');
  if (id === 'Z' || id === 'UTC' || id === 'GMT' || id === 'UT') return 0;
  const m = /^(?:UTC|GMT|UT)?([+-])(\d{1,2})(?::?(\d{2})(?::?(\d{2}))?)?$/.exec(id);
  if (!m) return null;
  if (m[2].length === 1 && m[3] !== undefined) return null;
  const [h, mi, s] = [m[2], m[3], m[4]].map((x) => (x === undefined ? 0 : Number(x)));
  if (h > 18 || mi > 59 || s > 59 || (h === 18 && (mi > 0 || s > 0))) return null;
  return (m[1] === '-' ? -1 : 1) * (h * 3600 + mi * 60 + s);
}

/** Days since 1970-01-01 of a proleptic Gregorian date, or null when it does not exist (`LocalDate.of`). */
function epochDay(year: number, month: number, day: number): number | null {
  if (!isCalendarDate(year, month, day)) return null;
  // Days from civil (Howard Hinnant's algorithm).
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (inverse of {@link epochDay}). */
function civil(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

// ---- to string (Spark's cast to string) -----------------------------------------------------------------------------

function formatValue(from: SqlType, v: Exclude<Value, null>): string {
  switch (from.k) {
    case 'string':
      return v as string;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
      return (v as bigint).toString();
    case 'float':
      return javaFloatToString(v as number);
    case 'double':
      return javaDoubleToString(v as number);
    case 'decimal':
      return javaBigDecimalToString(v as bigint, from.s);
    case 'date':
      return formatDate(v as number);
    case 'timestamp':
      return formatTimestamp(v as bigint);
    case 'null':
      throw new Error('internal: null has no text');
  }
}

/** `yyyy-MM-dd` (Spark's default DateFormatter). Years outside 0000 to 9999 are not modelled beyond a plain sign. */
function formatDate(days: number): string {
  const [y, m, d] = civil(days);
  const year = y < 0 ? `-${String(-y).padStart(4, '0')}` : String(y).padStart(4, '0');
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `yyyy-MM-dd HH:mm:ss[.ffffff]`, trailing zeros of the fraction dropped (Spark's fraction formatter), in UTC. */
function formatTimestamp(micros: bigint): string {
  const days = micros >= 0n ? micros / MICROS_PER_DAY : -((-micros + MICROS_PER_DAY - 1n) / MICROS_PER_DAY);
  const rest = Number(micros - days * MICROS_PER_DAY);
  const seconds = Math.floor(rest / 1_000_000);
  const fraction = rest % 1_000_000;
  const hms = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60].map((x) => String(x).padStart(2, '0')).join(':');
  const frac = fraction === 0 ? '' : `.${String(fraction).padStart(6, '0').replace(/0+$/, '')}`;
  return `${formatDate(Number(days))} ${hms}${frac}`;
}

/**
 * `java.math.BigDecimal.toString` (non-ANSI Spark casts decimals to string with it, `ToStringBase`): plain digits
 * with `scale` fraction digits, unless the adjusted exponent is below -6, then `d.dddE-n` (e.g. 0.0000001 is `1E-7`).
 */
function javaBigDecimalToString(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString();
  const adjusted = digits.length - 1 - scale;
  if (adjusted >= -6) return (negative ? '-' : '') + plainDigits(digits, scale);
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${negative ? '-' : ''}${mantissa}E${adjusted}`;
}

function formatDecimalPlain(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  return (negative ? '-' : '') + plainDigits((negative ? -unscaled : unscaled).toString(), scale);
}

function plainDigits(digits: string, scale: number): string {
  if (scale === 0) return digits;
  const padded = digits.padStart(scale + 1, '0');
  return `${padded.slice(0, padded.length - scale)}.${padded.slice(padded.length - scale)}`;
}

/**
 * `java.lang.Double.toString`: `NaN`, `Infinity`, `-0.0`; plain with at least one fraction digit when
 * 10^-3 <= |d| < 10^7 (`12.0`), else computerised scientific notation (`1.0E20`, `1.5E-5`). Digits are the shortest
 * that round-trip (JDK 19+; older JDKs occasionally print one more digit, not modelled).
 */
function javaDoubleToString(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (d === Infinity) return 'Infinity';
  if (d === -Infinity) return '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  return javaFloatingFormat(d, d.toExponential());
}

/** `java.lang.Float.toString`, as {@link javaDoubleToString} with the shortest digits that round-trip as a float. */
function javaFloatToString(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return 'Infinity';
  if (f === -Infinity) return '-Infinity';
  if (f === 0) return Object.is(f, -0) ? '-0.0' : '0.0';
  for (let p = 1; p <= 9; p++) {
    const text = f.toExponential(p - 1);
    if (Math.fround(Number(text)) === f) return javaFloatingFormat(Number(text), text);
  }
  return javaFloatingFormat(f, f.toExponential());
}

/** Lays out `value`, whose shortest digits are given in JS exponential form, as Java prints a double or float. */
function javaFloatingFormat(value: number, exponential: string): string {
  const [mantissa, exp] = exponential.split('e');
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e7) {
    const plain = String(value);
    return plain.includes('.') ? plain : `${plain}.0`;
  }
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exp)}`;
}

// ---- ordering -------------------------------------------------------------------------------------------------------

type Comparator = (a: Exclude<Value, null>, b: Exclude<Value, null>) => number;

/** How two values of one type order: strings by code point (UTF-8 byte order), doubles with NaN largest. */
function comparator(t: SqlType): Comparator {
  switch (t.k) {
    case 'string':
      return (a, b) => compareCodePoints(a as string, b as string);
    case 'boolean':
      return (a, b) => (a === b ? 0 : a ? 1 : -1);
    case 'float':
    case 'double':
      return (a, b) => compareDoubles(a as number, b as number);
    case 'date':
      return (a, b) => ((a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0);
    default:
      // integral, decimal (both sides at the same scale) and timestamp: bigint
      return (a, b) => ((a as bigint) < (b as bigint) ? -1 : (a as bigint) > (b as bigint) ? 1 : 0);
  }
}

/** `SQLOrderingUtil.compareDoubles`: NaN equals NaN and is above everything; -0.0 equals 0.0. */
function compareDoubles(a: number, b: number): number {
  const an = Number.isNaN(a);
  const bn = Number.isNaN(b);
  if (an || bn) return an && bn ? 0 : an ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares by Unicode code point, which is the order of UTF-8 bytes (`UTF8String.compareTo`). */
function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(j)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i += ca > 0xffff ? 2 : 1;
    j += cb > 0xffff ? 2 : 1;
  }
  return i < a.length ? 1 : j < b.length ? -1 : 0;
}

/**
 * `StringUtils.escapeLikeRegex(pattern, '\\')`: `_` one character, `%` any run (newlines included), `\` escapes
 * `_`, `%` or `\`; a `\` before anything else or at the end is an error ("the pattern ... is invalid").
 */
function likeRegex(pattern: string, where: string): RegExp {
  let out = '';
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\') {
      const n = chars[i + 1];
      if (n === undefined) throw new Error(`${where}: push_down_predicate LIKE pattern '${pattern}' is invalid: it is not allowed to end with the escape character`);
      if (n !== '_' && n !== '%' && n !== '\\') throw new Error(`${where}: push_down_predicate LIKE pattern '${pattern}' is invalid: the escape character is not allowed to precede '${n}'`);
      out += escapeRegex(n);
      i++;
    } else if (c === '_') {
      out += '.';
    } else if (c === '%') {
      out += '.*';
    } else {
      out += escapeRegex(c);
    }
  }
  return new RegExp(`^(?:${out})$`, 'su');
}

function escapeRegex(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}
