import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { validateManifest } from '../../emulator/deploy/load-manifest';
import { MedicareStack } from '../../examples/medicare/stack';

interface Synth {
  dir: string;
  template: string;
  manifest: string;
  script: string;
}

function synth(): Synth {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-synth-'));
  const app = new App({ outdir: dir });
  new MedicareStack(app, 'MedicareStack');
  app.synth();
  const manifest = fs.readFileSync(path.join(dir, 'MedicareStack.gluekit.json'), 'utf8');
  const script = fs.readFileSync(path.join(dir, (JSON.parse(manifest).pipelines[Object.keys(JSON.parse(manifest).pipelines)[0]] as { script: string }).script), 'utf8');
  return { dir, template: fs.readFileSync(path.join(dir, 'MedicareStack.template.json'), 'utf8'), manifest, script };
}

let first: Synth;
let second: Synth;

beforeAll(() => {
  first = synth();
  second = synth();
});

afterAll(() => {
  for (const s of [first, second]) fs.rmSync(s.dir, { recursive: true, force: true });
});

test('template, manifest and script are identical across two synths and match the snapshots', () => {
  expect(second.template).toBe(first.template);
  expect(second.manifest).toBe(first.manifest);
  expect(second.script).toBe(first.script);
  expect(JSON.parse(first.template)).toMatchSnapshot('template');
  expect(JSON.parse(first.manifest)).toMatchSnapshot('manifest');
  expect(first.script).toMatchSnapshot('script');
});

test('the manifest carries every Glue resource as in the template, the bucket and the pipeline graph', () => {
  const template = JSON.parse(first.template) as { Resources: Record<string, { Type: string; Properties: unknown }> };
  const manifest = validateManifest(JSON.parse(first.manifest), 'MedicareStack.gluekit.json');
  const glueIds = Object.keys(template.Resources).filter((id) => template.Resources[id].Type.startsWith('AWS::Glue::')).sort();
  expect(Object.keys(manifest.resources).sort()).toEqual(glueIds);
  for (const id of glueIds) expect(manifest.resources[id].Properties).toEqual(template.Resources[id].Properties);
  expect(Object.values(manifest.resources).map((r) => r.Type).sort()).toEqual([
    'AWS::Glue::Crawler',
    'AWS::Glue::Crawler',
    'AWS::Glue::Database',
    'AWS::Glue::Job',
    'AWS::Glue::Trigger',
    'AWS::Glue::Trigger',
    'AWS::Glue::Trigger',
    'AWS::Glue::Workflow',
  ]);
  expect(Object.values(manifest.buckets).map((b) => b.Type)).toEqual(['AWS::S3::Bucket']);
  const [jobId] = Object.keys(manifest.pipelines);
  expect(manifest.resources[jobId].Type).toBe('AWS::Glue::Job');
  expect(Object.keys(manifest.pipelines[jobId].graph).sort()).toEqual(['curated_sink', 'drop_missing_provider', 'map_columns', 'medicare_source', 'rename_givenname']);
  // The sink path holds the bucket's token: the graph names the job argument carrying it, as the script does,
  // and the job's DefaultArguments hold the intrinsic.
  expect((manifest.pipelines[jobId].graph.curated_sink as { S3GlueParquetTarget: { Path: string } }).S3GlueParquetTarget.Path).toBe('{{args.curated_sink_path}}');
  const args = (manifest.resources[jobId].Properties as { DefaultArguments: Record<string, unknown> }).DefaultArguments;
  expect(JSON.stringify(args['--curated_sink_path'])).toContain('"Ref"');
});

test('cfn-lint reports no error on the template', () => {
  const file = path.join(first.dir, 'MedicareStack.template.json');
  const result = spawnSync('cfn-lint', ['--format', 'json', file], { encoding: 'utf8' });
  // cfn-lint must have run (it is installed on these machines, and .ci/run installs it when missing).
  expect(result.error).toBeUndefined();
  expect(result.status).not.toBeNull();
  const findings = JSON.parse(result.stdout || '[]') as { Level: string; Message: string }[];
  expect(findings.filter((f) => f.Level === 'Error')).toEqual([]);
  // cfn-lint's exit code is a bit mask; 2 means errors.
  expect(result.status! & 2).toBe(0);
});

test('the generated script compiles with python3 and the job runs it from the asset', () => {
  const file = path.join(first.dir, 'check.py');
  fs.writeFileSync(file, first.script);
  expect(() => execFileSync('python3', ['-m', 'py_compile', file], { stdio: 'pipe' })).not.toThrow();
  expect(first.script).toContain('job.commit()');
  expect(first.script).toContain('transformation_ctx="drop_missing_provider"');
});
