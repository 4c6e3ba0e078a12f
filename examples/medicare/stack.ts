import { RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { col, Crawler, Pipeline, PipelineJob } from '../../lib';

/**
 * The medicare pipeline: raw CSV (Hive partitions `year=YYYY/`) is crawled into `datalake.medicare`, cleaned by a
 * pipeline job into Parquet partitioned by state, and the curated output is crawled into `datalake.curated_medicare`.
 * Workflow `nightly` runs the three in order.
 */
export class MedicareStack extends Stack {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    this.bucket = new s3.Bucket(this, 'DataLake', {
      removalPolicy: RemovalPolicy.RETAIN,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
    });

    const database = new glue.Database(this, 'Datalake', { databaseName: 'datalake' });

    const rawCrawler = new Crawler(this, 'RawCrawler', {
      crawlerName: 'raw-crawler',
      database,
      s3Targets: [{ bucket: this.bucket, prefix: 'raw/medicare/' }],
    });

    const pipeline = new Pipeline();
    pipeline
      .fromCatalog({ database: 'datalake', table: 'medicare', transformationCtx: 'medicare_source' })
      .renameField('givenname', 'name', { transformationCtx: 'rename_givenname' })
      .applyMapping(
        [
          { from: 'provider id', fromType: 'long', to: 'provider_id', toType: 'long' },
          { from: 'provider name', fromType: 'string', to: 'provider_name', toType: 'string' },
          { from: 'name', fromType: 'string', to: 'name', toType: 'string' },
          { from: 'city', fromType: 'string', to: 'city', toType: 'string' },
          { from: 'state', fromType: 'string', to: 'state', toType: 'string' },
          { from: 'year', fromType: 'string', to: 'year', toType: 'string' },
          { from: 'total discharges', fromType: 'long', to: 'total_discharges', toType: 'long' },
          { from: 'average covered charges', fromType: 'double', to: 'average_covered_charges', toType: 'double' },
          { from: 'average total payments', fromType: 'double', to: 'average_total_payments', toType: 'double' },
        ],
        { transformationCtx: 'map_columns' },
      )
      .filter(col('provider_id').isNotNull(), { transformationCtx: 'drop_missing_provider' })
      .writeToS3({
        path: `s3://${this.bucket.bucketName}/curated/medicare/`,
        format: 'parquet',
        compression: 'snappy',
        partitionKeys: ['state'],
        transformationCtx: 'curated_sink',
      });

    const cleanJob = new PipelineJob(this, 'CleanMedicare', { jobName: 'clean-medicare', pipeline });
    this.bucket.grantReadWrite(cleanJob.role);

    const curatedCrawler = new Crawler(this, 'CuratedCrawler', {
      crawlerName: 'curated-crawler',
      database,
      s3Targets: [{ bucket: this.bucket, prefix: 'curated/' }],
      tablePrefix: 'curated_',
    });

    // Conditional triggers fire only when ACTIVATED; CloudFormation creates them ACTIVATED only with StartOnCreation.
    const nightly = new glue.Workflow(this, 'Nightly', { workflowName: 'nightly' });
    nightly.addOnDemandTrigger('Start', { name: 'nightly-start', actions: [glue.Action.crawler(rawCrawler)] });
    nightly.addConditionalTrigger('AfterRawCrawl', {
      name: 'nightly-after-raw-crawl',
      actions: [glue.Action.job(cleanJob)],
      predicate: { conditions: [glue.Condition.crawler(rawCrawler, glue.CrawlerState.SUCCEEDED)] },
      startOnCreation: true,
    });
    nightly.addConditionalTrigger('AfterClean', {
      name: 'nightly-after-clean',
      actions: [glue.Action.crawler(curatedCrawler)],
      predicate: { conditions: [glue.Condition.job(cleanJob, glue.JobState.SUCCEEDED)] },
      startOnCreation: true,
    });
  }
}
