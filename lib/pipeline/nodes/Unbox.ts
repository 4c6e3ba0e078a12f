import type { Unbox } from '../gluekit-nodes';
import { parseGlueType, type GlueTypeName, type ScalarTypeName } from '../glue-type';
import type { NodeCheck } from '../node-check';
import type { NodeDefinition } from '../node-definition';
import { pyBool, pyString } from '../python-literal';

const CSV_OPTIONS = ['Separator', 'Escaper', 'WithHeader', 'SkipFirst', 'Schema'] as const;

/** Spark's names of the scalar types in a schema's JSON (`StructType.json()`). */
const SPARK_TYPE_NAMES: Readonly<Record<ScalarTypeName, string>> = {
  string: 'string',
  long: 'long',
  int: 'integer',
  short: 'short',
  byte: 'byte',
  double: 'double',
  float: 'float',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'timestamp',
  binary: 'binary',
};

/**
 * `Unbox.apply(frame, path, format, **options)` (GLUE-REFERENCE section 2): a string field whose values are JSON
 * objects, or CSV text, parsed into a struct of the same name. A gluekit node kind: Glue Studio has no node for it.
 * csv takes awsglue's options `separator`, `escaper`, `withHeader`, `skipFirst` and `withSchema` (the schema printed as
 * `StructType.json()` prints it).
 */
export const UnboxNode: NodeDefinition<Unbox> = {
  role: 'transform',
  errorThresholds: true,
  validate(p, check) {
    check.string('Path', p.Path);
    const format = check.oneOf('Format', p.Format, ['json', 'csv']);
    if (format === 'json') {
      const given = CSV_OPTIONS.filter((o) => p[o] !== undefined);
      if (given.length > 0) check.fail(`${given.join(', ')}: options of the csv format; a json Unbox takes none`);
      return;
    }
    for (const option of ['Separator', 'Escaper'] as const) {
      const c = p[option];
      if (c !== undefined && (typeof c !== 'string' || [...c].length !== 1 || c === '\n' || c === '\r' || c === '"')) {
        check.fail(`${option} must be one character other than a line break or the quote ("), got ${JSON.stringify(c)}`);
      }
    }
    if (p.Escaper !== undefined && p.Escaper === (p.Separator ?? ',')) check.fail('Separator and Escaper must differ (the separator is , by default)');
    check.boolean('WithHeader', p.WithHeader);
    check.boolean('SkipFirst', p.SkipFirst);
    if (p.Schema !== undefined) schemaTypes(p.Schema, check);
  },
  emit(p, script) {
    const options = [
      ...(p.Separator !== undefined ? [`separator=${pyString(p.Separator)}`] : []),
      ...(p.Escaper !== undefined ? [`escaper=${pyString(p.Escaper)}`] : []),
      ...(p.WithHeader !== undefined ? [`withHeader=${pyBool(p.WithHeader)}`] : []),
      ...(p.SkipFirst !== undefined ? [`skipFirst=${pyBool(p.SkipFirst)}`] : []),
      ...(p.Schema !== undefined ? [`withSchema=${pyString(sparkSchemaJson(p.Schema))}`] : []),
    ];
    return `Unbox.apply(${script.frame()}, path=${script.str(p.Path)}, format=${pyString(p.Format)}, ${[script.transformationCtx, ...options].join(', ')})`;
  },
};

/** A withSchema's fields and their types, checked: named once each (ignoring case), scalars or sized decimals. */
function schemaTypes(schema: Unbox['Schema'], check: NodeCheck): GlueTypeName[] {
  if (!Array.isArray(schema) || schema.length === 0) check.fail('Schema must list at least one field (Name, Type)');
  const seen = new Set<string>();
  return schema.map((f, i) => {
    const name = check.string(`Schema[${i}].Name`, f?.Name);
    for (const [field, value] of [['Name', name], ['Type', f.Type]] as const) {
      if (typeof value === 'string' && check.deferred(value)) check.fail(`Schema[${i}].${field} cannot be a job argument: the schema is printed into the script as its JSON text`);
    }
    if (seen.has(name.toLowerCase())) check.fail(`Schema[${i}].Name '${name}' is given twice (names differing only in case are one field)`);
    seen.add(name.toLowerCase());
    const type = parseGlueType(check.string(`Schema[${i}].Type`, f.Type), `${check.where}: Schema[${i}].Type`);
    if (type.kind !== 'scalar' && type.kind !== 'decimal') check.fail(`Schema[${i}].Type '${f.Type}' is not a scalar type: CSV text holds no ${type.kind}`);
    if (type.kind === 'decimal' && type.precision === undefined) check.fail(`Schema[${i}].Type 'decimal' needs its precision and scale here (decimal(10,2))`);
    return type;
  });
}

/** A withSchema as Spark's `StructType.json()` prints it. */
export function sparkSchemaJson(schema: NonNullable<Unbox['Schema']>): string {
  const fields = schema.map((f) => {
    const t = parseGlueType(f.Type, 'withSchema');
    const type = t.kind === 'decimal' ? `decimal(${t.precision},${t.scale})` : t.kind === 'scalar' ? SPARK_TYPE_NAMES[t.name] : t.kind;
    return { name: f.Name, type, nullable: true, metadata: {} };
  });
  return JSON.stringify({ type: 'struct', fields });
}
