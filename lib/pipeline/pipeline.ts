import type { Mapping, ParquetCompressionType } from '@aws-sdk/client-glue';
import type { CsvQuoteChar, CsvSeparator } from './csv-format';
import type { ErrorThresholds } from './error-thresholds';
import { FilterCondition, FilterPredicate } from './filter-expression';
import type { PipelineGraph, PipelineNode } from './graph';
import { unwrapNode, validateNode } from './graph';

/**
 * DynamicFrame type names (GLUE-REFERENCE section 1) plus the catalog's Hive names that map onto them; a decimal with
 * its precision and scale (`decimal(10,2)`; a bare `decimal` is awsglue's decimal(10,2)).
 */
export type GlueType =
  | 'string' | 'long' | 'int' | 'short' | 'byte' | 'double' | 'float' | 'boolean' | 'date' | 'timestamp' | 'decimal' | 'binary'
  | 'bigint' | 'smallint' | 'tinyint' | `decimal(${number},${number})`;

/** One ApplyMapping entry, awsglue's `(source, sourceType, target, targetType)` tuple with names. */
export interface FieldMapping {
  /** The source field's path (`address.state`). */
  readonly from: string;
  readonly fromType: GlueType;
  /** The target field's name. */
  readonly to: string;
  readonly toType: GlueType;
}

/**
 * What `resolveChoice` does with a choice (a field whose values have several types): `cast:<type>` casts every value
 * (one that does not cast is null), `project:<type>` keeps the values of that type (others are null), `make_cols` makes
 * a `<field>_<type>` column per type, `make_struct` a struct with a field per type.
 */
export type ChoiceAction = `cast:${GlueType}` | `project:${GlueType}` | 'make_cols' | 'make_struct';

export interface ResolveChoiceOptions extends TransformOptions {
  /** `(path, action)` pairs: `[['provider id', 'cast:long']]`. Give `specs` or `choice`. */
  readonly specs?: [string, ChoiceAction][];
  /** One action for every choice of the frame; `match_catalog` casts to the types of `database`.`table`. */
  readonly choice?: ChoiceAction | 'match_catalog';
  readonly database?: string;
  readonly table?: string;
}

/** A function of Glue Studio's Aggregate node (a `pyspark.sql.functions` name). */
export type AggregateFunction =
  | 'avg' | 'count' | 'countDistinct' | 'first' | 'kurtosis' | 'last' | 'max' | 'min' | 'skewness'
  | 'stddev_pop' | 'stddev_samp' | 'sum' | 'sumDistinct' | 'var_pop' | 'var_samp';

export interface AggregateSpec {
  /** The fields to group by (paths); none: one record for the whole frame. */
  readonly groupBy?: string[];
  /** `[field, function]` pairs, each giving one field of the result. */
  readonly aggregations: [string, AggregateFunction][];
}

/** A comparison operator of `splitRows`. */
export type SplitRowsOperation = '<' | '<=' | '>' | '>=' | '=' | '!=';

export interface JoinOptions extends StepOptions {
  /** Glue Studio's join type. @default 'equijoin' */
  readonly type?: 'equijoin' | 'left' | 'right' | 'outer' | 'leftsemi' | 'leftanti';
}

export interface UnionOptions extends StepOptions {
  /** Keep one of each distinct record (Glue Studio's Union type DISTINCT). @default false */
  readonly distinct?: boolean;
}

export interface SpigotOptions extends StepOptions {
  /** How many records to write at most (awsglue's `topk`). @default 100 */
  readonly topk?: number;
  /** The probability that each record is written (awsglue's `prob`, 0 to 1). */
  readonly prob?: number;
}

export interface RelationalizeOptions extends TransformOptions {
  /** Where Glue stages the pivoted tables (`staging_path`), an s3:// path; the local run writes nothing there. */
  readonly stagingPath: string;
}

/** `unbox(path, 'csv', options)`: how the text is read, with awsglue's csv options for Unbox. */
export interface UnboxCsvOptions extends TransformOptions {
  /** One character. @default ',' */
  readonly separator?: string;
  /** The escape character: the next character is taken as it is (the escaper then `n`, `r`, `t` or `0` stands for a newline, a carriage return, a tab or NUL). @default none */
  readonly escaper?: string;
  /** The text's first line names the struct's fields (else `col0`, `col1`...). @default false */
  readonly withHeader?: boolean;
  /** The first record (after the header) is skipped. @default false */
  readonly skipFirst?: boolean;
  /**
   * awsglue's `withSchema`: the struct's fields in order, each record's values taken by position (a header line is
   * skipped, its names unused) and read as the field's type (a scalar, or `decimal(p,s)`); a value that does not read
   * as its type is null. @default the fields named and typed from the text
   */
  readonly withSchema?: readonly { readonly name: string; readonly type: string }[];
}

