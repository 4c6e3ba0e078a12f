import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AssetStaging, CfnResource, Duration, ResourceEnvironment, Token } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';
import { ManifestWriter } from '../manifest/manifest-writer';
import type { PipelineGraph } from './graph';
import type { Pipeline } from './pipeline';
import { readGraphFromScript } from './graph-block';
import { generatePySparkScript } from './pyspark';

export interface PipelineJobProps {
  /** The job's logic: a graph of DynamicFrame steps. */
  readonly pipeline: Pipeline;
  /** Default: a name CloudFormation generates. */
  readonly jobName?: string;
  readonly description?: string;
  /** Default: a role with the AWSGlueServiceRole managed policy; grant it your buckets (`bucket.grantReadWrite(job.role)`). */
  readonly role?: iam.IRole;
  /** Default Glue 5.0. */
  readonly glueVersion?: glue.GlueVersion;
  /** Default G.1X. */
  readonly workerType?: glue.WorkerType;
  /** Default 2. */
  readonly numberOfWorkers?: number;
  readonly maxRetries?: number;
  readonly timeout?: Duration;
  readonly maxConcurrentRuns?: number;
  /** Extra `--name: value` arguments every run receives. */
  readonly defaultArguments?: Record<string, string>;
}

/**
 * A PySpark ETL job whose script gluekit generates from a typed pipeline graph. On AWS it is an ordinary
 * `aws-glue` PySparkEtlJob; the gluekit emulator runs the same graph locally from the manifest.
 */
export class PipelineJob extends Construct implements glue.IJobRef {
  readonly job: glue.PySparkEtlJob;
  readonly role: iam.IRole;
  readonly graph: PipelineGraph;
  readonly script: string;

  constructor(scope: Construct, id: string, props: PipelineJobProps) {
    super(scope, id);
    this.graph = props.pipeline.graph;
    if (Object.keys(this.graph).length === 0) throw new Error(`PipelineJob ${this.node.path}: the pipeline has no steps`);

    // Values holding tokens (a bucket name, say) cannot be written into the script file: each becomes a job argument,
    // filled in by CloudFormation and read with getResolvedOptions.
    const tokenArguments: Record<string, string> = {};
    this.script = generatePySparkScript(this.graph, {
      argumentFor: (nodeId: string, field: string, value: string) => {
        if (!Token.isUnresolved(value)) return undefined;
        const name = `${nodeId}_${field}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
        tokenArguments[`--${name}`] = value;
        return name;
      },
    });
    const scriptDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-script-'));
    const scriptFile = path.join(scriptDir, `${this.node.id}.py`);
    fs.writeFileSync(scriptFile, this.script, { flag: 'wx' });
    const asset = new s3assets.Asset(this, 'Script', { path: scriptFile });
    // The asset is copied into the cloud assembly as it is constructed; the private folder is then no longer needed
    // (unless staging is disabled, when the assembly points at the file itself).
    const staging = asset.node.tryFindChild('Stage');
    if (staging instanceof AssetStaging && path.resolve(staging.absoluteStagedPath) !== path.resolve(scriptFile)) {
      fs.rmSync(scriptDir, { recursive: true, force: true });
    }

    this.role =
      props.role ??
      new iam.Role(this, 'Role', {
        assumedBy: new iam.ServicePrincipal('glue.amazonaws.com'),
        managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSGlueServiceRole')],
      });

    this.job = new glue.PySparkEtlJob(this, 'Job', {
      jobName: props.jobName,
      description: props.description,
      role: this.role,
      script: glue.Code.fromBucket(asset.bucket, asset.s3ObjectKey),
      glueVersion: props.glueVersion ?? glue.GlueVersion.V5_0,
      workerConfiguration: { workerType: props.workerType ?? glue.WorkerType.G_1X, numberOfWorkers: props.numberOfWorkers ?? 2 },
      maxRetries: props.maxRetries,
      timeout: props.timeout,
      maxConcurrentRuns: props.maxConcurrentRuns,
      defaultArguments: { ...tokenArguments, ...props.defaultArguments },
    });

    // The manifest carries the graph as the script does: values passed as job arguments are {{args.x}} placeholders,
    // bound per run from the run's arguments, so a run-level --x overrides the default locally as it does on AWS.
    ManifestWriter.of(this).registerPipeline({
      job: this.job.node.defaultChild as CfnResource,
      graph: readGraphFromScript(this.script)!,
      script: () => asset.assetPath,
    });
  }

  get jobRef(): glue.JobReference {
    return this.job.jobRef;
  }
  get env(): ResourceEnvironment {
    return this.job.env;
  }
  get jobName(): string {
    return this.job.jobName;
  }
  get jobArn(): string {
    return this.job.jobArn;
  }
}
