import * as fs from 'fs';
import * as path from 'path';
import type { CreateCrawlerRequest, CreateJobRequest, CreateTriggerRequest, CreateWorkflowRequest, DatabaseInput, TableInput } from '@aws-sdk/client-glue';
import type { GluekitManifest, ManifestResource } from '../../lib/manifest/manifest';
import type { PipelineGraph } from '../../lib/pipeline/graph';
import { GlueError } from '../service/errors';
import type { GlueService } from '../service/glue-service';
import { parseS3Uri } from '../storage/object-store';
import { IntrinsicResolver, LocalEnvironment } from './intrinsics';

export interface DeployResult {
  readonly stack: string;
  /** Local bucket names by logical id. */
  readonly buckets: Record<string, string>;
  readonly databases: string[];
  readonly crawlers: string[];
  readonly jobs: string[];
  readonly workflows: string[];
  readonly triggers: string[];
}

export const LOCAL_ACCOUNT = '000000000000';

/** Glue resources in the order they depend on one another. */
const ORDER = ['AWS::Glue::Database', 'AWS::Glue::Table', 'AWS::Glue::Workflow', 'AWS::Glue::Crawler', 'AWS::Glue::Job', 'AWS::Glue::Trigger'];

function isAlreadyExists(e: unknown): boolean {
  return e instanceof GlueError && e.name === 'AlreadyExistsException';
}

/**
 * A local `cdk deploy`: creates (or updates) every resource of a manifest through the local service's own Create/Update
 * operations, after resolving intrinsics. Each pipeline job gets its graph as CodeGenConfigurationNodes, and its script
 * asset is copied to the job's ScriptLocation in the local object store. Resource types gluekit does not run are skipped.
 */
export async function deployManifest(service: GlueService, manifest: GluekitManifest, assemblyDir: string): Promise<DeployResult> {
  const templateFile = path.join(assemblyDir, manifest.template);
  let templateResources: LocalEnvironment['resources'] = {};
  if (fs.existsSync(templateFile)) {
    templateResources = (JSON.parse(fs.readFileSync(templateFile, 'utf8')) as { Resources?: LocalEnvironment['resources'] }).Resources ?? {};
  }
  const env: LocalEnvironment = {
    account: LOCAL_ACCOUNT,
    region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
    partition: 'aws',
    stackName: manifest.stack,
    resources: { ...templateResources, ...manifest.buckets, ...manifest.resources },
  };
  const resolver = new IntrinsicResolver(env);
  const result: DeployResult = { stack: manifest.stack, buckets: {}, databases: [], crawlers: [], jobs: [], workflows: [], triggers: [] };

  for (const logicalId of Object.keys(manifest.buckets)) {
    const name = resolver.ref(logicalId, `/buckets/${logicalId}`);
    result.buckets[logicalId] = name;
    fs.mkdirSync(service.objects.bucketRoot(name), { recursive: true });
  }

  // Resolve everything first (a bad reference changes nothing), put the script assets in place, then apply every
  // resource and remove what the stack no longer holds in one transaction.
  const entries = Object.entries(manifest.resources).sort(([, a], [, b]) => ORDER.indexOf(a.Type) - ORDER.indexOf(b.Type));
  const resolved = entries.map(([logicalId, resource]) => ({
    logicalId,
    resource,
    props: resolver.resolve(resource.Properties ?? {}, `/resources/${logicalId}/Properties`) as Record<string, unknown>,
    name: resolver.ref(logicalId, `/resources/${logicalId}`),
  }));
  for (const r of resolved) {
    const pipeline = r.resource.Type === 'AWS::Glue::Job' ? manifest.pipelines[r.logicalId] : undefined;
    if (pipeline) {
      const command = r.props.Command as { ScriptLocation?: string } | undefined;
      await copyScript(service, assemblyDir, pipeline.script, command?.ScriptLocation, `/pipelines/${r.logicalId}/script`);
    }
  }
  service.state.transaction(() => {
    for (const r of resolved) deployResource(service, manifest, r.logicalId, r.resource, r.props, r.name, resolver, result);
    removeStale(service, manifest.stack, result);
  });
  return result;
}

interface Deployment {
  stack: string;
  crawlers: string[];
  jobs: string[];
  workflows: string[];
  triggers: string[];
}

/**
 * Deletes the crawlers, jobs, triggers and workflows an earlier deploy of this stack made that the stack no longer
 * holds, as CloudFormation would (a removed trigger must stop firing). Databases and tables stay: they hold data.
 */