export interface StepOptions {
  /**
   * The node id, which is also the step's `transformation_ctx` (awsglue's name for the key of a step's job bookmark).
   * @default - the step's kind and a counter (`RenameField_1`)
   */
  readonly transformationCtx?: string;
}

/** The options of a step printed as one of awsglue's DynamicFrame transforms, which take error thresholds. */
export interface TransformOptions extends StepOptions {
  /**
   * awsglue's `stageThreshold`: the run fails when this step makes more error records than this.
   * @default 0 (never fails)
   */
  readonly stageThreshold?: number;
  /**
   * awsglue's `totalThreshold`: the run fails when this step and the steps before it (sources included: a JSON line
   * that is not JSON is an error record) made more error records than this.
   * @default 0 (never fails)
   */
  readonly totalThreshold?: number;
}

/** A step's thresholds as its node's fields (none when not given, so the script prints none). */
function thresholds(options: TransformOptions): ErrorThresholds {
  return {
    ...(options.stageThreshold !== undefined ? { StageThreshold: options.stageThreshold } : {}),
    ...(options.totalThreshold !== undefined ? { TotalThreshold: options.totalThreshold } : {}),
  };
}

export interface FillMissingValuesOptions extends TransformOptions {
  /**
   * The field the filled values go to.
   * @default `<column>_filled`
   */
  readonly outputColumn?: string;
}

export interface CatalogSourceOptions extends StepOptions {
  readonly database: string;
  readonly table: string;
  /**
   * Spark SQL over partition columns, e.g. `year == '2024'`, pruning partitions before any file is read.
   * @default - every partition is read
   */
  readonly pushDownPredicate?: string;
}

export interface S3SourceOptions extends StepOptions {
  /** One or more `s3://bucket/prefix/` paths. */
  readonly paths: string[];
  readonly format: 'csv' | 'json' | 'parquet';
  /**
   * CSV: the first line holds the column names.
   * @default false (as in Glue)
   */
  readonly withHeader?: boolean;
  /**
   * CSV separator.
   * @default 'comma'
   */
  readonly separator?: CsvSeparator;
  /**
   * CSV quote character: `quote` ("), `single_quote` ('), `quillemet` («) or `disabled` (no quoting).
   * @default 'quote'
   */
  readonly quoteChar?: CsvQuoteChar;
  /**
   * Read sub-folders too.
   * @default true
   */
  readonly recurse?: boolean;
  /**
   * Glob patterns of objects not to read: `**.txt`, `archive/**` (below the path) or a whole `s3://` URI pattern.
   * @default - every object under the paths is read
   */
  readonly exclusions?: string[];
  /**
   * CSV: the character that escapes the next one anywhere (`\\`); `\n`, `\r`, `\t` and `\0` after it stand for a
   * newline, a carriage return, a tab and NUL.
   * @default - none
   */
  readonly escaper?: string;
  /**
   * CSV: skip the first record (after the header).
   * @default false
   */
  readonly skipFirst?: boolean;
  /**
   * CSV and JSON: a record may span lines (a quoted CSV value holding a newline; a JSON document over several lines).
   * Without it every line is a record, as in Glue.
   * @default false
   */
  readonly multiLine?: boolean;
  /**
   * JSON: the records are what this JsonPath selects in each document (`$.records[*]` reads the records of a
   * `{"records": [...]}` wrapper; `$[*]` the elements of a top-level array, with `multiLine` when it spans lines).
   * gluekit evaluates `$` then `.name`, `['name']`, `[n]` and `[*]` steps.
   * @default - each document is a record
   */
  readonly jsonPath?: string;
  /**
   * CSV and JSON: how every object is compressed, whatever its name (awsglue's `compressionType`).
   * @default - by each object's extension (`.gz`, `.bz2`)
   */
  readonly compressionType?: 'gzip' | 'bzip2';
}

export interface S3SinkOptions extends StepOptions {
  /** `s3://bucket/prefix/` */
  readonly path: string;
  readonly format: 'parquet' | 'csv' | 'json';
  /**
   * Parquet: `snappy`, `gzip` or `uncompressed`. CSV and JSON: `gzip`, `bzip2` (locally written by the `bzip2`
   * program, which must be on the PATH) or `none`.
   * @default - `snappy` for Parquet, `none` for CSV and JSON
   */
  readonly compression?: 'snappy' | 'gzip' | 'bzip2' | 'uncompressed' | 'none';
  /**
   * Columns written as Hive-style `key=value/` folders.
   * @default - no partitions
   */
  readonly partitionKeys?: string[];
}

