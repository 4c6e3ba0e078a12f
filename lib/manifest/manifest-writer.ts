import * as fs from 'fs';
import * as path from 'path';
import { attachCustomSynthesis, CfnResource, ISynthesisSession, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { PipelineGraph } from '../pipeline/graph';
import { GluekitManifest, manifestFileName, MANIFEST_VERSION, ManifestResource } from './manifest';

interface PipelineRegistration {
  readonly job: CfnResource;
  readonly graph: PipelineGraph;
  /** The script asset's path in the cloud assembly, known once the asset is staged. */
  readonly script: () => string;
}

const WRITERS = new WeakMap<Stack, ManifestWriter>();

/**
 * Writes `<Stack>.gluekit.json` beside a stack's template at synthesis. One per stack; gluekit constructs add it
 * themselves, and `ManifestWriter.of(stack)` adds it to a stack that only holds official `aws-glue` constructs.
 *
 * The manifest is derived from the template file the stack's synthesizer wrote, so the two cannot drift. That file
 * exists only once the stack is synthesized; CDK synthesizes a construct's children before the construct, and siblings
 * in the order they were added, so the writer lives beside the stack (a child of the stack's scope, added after it).
 */
export class ManifestWriter extends Construct {
  /** The stack's manifest writer, created on first use. */
  static of(scope: Construct): ManifestWriter {
    const stack = Stack.of(scope);
    const existing = WRITERS.get(stack);
    if (existing) return existing;
    const parent = stack.node.scope;
    if (!parent) throw new Error(`ManifestWriter: stack ${stack.node.path} must be in an App or Stage`);
    const writer = new ManifestWriter(parent, `${stack.node.id}.GluekitManifest`, stack);
    WRITERS.set(stack, writer);
    return writer;
  }

  private readonly pipelines: PipelineRegistration[] = [];

  private constructor(scope: Construct, id: string, private readonly stack: Stack) {
    super(scope, id);
    attachCustomSynthesis(this, { onSynthesize: (session) => this.write(session) });
  }

  /** @internal Records a pipeline job's graph for the manifest. */
  registerPipeline(registration: PipelineRegistration): void {
    this.pipelines.push(registration);
  }

  /** The manifest for a synthesized template of the stack. */
  render(template: { Resources?: Record<string, ManifestResource> }): GluekitManifest {
    const stack = this.stack;
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
    const templateFile = path.join(session.outdir, this.stack.templateFile);
    if (!fs.existsSync(templateFile)) {
      throw new Error(`ManifestWriter: the template ${templateFile} of stack ${this.stack.node.path} was not written before its gluekit manifest`);
    }
    const template = JSON.parse(fs.readFileSync(templateFile, 'utf8')) as { Resources?: Record<string, ManifestResource> };
    fs.writeFileSync(path.join(session.outdir, manifestFileName(this.stack.artifactId)), JSON.stringify(this.render(template), null, 2) + '\n');
  }
}
