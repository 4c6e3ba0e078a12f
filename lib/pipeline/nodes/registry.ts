import type { NodeDefinition, NodeRole, StudioNodeParameters } from '../node-definition';
import { ApplyMappingNode } from './ApplyMapping';
import { AggregateNode } from './Aggregate';
import { CatalogSourceNode } from './CatalogSource';
import { CatalogTargetNode } from './CatalogTarget';
import { DeriveColumnsNode } from './DeriveColumns';
import { DropDuplicatesNode } from './DropDuplicates';
import { DropFieldsNode } from './DropFields';
import { DropNullFieldsNode } from './DropNullFields';
import { ErrorsAsDynamicFrameNode } from './ErrorsAsDynamicFrame';
import { FillMissingValuesNode } from './FillMissingValues';
import { FilterNode } from './Filter';
import { JoinNode } from './Join';
import { MergeNode } from './Merge';
import { RenameFieldNode } from './RenameField';
import { RepartitionNode } from './Repartition';
import { RelationalizeNode } from './Relationalize';
import { ResolveChoiceNode } from './ResolveChoice';
import { S3CatalogSourceNode } from './S3CatalogSource';
import { S3CatalogTargetNode } from './S3CatalogTarget';
import { S3CsvSourceNode } from './S3CsvSource';
import { S3DirectTargetNode } from './S3DirectTarget';
import { S3GlueParquetTargetNode } from './S3GlueParquetTarget';
import { S3JsonSourceNode } from './S3JsonSource';
import { S3ParquetSourceNode } from './S3ParquetSource';
import { SelectFieldsNode } from './SelectFields';
import { SelectFrameNode } from './SelectFrame';
import { SelectFromCollectionNode } from './SelectFromCollection';
import { SparkSQLNode } from './SparkSQL';
import { SpigotNode } from './Spigot';
import { SplitFieldsNode } from './SplitFields';
import { SplitRowsNode } from './SplitRows';
import { SqlFilterNode } from './SqlFilter';
import { UnionNode } from './Union';
import { UnboxNode } from './Unbox';
import { UnnestNode } from './Unnest';

/**
 * Every node kind gluekit knows, by its key in a `CodeGenConfigurationNode`. The frame engine registers a compiler for
 * each kind in a table typed `{ [K in NodeKind]: ... }`, so a kind added here and not there (or there and not here)
 * fails to compile.
 */
export const NODE_DEFINITIONS = {
  CatalogSource: CatalogSourceNode,
  S3CatalogSource: S3CatalogSourceNode,
  S3CsvSource: S3CsvSourceNode,
  S3JsonSource: S3JsonSourceNode,
  S3ParquetSource: S3ParquetSourceNode,
  RenameField: RenameFieldNode,
  ApplyMapping: ApplyMappingNode,
  SelectFields: SelectFieldsNode,
  DropFields: DropFieldsNode,
  DropNullFields: DropNullFieldsNode,
  FillMissingValues: FillMissingValuesNode,
  Filter: FilterNode,
  Union: UnionNode,
  Join: JoinNode,
  Merge: MergeNode,
  ResolveChoice: ResolveChoiceNode,
  Relationalize: RelationalizeNode,
  SelectFrame: SelectFrameNode,
  Repartition: RepartitionNode,
  DropDuplicates: DropDuplicatesNode,
  Aggregate: AggregateNode,
  SparkSQL: SparkSQLNode,
  Spigot: SpigotNode,
  SplitFields: SplitFieldsNode,
  SplitRows: SplitRowsNode,
  DeriveColumns: DeriveColumnsNode,
  SqlFilter: SqlFilterNode,
  SelectFromCollection: SelectFromCollectionNode,
  Unnest: UnnestNode,
  ErrorsAsDynamicFrame: ErrorsAsDynamicFrameNode,
  Unbox: UnboxNode,
  S3GlueParquetTarget: S3GlueParquetTargetNode,
  S3DirectTarget: S3DirectTargetNode,
  CatalogTarget: CatalogTargetNode,
  S3CatalogTarget: S3CatalogTargetNode,
} satisfies { [K in keyof StudioNodeParameters]?: NodeDefinition<StudioNodeParameters[K]> };

/** A node kind gluekit knows. */
export type NodeKind = keyof typeof NODE_DEFINITIONS;

/** The kinds whose definition declares a role by its type (`NodeDefinition<P, 'collection'>`). */
type KindsOfRole<R extends NodeRole> = { [K in NodeKind]: (typeof NODE_DEFINITIONS)[K] extends { readonly role: R } ? K : never }[NodeKind];

/** The kinds that give a collection of frames (Relationalize). */
export type CollectionKind = KindsOfRole<'collection'>;

/** The kinds that take a collection and give one of its frames (SelectFrame). */
export type SelectionKind = KindsOfRole<'selection'>;

/** A kind's parameters (its node's body): the SDK's type for Studio kinds. */
export type NodeParameters<K extends NodeKind> = StudioNodeParameters[K];

/** The registry viewed per kind, so `definitionOf(node.kind)` is typed by that kind. */
const DEFINITIONS: { readonly [K in NodeKind]: NodeDefinition<NodeParameters<K>> } = NODE_DEFINITIONS;

export function definitionOf<K extends NodeKind>(kind: K): NodeDefinition<NodeParameters<K>> {
  return DEFINITIONS[kind];
}

export function isNodeKind(kind: string): kind is NodeKind {
  return Object.prototype.hasOwnProperty.call(NODE_DEFINITIONS, kind);
}