export interface CatalogSinkOptions extends StepOptions {
  readonly database: string;
  readonly table: string;
  /**
   * Columns written as Hive-style `key=value/` folders.
   * @default - the table's own partition keys (locally; Unconfirmed for Glue)
   */
  readonly partitionKeys?: string[];
  /**
   * Add the partitions the sink wrote to the table, as Glue does only with `enableUpdateCatalog` (the table's schema is
   * left as it is: `updateBehavior` LOG). Needs `partitionKeys`.
   * @default false - the catalog is left alone; crawl the output to make new partitions known
   * @see https://docs.aws.amazon.com/glue/latest/dg/update-from-job.html
   */
  readonly updateCatalog?: boolean;
}

/**
 * A typed builder for a pipeline graph, mirroring awsglue's names. Each step returns a new `Frame`; the graph is Glue
 * Studio's `CodeGenConfigurationNodes` model. Each step is checked by its node kind's rules as it is added.
 *
 * ```ts
 * const p = new Pipeline();
 * p.fromCatalog({ database: 'datalake', table: 'medicare' })
 *   .renameField('givenname', 'name')
 *   .filter(col('provider id').isNotNull())
 *   .writeToS3({ path: 's3://bucket/curated/', format: 'parquet', partitionKeys: ['state'] });
 * ```
 */
export class Pipeline {
  private readonly nodes: PipelineGraph = {};
  private readonly counters = new Map<string, number>();

  /** `glueContext.create_dynamic_frame.from_catalog` */
  fromCatalog(options: CatalogSourceOptions): Frame {
    const name = options.transformationCtx ?? this.nextId('CatalogSource');
    return this.add(name, {
      CatalogSource: {
        Name: name,
        Database: options.database,
        Table: options.table,
        ...(options.pushDownPredicate !== undefined ? { PartitionPredicate: options.pushDownPredicate } : {}),
      },
    });
  }

  /** `glueContext.create_dynamic_frame.from_options(connection_type="s3", ...)` */
  fromS3(options: S3SourceOptions): Frame {
    const common = { Paths: [...(options.paths ?? [])], Recurse: options.recurse ?? true, ...(options.exclusions?.length ? { Exclusions: [...options.exclusions] } : {}) };
    if (options.compressionType !== undefined && options.format === 'parquet') throw new Error('fromS3: compressionType is for csv and json (Parquet files compress their own pages)');
    if ((options.escaper !== undefined || options.skipFirst !== undefined) && options.format !== 'csv') throw new Error('fromS3: escaper and skipFirst are csv options');
    if (options.multiLine !== undefined && options.format === 'parquet') throw new Error('fromS3: multiLine is for csv and json');
    if (options.jsonPath !== undefined && options.format !== 'json') throw new Error('fromS3: jsonPath is a json option');
    const compression = options.compressionType !== undefined ? { CompressionType: options.compressionType } : {};
    switch (options.format) {
      case 'csv': {
        const name = options.transformationCtx ?? this.nextId('S3CsvSource');
        return this.add(name, {
          S3CsvSource: {
            Name: name,
            ...common,
            ...compression,
            Separator: options.separator ?? 'comma',
            QuoteChar: options.quoteChar ?? 'quote',
            WithHeader: options.withHeader ?? false,
            ...(options.escaper !== undefined ? { Escaper: options.escaper } : {}),
            ...(options.skipFirst !== undefined ? { SkipFirst: options.skipFirst } : {}),
            ...(options.multiLine !== undefined ? { Multiline: options.multiLine } : {}),
          },
        });
      }
      case 'json': {
        const name = options.transformationCtx ?? this.nextId('S3JsonSource');
        return this.add(name, {
          S3JsonSource: {
            Name: name,
            ...common,
            ...compression,
            ...(options.jsonPath !== undefined ? { JsonPath: options.jsonPath } : {}),
            ...(options.multiLine !== undefined ? { Multiline: options.multiLine } : {}),
          },
        });
      }
      case 'parquet': {
        const name = options.transformationCtx ?? this.nextId('S3ParquetSource');
        return this.add(name, { S3ParquetSource: { Name: name, ...common } });
      }
      default:
        throw new Error(`fromS3: format '${String(options.format)}' is not supported; use csv, json or parquet`);
    }
  }

