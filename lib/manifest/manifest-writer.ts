import * as fs from 'fs';
import * as path from 'path';
import { attachCustomSynthesis, ISynthesisSession, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { PipelineGraph } from '../pipeline/graph';
import { GluekitManifest, manifestFileName, MANIFEST_VERSION, ManifestResource } from './manifest';

interface PipelineRegistration {
  readonly job: import('aws-cdk-lib').CfnResource;
  readonly graph: PipelineGraph;
  /** The script asset's path in the cloud assembly, known once the asset is staged. */
  readonly script: () => string;
}

const WRITER_ID = 'GluekitManifest';

/**
 * Writes `<Stack>.gluekit.json` beside the stack's template at synthesis. One per stack; gluekit constructs add it
 * themselves, and `ManifestWriter.of(stack)` adds it to a stack that only holds official `aws-glue` constructs.
 */
export class ManifestWriter extends Construct {
  /** The stack's manifest writer, created on first use. */
  static of(scope: Construct): ManifestWriter {
    const stack = Stack.of(scope);
    const existing = stack.node.tryFindChild(WRITER_ID);
    if (existing instanceof ManifestWriter) return existing;
    return new ManifestWriter(stack, WRITER_ID);
  }

  private readonly pipelines: PipelineRegistration[] = [];

  private constructor(scope: Stack, id: string) {
    super(scope, id);
    attachCustomSynthesis(this, { onSynthesize: (session) => this.write(session) });
  }

  /** @internal Records a pipeline job's graph for the manifest. */
  registerPipeline(registration: PipelineRegistration): void {
    this.pipelines.push(registration);
  }

  /** The manifest for the stack as it stands; the template is rendered the same way the stack's synthesizer renders it. */
  render(): GluekitManifest {
    const stack = Stack.of(this);
    // Stack._toCloudFormation is what the stack synthesizer itself calls to write the template. Custom synthesis of a
    // child runs before its stack's (post-order), so the template file does not exist yet when this runs.
    const template = (stack as unknown as { _toCloudFormation(): { Resources?: Record<string, ManifestResource> } })._toCloudFormation();
    const resources: Record<string, ManifestResource> = {};
    const buckets: Record<string, ManifestResource> = {};
    for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
      const entry: ManifestResource = {
        Type: resource.Type,
        ...(resource.Properties ? { Properties: resource.Properties } : {}),
        ...(resource.DependsOn ? { DependsOn: resource.DependsOn } : {}),
      };
      if (resource.Type.startsWith('AWS::Glue::')) resources[logicalId] = entry;
      else if (resource.Type === 'AWS::S3::Bucket') buckets[logicalId] = entry;
    }
    const pipelines: GluekitManifest['pipelines'] = {};
    for (const p of this.pipelines) {
      pipelines[stack.getLogicalId(p.job)] = { graph: stack.resolve(p.graph) as PipelineGraph, script: p.script() };
    }
    return { version: MANIFEST_VERSION, stack: stack.artifactId, template: stack.templateFile, resources, buckets, pipelines };
  }

  private write(session: ISynthesisSession): void {
    const stack = Stack.of(this);
    const file = path.join(session.outdir, manifestFileName(stack.artifactId));
    fs.writeFileSync(file, JSON.stringify(this.render(), null, 2) + '\n');
  }
}
