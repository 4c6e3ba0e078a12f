import { IntrinsicResolver } from '../../../emulator/deploy/intrinsics';

const resolver = new IntrinsicResolver({
  account: '000000000000',
  region: 'us-east-1',
  partition: 'aws',
  stackName: 'S',
  resources: {
    DataLakeAB12: { Type: 'AWS::S3::Bucket' },
    Named: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'my-bucket' } },
    Db: { Type: 'AWS::Glue::Database', Properties: { DatabaseInput: { Name: 'datalake' } } },
    Job: { Type: 'AWS::Glue::Job', Properties: { Name: 'clean' } },
    Role1: { Type: 'AWS::IAM::Role' },
  },
});

test('Ref gives local physical names', () => {
  expect(resolver.resolve({ Ref: 'DataLakeAB12' }, '/x')).toBe('datalakeab12');
  expect(resolver.resolve({ Ref: 'Named' }, '/x')).toBe('my-bucket');
  expect(resolver.resolve({ Ref: 'Db' }, '/x')).toBe('datalake');
  expect(resolver.resolve({ Ref: 'Job' }, '/x')).toBe('clean');
  expect(resolver.resolve({ Ref: 'AWS::Region' }, '/x')).toBe('us-east-1');
});

test('Fn::Join, Fn::Sub, Fn::GetAtt, Fn::Select and Fn::Split', () => {
  expect(resolver.resolve({ 'Fn::Join': ['', ['s3://', { Ref: 'DataLakeAB12' }, '/raw/']] }, '/x')).toBe('s3://datalakeab12/raw/');
  expect(resolver.resolve({ 'Fn::Sub': 'cdk-assets-${AWS::AccountId}-${AWS::Region}/${Named}' }, '/x')).toBe('cdk-assets-000000000000-us-east-1/my-bucket');
  expect(resolver.resolve({ 'Fn::Sub': ['${A}-${Named.Arn}', { A: 'a' }] }, '/x')).toBe('a-arn:aws:s3:::my-bucket');
  expect(resolver.resolve({ 'Fn::GetAtt': ['Role1', 'Arn'] }, '/x')).toBe('arn:aws:iam::000000000000:role/Role1');
  expect(resolver.resolve({ 'Fn::Select': [1, { 'Fn::Split': ['/', 'a/b/c'] }] }, '/x')).toBe('b');
  expect(resolver.resolve({ nested: [{ Ref: 'Job' }, 3] }, '/x')).toEqual({ nested: ['clean', 3] });
});

test('unknown references and functions name the manifest path', () => {
  expect(() => resolver.resolve({ a: { Ref: 'Nope' } }, '/resources/J/Properties')).toThrow("/resources/J/Properties/a/Ref: Ref to 'Nope', which is not a resource of the stack");
  expect(() => resolver.resolve({ 'Fn::If': ['c', 1, 2] }, '/p')).toThrow('/p/Fn::If: Fn::If is not supported by the local environment');
});