  /**
   * Glue Studio's SQL Query node: a Spark SQL query over frames, each named by its key in `inputs`
   * (`p.sql('SELECT c.region, sum(o.amount) AS total FROM o JOIN c ON o.customer = c.id GROUP BY c.region', { o: orders, c: customers })`).
   * The query must be in the common subset of Spark SQL and DuckDB SQL that gluekit runs with Spark's semantics; one
   * outside it is refused here, naming the line and column.
   */
  sql(query: string, inputs: Record<string, Frame>, options: StepOptions = {}): Frame {
    const frames = Object.entries(inputs);
    if (frames.length === 0) throw new Error('sql: give at least one input frame, by the name the query uses');
    for (const [, frame] of frames) if (frame.pipeline !== this) throw new Error('sql: every input must come from this Pipeline');
    const name = options.transformationCtx ?? this.nextId('SqlQuery');
    return this.add(name, {
      SparkSQL: { Name: name, Inputs: frames.map(([, f]) => f.id), SqlQuery: query, SqlAliases: frames.map(([alias, f]) => ({ From: f.id, Alias: alias })) },
    });
  }

  /** The graph built so far, a copy. */
  get graph(): PipelineGraph {
    return JSON.parse(JSON.stringify(this.nodes)) as PipelineGraph;
  }

  /** @internal */
  add(id: string, node: PipelineNode): Frame {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(id)) {
      throw new Error(`pipeline step id '${id}' must be a Python identifier (letters, digits, _), since it is the transformation_ctx`);
    }
    if (this.nodes[id]) throw new Error(`pipeline already has a step '${id}'; give each step a unique transformationCtx`);
    validateNode(unwrapNode(id, node));
    this.nodes[id] = node;
    return new Frame(this, id);
  }

  /** @internal */
  nextId(kind: string): string {
    let n = this.counters.get(kind) ?? 0;
    let id: string;
    do {
      n += 1;
      id = `${kind}_${n}`;
    } while (this.nodes[id]);
    this.counters.set(kind, n);
    return id;
  }
}

/** A builder path: one Studio path element (awsglue paths are dotted strings; Studio keeps them as one element). */
function studioPath(path: string): string[] {
  return [path];
}

/** A `DynamicFrameCollection` in the pipeline: the output of a step that gives several frames (`relationalize`, `splitFields`, `splitRows`). */
export class FrameCollection {
  /** @internal */
  constructor(private readonly pipeline: Pipeline, readonly id: string) {}

  /**
   * `SelectFromCollection.apply(dfc, key)`: the frame named `key` (`people_friends`). As in awsglue, a name the
   * collection does not have gives an empty frame.
   */
  select(key: string, options: StepOptions = {}): Frame {
    const name = options.transformationCtx ?? this.pipeline.nextId('SelectFrame');
    return this.pipeline.add(name, { SelectFrame: { Name: name, Inputs: [this.id], Key: key } });
  }

  /**
   * Glue Studio's `SelectFromCollection`: the frame at a position (`splitFields`: 0 the fields at its paths, 1 the
   * others; `relationalize`: 0 the root, then a frame per array in the order found).
   */
  at(index: number, options: StepOptions = {}): Frame {
    const name = options.transformationCtx ?? this.pipeline.nextId('SelectFromCollection');
    return this.pipeline.add(name, { SelectFromCollection: { Name: name, Inputs: [this.id], Index: index } });
  }
}

/** One DynamicFrame in the pipeline: the output of a step. */
export class Frame {
  /** @internal */
  constructor(/** @internal */ readonly pipeline: Pipeline, readonly id: string) {}

  /**
   * `RenameField.apply(frame, old_name, new_name)`: takes full paths (`address.state`); a new path in another struct moves
   * the field there.
   */
  renameField(oldName: string, newName: string, options: TransformOptions = {}): Frame {
    const name = options.transformationCtx ?? this.pipeline.nextId('RenameField');
    return this.pipeline.add(name, {
      RenameField: { Name: name, Inputs: [this.id], SourcePath: studioPath(oldName), TargetPath: studioPath(newName), ...thresholds(options) },
    });
  }

