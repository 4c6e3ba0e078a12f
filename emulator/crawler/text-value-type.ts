import { BIGINT, BOOLEAN, DOUBLE, InferredType, STRING } from './inferred-type';

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Whether `text` is an integer literal inside the int64 range (what the crawler calls `bigint`). */
export function isInt64Literal(text: string): boolean {
  if (!INTEGER.test(text)) return false;
  const n = BigInt(text);
  return n >= INT64_MIN && n <= INT64_MAX;
}

/**
 * The type of one text value (a CSV cell), or `undefined` for an empty value, which the crawler ignores.
 * The value is trimmed first (the built-in CSV classifier trims values). `bigint`: an integer in the int64 range;
 * `double`: any other decimal number (`1.5`, `-.5`, `1e3`, an integer too large for int64); `boolean`: `true` or
 * `false` in any case; anything else `string`. **Unconfirmed**: the built-in CSV classifier's `timestamp` detection is
 * not specified anywhere public; gluekit types date and time text as `string`.
 */
export function textValueType(value: string): InferredType | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (isInt64Literal(v)) return BIGINT;
  if (DECIMAL.test(v)) return DOUBLE;
  const lower = v.toLowerCase();
  if (lower === 'true' || lower === 'false') return BOOLEAN;
  return STRING;
}
