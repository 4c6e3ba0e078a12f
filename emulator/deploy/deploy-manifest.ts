import * as fs from 'fs';
import * as path from 'path';
import type { CreateCrawlerRequest, CreateJobRequest, CreateTriggerRequest, CreateWorkflowRequest, DatabaseInput, TableInput } from '@aws-sdk/client-glue';
import type { GluekitManifest, ManifestResource } from '../../lib/manifest/manifest';
import type { PipelineGraph } from '../../lib/pipeline/graph';
import { GlueService, isGlueError, parseS3Uri } from '../api';
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

interface ResolvedResource {
  readonly logicalId: string;
  readonly resource: ManifestResource;
  readonly props: Record<string, unknown>;
  readonly name: string;
}

/**
 * A local `cdk deploy`: creates (or updates) every resource of a manifest through the local Glue API's own
 * Create/Update operations, after resolving intrinsics. Each pipeline job gets its graph as CodeGenConfigurationNodes,
 * and its script asset is copied to the job's ScriptLocation in the local object store. Everything is resolved before
 * anything is applied, and the API calls land in one transaction, with the removal of what the stack no longer holds.
 * Resource types gluekit does not run are skipped.
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
    await service.objects.createBucket(name);
  }

  const entries = Object.entries(manifest.resources).sort(([, a], [, b]) => ORDER.indexOf(a.Type) - ORDER.indexOf(b.Type));
  const resolved: ResolvedResource[] = entries.map(([logicalId, resource]) => ({
    logicalId,
    resource,
    props: resolver.resolve(resource.Properties ?? {}, `/resources/${logicalId}/Properties`) as Record<string, unknown>,
    name: resolver.ref(logicalId, `/resources/${logicalId}`),
  }));
  const graphs = new Map<string, PipelineGraph>();
  for (const r of resolved) {
    const pipeline = r.resource.Type === 'AWS::Glue::Job' ? manifest.pipelines[r.logicalId] : undefined;
    if (!pipeline) continue;
    graphs.set(r.logicalId, resolver.resolve(pipeline.graph, `/pipelines/${r.logicalId}/graph`) as PipelineGraph);
    const command = r.props.Command as { ScriptLocation?: string } | undefined;
    await copyScript(service, assemblyDir, pipeline.script, command?.ScriptLocation, `/pipelines/${r.logicalId}/script`);
  }
  await service.atomically(async () => {
    for (const r of resolved) await deployResource(service, r, graphs.get(r.logicalId), result);
    await removeStale(service, manifest.stack, result);
  });
  return result;
}

/**
 * Deletes the crawlers, jobs, triggers and workflows an earlier deploy of this stack made that the stack no longer
 * holds, as CloudFormation would (a removed trigger must stop firing). Databases and tables stay: they hold data.
 */
async function removeStale(service: GlueService, stack: string, result: DeployResult): Promise<void> {
  const previous = service.deploymentOf(stack);
  if (previous) {
    const gone = (before: readonly string[], now: string[]): string[] => before.filter((n) => !now.includes(n));
    for (const name of gone(previous.triggers, result.triggers)) await service.triggers.deleteTrigger({ Name: name });
    for (const name of gone(previous.jobs, result.jobs)) await service.jobs.deleteJob({ JobName: name });
    for (const name of gone(previous.crawlers, result.crawlers)) await ignoreMissing(service.crawlers.deleteCrawler({ Name: name }));
    for (const name of gone(previous.workflows, result.workflows)) await service.workflows.deleteWorkflow({ Name: name });
  }
  service.recordDeployment({ stack, crawlers: result.crawlers, jobs: result.jobs, workflows: result.workflows, triggers: result.triggers });
}

async function ignoreMissing(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (e) {
    if (!isGlueError(e, 'EntityNotFoundException')) throw e;
  }
}

/** Creates a resource, or updates it when it exists (CloudFormation's update); returns whether it existed. */
async function createOrUpdate(create: () => Promise<unknown>, update: () => Promise<unknown>): Promise<void> {
  try {
    await create();
  } catch (e) {
    if (!isGlueError(e, 'AlreadyExistsException')) throw e;
    await update();
  }
}

