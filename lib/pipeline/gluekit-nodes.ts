/**
 * gluekit's own node kinds: DynamicFrame transforms Glue Studio has no visual node for, in the shape of Studio's nodes
 * (`Name`, `Inputs`, PascalCase parameters), so a pipeline graph holds them beside the SDK's `CodeGenConfigurationNode`
 * kinds. They live in the script and the gluekit manifest; Glue's API never sees them.
 */
export interface GluekitNodes {
  readonly ResolveChoice?: ResolveChoice;
  readonly Relationalize?: Relationalize;
  readonly SelectFrame?: SelectFrame;
  readonly Unnest?: Unnest;
  readonly Repartition?: Repartition;
  readonly SplitRows?: SplitRows;
  readonly DeriveColumns?: DeriveColumns;
  readonly SqlFilter?: SqlFilter;
  readonly ErrorsAsDynamicFrame?: ErrorsAsDynamicFrame;
  readonly Unbox?: Unbox;
}

/** One `(path, action)` pair of `ResolveChoice.apply(specs=...)`. */
export interface ResolveChoiceSpec {
  /** The field's path (`provider id`, `address.zip`). */
  readonly Path: string;
  /** `cast:<type>`, `project:<type>`, `make_cols` or `make_struct`. */
  readonly Action: string;
}

/** `ResolveChoice.apply(frame, specs=... | choice=..., database=..., table_name=...)`. */
export interface ResolveChoice {
  readonly Name: string;
  readonly Inputs: string[];
  /** An action per path; give `Specs` or `Choice`, not both. */
  readonly Specs?: ResolveChoiceSpec[];
  /** One action for every choice in the frame: `cast:<type>`, `project:<type>`, `make_cols`, `make_struct` or `match_catalog`. */
  readonly Choice?: string;
  /** `match_catalog`'s table. */
  readonly Database?: string;
  readonly Table?: string;
}

/**
 * `Relationalize.apply(frame, staging_path, name)`: a collection of the root frame (structs flattened to dotted names,
 * each array replaced by a join key) and one frame per array (`<root>_<path>`: `id`, `index` and the elements).
 */
export interface Relationalize {
  readonly Name: string;
  readonly Inputs: string[];
  /** The root frame's name, and the prefix of the others'. */
  readonly RootTableName: string;
  /** Where Glue stages the pivoted tables (CSV), an s3:// path. */
  readonly StagingPath: string;
}

/** `SelectFromCollection.apply(dfc, key)`: one frame of a collection, by its name (an unknown name gives an empty frame). */
export interface SelectFrame {
  readonly Name: string;
  readonly Inputs: string[];
  readonly Key: string;
}

/** `UnnestFrame.apply(frame)`: every struct's fields made top-level fields with dotted names. */
export interface Unnest {
  readonly Name: string;
  readonly Inputs: string[];
}

/**
 * `frame.repartition(n)` or `frame.coalesce(n)`: how many Spark partitions (and so output files per folder) the frame
 * has on Glue. Kept in the script; the local engine writes one file per folder whatever it says.
 */
export interface Repartition {
  readonly Name: string;
  readonly Inputs: string[];
  readonly NumPartitions: number;
  /** `coalesce` (merges partitions without a shuffle) rather than `repartition`. */
  readonly Coalesce?: boolean;
}

/** One comparison of `SplitRows`: a field's value against a constant. */
export interface SplitRowsComparison {
  /** The field's path (`address.zip`). */
  readonly Path: string;
  readonly Operation: '<' | '<=' | '>' | '>=' | '=' | '!=';
  readonly Value: string | number;
}

/**
 * `SplitRows.apply(frame, comparison_dict, name1, name2)`: a collection of the records for which every comparison holds
 * (`<id>_0`) and the others (`<id>_1`).
 */
export interface SplitRows {
  readonly Name: string;
  readonly Inputs: string[];
  readonly Comparisons: SplitRowsComparison[];
}

/**
 * Derived columns: `toDF().withColumn(name, expr("..."))` for each, in order (a later expression may use an earlier
 * column; a name the frame has is replaced in place).
 */
export interface DeriveColumns {
  readonly Name: string;
  readonly Inputs: string[];
  /** Each column's name and its Spark SQL expression over the frame's fields (`price * qty`). */
  readonly Columns: { readonly Name: string; readonly Expression: string }[];
}

/** A filter written as a Spark SQL condition: `toDF().filter(expr("..."))` (a record stays where it is true). */
export interface SqlFilter {
  readonly Name: string;
  readonly Inputs: string[];
  /** A Spark SQL boolean expression over the frame's fields, in the SQL step's subset (`amount > 10 AND note LIKE 'a%'`). */
  readonly Condition: string;
}

/** `frame.errorsAsDynamicFrame()`: the error records of the steps that led to the frame, as a frame. */
export interface ErrorsAsDynamicFrame {
  readonly Name: string;
  readonly Inputs: string[];
}

/** `Unbox.apply(frame, path, format, **options)`: a string field holding JSON or CSV text parsed into a struct of the same name. */
export interface Unbox {
  readonly Name: string;
  readonly Inputs: string[];
  /** The top-level field holding the text. */
  readonly Path: string;
  /** The text's format. */
  readonly Format: 'json' | 'csv';
  /** csv: the separator, one character (awsglue's default `,`). */
  readonly Separator?: string;
  /** csv: the escape character (none by default). */
  readonly Escaper?: string;
  /** csv: the text's first line names the fields. */
  readonly WithHeader?: boolean;
  /** csv: the first record (after the header) is skipped. */
  readonly SkipFirst?: boolean;
  /**
   * csv: awsglue's `withSchema`: the struct's fields, by position in each record, each value read as its type (a scalar
   * or a decimal with precision and scale).
   */
  readonly Schema?: readonly { readonly Name: string; readonly Type: string }[];
}
