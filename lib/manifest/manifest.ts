import type { PipelineGraph } from '../pipeline/graph';

/** The manifest format version this library writes and the emulator reads. */
export const MANIFEST_VERSION = '1';

/** The file name of a stack's manifest in the cloud assembly, beside `<Stack>.template.json`. */
export function manifestFileName(stackArtifactId: string): string {
  return `${stackArtifactId}.gluekit.json`;
}

/** A CloudFormation resource as it stands in the template: properties keep their intrinsics (`Ref`, `Fn::Join`...). */
export interface ManifestResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DependsOn?: string | string[];
}

/** What the emulator needs of a pipeline job beyond its `AWS::Glue::Job` resource. */
export interface ManifestPipeline {
  /** The Glue Studio graph, with CloudFormation intrinsics where the app used tokens. */
  readonly graph: PipelineGraph;
  /** The generated PySpark script's file in the cloud assembly (relative to the assembly folder). */
  readonly script: string;
}

/**
 * A gluekit manifest: derived from the synthesized template, so local and deployed cannot drift. It carries every
 * `AWS::Glue::*` resource and every `AWS::S3::Bucket` exactly as in the template, plus what CloudFormation cannot hold.
 */
export interface GluekitManifest {
  readonly version: string;
  /** The stack's artifact id in the cloud assembly. */
  readonly stack: string;
  /** The template file beside this manifest. */
  readonly template: string;
  /** `AWS::Glue::*` resources by logical id. */
  readonly resources: Record<string, ManifestResource>;
  /** `AWS::S3::Bucket` resources by logical id. */
  readonly buckets: Record<string, ManifestResource>;
  /** Pipeline jobs by the logical id of their `AWS::Glue::Job`. */
  readonly pipelines: Record<string, ManifestPipeline>;
}