async function deployResource(service: GlueService, r: ResolvedResource, graph: PipelineGraph | undefined, result: DeployResult): Promise<void> {
  const { props, name } = r;
  switch (r.resource.Type) {
    case 'AWS::Glue::Database': {
      const input: DatabaseInput = { ...(props.DatabaseInput as DatabaseInput), Name: name };
      await createOrUpdate(
        () => service.catalog.createDatabase({ DatabaseInput: input }),
        () => service.catalog.updateDatabase({ Name: name, DatabaseInput: input }),
      );
      result.databases.push(name);
      return;
    }
    case 'AWS::Glue::Table': {
      const request = { DatabaseName: String(props.DatabaseName), TableInput: { ...(props.TableInput as TableInput), Name: name } };
      await createOrUpdate(
        () => service.catalog.createTable(request),
        () => service.catalog.updateTable(request),
      );
      return;
    }
    case 'AWS::Glue::Workflow': {
      const input: CreateWorkflowRequest = { ...(props as unknown as CreateWorkflowRequest), Name: name };
      await createOrUpdate(
        () => service.workflows.createWorkflow(input),
        () => service.workflows.updateWorkflow(input),
      );
      result.workflows.push(name);
      return;
    }
    case 'AWS::Glue::Crawler': {
      const schedule = props.Schedule as { ScheduleExpression?: string } | undefined;
      const input: CreateCrawlerRequest = { ...(props as unknown as CreateCrawlerRequest), Name: name, Schedule: schedule?.ScheduleExpression };
      // An update replaces the whole definition, as CloudFormation does: fields the stack dropped are cleared.
      const update = { ...input, Description: input.Description ?? '', Schedule: input.Schedule ?? '', TablePrefix: input.TablePrefix ?? '', Configuration: input.Configuration ?? '' };
      await createOrUpdate(
        () => service.crawlers.createCrawler(input),
        () => service.crawlers.updateCrawler(update),
      );
      result.crawlers.push(name);
      return;
    }
    case 'AWS::Glue::Job': {
      const input: CreateJobRequest = { ...(props as unknown as CreateJobRequest), Name: name };
      if (graph) input.CodeGenConfigurationNodes = graph;
      const { Name: _name, Tags: _tags, ...update } = input;
      await createOrUpdate(
        () => service.jobs.createJob(input),
        () => service.jobs.updateJob({ JobName: name, JobUpdate: update }),
      );
      result.jobs.push(name);
      return;
    }
    case 'AWS::Glue::Trigger': {
      const input: CreateTriggerRequest = { ...(props as unknown as CreateTriggerRequest), Name: name };
      const existing = await service.triggers.getTrigger({ Name: name }).then((r) => r.Trigger, (e: unknown) => {
        if (isGlueError(e, 'EntityNotFoundException')) return undefined;
        throw e;
      });
      // CloudFormation replaces a trigger whose type or workflow changed; other changes are an update.
      if (existing && (existing.Type !== input.Type || existing.WorkflowName !== input.WorkflowName || activated(existing.State) !== activated(input.StartOnCreation ? 'ACTIVATED' : 'CREATED'))) {
        await service.triggers.deleteTrigger({ Name: name });
      }
      await createOrUpdate(
        () => service.triggers.createTrigger(input),
        () =>
          service.triggers.updateTrigger({
            Name: name,
            TriggerUpdate: { Name: name, Description: input.Description, Schedule: input.Schedule, Actions: input.Actions, Predicate: input.Predicate, EventBatchingCondition: input.EventBatchingCondition },
          }),
      );
      result.triggers.push(name);
      return;
    }
    default:
      return;
  }
}

function activated(state: string | undefined): boolean {
  return state === 'ACTIVATED';
}

/** Puts the generated script where the job's ScriptLocation says, so GetJob's script is readable locally too. */
async function copyScript(service: GlueService, assemblyDir: string, script: string, location: string | undefined, where: string): Promise<void> {
  const file = path.join(assemblyDir, script);
  if (!fs.existsSync(file)) throw new Error(`${where}: script asset ${file} is missing from the cloud assembly; synthesize again`);
  if (!location || !/^s3a?:\/\//.test(location)) return;
  const { bucket, key } = parseS3Uri(location, where);
  await service.objects.write(bucket, key, fs.readFileSync(file));
}
