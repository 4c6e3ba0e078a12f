import { isDeferredValue } from './argument-placeholder';
import { SparkSqlError } from './spark-sql';

/**
 * The checks a node kind's validation is written with. Each failure is an Error naming the node, its kind and the field:
 * `pipeline node 'sink' (S3DirectTarget): Format 'avro' is not one of csv, json, parquet`.
 */
export class NodeCheck {
  constructor(readonly id: string, readonly kind: string) {}

  /** `pipeline node '<id>' (<Kind>)`, the start of every message about this node. */
  get where(): string {
    return `pipeline node '${this.id}' (${this.kind})`;
  }

  fail(message: string): never {
    throw new Error(`${this.where}: ${message}`);
  }

  /** Whether a value is only known at deploy or run time (its content is checked once bound). */
  deferred(value: string): boolean {
    return isDeferredValue(value);
  }

  /** A non-empty string. */
  string(field: string, value: unknown): string {
    if (typeof value !== 'string' || value === '') this.fail(`${field} must be a non-empty string`);
    return value;
  }

  /** A non-empty name of a top-level field: no dots or backticks (a value known only at run time is checked then). */
  topLevelName(field: string, value: unknown): string {
    const name = this.string(field, value);
    if (!this.deferred(name) && (name.includes('.') || name.includes('`'))) this.fail(`${field} '${name}' must be a top-level name (no dots or backticks)`);
    return name;
  }

  optionalString(field: string, value: unknown): string | undefined {
    return value === undefined ? undefined : this.string(field, value);
  }

  boolean(field: string, value: unknown): void {
    if (value !== undefined && typeof value !== 'boolean') this.fail(`${field} must be true or false`);
  }

  /** One of a closed set of values; a deferred value is refused, since the script needs it as it is written. */
  oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.fail(`${field} '${String(value)}' is not one of ${allowed.join(', ')}`);
    }
    return value as T;
  }

  /** An `s3://bucket/...` URI (or a deferred value). */
  s3Uri(field: string, value: unknown): string {
    const uri = this.string(field, value);
    if (!this.deferred(uri) && !/^s3a?:\/\/[^/]+/.test(uri)) this.fail(`${field} '${uri}' is not an s3:// path`);
    return uri;
  }

  /** A Studio path: a non-empty list of non-empty strings. */
  path(field: string, value: unknown): readonly string[] {
    if (!Array.isArray(value) || value.length === 0 || !value.every((p) => typeof p === 'string' && p !== '')) {
      this.fail(`${field} must be a path (a non-empty list of non-empty strings)`);
    }
    return value as string[];
  }

  /** A list of Studio paths (may be empty). */
  paths(field: string, value: unknown): readonly (readonly string[])[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) this.fail(`${field} must be a list of paths`);
    return (value as unknown[]).map((p, i) => this.path(`${field}[${i}]`, p));
  }

  /** Runs a SQL check of a field (parsing a query or an expression): a `SparkSqlError` fails naming the field. */
  sql<T>(field: string, work: () => T): T {
    try {
      return work();
    } catch (e) {
      if (e instanceof SparkSqlError) this.fail(`${field}: ${e.message}`);
      throw e;
    }
  }

  /** Refuses a field the generated script cannot express, rather than dropping it silently. */
  unsupported(field: string, value: unknown, what: string): void {
    if (value !== undefined) this.fail(`${field} is not supported by gluekit yet (${what}); remove it`);
  }
}