  /**
   * `ApplyMapping.apply(frame, mappings)`: only mapped fields survive, each cast to its target type. A source path reaches
   * into structs (`address.state`); a dotted target (`person.name`) builds a struct.
   */
  applyMapping(mappings: FieldMapping[], options: TransformOptions = {}): Frame {
    if (mappings.length === 0) throw new Error('applyMapping: give at least one mapping (only mapped fields survive)');
    const name = options.transformationCtx ?? this.pipeline.nextId('ApplyMapping');
    const Mapping: Mapping[] = mappings.map((m) => ({ ToKey: m.to, FromPath: studioPath(m.from), FromType: m.fromType, ToType: m.toType, Dropped: false }));
    return this.pipeline.add(name, { ApplyMapping: { Name: name, Inputs: [this.id], Mapping, ...thresholds(options) } });
  }

  /** `SelectFields.apply(frame, paths)`: keeps the fields at the paths (`address.state` keeps that part of `address`). */
  selectFields(paths: string[], options: TransformOptions = {}): Frame {
    const name = options.transformationCtx ?? this.pipeline.nextId('SelectFields');
    return this.pipeline.add(name, { SelectFields: { Name: name, Inputs: [this.id], Paths: paths.map(studioPath), ...thresholds(options) } });
  }

  /** `DropFields.apply(frame, paths)`: `address.zip` drops a struct's field, `items.price` one in every struct of an array. */
  dropFields(paths: string[], options: TransformOptions = {}): Frame {
    const name = options.transformationCtx ?? this.pipeline.nextId('DropFields');
    return this.pipeline.add(name, { DropFields: { Name: name, Inputs: [this.id], Paths: paths.map(studioPath), ...thresholds(options) } });
  }

  /**
   * `Join.apply(frame1, frame2, keys1, keys2)`: the records of this frame and `other` whose keys are equal, with the
   * fields of both (a field both have is kept twice, `other`'s copy named `.<field>`). Keys are paths (`address.zip`).
   * `{ type }` picks Glue Studio's other joins (Spark DataFrame joins): `left`, `right`, `outer` (the frames' field
   * names must differ), `leftsemi` and `leftanti` (this frame's records with, or without, a match).
   */
  join(other: Frame, keys: string[], otherKeys: string[] = keys, options: JoinOptions = {}): Frame {
    if (other.pipeline !== this.pipeline) throw new Error('join: both frames must come from the same Pipeline');
    const name = options.transformationCtx ?? this.pipeline.nextId('Join');
    return this.pipeline.add(name, {
      Join: {
        Name: name,
        Inputs: [this.id, other.id],
        JoinType: options.type ?? 'equijoin',
        Columns: [
          { From: this.id, Keys: keys.map(studioPath) },
          { From: other.id, Keys: otherKeys.map(studioPath) },
        ],
      },
    });
  }

  /**
   * `frame.mergeDynamicFrame(staging, primaryKeys)` (Glue Studio's Merge): every record of `staging`, and the records of
   * this frame whose keys no staging record has. Unconfirmed: that staging records without a match are added.
   */
  merge(staging: Frame, primaryKeys: string[], options: TransformOptions = {}): Frame {
    if (staging.pipeline !== this.pipeline) throw new Error('merge: both frames must come from the same Pipeline');
    const name = options.transformationCtx ?? this.pipeline.nextId('Merge');
    return this.pipeline.add(name, { Merge: { Name: name, Inputs: [this.id, staging.id], Source: this.id, PrimaryKeys: primaryKeys.map(studioPath), ...thresholds(options) } });
  }

  /**
   * `frame.union(other)`: every record of both frames (Glue Studio's Union, type ALL); with `{ distinct: true }` one of
   * each distinct record (type DISTINCT). Fields are matched by name.
   */
  union(other: Frame, options: UnionOptions = {}): Frame {
    if (other.pipeline !== this.pipeline) throw new Error('union: both frames must come from the same Pipeline');
    const name = options.transformationCtx ?? this.pipeline.nextId('Union');
    return this.pipeline.add(name, { Union: { Name: name, Inputs: [this.id, other.id], UnionType: options.distinct ? 'DISTINCT' : 'ALL' } });
  }

  /**
   * `ResolveChoice.apply(frame, specs=... | choice=...)`: resolves choices (fields whose values have several types, such
   * as a bigint column holding text): `resolveChoice({ specs: [['provider id', 'cast:long']] })` or
   * `resolveChoice({ choice: 'make_cols' })`.
   */
  resolveChoice(options: ResolveChoiceOptions): Frame {
    const name = options.transformationCtx ?? this.pipeline.nextId('ResolveChoice');
    return this.pipeline.add(name, {
      ResolveChoice: {
        Name: name,
        Inputs: [this.id],
        ...(options.specs ? { Specs: options.specs.map(([Path, Action]) => ({ Path, Action })) } : {}),
        ...(options.choice ? { Choice: options.choice } : {}),
        ...(options.database !== undefined ? { Database: options.database } : {}),
        ...(options.table !== undefined ? { Table: options.table } : {}),
        ...thresholds(options),
      },
    });
  }

