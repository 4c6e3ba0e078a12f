import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { and, col, or } from '../../../lib/pipeline/filter-expression';
import type { PipelineGraph } from '../../../lib/pipeline/graph';
import { Pipeline } from '../../../lib/pipeline/pipeline';
import { generatePySparkScript } from '../../../lib/pipeline/pyspark';
import { readGraphFromScript } from '../../../lib/pipeline/graph-block';

// ---------------------------------------------------------------------------------------------------------------------
// Helpers: python3 on the generated script, against stand-ins for awsglue and pyspark.
// ---------------------------------------------------------------------------------------------------------------------

let workDir: string;
let stubDir: string;

/**
 * Stand-ins for the awsglue API of GLUE-REFERENCE section 8, with its exact parameter names and no `**kwargs`, so a call
 * outside that API (or with a keyword it does not have) fails. Each call is recorded as JSON; a filter function is
 * recorded as its results over GLUEKIT_TEST_ROWS (KeyError/ValueError/TypeError counting as false, as in Glue).
 */
const STUBS: Record<string, string> = {
  'pyspark/__init__.py': '',
  'pyspark/context.py': 'class SparkContext:\n    pass\n',
  'awsglue/__init__.py': '',
  'awsglue/_log.py': `
import json, os
CALLS = []
ROWS = json.loads(os.environ.get("GLUEKIT_TEST_ROWS", "[]"))

class Frame:
    def __init__(self, ctx):
        self.ctx = ctx

    def repartition(self, num_partitions, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0):
        assert isinstance(num_partitions, int), "bad num_partitions %r" % (num_partitions,)
        return record("repartition", dict(frame=self, num_partitions=num_partitions, transformation_ctx=transformation_ctx))

    def coalesce(self, num_partitions, shuffle=False, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0):
        assert isinstance(num_partitions, int), "bad num_partitions %r" % (num_partitions,)
        return record("coalesce", dict(frame=self, num_partitions=num_partitions, transformation_ctx=transformation_ctx))

    def mergeDynamicFrame(self, stage_dynamic_frame, primary_keys, transformation_ctx="", options={}, info="", stageThreshold=0, totalThreshold=0):
        assert isinstance(stage_dynamic_frame, Frame), "mergeDynamicFrame: stage_dynamic_frame is not a DynamicFrame"
        assert isinstance(primary_keys, list) and all(isinstance(k, str) for k in primary_keys), "bad primary_keys %r" % (primary_keys,)
        return record("mergeDynamicFrame", dict(frame=self, stage_dynamic_frame=stage_dynamic_frame, primary_keys=primary_keys, transformation_ctx=transformation_ctx))

def enc(v):
    if isinstance(v, Frame):
        return {"frame": v.ctx}
    if callable(v):
        out = []
        for r in ROWS:
            try:
                out.append(bool(v(r)))
            except (KeyError, ValueError, TypeError):
                out.append(False)
        return {"f": out}
    if isinstance(v, tuple):
        return {"tuple": [enc(x) for x in v]}
    if isinstance(v, list):
        return [enc(x) for x in v]
    if isinstance(v, dict):
        return {k: enc(x) for k, x in v.items()}
    return v

def record(name, kwargs):
    assert isinstance(kwargs.get("transformation_ctx"), str) and kwargs["transformation_ctx"], name + " without transformation_ctx"
    CALLS.append({"call": name, "kwargs": enc(kwargs)})
    return Frame(kwargs["transformation_ctx"])

def frame_of(v, name):
    assert isinstance(v, Frame), name + ": frame is not a DynamicFrame"
    return v

def dump():
    with open(os.environ["GLUEKIT_TEST_LOG"], "w") as f:
        json.dump(CALLS, f)
`,
  'awsglue/utils.py': `
def getResolvedOptions(args, options):
    assert isinstance(options, list)
    found = {}
    for i, a in enumerate(args):
        if a.startswith("--") and i + 1 < len(args):
            found[a[2:]] = args[i + 1]
    missing = [o for o in options if o not in found]
    if missing:
        raise SystemExit("the following arguments are required: " + ", ".join("--" + m for m in missing))
    return {o: found[o] for o in options}
`,
  'awsglue/context.py': `
from awsglue._log import record, frame_of

class _Create:
    def from_catalog(self, database=None, table_name=None, redshift_tmp_dir="", transformation_ctx="", push_down_predicate="", additional_options={}, catalog_id=None):
        return record("create_dynamic_frame.from_catalog", dict(database=database, table_name=table_name, transformation_ctx=transformation_ctx, push_down_predicate=push_down_predicate, additional_options=additional_options))

    def from_options(self, connection_type, connection_options={}, format=None, format_options={}, transformation_ctx="", push_down_predicate=""):
        return record("create_dynamic_frame.from_options", dict(connection_type=connection_type, connection_options=connection_options, format=format, format_options=format_options, transformation_ctx=transformation_ctx))

class _Write:
    def from_options(self, frame, connection_type, connection_options={}, format=None, format_options={}, transformation_ctx=""):
        frame_of(frame, "write_dynamic_frame.from_options")
        return record("write_dynamic_frame.from_options", dict(frame=frame, connection_type=connection_type, connection_options=connection_options, format=format, format_options=format_options, transformation_ctx=transformation_ctx))

    def from_catalog(self, frame, database=None, table_name=None, redshift_tmp_dir="", transformation_ctx="", additional_options={}, catalog_id=None):
        frame_of(frame, "write_dynamic_frame.from_catalog")
        return record("write_dynamic_frame.from_catalog", dict(frame=frame, database=database, table_name=table_name, transformation_ctx=transformation_ctx, additional_options=additional_options))

class GlueContext:
    def __init__(self, sparkContext):
        self.spark_session = object()
        self.create_dynamic_frame = _Create()
        self.write_dynamic_frame = _Write()
`,
  'awsglue/transforms.py': `
from awsglue._log import record, frame_of

__all__ = ["ApplyMapping", "RenameField", "SelectFields", "DropFields", "Filter", "ResolveChoice", "Relationalize", "SelectFromCollection", "UnnestFrame", "SplitFields", "Spigot", "SplitRows"]

class ApplyMapping:
    @classmethod
    def apply(cls, frame, mappings, case_sensitive=False, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0):
        frame_of(frame, "ApplyMapping")
        for m in mappings:
            assert isinstance(m, tuple) and len(m) == 4 and all(isinstance(x, str) for x in m), "bad mapping %r" % (m,)
        return record("ApplyMapping", dict(frame=frame, mappings=mappings, transformation_ctx=transformation_ctx))

class RenameField:
    @classmethod
    def apply(cls, frame, old_name, new_name, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0):
        frame_of(frame, "RenameField")
        return record("RenameField", dict(frame=frame, old_name=old_name, new_name=new_name, transformation_ctx=transformation_ctx))

class SelectFields:
    @classmethod
    def apply(cls, frame, paths, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0):
        frame_of(frame, "SelectFields")
        return record("SelectFields", dict(frame=frame, paths=paths, transformation_ctx=transformation_ctx))

class DropFields:
    @classmethod
    def apply(cls, frame, paths, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0):
        frame_of(frame, "DropFields")
        return record("DropFields", dict(frame=frame, paths=paths, transformation_ctx=transformation_ctx))

class Filter:
    @classmethod
    def apply(cls, frame, f, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0):
        frame_of(frame, "Filter")
        return record("Filter", dict(frame=frame, f=f, transformation_ctx=transformation_ctx))

class ResolveChoice:
    @classmethod
    def apply(cls, frame, specs=None, choice="", database=None, table_name=None, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0, catalog_id=None):
        frame_of(frame, "ResolveChoice")
        assert (specs is None) != (choice == ""), "give specs or choice"
        if specs is not None:
            for spec in specs:
                assert isinstance(spec, tuple) and len(spec) == 2 and all(isinstance(x, str) for x in spec), "bad spec %r" % (spec,)
        return record("ResolveChoice", dict(frame=frame, specs=specs, choice=choice, database=database, table_name=table_name, transformation_ctx=transformation_ctx))

class Collection:
    def __init__(self, ctx, names=()):
        self.ctx = ctx
        self.names = list(names)

    def keys(self):
        return self.names

class SplitFields:
    @classmethod
    def apply(cls, frame, paths, name1=None, name2=None, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0):
        frame_of(frame, "SplitFields")
        assert isinstance(paths, list) and all(isinstance(x, str) for x in paths), "bad paths %r" % (paths,)
        record("SplitFields", dict(frame=frame, paths=paths, name1=name1, name2=name2, transformation_ctx=transformation_ctx))
        return Collection(transformation_ctx, [name1, name2])

class Relationalize:
    @classmethod
    def apply(cls, frame, staging_path=None, name="roottable", options=None, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0):
        frame_of(frame, "Relationalize")
        assert isinstance(staging_path, str) and isinstance(name, str), "bad staging_path or name"
        record("Relationalize", dict(frame=frame, staging_path=staging_path, name=name, transformation_ctx=transformation_ctx))
        return Collection(transformation_ctx)

class Spigot:
    @classmethod
    def apply(cls, frame, path, options, transformation_ctx=""):
        frame_of(frame, "Spigot")
        assert isinstance(options, dict), "bad options %r" % (options,)
        return record("Spigot", dict(frame=frame, path=path, options=options, transformation_ctx=transformation_ctx))

class SplitRows:
    @classmethod
    def apply(cls, frame, comparison_dict, name1="frame1", name2="frame2", transformation_ctx="", info="", stageThreshold=0, totalThreshold=0):
        frame_of(frame, "SplitRows")
        assert isinstance(comparison_dict, dict), "bad comparison_dict %r" % (comparison_dict,)
        record("SplitRows", dict(frame=frame, comparison_dict=comparison_dict, name1=name1, name2=name2, transformation_ctx=transformation_ctx))
        return Collection(transformation_ctx, [name1, name2])

class UnnestFrame:
    @classmethod
    def apply(cls, frame, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0):
        frame_of(frame, "UnnestFrame")
        return record("UnnestFrame", dict(frame=frame, transformation_ctx=transformation_ctx))

class SelectFromCollection:
    @classmethod
    def apply(cls, dfc, key, transformation_ctx=""):
        assert isinstance(dfc, Collection), "SelectFromCollection: dfc is not a DynamicFrameCollection"
        return record("SelectFromCollection", dict(dfc={"collection": dfc.ctx}, key=key, transformation_ctx=transformation_ctx))
`,
  'awsglue/job.py': `
from awsglue._log import CALLS, dump

class Job:
    def __init__(self, glue_context):
        self.glue_context = glue_context

    def init(self, job_name, args={}):
        CALLS.append({"call": "job.init", "kwargs": {"job_name": job_name, "args": args}})

    def commit(self):
        CALLS.append({"call": "job.commit", "kwargs": {}})
        dump()
`,
};

