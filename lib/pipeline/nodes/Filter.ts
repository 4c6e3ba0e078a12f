import type { Filter, FilterExpression, FilterValue } from '@aws-sdk/client-glue';
import { isDeferredValue } from '../argument-placeholder';
import { splitFieldPath } from '../field-path';
import type { NodeCheck } from '../node-check';
import type { NodeDefinition, ScriptContext } from '../node-definition';
import { pyString } from '../python-literal';

/** The Studio filter operations and how many values each compares. */
export const FILTER_OPERATIONS = { EQ: 2, LT: 2, GT: 2, LTE: 2, GTE: 2, REGEX: 2, ISNULL: 1 } as const;
const PYTHON_OPERATORS = { EQ: '==', LT: '<', LTE: '<=', GT: '>', GTE: '>=' } as const;

/**
 * `Filter.apply(frame, f=lambda row: (...))`: the conditions joined with `and` / `or`, each negated as `not (...)`.
 * Python decides the result: a record missing a field (KeyError) or a comparison that raises (TypeError) is False.
 */
export const FilterNode: NodeDefinition<Filter> = {
  role: 'transform',
  errorThresholds: true,
  validate(p, check) {
    check.oneOf('LogicalOperator', p.LogicalOperator, ['AND', 'OR']);
    if (!Array.isArray(p.Filters) || p.Filters.length === 0) return check.fail('Filters must list at least one condition');
    p.Filters.forEach((f, i) => validateCondition(f, `Filters[${i}]`, check));
  },
  emit(p, script) {
    const body = (p.Filters ?? []).map((f) => condition(f, script)).join(p.LogicalOperator === 'OR' ? ' or ' : ' and ');
    return `Filter.apply(${script.frame()}, f=lambda row: (${body}), ${script.transformationCtx})`;
  },
};

function validateCondition(f: FilterExpression, at: string, check: NodeCheck): void {
  const operation = check.oneOf(`${at}.Operation`, f.Operation, Object.keys(FILTER_OPERATIONS) as (keyof typeof FILTER_OPERATIONS)[]);
  check.boolean(`${at}.Negated`, f.Negated);
  const needed = FILTER_OPERATIONS[operation];
  const values = f.Values ?? [];
  if (values.length !== needed) check.fail(`${at}: ${operation} compares ${needed} value(s), Values has ${values.length}`);
  values.forEach((v: FilterValue, i) => {
    check.oneOf(`${at}.Values[${i}].Type`, v.Type, ['COLUMNEXTRACTED', 'CONSTANT']);
    if (!Array.isArray(v.Value) || v.Value.length !== 1 || typeof v.Value[0] !== 'string') check.fail(`${at}.Values[${i}].Value must hold one string`);
    if (v.Type === 'COLUMNEXTRACTED' && v.Value[0] === '') check.fail(`${at}.Values[${i}]: the column path is empty`);
  });
}

function condition(f: FilterExpression, script: ScriptContext): string {
  const values = f.Values!;
  const operand = (i: number, numeric: boolean): string => {
    const v = values[i];
    const raw = v.Value![0];
    if (v.Type === 'COLUMNEXTRACTED') return column(raw, script);
    return numeric && !isDeferredValue(raw) && isNumberLiteral(raw) ? raw : script.str(raw);
  };
  let expr: string;
  if (f.Operation === 'ISNULL') expr = `${operand(0, false)} is None`;
  else if (f.Operation === 'REGEX') {
    script.need('re');
    expr = `bool(re.match(${operand(1, false)}, str(${operand(0, false)})))`;
  } else {
    expr = `${operand(0, true)} ${PYTHON_OPERATORS[f.Operation as keyof typeof PYTHON_OPERATORS]} ${operand(1, true)}`;
  }
  return f.Negated ? `not (${expr})` : expr;
}

/** A column path as a record lookup: `a.b` is `row["a"]["b"]`; backticks quote a literal dot (`` `a.b` ``). */
function column(path: string, script: ScriptContext): string {
  if (isDeferredValue(path)) return `row[${script.str(path)}]`;
  return `row${splitFieldPath(path).map((p) => `[${pyString(p)}]`).join('')}`;
}

/**
 * Whether a Studio filter constant is a number: the generated script writes such a constant as a Python number and
 * any other as a string, and the frame engine compares by the same rule. No leading zeros (`007` stays a string).
 */
export function isNumberLiteral(text: string): boolean {
  return /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(text);
}
