import type { NodeKind } from '../../../lib/pipeline/nodes/registry';
import type { NodeCompiler } from '../node-compiler';
import { compileApplyMapping } from './ApplyMapping';
import { compileAggregate } from './Aggregate';
import { compileCatalogSource } from './CatalogSource';
import { compileCatalogTarget } from './CatalogTarget';
import { compileDeriveColumns } from './DeriveColumns';
import { compileDropDuplicates } from './DropDuplicates';
import { compileDropFields } from './DropFields';
import { compileDropNullFields } from './DropNullFields';
import { compileFilter } from './Filter';
import { compileJoin } from './Join';
import { compileMerge } from './Merge';
import { compileRenameField } from './RenameField';
import { compileRepartition } from './Repartition';
import { compileRelationalize } from './Relationalize';
import { compileResolveChoice } from './ResolveChoice';
import { compileS3CatalogSource } from './S3CatalogSource';
import { compileS3CatalogTarget } from './S3CatalogTarget';
import { compileS3CsvSource } from './S3CsvSource';
import { compileS3DirectTarget } from './S3DirectTarget';
import { compileS3GlueParquetTarget } from './S3GlueParquetTarget';
import { compileS3JsonSource } from './S3JsonSource';
import { compileS3ParquetSource } from './S3ParquetSource';
import { compileSelectFields } from './SelectFields';
import { compileSelectFrame } from './SelectFrame';
import { compileSelectFromCollection } from './SelectFromCollection';
import { compileSparkSQL } from './SparkSQL';
import { compileSpigot } from './Spigot';
import { compileSplitFields } from './SplitFields';
import { compileSplitRows } from './SplitRows';
import { compileSqlFilter } from './SqlFilter';
import { compileUnion } from './Union';
import { compileUnnest } from './Unnest';
import { compileErrorsAsDynamicFrame } from './ErrorsAsDynamicFrame';
import { compileFillMissingValues } from './FillMissingValues';
import { compileUnbox } from './Unbox';

/**
 * The engine's compiler for every node kind of `lib/pipeline/nodes/registry.ts`. Typed over `NodeKind`, so a kind
 * registered on one side only fails to compile (a missing property here, or an unknown one).
 */
export const NODE_COMPILERS: { readonly [K in NodeKind]: NodeCompiler<K> } = {
  CatalogSource: compileCatalogSource,
  S3CatalogSource: compileS3CatalogSource,
  S3CsvSource: compileS3CsvSource,
  S3JsonSource: compileS3JsonSource,
  S3ParquetSource: compileS3ParquetSource,
  RenameField: compileRenameField,
  ApplyMapping: compileApplyMapping,
  SelectFields: compileSelectFields,
  DropFields: compileDropFields,
  DropNullFields: compileDropNullFields,
  Filter: compileFilter,
  Union: compileUnion,
  Join: compileJoin,
  Merge: compileMerge,
  ResolveChoice: compileResolveChoice,
  Relationalize: compileRelationalize,
  SelectFrame: compileSelectFrame,
  Repartition: compileRepartition,
  DropDuplicates: compileDropDuplicates,
  Aggregate: compileAggregate,
  SparkSQL: compileSparkSQL,
  Spigot: compileSpigot,
  SplitFields: compileSplitFields,
  SplitRows: compileSplitRows,
  DeriveColumns: compileDeriveColumns,
  FillMissingValues: compileFillMissingValues,
  SqlFilter: compileSqlFilter,
  SelectFromCollection: compileSelectFromCollection,
  Unnest: compileUnnest,
  ErrorsAsDynamicFrame: compileErrorsAsDynamicFrame,
  Unbox: compileUnbox,
  S3GlueParquetTarget: compileS3GlueParquetTarget,
  S3DirectTarget: compileS3DirectTarget,
  CatalogTarget: compileCatalogTarget,
  S3CatalogTarget: compileS3CatalogTarget,
};