interface Call {
  call: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  kwargs: Record<string, any>;
}

function writeScript(script: string): string {
  const file = path.join(workDir, `script-${fs.readdirSync(workDir).length}.py`);
  fs.writeFileSync(file, script);
  return file;
}

function pyCompile(script: string): void {
  execFileSync('python3', ['-m', 'py_compile', writeScript(script)], { stdio: 'pipe' });
}

/** Runs the script with python3 against the stand-ins and returns the awsglue calls it made. */
function runScript(script: string, jobArgs: Record<string, string> = {}, rows: unknown[] = []): Call[] {
  const file = writeScript(script);
  const log = `${file}.log.json`;
  const argv = Object.entries({ JOB_NAME: 'test-job', ...jobArgs }).flatMap(([k, v]) => [`--${k}`, v]);
  try {
    execFileSync('python3', [file, ...argv], {
      stdio: 'pipe',
      env: { ...process.env, PYTHONPATH: stubDir, PYTHONDONTWRITEBYTECODE: '1', GLUEKIT_TEST_LOG: log, GLUEKIT_TEST_ROWS: JSON.stringify(rows) },
    });
  } catch (e) {
    const err = e as { stderr?: Buffer };
    throw new Error(`python3 failed on the generated script:\n${err.stderr?.toString() ?? String(e)}\n--- script ---\n${script}`);
  }
  return JSON.parse(fs.readFileSync(log, 'utf8')) as Call[];
}

function callOf(calls: Call[], ctx: string): Call {
  const found = calls.find((c) => c.kwargs.transformation_ctx === ctx);
  if (!found) throw new Error(`no call with transformation_ctx ${ctx}: ${JSON.stringify(calls)}`);
  return found;
}

function codeLines(script: string): string[] {
  return script.split('\n').filter((l) => !l.startsWith('#'));
}

/** The line assigning the node's variable. */
function lineOf(script: string, variable: string): string {
  const line = codeLines(script).find((l) => l.startsWith(`${variable} = `));
  if (!line) throw new Error(`no statement for ${variable}`);
  return line;
}

const ALLOWED_GLUE_CONTEXT = new Set([
  'spark_session',
  'create_dynamic_frame.from_catalog',
  'create_dynamic_frame.from_options',
  'write_dynamic_frame.from_options',
  'write_dynamic_frame.from_catalog',
]);
/** GLUE-REFERENCE section 8's transform classes, less Union (broken in the library). */
const ALLOWED_APPLY = new Set([
  'ApplyMapping', 'RenameField', 'DropFields', 'SelectFields', 'DropNullFields', 'Filter', 'Map', 'Join', 'SplitFields',
  'SplitRows', 'Relationalize', 'ResolveChoice', 'Unbox', 'UnnestFrame', 'Spigot', 'SelectFromCollection', 'ErrorsAsDynamicFrame',
  'FillMissingValues',
]);

function expectOnlyAllowedGlueCalls(script: string): void {
  const code = codeLines(script).join('\n');
  const contextUses = [...code.matchAll(/glueContext\.([A-Za-z_]+(?:\.[A-Za-z_]+)?)/g)].map((m) => m[1]);
  const applies = [...code.matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)\.apply\(/g)].map((m) => m[1]);
  expect(contextUses.length).toBeGreaterThan(0);
  for (const use of contextUses) expect(ALLOWED_GLUE_CONTEXT).toContain(use);
  for (const cls of applies) expect(ALLOWED_APPLY).toContain(cls);
}

function expectEveryNodeHasCtx(graph: PipelineGraph, script: string): void {
  for (const id of Object.keys(graph)) expect(script).toContain(`transformation_ctx="${id}")`);
}

// ---------------------------------------------------------------------------------------------------------------------
// Graphs
// ---------------------------------------------------------------------------------------------------------------------

/** The medicare job: catalog -> rename -> mapping (amounts cast to double) -> filter -> parquet partitioned by state. */
function medicareGraph(): PipelineGraph {
  const p = new Pipeline();
  p.fromCatalog({ database: 'datalake', table: 'medicare' })
    .renameField('givenname', 'name')
    .applyMapping([
      { from: 'provider id', fromType: 'long', to: 'provider id', toType: 'long' },
      { from: 'name', fromType: 'string', to: 'name', toType: 'string' },
      { from: 'provider city', fromType: 'string', to: 'city', toType: 'string' },
      { from: 'provider state', fromType: 'string', to: 'state', toType: 'string' },
      { from: 'total discharges', fromType: 'long', to: 'total discharges', toType: 'long' },
      { from: 'average covered charges', fromType: 'string', to: 'average covered charges', toType: 'double' },
      { from: 'average total payments', fromType: 'string', to: 'average total payments', toType: 'double' },
      { from: 'average medicare payments', fromType: 'string', to: 'average medicare payments', toType: 'double' },
    ])
    .filter(col('provider id').isNotNull())
    .writeToS3({ path: 's3://curated-bucket/medicare/', format: 'parquet', compression: 'snappy', partitionKeys: ['state'] });
  return p.graph;
}

/** CSV (tab, header) -> select -> drop -> csv gzip; JSON -> json; parquet -> catalog with partition keys. */
function s3Graph(): PipelineGraph {
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://raw/a/', 's3://raw/b/'], format: 'csv', withHeader: true, separator: 'tab', transformationCtx: 'raw_csv' })
    .selectFields(['id', 'name', 'address.state'], { transformationCtx: 'keep' })
    .dropFields(['address.zip'], { transformationCtx: 'drop_zip' })
    .writeToS3({ path: 's3://out/csv/', format: 'csv', compression: 'gzip', partitionKeys: ['year', 'month'], transformationCtx: 'csv_sink' });
  p.fromS3({ paths: ['s3://raw/events/'], format: 'json', recurse: false, transformationCtx: 'events' })
    .writeToS3({ path: 's3://out/json/', format: 'json', transformationCtx: 'json_sink' });
  p.fromS3({ paths: ['s3://raw/pq/'], format: 'parquet', transformationCtx: 'pq' })
    .writeToCatalog({ database: 'curated', table: 'pq_copy', partitionKeys: ['year'], transformationCtx: 'catalog_sink' });
  p.fromCatalog({ database: 'datalake', table: 'sales', pushDownPredicate: "year == '2024'", transformationCtx: 'sales' })
    .writeToCatalog({ database: 'curated', table: 'sales_copy', transformationCtx: 'sales_sink' });
  return p.graph;
}

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-pyspark-'));
  stubDir = path.join(workDir, 'stubs');
  for (const [file, text] of Object.entries(STUBS)) {
    fs.mkdirSync(path.dirname(path.join(stubDir, file)), { recursive: true });
    fs.writeFileSync(path.join(stubDir, file), text);
  }
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------------------------------
// The medicare script
// ---------------------------------------------------------------------------------------------------------------------