function removeStale(service: GlueService, stack: string, result: DeployResult): void {
  const previous = service.state.get<Deployment>('deployment', stack);
  if (previous) {
    const gone = (before: string[], now: string[]): string[] => before.filter((n) => !now.includes(n));
    for (const name of gone(previous.triggers, result.triggers)) service.state.delete('trigger', name);
    for (const name of gone(previous.jobs, result.jobs)) service.state.delete('job', name);
    for (const name of gone(previous.crawlers, result.crawlers)) service.state.delete('crawler', name);
    for (const name of gone(previous.workflows, result.workflows)) service.state.delete('workflow', name);
  }
  const deployment: Deployment = { stack, crawlers: result.crawlers, jobs: result.jobs, workflows: result.workflows, triggers: result.triggers };
  service.state.put('deployment', stack, deployment);
}

function deployResource(
  service: GlueService,
  manifest: GluekitManifest,
  logicalId: string,
  resource: ManifestResource,
  props: Record<string, unknown>,
  name: string,
  resolver: IntrinsicResolver,
  result: { databases: string[]; crawlers: string[]; jobs: string[]; workflows: string[]; triggers: string[] },
): void {
  switch (resource.Type) {
    case 'AWS::Glue::Database': {
      const input = { ...(props.DatabaseInput as DatabaseInput), Name: name };
      try {
        service.catalog.createDatabase({ DatabaseInput: input });
      } catch (e) {
        if (!isAlreadyExists(e)) throw e;
      }
      result.databases.push(name);
      return;
    }
    case 'AWS::Glue::Table': {
      const input = props.TableInput as TableInput;
      const request = { DatabaseName: String(props.DatabaseName), TableInput: { ...input, Name: name } };
      try {
        service.catalog.createTable(request);
      } catch (e) {
        if (!isAlreadyExists(e)) throw e;
        service.catalog.updateTable(request);
      }
      return;
    }
    case 'AWS::Glue::Workflow': {
      const input: CreateWorkflowRequest = { ...(props as unknown as CreateWorkflowRequest), Name: name };
      try {
        service.workflows.createWorkflow(input);
      } catch (e) {
        if (!isAlreadyExists(e)) throw e;
        service.workflows.updateWorkflow(input);
      }
      result.workflows.push(name);
      return;
    }
    case 'AWS::Glue::Crawler': {
      const schedule = props.Schedule as { ScheduleExpression?: string } | undefined;
      const input: CreateCrawlerRequest = {
        ...(props as unknown as CreateCrawlerRequest),
        Name: name,
        Schedule: schedule?.ScheduleExpression,
      };
      try {
        service.crawlers.createCrawler(input);
      } catch (e) {
        if (!isAlreadyExists(e)) throw e;
        service.crawlers.updateCrawler(input);
      }
      result.crawlers.push(name);
      return;
    }
    case 'AWS::Glue::Job': {
      const pipeline = manifest.pipelines[logicalId];
      const input: CreateJobRequest = { ...(props as unknown as CreateJobRequest), Name: name };
      if (pipeline) {
        input.CodeGenConfigurationNodes = resolver.resolve(pipeline.graph, `/pipelines/${logicalId}/graph`) as PipelineGraph;
      }
      try {
        service.jobs.createJob(input);
      } catch (e) {
        if (!isAlreadyExists(e)) throw e;
        service.jobs.updateJob({ JobName: name, JobUpdate: input });
      }
      result.jobs.push(name);
      return;
    }
    case 'AWS::Glue::Trigger': {
      const input: CreateTriggerRequest = { ...(props as unknown as CreateTriggerRequest), Name: name };
      try {
        service.workflows.createTrigger(input);
      } catch (e) {
        if (!isAlreadyExists(e)) throw e;
        service.workflows.replaceTrigger(input);
      }
      result.triggers.push(name);
      return;
    }
    default:
      return;
  }
}

/** Puts the generated script where the job's ScriptLocation says, so GetJob's script is readable locally too. */
async function copyScript(service: GlueService, assemblyDir: string, script: string, location: string | undefined, where: string): Promise<void> {
  const file = path.join(assemblyDir, script);
  if (!fs.existsSync(file)) throw new Error(`${where}: script asset ${file} is missing from the cloud assembly; synthesize again`);
  if (!location || !/^s3a?:\/\//.test(location)) return;
  const { bucket, key } = parseS3Uri(location, where);
  await service.objects.write(bucket, key, fs.readFileSync(file));
}
