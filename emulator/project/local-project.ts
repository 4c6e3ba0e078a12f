import * as path from 'path';
import { GlueService } from '../api';
import { deployManifest, DeployResult } from '../deploy/deploy-manifest';
import { findManifests, loadManifest } from '../deploy/load-manifest';
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

function stateDirOf(options: OpenProjectOptions): string {
  return path.resolve(path.resolve(options.appDir ?? process.cwd()), options.stateDir ?? '.gluekit');
}

/**
 * Opens the local Glue of a CDK project for writing: synthesizes when needed, takes the state directory (refused while
 * another live gluekit process writes it), then deploys every manifest of the assembly.
 */
export async function openProject(options: OpenProjectOptions = {}): Promise<LocalProject> {
  const project = readCdkProject(path.resolve(options.appDir ?? process.cwd()));
  GlueService.refuseIfOwned(stateDirOf(options));
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
  const service = await GlueService.open({ stateDir: stateDirOf(options) });
  try {
    const deployed: DeployResult[] = [];
    for (const manifest of loaded) deployed.push(await deployManifest(service, manifest, project.outdir));
    return { project, service, deployed, synthesized };
  } catch (e) {
    await service.close();
    throw e;
  }
}

/**
 * Opens a project's local state to read it: no synthesis, no deploy, no recovery, no lock, so it works while another
 * process runs a workflow there.
 */
export async function readProjectState(options: OpenProjectOptions = {}): Promise<GlueService> {
  return GlueService.open({ stateDir: stateDirOf(options), mode: 'read' });
}
