import type { FilterExpression } from '@aws-sdk/client-glue';

/**
 * Typed filter expressions. They compile to Glue Studio's `Filter` node (`LogicalOperator` over `Filters`), which both the
 * PySpark generator and the frame engine read, so one expression means the same thing on AWS and locally.
 */
export type Literal = string | number | boolean;

/** One comparison on one column: a Studio `FilterExpression`. */
export class Condition {
  /** @internal */
  constructor(readonly expression: FilterExpression) {}

  /** The same comparison, negated. */
  not(): Condition {
    return new Condition({ ...this.expression, Negated: !this.expression.Negated });
  }
}

/** All conditions must hold (`LogicalOperator: AND`) or any one (`OR`). */
export interface Predicate {
  readonly logicalOperator: 'AND' | 'OR';
  readonly conditions: Condition[];
}

/** A reference to a column (a top-level field, or a nested one by its dotted path). */
export class Column {
  constructor(readonly path: string) {
    if (!path) throw new Error('col(): the column path must not be empty');
  }
  private cmp(op: FilterExpression['Operation'], value: Literal | Column, negated = false): Condition {
    const operand =
      value instanceof Column
        ? { Type: 'COLUMNEXTRACTED' as const, Value: [value.path] }
        : { Type: 'CONSTANT' as const, Value: [String(value)] };
    return new Condition({ Operation: op, Negated: negated, Values: [{ Type: 'COLUMNEXTRACTED', Value: [this.path] }, operand] });
  }
  eq(value: Literal | Column): Condition {
    return this.cmp('EQ', value);
  }
  ne(value: Literal | Column): Condition {
    return this.cmp('EQ', value, true);
  }
  lt(value: Literal | Column): Condition {
    return this.cmp('LT', value);
  }
  lte(value: Literal | Column): Condition {
    return this.cmp('LTE', value);
  }
  gt(value: Literal | Column): Condition {
    return this.cmp('GT', value);
  }
  gte(value: Literal | Column): Condition {
    return this.cmp('GTE', value);
  }
  /** The whole value matches a Java/Python-style regular expression. */
  matches(regex: string): Condition {
    return this.cmp('REGEX', regex);
  }
  isNull(): Condition {
    return new Condition({ Operation: 'ISNULL', Negated: false, Values: [{ Type: 'COLUMNEXTRACTED', Value: [this.path] }] });
  }
  isNotNull(): Condition {
    return this.isNull().not();
  }
}

/** A column by path: `col('provider id').isNotNull()`. */
export function col(path: string): Column {
  return new Column(path);
}

/** Every condition holds. */
export function and(...conditions: Condition[]): Predicate {
  return { logicalOperator: 'AND', conditions };
}

/** At least one condition holds. */
export function or(...conditions: Condition[]): Predicate {
  return { logicalOperator: 'OR', conditions };
}

/**
 * Whether a Studio filter constant is a number: the generated script writes such a constant as a Python number and
 * any other as a string, and the frame engine compares by the same rule. No leading zeros (`007` stays a string).
 */
export function isNumberLiteral(text: string): boolean {
  return /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(text);
}