  /**
   * `Relationalize.apply(frame, staging_path, name)`: flattens the frame into a collection of frames: `rootTableName`,
   * the records with struct fields as dotted names (`address.city`) and each array replaced by a join key, and for each
   * array `<rootTableName>_<path>` (`people_friends`), one record per element with `id` (the key), `index` (from 0)
   * and the element (`friends.val.name`, or `friends.val` for a value). Pick frames with `select`.
   */
  relationalize(rootTableName: string, options: RelationalizeOptions): FrameCollection {
    const name = options.transformationCtx ?? this.pipeline.nextId('Relationalize');
    this.pipeline.add(name, { Relationalize: { Name: name, Inputs: [this.id], RootTableName: rootTableName, StagingPath: options.stagingPath, ...thresholds(options) } });
    return new FrameCollection(this.pipeline, name);
  }

  /**
   * `SplitFields.apply(frame, paths)`: a collection of two frames, the fields at the paths (`at(0)`, named
   * `<transformationCtx>_0`) and the others (`at(1)`, `<transformationCtx>_1`).
   */
  splitFields(paths: string[], options: TransformOptions = {}): FrameCollection {
    const name = options.transformationCtx ?? this.pipeline.nextId('SplitFields');
    this.pipeline.add(name, { SplitFields: { Name: name, Inputs: [this.id], Paths: paths.map(studioPath), ...thresholds(options) } });
    return new FrameCollection(this.pipeline, name);
  }

  /** `frame.repartition(n)`: `n` Spark partitions (output files per folder) on Glue; the local run writes one file per folder. */
  repartition(numPartitions: number, options: StepOptions = {}): Frame {
    const name = options.transformationCtx ?? this.pipeline.nextId('Repartition');
    return this.pipeline.add(name, { Repartition: { Name: name, Inputs: [this.id], NumPartitions: numPartitions } });
  }

  /** `frame.coalesce(n)`: at most `n` Spark partitions on Glue, merged without a shuffle; the local run writes one file per folder. */
  coalesce(numPartitions: number, options: StepOptions = {}): Frame {
    const name = options.transformationCtx ?? this.pipeline.nextId('Coalesce');
    return this.pipeline.add(name, { Repartition: { Name: name, Inputs: [this.id], NumPartitions: numPartitions, Coalesce: true } });
  }

  /**
   * Glue Studio's Drop Duplicates (`toDF().dropDuplicates(columns)`): one record per distinct value of the columns
   * (top-level field names), or of whole records without them.
   */
  dropDuplicates(columns: string[] = [], options: StepOptions = {}): Frame {
    const name = options.transformationCtx ?? this.pipeline.nextId('DropDuplicates');
    return this.pipeline.add(name, { DropDuplicates: { Name: name, Inputs: [this.id], ...(columns.length > 0 ? { Columns: columns.map(studioPath) } : {}) } });
  }

  /**
   * Glue Studio's Aggregate (`toDF().groupBy(groupBy).agg(...)`): one record per group (one for the whole frame without
   * `groupBy`), with a field per aggregation named as Spark names it: `sum(amount)`, `count(DISTINCT id)`.
   *
   * ```ts
   * orders.aggregate({ groupBy: ['customer'], aggregations: [['amount', 'sum'], ['id', 'countDistinct']] })
   * ```
   */
  aggregate(spec: AggregateSpec, options: StepOptions = {}): Frame {
    const name = options.transformationCtx ?? this.pipeline.nextId('Aggregate');
    return this.pipeline.add(name, {
      Aggregate: {
        Name: name,
        Inputs: [this.id],
        Groups: (spec.groupBy ?? []).map(studioPath),
        Aggs: spec.aggregations.map(([column, fn]) => ({ Column: studioPath(column), AggFunc: fn })),
      },
    });
  }

  /**
   * `Spigot.apply(frame, path, options)`: the frame passes through, and a sample of it is written to `path` as JSON (the
   * first `topk` records, default 100; with `prob`, each record with that probability).
   */
  spigot(path: string, options: SpigotOptions = {}): Frame {
    const name = options.transformationCtx ?? this.pipeline.nextId('Spigot');
    return this.pipeline.add(name, {
      Spigot: { Name: name, Inputs: [this.id], Path: path, ...(options.topk !== undefined ? { Topk: options.topk } : {}), ...(options.prob !== undefined ? { Prob: options.prob } : {}) },
    });
  }

