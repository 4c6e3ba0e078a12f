import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Crawler } from '../../lib';

function build(): { stack: Stack; template: Template } {
  const stack = new Stack(new App(), 'S');
  const bucket = new s3.Bucket(stack, 'B');
  const database = new glue.Database(stack, 'Db', { databaseName: 'lake' });
  const crawler = new Crawler(stack, 'C', {
    crawlerName: 'c1',
    database,
    s3Targets: [{ bucket, prefix: 'raw/', exclusions: ['**.tmp'] }],
    tablePrefix: 'raw_',
    schedule: glue.TriggerSchedule.cron({ minute: '15', hour: '12' }),
    schemaChangePolicy: { deleteBehavior: 'LOG' },
  });
  const wf = new glue.Workflow(stack, 'W', { workflowName: 'w' });
  wf.addOnDemandTrigger('T', { actions: [glue.Action.crawler(crawler)] });
  return { stack, template: Template.fromStack(stack) };
}

test('the crawler renders its targets, prefix, schedule and policy', () => {
  const { template } = build();
  template.hasResourceProperties('AWS::Glue::Crawler', {
    Name: 'c1',
    DatabaseName: Match.anyValue(),
    TablePrefix: 'raw_',
    Targets: { S3Targets: [{ Path: { 'Fn::Join': ['', ['s3://', { Ref: Match.stringLikeRegexp('^B') }, '/raw/']] }, Exclusions: ['**.tmp'] }] },
    Schedule: { ScheduleExpression: 'cron(15 12 * * ? *)' },
    SchemaChangePolicy: { UpdateBehavior: 'UPDATE_IN_DATABASE', DeleteBehavior: 'LOG' },
  });
});

test('it can be a workflow action: the trigger names it', () => {
  const { template } = build();
  template.hasResourceProperties('AWS::Glue::Trigger', { Type: 'ON_DEMAND', Actions: [{ CrawlerName: { Ref: Match.stringLikeRegexp('^C') } }] });
});

test('its default role reads only the target prefix and writes only its database', () => {
  const { template } = build();
  const policies = template.findResources('AWS::IAM::Policy');
  const statements = Object.values(policies).flatMap((p) => (p as { Properties: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } } }).Properties.PolicyDocument.Statement);
  const glueStatement = statements.find((s) => Array.isArray(s.Action) && s.Action.includes('glue:CreateTable'))!;
  expect(JSON.stringify(glueStatement.Resource)).toContain(':table/');
  expect(JSON.stringify(glueStatement.Resource)).not.toContain('"*"');
  const s3Statement = statements.find((s) => Array.isArray(s.Action) && s.Action.includes('s3:GetObject*'))!;
  expect(JSON.stringify(s3Statement.Resource)).toContain('/raw/*');
  expect(statements.some((s) => JSON.stringify(s.Action).includes('s3:PutObject'))).toBe(false);
});

test('bad props are refused with the construct path', () => {
  const stack = new Stack(new App(), 'S');
  const database = new glue.Database(stack, 'Db', { databaseName: 'lake' });
  expect(() => new Crawler(stack, 'Empty', { database, s3Targets: [] })).toThrow('Crawler S/Empty: s3Targets must name at least one target');
  const bucket = new s3.Bucket(stack, 'B');
  expect(() => new Crawler(stack, 'Bad', { database, s3Targets: [{ bucket }], tablePrefix: 'a-b' })).toThrow("Crawler S/Bad: tablePrefix 'a-b' may hold only letters, digits and _");
});
