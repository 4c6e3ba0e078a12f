import * as path from 'path';
import { deployManifest, DeployResult } from '../deploy/deploy-manifest';
import { findManifests, loadManifest } from '../deploy/load-manifest';
import { GlueService } from '../service/glue-service';
import { CdkProject, isAssemblyStale, readCdkProject, synthesize } from './cdk-app';

export interface OpenProjectOptions {
  /** The CDK project folder (holding cdk.json). Default: the current folder. */
  readonly appDir?: string;
  /** Default `<appDir>/.gluekit`. */
  readonly stateDir?: string;
  /** Synthesize only when the assembly is older than the sources (default), always, or never. */
  readonly synth?: 'auto' | 'always' | 'never';
  /** Told when synthesis starts and ends (for progress output). */
  readonly onSynth?: (phase: 'start' | 'end') => void;
}

export interface LocalProject {
  readonly project: CdkProject;
  readonly service: GlueService;
  readonly deployed: DeployResult[];
  readonly synthesized: boolean;
}

/** Opens the local Glue for a CDK project: synthesizes when needed, then deploys every manifest of the assembly. */
export async function openProject(options: OpenProjectOptions = {}): Promise<LocalProject> {
  const appDir = path.resolve(options.appDir ?? process.cwd());
  const project = readCdkProject(appDir);
  const mode = options.synth ?? 'auto';
  let synthesized = false;
  if (mode === 'always' || (mode === 'auto' && isAssemblyStale(project))) {
    options.onSynth?.('start');
    await synthesize(project);
    options.onSynth?.('end');
    synthesized = true;
  }
  const manifests = findManifests(project.outdir);
  if (manifests.length === 0) {
    throw new Error(`no gluekit manifest in ${project.outdir}: the app has no stack with Glue resources (gluekit constructs add one; ManifestWriter.of(stack) adds it to other stacks)`);
  }
  // Every manifest is validated before anything is deployed, so a bad one leaves the state as it was.
  const loaded = manifests.map((file) => loadManifest(file));
  const service = new GlueService({ stateDir: path.resolve(appDir, options.stateDir ?? '.gluekit') });
  try {
    const deployed: DeployResult[] = [];
    for (const manifest of loaded) deployed.push(await deployManifest(service, manifest, project.outdir));
    return { project, service, deployed, synthesized };
  } catch (e) {
    await service.close();
    throw e;
  }
}