  /**
   * `SplitRows.apply(frame, comparison_dict)`: a collection of the records for which every comparison holds (`at(0)`,
   * named `<transformationCtx>_0`) and the others (`at(1)`): `splitRows([['age', '>=', 21], ['state', '=', 'CA']])`.
   */
  splitRows(comparisons: [string, SplitRowsOperation, string | number][], options: TransformOptions = {}): FrameCollection {
    const name = options.transformationCtx ?? this.pipeline.nextId('SplitRows');
    this.pipeline.add(name, { SplitRows: { Name: name, Inputs: [this.id], Comparisons: comparisons.map(([Path, Operation, Value]) => ({ Path, Operation, Value })), ...thresholds(options) } });
    return new FrameCollection(this.pipeline, name);
  }

  /**
   * Derived columns: `toDF().withColumn(name, expr(expression))` for each entry, in order, with an expression in the SQL
   * step's subset of Spark SQL over the frame's fields: `withColumns({ total: 'price * qty', label: "upper(name)" })`.
   * A name the frame has is replaced in place. A gluekit node kind.
   */
  withColumns(columns: Record<string, string>, options: StepOptions = {}): Frame {
    const entries = Object.entries(columns);
    if (entries.length === 0) throw new Error('withColumns: give at least one column');
    const name = options.transformationCtx ?? this.pipeline.nextId('DeriveColumns');
    return this.pipeline.add(name, { DeriveColumns: { Name: name, Inputs: [this.id], Columns: entries.map(([Name, Expression]) => ({ Name, Expression })) } });
  }

  /**
   * A filter written as a Spark SQL condition (`toDF().filter(expr(condition))`): `where("amount > 10 AND note LIKE 'a%'")`.
   * The condition is in the SQL step's subset; a record stays where it is true. A gluekit node kind; `filter` is Glue
   * Studio's Filter node.
   */
  where(condition: string, options: StepOptions = {}): Frame {
    const name = options.transformationCtx ?? this.pipeline.nextId('SqlFilter');
    return this.pipeline.add(name, { SqlFilter: { Name: name, Inputs: [this.id], Condition: condition } });
  }

  /** `UnnestFrame.apply(frame)`: every struct's fields, at any depth, become top-level fields with dotted names (`address.state`). */
  unnest(options: TransformOptions = {}): Frame {
    const name = options.transformationCtx ?? this.pipeline.nextId('Unnest');
    return this.pipeline.add(name, { Unnest: { Name: name, Inputs: [this.id], ...thresholds(options) } });
  }

  /**
   * `Unbox.apply(frame, path, format="json")`: the top-level string field `path`, whose values are JSON objects, parsed
   * into a struct of the same name, its fields typed as a JSON source types them (a field of several types a choice).
   * A value that is not a JSON object gives null. A gluekit node kind.
   */
  unbox(path: string, format: 'json', options?: TransformOptions): Frame;
  /**
   * `Unbox.apply(frame, path, format="csv", ...)`: each value of the top-level string field `path` read as CSV text;
   * its first record becomes a struct of the same name (fields `col0`, `col1`... or, `withHeader`, the first line's
   * names), its values typed as a CSV source types them (long, double or string; a field of several kinds a choice),
   * or with `withSchema` the schema's fields, by position, of its types. Null or empty text gives null. A gluekit node
   * kind.
   */
  unbox(path: string, format: 'csv', options?: UnboxCsvOptions): Frame;
  unbox(path: string, format: 'json' | 'csv', options: UnboxCsvOptions = {}): Frame {
    const name = options.transformationCtx ?? this.pipeline.nextId('Unbox');
    // Given with json, the csv options are refused by the node's check.
    const csv = {
      Separator: options.separator,
      Escaper: options.escaper,
      WithHeader: options.withHeader,
      SkipFirst: options.skipFirst,
      Schema: options.withSchema?.map((f) => ({ Name: f.name, Type: f.type })),
    };
    const defined = Object.fromEntries(Object.entries(csv).filter(([, v]) => v !== undefined));
    return this.pipeline.add(name, { Unbox: { Name: name, Inputs: [this.id], Path: path, Format: format, ...defined, ...thresholds(options) } });
  }

