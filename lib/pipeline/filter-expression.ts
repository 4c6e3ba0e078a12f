import type { FilterExpression } from '@aws-sdk/client-glue';

/**
 * Typed filter expressions. They compile to Glue Studio's `Filter` node (`LogicalOperator` over `Filters`), which both the
 * PySpark generator and the frame engine read, so one expression means the same thing on AWS and locally. The names
 * avoid `aws-cdk-lib/aws-glue`'s `Condition`, `Column` and `Predicate`, which a stack imports beside these.
 */
export type FilterLiteral = string | number | boolean;

/** One comparison on one column: a Studio `FilterExpression`. */
export class FilterCondition {
  /** @internal */
  constructor(readonly expression: FilterExpression) {}

  /** The same comparison, negated. */
  not(): FilterCondition {
    return new FilterCondition({ ...this.expression, Negated: !this.expression.Negated });
  }
}

/** All conditions must hold (`LogicalOperator: AND`) or any one (`OR`). */
export interface FilterPredicate {
  readonly logicalOperator: 'AND' | 'OR';
  readonly conditions: FilterCondition[];
}

/** A reference to a column of a frame (a top-level field, or a nested one by its dotted path), as `col()` makes it. */
export class ColumnReference {
  constructor(readonly path: string) {
    if (!path) throw new Error('col(): the column path must not be empty');
  }
  private compare(operation: FilterExpression['Operation'], value: FilterLiteral | ColumnReference, negated = false): FilterCondition {
    const operand =
      value instanceof ColumnReference
        ? { Type: 'COLUMNEXTRACTED' as const, Value: [value.path] }
        : { Type: 'CONSTANT' as const, Value: [String(value)] };
    return new FilterCondition({ Operation: operation, Negated: negated, Values: [{ Type: 'COLUMNEXTRACTED', Value: [this.path] }, operand] });
  }
  eq(value: FilterLiteral | ColumnReference): FilterCondition {
    return this.compare('EQ', value);
  }
  ne(value: FilterLiteral | ColumnReference): FilterCondition {
    return this.compare('EQ', value, true);
  }
  lt(value: FilterLiteral | ColumnReference): FilterCondition {
    return this.compare('LT', value);
  }
  lte(value: FilterLiteral | ColumnReference): FilterCondition {
    return this.compare('LTE', value);
  }
  gt(value: FilterLiteral | ColumnReference): FilterCondition {
    return this.compare('GT', value);
  }
  gte(value: FilterLiteral | ColumnReference): FilterCondition {
    return this.compare('GTE', value);
  }
  /** The value, as text, matches a Python regular expression from its start (`re.match`). */
  matches(regex: string): FilterCondition {
    return this.compare('REGEX', regex);
  }
  isNull(): FilterCondition {
    return new FilterCondition({ Operation: 'ISNULL', Negated: false, Values: [{ Type: 'COLUMNEXTRACTED', Value: [this.path] }] });
  }
  isNotNull(): FilterCondition {
    return this.isNull().not();
  }
}

/** A column by path: `col('provider id').isNotNull()`. */
export function col(path: string): ColumnReference {
  return new ColumnReference(path);
}

/** Every condition holds. */
export function and(...conditions: FilterCondition[]): FilterPredicate {
  return { logicalOperator: 'AND', conditions };
}

/** At least one condition holds. */
export function or(...conditions: FilterCondition[]): FilterPredicate {
  return { logicalOperator: 'OR', conditions };
}
