import type { CodeGenConfigurationNode } from '@aws-sdk/client-glue';
import type { GluekitNodes } from './gluekit-nodes';
import type { NodeCheck } from './node-check';
import type { ScriptFeature } from './script-features';

/**
 * Each node kind's parameters: Glue Studio's as `@aws-sdk/client-glue` types them (`{ S3CsvSource: S3CsvSource, ... }`),
 * and gluekit's own kinds (`gluekit-nodes.ts`).
 */
export type StudioNodeParameters = { [K in keyof (CodeGenConfigurationNode & GluekitNodes)]-?: NonNullable<(CodeGenConfigurationNode & GluekitNodes)[K]> };

/**
 * What a node does with frames: a source reads one (no inputs), a transform takes one frame and gives one, a target
 * writes its one input and gives none (so no node may take a target as input). A `collection` transform gives a
 * `DynamicFrameCollection` (Relationalize), which only a `selection` node takes: it picks one frame of it by key.
 */
export type NodeRole = 'source' | 'transform' | 'collection' | 'selection' | 'target';

/**
 * A node kind on the construct-library side: its validation (every rule of the kind, once) and its PySpark emission.
 * `P` is the kind's parameter type, from the SDK's `CodeGenConfigurationNode` (gluekit's own kinds: a type of the same shape).
 * `R` is given for the roles whose frames the engine types apart (`collection`, `selection`), so the registry knows them.
 */
export interface NodeDefinition<P, R extends NodeRole = NodeRole> {
  readonly role: R;
  /** How many frames a transform takes (Union takes two; a SQL step `many`: one or more). @default 1 */
  readonly inputs?: number | 'many';
  /**
   * Its generated call is one of awsglue's DynamicFrame transforms, which take `stageThreshold` and `totalThreshold`:
   * the node may carry them (`error-thresholds.ts`) and the script passes them on.
   */
  readonly errorThresholds?: boolean;
  /** The frame it gives carries no error records of its inputs (`errorsAsDynamicFrame()`'s is made of them). */
  readonly startsErrorLineage?: boolean;
  /**
   * Checks the parameters and throws naming the node and the field. Values only known at deploy or run time (CDK tokens,
   * job-argument placeholders) are checked for their type only: their content is checked once they are bound.
   */
  validate(parameters: P, check: NodeCheck): void;
  /** The right-hand side of the node's statement in the generated script (`RenameField.apply(frame=..., ...)`). */
  emit(parameters: P, script: ScriptContext): string;
}

/** What a node's emission may ask of the script being generated. */
export interface ScriptContext {
  /** The node's id (its transformation_ctx). */
  readonly nodeId: string;
  /** `transformation_ctx="<node id>"`. */
  readonly transformationCtx: string;
  /** `frame=<variable of the node's one input>`. */
  frame(): string;
  /** The Python variable of the node's i-th input. */
  input(index: number): string;
  /** A graph string as a Python expression: a string literal, or `args["x"]` for a value carried by job argument `x`. */
  str(value: string): string;
  /** A Studio path (a list of parts) as a Python string expression, the parts joined by dots. */
  path(parts: readonly string[]): string;
  /** A list of Studio paths as a Python list of strings. */
  paths(list: readonly (readonly string[])[] | undefined): string;
  /** Asks for an import or a helper function in the script (each written once). */
  need(feature: ScriptFeature): void;
}