describe('the medicare job', () => {
  const graph = medicareGraph();
  const script = generatePySparkScript(graph);

  test('has the Glue header, one statement per node in topological order, and job.commit()', () => {
    const code = codeLines(script).filter((l) => l !== '');
    expect(code.slice(0, 6)).toEqual([
      'import sys',
      'from awsglue.transforms import *',
      'from awsglue.utils import getResolvedOptions',
      'from pyspark.context import SparkContext',
      'from awsglue.context import GlueContext',
      'from awsglue.job import Job',
    ]);
    expect(code.slice(6, 12)).toEqual([
      'args = getResolvedOptions(sys.argv, ["JOB_NAME"])',
      'sc = SparkContext()',
      'glueContext = GlueContext(sc)',
      'spark = glueContext.spark_session',
      'job = Job(glueContext)',
      'job.init(args["JOB_NAME"], args)',
    ]);
    expect(code.slice(12, -1).map((l) => l.split(' = ')[0])).toEqual([
      'CatalogSource_1',
      'RenameField_1',
      'ApplyMapping_1',
      'Filter_1',
      'S3GlueParquetTarget_1',
    ]);
    expect(code[code.length - 1]).toBe('job.commit()');
    expect(script.endsWith('job.commit()\n')).toBe(true);
    expect(script).not.toContain('import re');
  });

  test('prints each step as its awsglue call', () => {
    expect(lineOf(script, 'CatalogSource_1')).toBe(
      'CatalogSource_1 = glueContext.create_dynamic_frame.from_catalog(database="datalake", table_name="medicare", transformation_ctx="CatalogSource_1")',
    );
    expect(lineOf(script, 'RenameField_1')).toBe(
      'RenameField_1 = RenameField.apply(frame=CatalogSource_1, old_name="givenname", new_name="name", transformation_ctx="RenameField_1")',
    );
    expect(lineOf(script, 'ApplyMapping_1')).toBe(
      'ApplyMapping_1 = ApplyMapping.apply(frame=RenameField_1, mappings=[' +
        '("provider id", "long", "provider id", "long"), ("name", "string", "name", "string"), ' +
        '("provider city", "string", "city", "string"), ("provider state", "string", "state", "string"), ' +
        '("total discharges", "long", "total discharges", "long"), ' +
        '("average covered charges", "string", "average covered charges", "double"), ' +
        '("average total payments", "string", "average total payments", "double"), ' +
        '("average medicare payments", "string", "average medicare payments", "double")], transformation_ctx="ApplyMapping_1")',
    );
    expect(lineOf(script, 'Filter_1')).toBe(
      'Filter_1 = Filter.apply(frame=ApplyMapping_1, f=lambda row: (not (row["provider id"] is None)), transformation_ctx="Filter_1")',
    );
    expect(lineOf(script, 'S3GlueParquetTarget_1')).toBe(
      'S3GlueParquetTarget_1 = glueContext.write_dynamic_frame.from_options(frame=Filter_1, connection_type="s3", ' +
        'connection_options={"path": "s3://curated-bucket/medicare/", "partitionKeys": ["state"]}, format="glueparquet", ' +
        'format_options={"compression": "snappy"}, transformation_ctx="S3GlueParquetTarget_1")',
    );
  });

  test('matches the snapshot', () => {
    expect(script).toMatchSnapshot();
  });

  test('is deterministic', () => {
    expect(generatePySparkScript(medicareGraph())).toBe(script);
  });

  test('gives every node its id as transformation_ctx and calls only the allowed awsglue API', () => {
    expectEveryNodeHasCtx(graph, script);
    expectOnlyAllowedGlueCalls(script);
  });

  test('carries its graph in a comment block of lines of at most 100 characters', () => {
    const lines = script.split('\n');
    const begin = lines.indexOf('# gluekit-graph-begin');
    const end = lines.indexOf('# gluekit-graph-end');
    expect(begin).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(begin + 1);
    for (const line of lines.slice(begin + 1, end)) {
      expect(line.startsWith('# ')).toBe(true);
      expect(line.length).toBeLessThanOrEqual(100);
      expect(line.endsWith(' ')).toBe(false);
    }
    // canonical JSON: keys sorted, no whitespace outside strings
    const json = lines.slice(begin + 1, end).map((l) => l.slice(2)).join('');
    expect(json.startsWith('{"ApplyMapping_1":{"ApplyMapping":{"Inputs":["RenameField_1"],"Mapping":[{"Dropped":false,')).toBe(true);
    expect(readGraphFromScript(script)).toEqual(graph);
  });

  test('compiles with python3 and runs against the awsglue API', () => {
    pyCompile(script);
    const rows = [{ 'provider id': 1 }, { 'provider id': null }, { name: 'no id' }];
    const calls = runScript(script, {}, rows);
    expect(calls.map((c) => c.call)).toEqual([
      'job.init',
      'create_dynamic_frame.from_catalog',
      'RenameField',
      'ApplyMapping',
      'Filter',
      'write_dynamic_frame.from_options',
      'job.commit',
    ]);
    expect(calls[0].kwargs).toEqual({ job_name: 'test-job', args: { JOB_NAME: 'test-job' } });
    // a missing column raises KeyError, which Glue's Filter counts as false
    expect(callOf(calls, 'Filter_1').kwargs).toEqual({ frame: { frame: 'ApplyMapping_1' }, f: { f: [true, false, false] }, transformation_ctx: 'Filter_1' });
    expect(callOf(calls, 'S3GlueParquetTarget_1').kwargs).toEqual({
      frame: { frame: 'Filter_1' },
      connection_type: 's3',
      connection_options: { path: 's3://curated-bucket/medicare/', partitionKeys: ['state'] },
      format: 'glueparquet',
      format_options: { compression: 'snappy' },
      transformation_ctx: 'S3GlueParquetTarget_1',
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// Sources and sinks
// ---------------------------------------------------------------------------------------------------------------------

describe('S3 and catalog sources and sinks', () => {
  const graph = s3Graph();
  const script = generatePySparkScript(graph);

  test('prints S3 sources with their format options', () => {
    expect(lineOf(script, 'raw_csv')).toBe(
      'raw_csv = glueContext.create_dynamic_frame.from_options(connection_type="s3", ' +
        'connection_options={"paths": ["s3://raw/a/", "s3://raw/b/"], "recurse": True}, format="csv", ' +
        'format_options={"withHeader": True, "separator": "\\t", "quoteChar": "\\""}, transformation_ctx="raw_csv")',
    );
    expect(lineOf(script, 'events')).toBe(
      'events = glueContext.create_dynamic_frame.from_options(connection_type="s3", ' +
        'connection_options={"paths": ["s3://raw/events/"], "recurse": False}, format="json", transformation_ctx="events")',
    );
    expect(lineOf(script, 'pq')).toBe(
      'pq = glueContext.create_dynamic_frame.from_options(connection_type="s3", ' +
        'connection_options={"paths": ["s3://raw/pq/"], "recurse": True}, format="parquet", transformation_ctx="pq")',
    );
    expect(lineOf(script, 'sales')).toBe(
      'sales = glueContext.create_dynamic_frame.from_catalog(database="datalake", table_name="sales", ' +
        'push_down_predicate="year == \'2024\'", transformation_ctx="sales")',
    );
  });

  test('prints field selections and sinks', () => {
    expect(lineOf(script, 'keep')).toBe('keep = SelectFields.apply(frame=raw_csv, paths=["id", "name", "address.state"], transformation_ctx="keep")');
    expect(lineOf(script, 'drop_zip')).toBe('drop_zip = DropFields.apply(frame=keep, paths=["address.zip"], transformation_ctx="drop_zip")');
    expect(lineOf(script, 'csv_sink')).toBe(
      'csv_sink = glueContext.write_dynamic_frame.from_options(frame=drop_zip, connection_type="s3", ' +
        'connection_options={"path": "s3://out/csv/", "compression": "gzip", "partitionKeys": ["year", "month"]}, format="csv", ' +
        'transformation_ctx="csv_sink")',
    );
    expect(lineOf(script, 'json_sink')).toBe(
      'json_sink = glueContext.write_dynamic_frame.from_options(frame=events, connection_type="s3", ' +
        'connection_options={"path": "s3://out/json/", "partitionKeys": []}, format="json", transformation_ctx="json_sink")',
    );
    expect(lineOf(script, 'catalog_sink')).toBe(
      'catalog_sink = glueContext.write_dynamic_frame.from_catalog(frame=pq, database="curated", table_name="pq_copy", ' +
        'additional_options={"partitionKeys": ["year"]}, transformation_ctx="catalog_sink")',
    );
    expect(lineOf(script, 'sales_sink')).toBe(
      'sales_sink = glueContext.write_dynamic_frame.from_catalog(frame=sales, database="curated", table_name="sales_copy", ' +
        'transformation_ctx="sales_sink")',
    );
  });

  test('orders statements so every node follows its input, ties by id', () => {
    const order = codeLines(script)
      .filter((l) => / = (glueContext\.(create|write)|[A-Za-z]+\.apply)/.test(l))
      .map((l) => l.split(' = ')[0]);
    expect(order).toEqual(['pq', 'catalog_sink', 'raw_csv', 'keep', 'drop_zip', 'csv_sink', 'events', 'json_sink', 'sales', 'sales_sink']);
  });

  test('maps every Studio separator and quote character', () => {
    const cases: [string, string, string, string][] = [
      ['comma', 'quote', '","', '"\\""'],
      ['tab', 'single_quote', '"\\t"', '"\'"'],
      ['pipe', 'disabled', '"|"', '-1'],
      ['semicolon', 'quote', '";"', '"\\""'],
      ['ctrla', 'quote', '"\\u0001"', '"\\""'],
    ];
    for (const [separator, quote, sepPy, quotePy] of cases) {
      const g: PipelineGraph = {
        src: { S3CsvSource: { Name: 'src', Paths: ['s3://b/p/'], Separator: separator as 'comma', QuoteChar: quote as 'quote', WithHeader: false } },
      };
      const s = generatePySparkScript(g);
      expect(lineOf(s, 'src')).toContain(`format_options={"withHeader": False, "separator": ${sepPy}, "quoteChar": ${quotePy}}`);
      const [call] = runScript(s).filter((c) => c.call === 'create_dynamic_frame.from_options');
      expect(call.kwargs.format_options).toEqual({
        withHeader: false,
        separator: { comma: ',', tab: '\t', pipe: '|', semicolon: ';', ctrla: '\u0001' }[separator],
        quoteChar: { quote: '"', single_quote: "'", disabled: -1 }[quote],
      });
    }
  });

  test("OptimizePerformance true is printed as the csv format's optimizePerformance option; false as nothing (the default)", () => {
    const at = (optimize: boolean): string =>
      lineOf(generatePySparkScript({ src: { S3CsvSource: { Name: 'src', Paths: ['s3://b/p/'], Separator: 'comma', QuoteChar: 'quote', WithHeader: true, OptimizePerformance: optimize } } }), 'src');
    expect(at(true)).toContain('format_options={"withHeader": True, "separator": ",", "quoteChar": "\\"", "optimizePerformance": True}');
    expect(at(false)).toContain('format_options={"withHeader": True, "separator": ",", "quoteChar": "\\""}');
  });

  test('every node has its transformation_ctx; the script compiles, runs and round-trips', () => {
    expectEveryNodeHasCtx(graph, script);
    expectOnlyAllowedGlueCalls(script);
    pyCompile(script);
    const calls = runScript(script);
    expect(calls.filter((c) => c.kwargs.transformation_ctx).map((c) => c.kwargs.transformation_ctx).sort()).toEqual(Object.keys(graph).sort());
    expect(callOf(calls, 'raw_csv').kwargs.format_options).toEqual({ withHeader: true, separator: '\t', quoteChar: '"' });
    expect(readGraphFromScript(script)).toEqual(graph);
  });

  test('refuses what the allowed awsglue calls cannot express', () => {
    const g = s3Graph();
    g.json_sink = { S3DirectTarget: { ...g.json_sink.S3DirectTarget!, Format: 'avro' } };
    expect(() => generatePySparkScript(g)).toThrow("pipeline node 'json_sink' (S3DirectTarget): Format 'avro' is not one of csv, json, parquet");
    const h = s3Graph();
    h.csv_sink = { S3DirectTarget: { ...h.csv_sink.S3DirectTarget!, SchemaChangePolicy: { EnableUpdateCatalog: true } } };
    expect(() => generatePySparkScript(h)).toThrow(/node 'csv_sink' \(S3DirectTarget\): SchemaChangePolicy.EnableUpdateCatalog/);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// Filters
// ---------------------------------------------------------------------------------------------------------------------

describe('filters', () => {
  function filterScript(where: Parameters<ReturnType<Pipeline['fromCatalog']>['filter']>[0]): string {
    const p = new Pipeline();
    p.fromCatalog({ database: 'db', table: 't', transformationCtx: 'src' }).filter(where, { transformationCtx: 'keep' });
    return generatePySparkScript(p.graph);
  }
  function lambdaOf(script: string): string {
    const m = /f=lambda row: \((.*)\), transformation_ctx="keep"\)$/.exec(lineOf(script, 'keep'));
    if (!m) throw new Error(`no lambda in ${lineOf(script, 'keep')}`);
    return m[1];
  }
  function results(script: string, rows: unknown[]): boolean[] {
    return callOf(runScript(script, {}, rows), 'keep').kwargs.f.f as boolean[];
  }

  test('compares with number literals when the constant is a number, string literals otherwise', () => {
    expect(lambdaOf(filterScript(col('age').gte(18)))).toBe('row["age"] >= 18');
    expect(lambdaOf(filterScript(col('price').lt(-2.5)))).toBe('row["price"] < -2.5');
    expect(lambdaOf(filterScript(col('big').gt(1e21)))).toBe('row["big"] > 1e+21');
    expect(lambdaOf(filterScript(col('zip').eq('02134')))).toBe('row["zip"] == "02134"');
    expect(lambdaOf(filterScript(col('state').eq('NY')))).toBe('row["state"] == "NY"');
    expect(lambdaOf(filterScript(col('state').ne('NY')))).toBe('not (row["state"] == "NY")');
    expect(lambdaOf(filterScript(col('flag').eq(true)))).toBe('row["flag"] == "true"');
  });

  test('compares two columns, follows nested paths and quotes a dotted name in backticks', () => {
    expect(lambdaOf(filterScript(col('paid').lte(col('billed'))))).toBe('row["paid"] <= row["billed"]');
    expect(lambdaOf(filterScript(col('address.state').eq('NY')))).toBe('row["address"]["state"] == "NY"');
    expect(lambdaOf(filterScript(col('`a.b`.c').isNull()))).toBe('row["a.b"]["c"] is None');
  });

  test('joins conditions with and / or, negates with not (...), and imports re for a regex', () => {
    const s = filterScript(or(col('name').matches('^Dr\\.? '), and(col('age').gt(65), col('x').isNull()).conditions[0]));
    expect(lambdaOf(s)).toBe('bool(re.match("^Dr\\\\.? ", str(row["name"]))) or row["age"] > 65');
    expect(s).toContain('\nimport re\n');
    const t = filterScript(and(col('a').isNotNull(), col('b').matches('x').not(), col('c').eq(1)));
    expect(lambdaOf(t)).toBe('not (row["a"] is None) and not (bool(re.match("x", str(row["b"])))) and row["c"] == 1');
  });

  test('the compiled lambdas keep the right records when python runs them', () => {
    const rows = [
      { name: 'Dr. Who', age: 70, address: { state: 'NY' }, a: 1, b: 'y', c: 1, zip: '02134' },
      { name: 'Mr Smith', age: 30, address: { state: 'CA' }, a: null, b: 'xx', c: 2, zip: '2134' },
      { name: 'Dr House', age: null, address: { state: 'NY' }, a: 3, b: 'zx', c: 1 },
    ];
    expect(results(filterScript(or(col('name').matches('^Dr\\.? '), col('age').gt(65))), rows)).toEqual([true, false, true]);
    expect(results(filterScript(and(col('a').isNotNull(), col('b').matches('x').not(), col('c').eq(1))), rows)).toEqual([true, false, true]);
    expect(results(filterScript(col('address.state').eq('NY')), rows)).toEqual([true, false, true]);
    // None > 65 raises TypeError in Python: counted as false, negated or not
    expect(results(filterScript(col('age').gt(65).not()), rows)).toEqual([false, true, false]);
    expect(results(filterScript(col('zip').eq('02134')), rows)).toEqual([true, false, false]);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// Strings and job arguments
// ---------------------------------------------------------------------------------------------------------------------

describe('strings and job arguments', () => {
  const TRICKY = [
    'quote " and \'single\'',
    'back\\slash \\n not a newline',
    'line\nbreak\r\ttab',
    'unicode é ü 北京 😀 \u2028 \u0000 \u007f',
    '# gluekit-graph-end',
    "year == '\"\"\"triple\"\"\"'",
  ];

  function trickyGraph(): PipelineGraph {
    const p = new Pipeline();
    p.fromCatalog({ database: TRICKY[0], table: TRICKY[3], pushDownPredicate: TRICKY[5], transformationCtx: 'src' })
      .renameField(TRICKY[1], TRICKY[2], { transformationCtx: 'rename' })
      .applyMapping([{ from: TRICKY[4], fromType: 'string', to: 'ok é', toType: 'string' }], { transformationCtx: 'mapping' })
      .filter(col('ok é').eq(TRICKY[0]), { transformationCtx: 'keep' })
      .writeToS3({ path: `s3://bucket/${TRICKY[3]}/`, format: 'csv', transformationCtx: 'sink' });
    return p.graph;
  }

  test('are written as ASCII Python literals that python reads back exactly', () => {
    const graph = trickyGraph();
    const script = generatePySparkScript(graph);
    expect(script).toMatch(/^[\x20-\x7e\n]*$/); // printable ASCII only, one line per statement
    expect(lineOf(script, 'rename')).toBe(
      'rename = RenameField.apply(frame=src, old_name="back\\\\slash \\\\n not a newline", new_name="line\\nbreak\\r\\ttab", transformation_ctx="rename")',
    );
    expect(script).toContain('table_name="unicode \\u00e9 \\u00fc \\u5317\\u4eac \\U0001f600 \\u2028 \\u0000 \\u007f"');
    pyCompile(script);
    const calls = runScript(script, {}, [{ 'ok é': TRICKY[0] }, { 'ok é': 'other' }]);
    expect(callOf(calls, 'src').kwargs).toMatchObject({ database: TRICKY[0], table_name: TRICKY[3], push_down_predicate: TRICKY[5] });
    expect(callOf(calls, 'rename').kwargs).toMatchObject({ old_name: TRICKY[1], new_name: TRICKY[2] });
    expect(callOf(calls, 'mapping').kwargs.mappings).toEqual([{ tuple: [TRICKY[4], 'string', 'ok é', 'string'] }]);
    expect(callOf(calls, 'keep').kwargs.f).toEqual({ f: [true, false] });
    expect(callOf(calls, 'sink').kwargs.connection_options.path).toBe(`s3://bucket/${TRICKY[3]}/`);
    expect(readGraphFromScript(script)).toEqual(graph);
  });

  test('argumentFor moves values into job arguments, read with getResolvedOptions', () => {
    const p = new Pipeline();
    const token = '${Token[TOKEN.42]}';
    p.fromS3({ paths: [`s3://${token}/raw/`, 's3://plain/raw/'], format: 'json', transformationCtx: 'src' })
      .writeToS3({ path: `s3://${token}/out "quoted"/`, format: 'parquet', transformationCtx: 'sink' });
    const graph = p.graph;
    const asked: string[] = [];
    const script = generatePySparkScript(graph, {
      argumentFor: (nodeId, field, value) => {
        asked.push(`${nodeId} ${field}`);
        return value.includes('${Token[') ? `${nodeId}_${field}`.toLowerCase().replace(/[^a-z0-9_]/g, '_') : undefined;
      },
    });
    expect(asked).toEqual(['src Paths.0', 'src Paths.1', 'sink Path', 'sink Compression']);
    expect(script).not.toContain('Token[');
    expect(lineOf(script, 'args')).toBe('args = getResolvedOptions(sys.argv, ["JOB_NAME", "sink_path", "src_paths_0"])');
    expect(lineOf(script, 'src')).toContain('connection_options={"paths": [args["src_paths_0"], "s3://plain/raw/"], "recurse": True}');
    expect(lineOf(script, 'sink')).toContain('connection_options={"path": args["sink_path"], "partitionKeys": []}');
    pyCompile(script);
    const calls = runScript(script, { src_paths_0: 's3://real-bucket/raw/', sink_path: 's3://real-bucket/out "quoted"/' });
    expect(callOf(calls, 'src').kwargs.connection_options.paths).toEqual(['s3://real-bucket/raw/', 's3://plain/raw/']);
    expect(callOf(calls, 'sink').kwargs.connection_options.path).toBe('s3://real-bucket/out "quoted"/');

    // the block holds placeholders, never the token; the run's arguments fill them in
    const block = readGraphFromScript(script)!;
    expect(block.src.S3JsonSource!.Paths).toEqual(['{{args.src_paths_0}}', 's3://plain/raw/']);
    expect(block.sink.S3GlueParquetTarget!.Path).toBe('{{args.sink_path}}');
    const bound = readGraphFromScript(script, { '--src_paths_0': 's3://real-bucket/raw/', sink_path: 's3://real-bucket/out/' })!;
    expect(bound.src.S3JsonSource!.Paths).toEqual(['s3://real-bucket/raw/', 's3://plain/raw/']);
    expect(bound.sink.S3GlueParquetTarget!.Path).toBe('s3://real-bucket/out/');
    expect(() => readGraphFromScript(script, { '--src_paths_0': 'x' })).toThrow(/node 'sink' field.*--sink_path/);
  });

  test('argument names are deduplicated and sorted, and a name cannot carry two values', () => {
    const p = new Pipeline();
    p.fromCatalog({ database: 'db', table: 't', transformationCtx: 'b_src' }).writeToCatalog({ database: 'db', table: 'u', transformationCtx: 'a_sink' });
    const script = generatePySparkScript(p.graph, { argumentFor: (_n, field, value) => (field === 'Database' ? 'zz_database' : value === 'u' ? 'aa_table' : undefined) });
    expect(lineOf(script, 'args')).toBe('args = getResolvedOptions(sys.argv, ["JOB_NAME", "aa_table", "zz_database"])');
    expect(runScript(script, { zz_database: 'db', aa_table: 'u' }).map((c) => c.call)).toContain('write_dynamic_frame.from_catalog');
    expect(() => generatePySparkScript(p.graph, { argumentFor: () => 'same' })).toThrow(/argumentFor returned 'same', already used for a different value/);
    expect(() => generatePySparkScript(p.graph, { argumentFor: () => '--bad name' })).toThrow(/not a job argument name/);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// Graph block, variables and errors
// ---------------------------------------------------------------------------------------------------------------------

describe('graph block, variables and errors', () => {
  test('readGraphFromScript: undefined without a block, an error naming the lines for a damaged one', () => {
    expect(readGraphFromScript('import sys\nprint(1)\n')).toBeUndefined();
    const script = generatePySparkScript(medicareGraph());
    expect(readGraphFromScript(script.replace(/\n/g, '\r\n'))).toEqual(medicareGraph());
    expect(() => readGraphFromScript(script.replace('# gluekit-graph-end\n', ''))).toThrow(/has no matching '# gluekit-graph-end'/);
    const lines = script.split('\n');
    lines.splice(lines.indexOf('# gluekit-graph-end') - 1, 1); // the JSON loses its end
    expect(() => readGraphFromScript(lines.join('\n'))).toThrow(/script lines \d+-\d+: the gluekit graph block is not valid JSON/);
  });

  test('wraps long values into lines that never end in a space', () => {
    const p = new Pipeline();
    p.fromCatalog({ database: 'd', table: `${'word '.repeat(60)}end`, transformationCtx: 'src' }).writeToCatalog({ database: 'd', table: 'x', transformationCtx: 'sink' });
    const script = generatePySparkScript(p.graph);
    const block = script.split('\n').filter((l) => l.startsWith('# ') && !l.startsWith('# gluekit') && !l.startsWith('# Generated'));
    expect(block.length).toBeGreaterThan(3);
    for (const line of block) {
      expect(line.length).toBeLessThanOrEqual(100);
      expect(line.endsWith(' ')).toBe(false);
    }
    // an editor trimming trailing whitespace does not change the graph
    expect(readGraphFromScript(script.replace(/[ \t]+$/gm, ''))).toEqual(p.graph);
  });

  test('a node id that the script already uses gets its own variable', () => {
    const p = new Pipeline();
    p.fromCatalog({ database: 'db', table: 't', transformationCtx: 'job' })
      .renameField('a', 'b', { transformationCtx: 'Filter' })
      .filter(col('b').matches('x'), { transformationCtx: 'str' })
      .writeToCatalog({ database: 'db', table: 'u', transformationCtx: 'job_node' });
    const graph = p.graph;
    const script = generatePySparkScript(graph);
    expect(lineOf(script, 'job_node2')).toContain('glueContext.create_dynamic_frame.from_catalog(');
    expect(lineOf(script, 'job_node2')).toContain('transformation_ctx="job"');
    expect(lineOf(script, 'Filter_node')).toBe('Filter_node = RenameField.apply(frame=job_node2, old_name="a", new_name="b", transformation_ctx="Filter")');
    expect(lineOf(script, 'str_node')).toContain('Filter.apply(frame=Filter_node, f=lambda row: (bool(re.match("x", str(row["b"])))), transformation_ctx="str")');
    expect(lineOf(script, 'job_node')).toContain('frame=str_node');
    expectEveryNodeHasCtx(graph, script);
    const calls = runScript(script, {}, [{ b: 'xy' }, { b: 'yx' }]);
    expect(callOf(calls, 'str').kwargs.f).toEqual({ f: [true, false] });
    expect(calls[calls.length - 1].call).toBe('job.commit');
  });

  test('an unsupported node kind is an error naming the node and its kind', () => {
    const graph: PipelineGraph = {
      ...medicareGraph(),
      custom: { CustomCode: { Name: 'custom', Inputs: ['Filter_1'], Code: 'return dfc', ClassName: 'MyTransform' } },
    };
    expect(() => generatePySparkScript(graph)).toThrow(/pipeline node 'custom' is a CustomCode node, which gluekit does not support yet; use one of CatalogSource, /);
  });

  test('fillMissingValues is printed as awsglueml FillMissingValues.apply with its output column (default <column>_filled)', () => {
    const p = new Pipeline();
    const src = p.fromS3({ paths: ['s3://b/in/'], format: 'json', transformationCtx: 'src' });
    src.fillMissingValues('amount', { transformationCtx: 'filled' });
    src.fillMissingValues('city', { outputColumn: 'city_guess', stageThreshold: 2, transformationCtx: 'guessed' });
    const script = generatePySparkScript(p.graph);
    expect(lineOf(script, 'filled')).toBe('filled = FillMissingValues.apply(frame=src, missing_values_column="amount", output_column="amount_filled", transformation_ctx="filled")');
    expect(lineOf(script, 'guessed')).toBe(
      'guessed = FillMissingValues.apply(frame=src, missing_values_column="city", output_column="city_guess", transformation_ctx="guessed", stageThreshold=2, totalThreshold=0)',
    );
    expect(script).toContain('from awsglue.job import Job\nfrom awsglueml.transforms import FillMissingValues\n');
    pyCompile(script);
    expectOnlyAllowedGlueCalls(script);
    expect(() => src.fillMissingValues('address.city', { transformationCtx: 'nested' })).toThrow(
      "pipeline node 'nested' (FillMissingValues): ImputedPath 'address.city' must be a top-level name (no dots or backticks)",
    );
  });

  test('PIIDetection (a model Glue runs on the data) is refused saying why', () => {
    const graph: PipelineGraph = {
      ...medicareGraph(),
      pii: { PIIDetection: { Name: 'pii', Inputs: ['Filter_1'], PiiType: 'RowAudit', EntityTypesToDetect: ['EMAIL'] } },
    };
    expect(() => generatePySparkScript(graph)).toThrow(
      "pipeline node 'pii' is a PIIDetection node: Glue finds personal data with its own detection models, which a local run cannot reproduce; run this job on AWS",
    );
  });

  test('a transform without exactly one input is an error naming the node', () => {
    const graph = medicareGraph();
    graph.Filter_1.Filter!.Inputs = [];
    expect(() => generatePySparkScript(graph)).toThrow("pipeline node 'Filter_1' (Filter): must have exactly one input, found 0");
  });

  test('ApplyMapping leaves out Dropped mappings', () => {
    const graph = medicareGraph();
    graph.ApplyMapping_1.ApplyMapping!.Mapping![1].Dropped = true;
    const line = lineOf(generatePySparkScript(graph), 'ApplyMapping_1');
    expect(line).not.toContain('("name", "string", "name", "string")');
    expect(line).toContain('mappings=[("provider id", "long", "provider id", "long"), ("provider city", "string", "city", "string"), ');
  });
});

describe('merge', () => {
  test('is printed as source.mergeDynamicFrame(stage_dynamic_frame=..., primary_keys=[...]) and runs', () => {
    const p = new Pipeline();
    const source = p.fromCatalog({ database: 'db', table: 'current', transformationCtx: 'current' });
    const staging = p.fromCatalog({ database: 'db', table: 'changes', transformationCtx: 'changes' });
    source.merge(staging, ['id', 'address.zip'], { transformationCtx: 'merged' });
    const script = generatePySparkScript(p.graph);
    expect(lineOf(script, 'merged')).toBe('merged = current.mergeDynamicFrame(stage_dynamic_frame=changes, primary_keys=["id", "address.zip"], transformation_ctx="merged")');
    pyCompile(script);
    expect(callOf(runScript(script), 'merged').kwargs).toEqual({ frame: { frame: 'current' }, stage_dynamic_frame: { frame: 'changes' }, primary_keys: ['id', 'address.zip'], transformation_ctx: 'merged' });
  });

  test('is refused without keys, or with a Source that is not an input', () => {
    const p = new Pipeline();
    const a = p.fromCatalog({ database: 'db', table: 'a', transformationCtx: 'a' });
    const b = p.fromCatalog({ database: 'db', table: 'b', transformationCtx: 'b' });
    expect(() => a.merge(b, [], { transformationCtx: 'm' })).toThrow("pipeline node 'm' (Merge): PrimaryKeys must name at least one key");
    const graph: PipelineGraph = { ...p.graph, m: { Merge: { Name: 'm', Inputs: ['a', 'b'], Source: 'c', PrimaryKeys: [['id']] } } };
    expect(() => generatePySparkScript(graph)).toThrow("pipeline node 'm' (Merge): Source 'c' is not one of its Inputs (a, b)");
  });
});

describe('resolveChoice', () => {
  function script(build: (f: ReturnType<Pipeline['fromCatalog']>) => void): string {
    const p = new Pipeline();
    build(p.fromCatalog({ database: 'db', table: 't', transformationCtx: 'src' }));
    return generatePySparkScript(p.graph);
  }

  test('is printed as ResolveChoice.apply with specs, or with choice (and the table for match_catalog), and runs', () => {
    const specs = script((f) => f.resolveChoice({ specs: [['provider id', 'cast:long'], ['price', 'project:double']], transformationCtx: 'resolved' }));
    expect(lineOf(specs, 'resolved')).toBe('resolved = ResolveChoice.apply(frame=src, specs=[("provider id", "cast:long"), ("price", "project:double")], transformation_ctx="resolved")');
    const choice = script((f) => f.resolveChoice({ choice: 'make_cols', transformationCtx: 'resolved' }));
    expect(lineOf(choice, 'resolved')).toBe('resolved = ResolveChoice.apply(frame=src, choice="make_cols", transformation_ctx="resolved")');
    const catalog = script((f) => f.resolveChoice({ choice: 'match_catalog', database: 'db', table: 'target', transformationCtx: 'resolved' }));
    expect(lineOf(catalog, 'resolved')).toBe('resolved = ResolveChoice.apply(frame=src, choice="match_catalog", database="db", table_name="target", transformation_ctx="resolved")');
    for (const s of [specs, choice, catalog]) {
      pyCompile(s);
      expectOnlyAllowedGlueCalls(s);
    }
    expect(callOf(runScript(specs), 'resolved').kwargs.specs).toEqual([{ tuple: ['provider id', 'cast:long'] }, { tuple: ['price', 'project:double'] }]);
    expect(callOf(runScript(catalog), 'resolved').kwargs).toMatchObject({ choice: 'match_catalog', database: 'db', table_name: 'target' });
  });

  test.each([
    [{}, 'Parameter specs and option are both missing, add one.'],
    [{ specs: [['a', 'cast:long']], choice: 'make_cols' }, 'Parameter specs and option are both specified, choose one.'],
    [{ specs: [] }, 'Specs must list at least one (Path, Action)'],
    [{ specs: [['a', 'cast:varchar2']] }, "Specs[0].Action 'cast:varchar2': unknown type 'varchar2'"],
    [{ specs: [['a', 'flatten']] }, "Specs[0].Action 'flatten' is not cast:<type>, project:<type>, make_cols, make_struct"],
    [{ specs: [['a', 'match_catalog']] }, 'Specs[0]: match_catalog resolves a whole frame: give it as Choice with Database and Table'],
    [{ choice: 'match_catalog', database: 'db' }, 'Table must be a non-empty string'],
    [{ choice: 'make_struct', table: 't' }, 'Database and Table go with Choice match_catalog only'],
  ])('is refused naming the problem: %j', (options, message) => {
    expect(() => script((f) => f.resolveChoice({ ...(options as object), transformationCtx: 'resolved' }))).toThrow(`pipeline node 'resolved' (ResolveChoice): ${message}`);
  });
});

describe('relationalize', () => {
  test('is printed as Relationalize.apply giving a collection, and SelectFromCollection.apply picks its frames by name', () => {
    const p = new Pipeline();
    const frames = p.fromS3({ paths: ['s3://b/in/'], format: 'json', transformationCtx: 'src' }).relationalize('people', { stagingPath: 's3://b/tmp/', transformationCtx: 'rel' });
    frames.select('people_friends', { transformationCtx: 'friends' }).writeToS3({ path: 's3://b/out/', format: 'json', transformationCtx: 'sink' });
    const script = generatePySparkScript(p.graph);
    expect(lineOf(script, 'rel')).toBe('rel = Relationalize.apply(frame=src, staging_path="s3://b/tmp/", name="people", transformation_ctx="rel")');
    expect(lineOf(script, 'friends')).toBe('friends = SelectFromCollection.apply(dfc=rel, key="people_friends", transformation_ctx="friends")');
    pyCompile(script);
    expectOnlyAllowedGlueCalls(script);
    const calls = runScript(script);
    expect(callOf(calls, 'rel').kwargs).toEqual({ frame: { frame: 'src' }, staging_path: 's3://b/tmp/', name: 'people', transformation_ctx: 'rel' });
    expect(callOf(calls, 'friends').kwargs).toEqual({ dfc: { collection: 'rel' }, key: 'people_friends', transformation_ctx: 'friends' });
    expect(callOf(calls, 'sink').kwargs.frame).toEqual({ frame: 'friends' });
  });

  test('splitFields is printed as SplitFields.apply with its two names, and Studio\'s SelectFromCollection picks by position', () => {
    const p = new Pipeline();
    const split = p.fromS3({ paths: ['s3://b/in/'], format: 'json', transformationCtx: 'src' }).splitFields(['id', 'address.zip'], { transformationCtx: 'split' });
    split.at(1, { transformationCtx: 'rest' });
    const script = generatePySparkScript(p.graph);
    expect(lineOf(script, 'split')).toBe('split = SplitFields.apply(frame=src, paths=["id", "address.zip"], name1="split_0", name2="split_1", transformation_ctx="split")');
    expect(lineOf(script, 'rest')).toBe('rest = SelectFromCollection.apply(dfc=split, key=list(split.keys())[1], transformation_ctx="rest")');
    pyCompile(script);
    expectOnlyAllowedGlueCalls(script);
    const calls = runScript(script);
    expect(callOf(calls, 'rest').kwargs).toEqual({ dfc: { collection: 'split' }, key: 'split_1', transformation_ctx: 'rest' });
    expect(() => split.at(-1, { transformationCtx: 'bad' })).toThrow("pipeline node 'bad' (SelectFromCollection): Index must be a whole number from 0, found -1");
    expect(() => p.fromS3({ paths: ['s3://b/in/'], format: 'json', transformationCtx: 'src2' }).splitFields([], { transformationCtx: 'none' })).toThrow(
      "pipeline node 'none' (SplitFields): Paths must list at least one path",
    );
  });

  test('repartition and coalesce are printed as the frame\'s methods and run; a count below 1 is refused', () => {
    const p = new Pipeline();
    p.fromS3({ paths: ['s3://b/in/'], format: 'json', transformationCtx: 'src' }).repartition(8, { transformationCtx: 'spread' }).coalesce(1, { transformationCtx: 'one' });
    const script = generatePySparkScript(p.graph);
    expect(lineOf(script, 'spread')).toBe('spread = src.repartition(8, transformation_ctx="spread")');
    expect(lineOf(script, 'one')).toBe('one = spread.coalesce(1, transformation_ctx="one")');
    pyCompile(script);
    const calls = runScript(script);
    expect(callOf(calls, 'one').kwargs).toEqual({ frame: { frame: 'spread' }, num_partitions: 1, transformation_ctx: 'one' });
    expect(() => p.fromS3({ paths: ['s3://b/in/'], format: 'json', transformationCtx: 'src2' }).coalesce(0, { transformationCtx: 'zero' })).toThrow(
      "pipeline node 'zero' (Repartition): NumPartitions must be a whole number from 1, found 0",
    );
  });

  test('dropDuplicates and aggregate are printed as Glue Studio prints them, through the DataFrame API', () => {
    const p = new Pipeline();
    const src = p.fromS3({ paths: ['s3://b/in/'], format: 'json', transformationCtx: 'src' });
    src.dropDuplicates(['id', 'day'], { transformationCtx: 'unique' });
    src.dropDuplicates([], { transformationCtx: 'distinct' });
    src.aggregate({ groupBy: ['region', 'who.city'], aggregations: [['amount', 'sum'], ['id', 'countDistinct']] }, { transformationCtx: 'totals' });
    const script = generatePySparkScript(p.graph);
    expect(lineOf(script, 'unique')).toBe('unique = DynamicFrame.fromDF(src.toDF().dropDuplicates(["id", "day"]), glueContext, "unique")');
    expect(lineOf(script, 'distinct')).toBe('distinct = DynamicFrame.fromDF(src.toDF().dropDuplicates(), glueContext, "distinct")');
    expect(lineOf(script, 'totals')).toBe(
      'totals = sparkAggregate(glueContext, parentFrame=src, groups=["region", "who.city"], aggs=[["amount", "sum"], ["id", "countDistinct"]], transformation_ctx="totals")',
    );
    const code = codeLines(script).join('\n');
    expect(code).toContain('from awsglue.dynamicframe import DynamicFrame\nfrom pyspark.sql import functions as SqlFuncs\n');
    expect(code.match(/def sparkAggregate\(/g)).toHaveLength(1);
    pyCompile(script);
    expectOnlyAllowedGlueCalls(script);
    expect(() => src.dropDuplicates(['who.city'], { transformationCtx: 'nested' })).toThrow(
      "pipeline node 'nested' (DropDuplicates): Columns[0] 'who.city' must be a top-level field name (Spark's dropDuplicates takes no nested paths)",
    );
    expect(() => src.aggregate({ aggregations: [['x', 'median' as 'sum']] }, { transformationCtx: 'median' })).toThrow(
      "pipeline node 'median' (Aggregate): Aggs[0].AggFunc 'median' is not one of avg, count, countDistinct",
    );
  });

  test('spigot is printed as Spigot.apply with topk (default 100) and prob, and runs', () => {
    const p = new Pipeline();
    const src = p.fromS3({ paths: ['s3://b/in/'], format: 'json', transformationCtx: 'src' });
    src.spigot('s3://b/sample/', { transformationCtx: 'sample' });
    src.spigot('s3://b/sample2/', { prob: 0.25, transformationCtx: 'random' });
    const script = generatePySparkScript(p.graph);
    expect(lineOf(script, 'sample')).toBe('sample = Spigot.apply(frame=src, path="s3://b/sample/", options={"topk": 100}, transformation_ctx="sample")');
    expect(lineOf(script, 'random')).toBe('random = Spigot.apply(frame=src, path="s3://b/sample2/", options={"prob": 0.25}, transformation_ctx="random")');
    pyCompile(script);
    expectOnlyAllowedGlueCalls(script);
    expect(callOf(runScript(script), 'random').kwargs).toEqual({ frame: { frame: 'src' }, path: 's3://b/sample2/', options: { prob: 0.25 }, transformation_ctx: 'random' });
    expect(() => src.spigot('s3://b/x/', { prob: 2, transformationCtx: 'bad' })).toThrow("pipeline node 'bad' (Spigot): Prob must be a number from 0 to 1, found 2");
  });

  test('union DISTINCT is printed through the DataFrame API, matching fields by name', () => {
    const p = new Pipeline();
    const a = p.fromS3({ paths: ['s3://b/a/'], format: 'json', transformationCtx: 'a' });
    a.union(p.fromS3({ paths: ['s3://b/b/'], format: 'json', transformationCtx: 'b' }), { distinct: true, transformationCtx: 'both' });
    const script = generatePySparkScript(p.graph);
    expect(lineOf(script, 'both')).toBe('both = DynamicFrame.fromDF(a.toDF().unionByName(b.toDF(), allowMissingColumns=True).distinct(), glueContext, "both")');
    pyCompile(script);
  });

  test('joins other than equijoin are printed as DataFrame joins of aliased frames', () => {
    const p = new Pipeline();
    const a = p.fromS3({ paths: ['s3://b/a/'], format: 'json', transformationCtx: 'a' });
    a.join(p.fromS3({ paths: ['s3://b/b/'], format: 'json', transformationCtx: 'b' }), ['id', 'address.zip'], ['b_id', 'zip'], { type: 'leftanti', transformationCtx: 'missing' });
    const script = generatePySparkScript(p.graph);
    expect(lineOf(script, 'missing')).toBe(
      'missing = DynamicFrame.fromDF(a.toDF().alias("l").join(b.toDF().alias("r"), (SqlFuncs.col("l.id") == SqlFuncs.col("r.b_id")) & (SqlFuncs.col("l.address.zip") == SqlFuncs.col("r.zip")), "left_anti"), glueContext, "missing")',
    );
    pyCompile(script);
  });

  test('splitRows is printed as SplitRows.apply with awsglue\'s {path: {op: value}} dict, and runs', () => {
    const p = new Pipeline();
    const src = p.fromS3({ paths: ['s3://b/in/'], format: 'json', transformationCtx: 'src' });
    src.splitRows([['age', '>=', 21], ['age', '<', 65], ['state', '=', 'CA']], { transformationCtx: 'rows' }).at(0, { transformationCtx: 'adults' });
    const script = generatePySparkScript(p.graph);
    expect(lineOf(script, 'rows')).toBe('rows = SplitRows.apply(frame=src, comparison_dict={"age": {">=": 21, "<": 65}, "state": {"=": "CA"}}, name1="rows_0", name2="rows_1", transformation_ctx="rows")');
    pyCompile(script);
    expectOnlyAllowedGlueCalls(script);
    expect(callOf(runScript(script), 'adults').kwargs).toEqual({ dfc: { collection: 'rows' }, key: 'rows_0', transformation_ctx: 'adults' });
    expect(() => src.splitRows([['age', '>', 1], ['age', '>', 2]], { transformationCtx: 'twice' })).toThrow(
      "pipeline node 'twice' (SplitRows): Comparisons[1]: 'age' already has a '>' comparison (awsglue's dict holds one per operation)",
    );
  });

  test('a SQL step is printed as Studio prints it: a sparkSqlQuery helper over the inputs by alias', () => {
    const p = new Pipeline();
    const orders = p.fromS3({ paths: ['s3://b/o/'], format: 'json', transformationCtx: 'orders' });
    const customers = p.fromS3({ paths: ['s3://b/c/'], format: 'json', transformationCtx: 'customers' });
    p.sql('SELECT o.id, c.region\nFROM o JOIN c ON o.customer = c.id', { o: orders, c: customers }, { transformationCtx: 'joined' });
    const script = generatePySparkScript(p.graph);
    expect(lineOf(script, 'joined')).toBe('joined = sparkSqlQuery(glueContext, query="SELECT o.id, c.region\\nFROM o JOIN c ON o.customer = c.id", mapping={"o": orders, "c": customers}, transformation_ctx="joined")');
    expect(codeLines(script).join('\n')).toContain('def sparkSqlQuery(glueContext, query, mapping, transformation_ctx):\n    for alias, frame in mapping.items():\n        frame.toDF().createOrReplaceTempView(alias)\n');
    pyCompile(script);
    expectOnlyAllowedGlueCalls(script);
  });

  test('derived columns are printed as withColumn calls with expr(), and their expressions are checked at synth', () => {
    const p = new Pipeline();
    const src = p.fromS3({ paths: ['s3://b/in/'], format: 'json', transformationCtx: 'src' });
    src.withColumns({ total: 'qty * price', label: "upper(name) || '!'" }, { transformationCtx: 'derived' });
    const script = generatePySparkScript(p.graph);
    expect(lineOf(script, 'derived')).toBe(
      'derived = DynamicFrame.fromDF(src.toDF().withColumn("total", SqlFuncs.expr("qty * price")).withColumn("label", SqlFuncs.expr("upper(name) || \'!\'")), glueContext, "derived")',
    );
    pyCompile(script);
    expect(() => src.withColumns({ bad: 'qty *' }, { transformationCtx: 'bad' })).toThrow(
      "pipeline node 'bad' (DeriveColumns): Columns[0].Expression: expected a value: a column, a literal, a function call, CASE, CAST or ( (found the end of the text) at line 1, column 6",
    );
    expect(() => src.withColumns({ 'a.b': 'qty' }, { transformationCtx: 'dotted' })).toThrow("pipeline node 'dotted' (DeriveColumns): Columns[0].Name 'a.b' must be a top-level name (no dots or backticks)");
    expect(() => src.withColumns({ '{{args.name}}': 'qty' }, { transformationCtx: 'deferred' })).toThrow(
      "pipeline node 'deferred' (DeriveColumns): Columns[0].Name cannot be a job argument: the column's name is printed into the script",
    );
  });

  test('where is printed as a DataFrame filter with expr(), its condition checked at synth', () => {
    const p = new Pipeline();
    const src = p.fromS3({ paths: ['s3://b/in/'], format: 'json', transformationCtx: 'src' });
    src.where("amount > 10 AND note LIKE 'a%'", { transformationCtx: 'kept' });
    const script = generatePySparkScript(p.graph);
    expect(lineOf(script, 'kept')).toBe('kept = DynamicFrame.fromDF(src.toDF().filter(SqlFuncs.expr("amount > 10 AND note LIKE \'a%\'")), glueContext, "kept")');
    pyCompile(script);
    expect(() => src.where('amount >', { transformationCtx: 'bad' })).toThrow(
      "pipeline node 'bad' (SqlFilter): Condition: expected a value: a column, a literal, a function call, CASE, CAST or ( (found the end of the text) at line 1, column 9",
    );
  });

  test('unnest is printed as UnnestFrame.apply and runs', () => {
    const p = new Pipeline();
    p.fromS3({ paths: ['s3://b/in/'], format: 'json', transformationCtx: 'src' }).unnest({ transformationCtx: 'flat' });
    const script = generatePySparkScript(p.graph);
    expect(lineOf(script, 'flat')).toBe('flat = UnnestFrame.apply(frame=src, transformation_ctx="flat")');
    pyCompile(script);
    expectOnlyAllowedGlueCalls(script);
    expect(callOf(runScript(script), 'flat').kwargs).toEqual({ frame: { frame: 'src' }, transformation_ctx: 'flat' });
  });

  test('a collection goes only into a selection, a selection takes only a collection, and the staging path is an s3:// path', () => {
    const p = new Pipeline();
    const src = p.fromS3({ paths: ['s3://b/in/'], format: 'json', transformationCtx: 'src' });
    src.relationalize('people', { stagingPath: 's3://b/tmp/', transformationCtx: 'rel' });
    const graph = p.graph;
    expect(() => generatePySparkScript({ ...graph, bad: { SelectFields: { Name: 'bad', Inputs: ['rel'], Paths: [['a']] } } })).toThrow(
      "pipeline node 'bad' has input 'rel', a Relationalize that gives a collection of frames: select one of them first (SelectFrame)",
    );
    expect(() => generatePySparkScript({ ...graph, pick: { SelectFrame: { Name: 'pick', Inputs: ['src'], Key: 'people' } } })).toThrow(
      "pipeline node 'pick' (SelectFrame) has input 'src', a S3JsonSource that gives one frame, not a collection to select from",
    );
    expect(() => src.relationalize('people', { stagingPath: '/tmp/x', transformationCtx: 'rel2' })).toThrow("pipeline node 'rel2' (Relationalize): StagingPath '/tmp/x' is not an s3:// path");
    expect(() => src.relationalize('', { stagingPath: 's3://b/tmp/', transformationCtx: 'rel3' })).toThrow("pipeline node 'rel3' (Relationalize): RootTableName must be a non-empty string");
  });
});

describe('catalog sinks that update the catalog', () => {
  test('are printed with enableUpdateCatalog, updateBehavior LOG and their partitionKeys, and need partition keys', () => {
    const p = new Pipeline();
    p.fromS3({ paths: ['s3://b/in/'], format: 'json', transformationCtx: 'src' }).writeToCatalog({ database: 'db', table: 't', partitionKeys: ['state'], updateCatalog: true, transformationCtx: 'sink' });
    const script = generatePySparkScript(p.graph);
    expect(script).toContain(
      'sink = glueContext.write_dynamic_frame.from_catalog(frame=src, database="db", table_name="t", additional_options={"enableUpdateCatalog": True, "updateBehavior": "LOG", "partitionKeys": ["state"]}, transformation_ctx="sink")',
    );
    pyCompile(script);
    expect(() => new Pipeline().fromS3({ paths: ['s3://b/in/'], format: 'json', transformationCtx: 'src' }).writeToCatalog({ database: 'db', table: 't', updateCatalog: true, transformationCtx: 'sink' })).toThrow(
      "pipeline node 'sink' (S3CatalogTarget): PartitionKeys must name the partition keys whose partitions the catalog gets",
    );
  });
});