  /**
   * `frame.errorsAsDynamicFrame()`: the error records of the steps that led to this frame (a JSON line that is not JSON,
   * read by a source), one `error` struct each, to write or inspect. A gluekit node kind.
   */
  errorsAsDynamicFrame(options: StepOptions = {}): Frame {
    const name = options.transformationCtx ?? this.pipeline.nextId('ErrorsAsDynamicFrame');
    return this.pipeline.add(name, { ErrorsAsDynamicFrame: { Name: name, Inputs: [this.id] } });
  }

  /** `DropNullFields.apply(frame)`: drops the fields that are null (or missing) in every record, inside structs and arrays of structs too. */
  dropNullFields(options: TransformOptions = {}): Frame {
    const name = options.transformationCtx ?? this.pipeline.nextId('DropNullFields');
    return this.pipeline.add(name, { DropNullFields: { Name: name, Inputs: [this.id], ...thresholds(options) } });
  }

  /**
   * `FillMissingValues.apply(frame, missing_values_column, output_column)` (`awsglueml.transforms`): a new field,
   * `outputColumn` (default `<column>_filled`), holding the top-level `column`'s value, or an estimate where the value
   * is missing (null or an empty string). Glue's estimates come from a machine-learning model it trains on the frame;
   * a local run cannot reproduce them and puts the mean (numbers) or the most frequent value (anything else) there
   * instead: only those values differ from Glue's, so do not assert on them in tests.
   */
  fillMissingValues(column: string, options: FillMissingValuesOptions = {}): Frame {
    const name = options.transformationCtx ?? this.pipeline.nextId('FillMissingValues');
    return this.pipeline.add(name, {
      FillMissingValues: { Name: name, Inputs: [this.id], ImputedPath: column, ...(options.outputColumn !== undefined ? { FilledPath: options.outputColumn } : {}), ...thresholds(options) },
    });
  }

  /** `Filter.apply(frame, f)`: keeps the records for which the condition (or all/any of a predicate's) holds. */
  filter(where: FilterCondition | FilterPredicate, options: TransformOptions = {}): Frame {
    const predicate: FilterPredicate = where instanceof FilterCondition ? { logicalOperator: 'AND', conditions: [where] } : where;
    const name = options.transformationCtx ?? this.pipeline.nextId('Filter');
    return this.pipeline.add(name, {
      Filter: { Name: name, Inputs: [this.id], LogicalOperator: predicate.logicalOperator, Filters: predicate.conditions.map((c) => c.expression), ...thresholds(options) },
    });
  }

  /** `write_dynamic_frame.from_options(connection_type="s3", ...)` */
  writeToS3(options: S3SinkOptions): void {
    const partitionKeys = (options.partitionKeys ?? []).map(studioPath);
    if (options.format === 'parquet') {
      const name = options.transformationCtx ?? this.pipeline.nextId('S3GlueParquetTarget');
      this.pipeline.add(name, {
        // A codec of the text formats (bzip2) is refused by the node kind's check, naming the step.
        S3GlueParquetTarget: { Name: name, Inputs: [this.id], Path: options.path, Compression: (options.compression ?? 'snappy') as ParquetCompressionType, PartitionKeys: partitionKeys },
      });
      return;
    }
    if (options.format !== 'csv' && options.format !== 'json') {
      throw new Error(`writeToS3: format '${String(options.format)}' is not supported; use parquet, csv or json`);
    }
    const name = options.transformationCtx ?? this.pipeline.nextId('S3DirectTarget');
    this.pipeline.add(name, {
      S3DirectTarget: { Name: name, Inputs: [this.id], Path: options.path, Format: options.format, Compression: options.compression ?? 'none', PartitionKeys: partitionKeys },
    });
  }

  /**
   * `write_dynamic_frame.from_catalog(database, table_name)`: writes in the table's format to its location; with
   * `updateCatalog`, also adds the partitions it wrote to the table.
   */
  writeToCatalog(options: CatalogSinkOptions): void {
    const partitionKeys = (options.partitionKeys ?? []).map(studioPath);
    if (options.updateCatalog) {
      const name = options.transformationCtx ?? this.pipeline.nextId('S3CatalogTarget');
      this.pipeline.add(name, {
        S3CatalogTarget: {
          Name: name,
          Inputs: [this.id],
          Database: options.database,
          Table: options.table,
          PartitionKeys: partitionKeys,
          SchemaChangePolicy: { EnableUpdateCatalog: true, UpdateBehavior: 'LOG' },
        },
      });
      return;
    }
    const name = options.transformationCtx ?? this.pipeline.nextId('CatalogTarget');
    this.pipeline.add(name, { CatalogTarget: { Name: name, Inputs: [this.id], Database: options.database, Table: options.table, PartitionKeys: partitionKeys } });
  }
}
