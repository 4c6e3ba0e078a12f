import { ArnFormat, Lazy, Resource, Stack } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { ManifestWriter } from '../manifest/manifest-writer';
import { S3Target, s3TargetPath } from './targets';

/** What a crawler does when a table's schema changed (UpdateBehavior) or its data disappeared (DeleteBehavior). */
export interface SchemaChangePolicy {
  /** Default `UPDATE_IN_DATABASE`. */
  readonly updateBehavior?: 'UPDATE_IN_DATABASE' | 'LOG';
  /** Default `DEPRECATE_IN_DATABASE`. */
  readonly deleteBehavior?: 'DEPRECATE_IN_DATABASE' | 'DELETE_FROM_DATABASE' | 'LOG';
}

export interface CrawlerProps {
  /** Default: a name CloudFormation generates. */
  readonly crawlerName?: string;
  /** The database the crawler writes its tables into. */
  readonly database: glue.IDatabase;
  readonly s3Targets: S3Target[];
  /** Prepended to every table name the crawler creates. */
  readonly tablePrefix?: string;
  /** When the crawler runs on its own, e.g. `glue.TriggerSchedule.cron({ minute: '0', hour: '2' })`. Default: on demand. */
  readonly schedule?: glue.TriggerSchedule;
  readonly schemaChangePolicy?: SchemaChangePolicy;
  /** Default: a role with only what this crawler needs (read its targets, write its database's tables, its logs). */
  readonly role?: iam.IRole;
  readonly description?: string;
  /** The crawler's `Configuration` JSON (grouping, table level...). */
  readonly configuration?: Record<string, unknown>;
}

/**
 * A Glue crawler over S3 include paths. It is an `ICrawlerRef`, so it can be an action or a condition of
 * `aws-cdk-lib/aws-glue` workflow triggers (`Action.crawler(c)`, `Condition.crawler(c, CrawlerState.SUCCEEDED)`).
 */
export class Crawler extends Resource implements glue.ICrawlerRef {
  readonly crawlerName: string;
  readonly crawlerArn: string;
  readonly role: iam.IRole;
  readonly resource: glue.CfnCrawler;

  constructor(scope: Construct, id: string, props: CrawlerProps) {
    super(scope, id, { physicalName: props.crawlerName });
    if (props.s3Targets.length === 0) throw new Error(`Crawler ${this.node.path}: s3Targets must name at least one target`);
    if (props.tablePrefix !== undefined && !/^[A-Za-z0-9_]*$/.test(props.tablePrefix)) {
      throw new Error(`Crawler ${this.node.path}: tablePrefix '${props.tablePrefix}' may hold only letters, digits and _`);
    }
    this.role = props.role ?? this.createRole(props);
    this.resource = new glue.CfnCrawler(this, 'Resource', {
      name: props.crawlerName,
      role: this.role.roleArn,
      databaseName: props.database.databaseName,
      description: props.description,
      tablePrefix: props.tablePrefix,
      targets: { s3Targets: props.s3Targets.map((t) => ({ path: s3TargetPath(t), exclusions: t.exclusions })) },
      schedule: props.schedule ? { scheduleExpression: props.schedule.expressionString } : undefined,
      schemaChangePolicy: {
        updateBehavior: props.schemaChangePolicy?.updateBehavior ?? 'UPDATE_IN_DATABASE',
        deleteBehavior: props.schemaChangePolicy?.deleteBehavior ?? 'DEPRECATE_IN_DATABASE',
      },
      configuration: props.configuration ? JSON.stringify(props.configuration) : undefined,
    });
    this.resource.node.addDependency(this.role);
    this.crawlerName = this.getResourceNameAttribute(this.resource.ref);
    this.crawlerArn = Stack.of(this).formatArn({ service: 'glue', resource: 'crawler', resourceName: this.crawlerName });
    ManifestWriter.of(this);
  }

  get crawlerRef(): glue.CrawlerReference {
    return { crawlerName: this.crawlerName };
  }

  private createRole(props: CrawlerProps): iam.Role {
    const stack = Stack.of(this);
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('glue.amazonaws.com'),
      description: Lazy.string({ produce: () => `Role of the Glue crawler ${this.node.path}` }),
    });
    const db = props.database.databaseName;
    const arn = (resource: string, resourceName?: string): string =>
      stack.formatArn({ service: 'glue', resource, resourceName, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: [
          'glue:GetDatabase',
          'glue:GetTable',
          'glue:GetTables',
          'glue:CreateTable',
          'glue:UpdateTable',
          'glue:DeleteTable',
          'glue:GetPartition',
          'glue:GetPartitions',
          'glue:BatchGetPartition',
          'glue:BatchCreatePartition',
          'glue:UpdatePartition',
          'glue:BatchUpdatePartition',
          'glue:BatchDeletePartition',
        ],
        resources: [arn('catalog'), arn('database', db), arn('table', `${db}/*`)],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: '/aws-glue/crawlers*', arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
      }),
    );
    for (const target of props.s3Targets) {
      const prefix = (target.prefix ?? '').replace(/^\/+/, '');
      target.bucket.grantRead(role, `${prefix}*`);
    }
    return role;
  }
}
