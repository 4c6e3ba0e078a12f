import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Crawler, JobRun, WorkflowRun } from '@aws-sdk/client-glue';
import { Stage, Stack } from 'aws-cdk-lib';
import { manifestFileName } from '../../lib/manifest/manifest';
import { FrameDescription, GlueService, ReadTableOptions, TableRows } from '../api';
import { deployManifest, DeployResult } from '../deploy/deploy-manifest';
import { loadManifest } from '../deploy/load-manifest';

export interface LocalGlueOptions {
  /** Default: a new temporary folder, removed by `close()`. */
  readonly stateDir?: string;
}

/**
 * The local Glue for jest: built from a stack synthesized in-process, it runs workflows, jobs and crawlers on files you
 * put in its local buckets and reads tables back as rows. It owns its state directory until `close()`.
 *
 * ```ts
 * const glue = await LocalGlue.fromStack(stack);
 * await glue.putObject(glue.bucketName(stack.bucket), 'raw/x/a.csv', 'id,name\n1,a\n');
 * const run = await glue.runWorkflow('nightly');
 * expect(await glue.rows('datalake', 'curated_x')).toEqual([...]);
 * ```
 */
export class LocalGlue {
  /** Synthesizes the stack's app (into a temporary assembly unless the app has an outdir) and deploys its manifest. */
  static async fromStack(stack: Stack, options: LocalGlueOptions = {}): Promise<LocalGlue> {
    const stage = Stage.of(stack);
    if (!stage) throw new Error(`stack ${stack.node.path} is not in an App or Stage`);
    const assembly = stage.synth();
    const file = path.join(assembly.directory, manifestFileName(stack.artifactId));
    if (!fs.existsSync(file)) {
      throw new Error(`stack ${stack.stackName} has no gluekit manifest: add a gluekit construct, or ManifestWriter.of(stack) for a stack of aws-glue constructs only`);
    }
    const temporary = options.stateDir === undefined;
    const stateDir = options.stateDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-test-'));
    const service = await GlueService.open({ stateDir, command: `LocalGlue.fromStack(${stack.node.path})` });
    try {
      const deployed = await deployManifest(service, loadManifest(file), assembly.directory);
      return new LocalGlue(service, deployed, stateDir, temporary);
    } catch (e) {
      await service.close();
      throw e;
    }
  }

  private constructor(
    /** The local Glue API (SDK-shaped operations), for what the helpers below do not cover. */
    readonly service: GlueService,
    readonly deployed: DeployResult,
    readonly stateDir: string,
    private readonly temporary: boolean,
  ) {}

  /** The local name of a bucket of the stack, by its construct (or its logical id). */
  bucketName(bucket: { node: { defaultChild?: unknown } } | string): string {
    if (typeof bucket === 'string') {
      const name = this.deployed.buckets[bucket];
      if (!name) throw new Error(`no bucket with logical id '${bucket}' in stack ${this.deployed.stack} (buckets: ${Object.keys(this.deployed.buckets).join(', ')})`);
      return name;
    }
    const cfn = bucket.node.defaultChild as { logicalId?: string; stack?: Stack } | undefined;
    if (!cfn || !cfn.stack) throw new Error('bucketName(): pass an s3.Bucket of the stack or its logical id');
    return this.bucketName(cfn.stack.resolve(cfn.logicalId) as string);
  }

  /** The local folder of a bucket (`<stateDir>/s3/<bucket>`), for copying sample files in. */
  bucketDir(bucket: string): string {
    if (!bucket || /[/\\\0]/.test(bucket) || bucket === '.' || bucket === '..') throw new Error(`'${bucket}' is not a bucket name`);
    return path.join(this.stateDir, 's3', bucket);
  }

  async putObject(bucket: string, key: string, body: string | Buffer): Promise<void> {
    await this.service.objects.write(bucket, key, body);
  }

  runWorkflow(name: string, runProperties?: Record<string, string>): Promise<WorkflowRun> {
    return this.service.runWorkflow(name, runProperties);
  }

  runJob(name: string, args?: Record<string, string>): Promise<JobRun> {
    return this.service.runJob(name, args);
  }

  runCrawler(name: string): Promise<Crawler> {
    return this.service.runCrawler(name);
  }

  /** A table's rows, sorted by all columns (or `orderBy`) so assertions are stable. */
  async rows(database: string, table: string, options: ReadTableOptions = {}): Promise<Record<string, unknown>[]> {
    return (await this.read(database, table, options)).rows;
  }

  /**
   * What `printSchema()`, `count()` and `show(n)` print for the frame a job's node makes (a node id of its graph: its
   * `transformationCtx`), with `args` over the job's default arguments. Nothing is written.
   */
  inspect(job: string, node: string, options: { readonly arguments?: Record<string, string>; readonly rows?: number } = {}): Promise<FrameDescription> {
    return this.service.inspectFrame(job, node, options);
  }

  /** A table's rows with its schema and count. */
  read(database: string, table: string, options: ReadTableOptions = {}): Promise<TableRows> {
    return this.service.readTable(database, table, options);
  }

  async close(): Promise<void> {
    await this.service.close();
    if (this.temporary) fs.rmSync(this.stateDir, { recursive: true, force: true });
  }
}
