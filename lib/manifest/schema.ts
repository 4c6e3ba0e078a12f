/**
 * The JSON schema of a gluekit manifest (draft 2020-12 subset understood by ajv). Shared by the synthesizer's tests and
 * the emulator's loader, which rejects a manifest that does not match it with the path of the first wrong field.
 */
const intrinsicOr = (schema: object): object => ({ anyOf: [schema, { $ref: '#/$defs/intrinsic' }] });
const str = intrinsicOr({ type: 'string' });
const strList = intrinsicOr({ type: 'array', items: str });

const crawlerProperties = {
  type: 'object',
  required: ['Role', 'Targets'],
  properties: {
    Name: str,
    Role: str,
    DatabaseName: str,
    TablePrefix: str,
    Description: str,
    Configuration: str,
    Targets: {
      type: 'object',
      properties: {
        S3Targets: {
          type: 'array',
          items: {
            type: 'object',
            required: ['Path'],
            properties: { Path: str, Exclusions: strList, SampleSize: { type: 'integer' } },
          },
        },
      },
    },
    Schedule: { type: 'object', properties: { ScheduleExpression: str } },
    SchemaChangePolicy: {
      type: 'object',
      properties: {
        UpdateBehavior: { enum: ['UPDATE_IN_DATABASE', 'LOG'] },
        DeleteBehavior: { enum: ['DEPRECATE_IN_DATABASE', 'DELETE_FROM_DATABASE', 'LOG'] },
      },
    },
  },
};

const jobProperties = {
  type: 'object',
  required: ['Command', 'Role'],
  properties: {
    Name: str,
    Role: str,
    Command: { type: 'object', properties: { Name: str, ScriptLocation: str, PythonVersion: str } },
    DefaultArguments: { type: 'object', additionalProperties: str },
    NonOverridableArguments: { type: 'object', additionalProperties: str },
    GlueVersion: str,
    MaxRetries: { type: 'integer', minimum: 0 },
    Timeout: { type: 'integer', minimum: 1 },
    ExecutionProperty: { type: 'object', properties: { MaxConcurrentRuns: { type: 'integer', minimum: 1 } } },
  },
};

const triggerProperties = {
  type: 'object',
  required: ['Type', 'Actions'],
  properties: {
    Name: str,
    Type: { enum: ['SCHEDULED', 'CONDITIONAL', 'ON_DEMAND', 'EVENT'] },
    WorkflowName: str,
    Schedule: str,
    StartOnCreation: { type: 'boolean' },
    Actions: {
      type: 'array',
      items: {
        type: 'object',
        properties: { JobName: str, CrawlerName: str, Arguments: { type: 'object' }, Timeout: { type: 'integer' } },
      },
    },
    Predicate: {
      type: 'object',
      properties: {
        Logical: { enum: ['AND', 'ANY'] },
        Conditions: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              LogicalOperator: { enum: ['EQUALS'] },
              JobName: str,
              State: { enum: ['SUCCEEDED', 'STOPPED', 'FAILED', 'TIMEOUT'] },
              CrawlerName: str,
              CrawlState: { enum: ['SUCCEEDED', 'FAILED', 'CANCELLED'] },
            },
          },
        },
      },
    },
  },
};

const resource = (type: string, properties: object): object => ({
  if: { properties: { Type: { const: type } } },
  then: { properties: { Properties: properties } },
});

export const MANIFEST_SCHEMA = {
  $id: 'https://gluekit.dev/manifest-v1.json',
  type: 'object',
  required: ['version', 'stack', 'template', 'resources', 'buckets', 'pipelines'],
  additionalProperties: false,
  properties: {
    version: { const: '1' },
    stack: { type: 'string' },
    template: { type: 'string' },
    resources: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['Type'],
        properties: { Type: { type: 'string', pattern: '^AWS::Glue::' }, Properties: { type: 'object' } },
        allOf: [
          resource('AWS::Glue::Database', {
            type: 'object',
            required: ['DatabaseInput', 'CatalogId'],
            properties: { CatalogId: str, DatabaseInput: { type: 'object', properties: { Name: str, Description: str } } },
          }),
          resource('AWS::Glue::Crawler', crawlerProperties),
          resource('AWS::Glue::Job', jobProperties),
          resource('AWS::Glue::Trigger', triggerProperties),
          resource('AWS::Glue::Workflow', {
            type: 'object',
            properties: { Name: str, DefaultRunProperties: { type: 'object' }, MaxConcurrentRuns: { type: 'integer' } },
          }),
        ],
      },
    },
    buckets: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['Type'],
        properties: { Type: { const: 'AWS::S3::Bucket' }, Properties: { type: 'object' } },
      },
    },
    pipelines: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['graph', 'script'],
        properties: {
          script: { type: 'string' },
          graph: {
            type: 'object',
            additionalProperties: { type: 'object', minProperties: 1, maxProperties: 1 },
          },
        },
      },
    },
  },
  $defs: {
    intrinsic: {
      type: 'object',
      minProperties: 1,
      maxProperties: 1,
      propertyNames: { enum: ['Ref', 'Fn::Join', 'Fn::Sub', 'Fn::GetAtt', 'Fn::Select', 'Fn::Split', 'Fn::If', 'Fn::ImportValue'] },
    },
  },
} as const;
