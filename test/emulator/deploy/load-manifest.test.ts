import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadManifest, validateManifest } from '../../../emulator/deploy/load-manifest';

const base = () => ({
  version: '1',
  stack: 'S',
  template: 'S.template.json',
  buckets: {},
  pipelines: {},
  resources: {
    Crawler1: {
      Type: 'AWS::Glue::Crawler',
      Properties: { Name: 'c', Role: { 'Fn::GetAtt': ['R', 'Arn'] }, DatabaseName: 'db', Targets: { S3Targets: [{ Path: 's3://b/raw/' }] } },
    },
  },
});

test('a valid manifest passes', () => {
  expect(validateManifest(base(), 'S.gluekit.json').stack).toBe('S');
});

test('a field of the wrong type names its path', () => {
  const m = base() as { resources: { Crawler1: { Properties: Record<string, unknown> } } };
  m.resources.Crawler1.Properties.Targets = 'oops';
  expect(() => validateManifest(m, 'S.gluekit.json')).toThrow('invalid gluekit manifest S.gluekit.json at /resources/Crawler1/Properties/Targets: must be object');
  const m2 = base() as { resources: { Crawler1: { Properties: Record<string, unknown> } } };
  m2.resources.Crawler1.Properties.DatabaseName = 42;
  expect(() => validateManifest(m2, 'S.gluekit.json')).toThrow('invalid gluekit manifest S.gluekit.json at /resources/Crawler1/Properties/DatabaseName: must be a string or a CloudFormation intrinsic');
  const m3 = base() as Record<string, unknown>;
  m3.version = 2;
  expect(() => validateManifest(m3, 'S.gluekit.json')).toThrow('invalid gluekit manifest S.gluekit.json at /version: must be equal to constant');
});

test('a file that is not JSON says so', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-manifest-'));
  const file = path.join(dir, 'S.gluekit.json');
  fs.writeFileSync(file, '{"version": "1",');
  expect(() => loadManifest(file)).toThrow(`gluekit manifest ${file} is not valid JSON`);
  fs.rmSync(dir, { recursive: true });
});
