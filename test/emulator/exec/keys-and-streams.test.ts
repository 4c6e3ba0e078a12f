import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Pipeline } from '../../../lib/pipeline';
import { GlueService } from '../../../emulator/api';
import { MemoryObjectStore } from '../../support/memory-object-store';

test('a job runs and commits against a store that has only keys and streams (an S3 backend), and crawls it', async () => {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-memstore-'));
  const store = new MemoryObjectStore();
  const service = await GlueService.open({ stateDir, objectStore: store });
  try {
    await store.write('b', 'in/a.csv', 'id,state\n1,CA\n2,NY\n');
    await service.catalog.createDatabase({ DatabaseInput: { Name: 'db' } });
    const p = new Pipeline();
    p.fromS3({ paths: ['s3://b/in/'], format: 'csv', withHeader: true, transformationCtx: 'src' }).writeToS3({ path: 's3://b/out/', format: 'parquet', partitionKeys: ['state'], transformationCtx: 'sink' });
    await service.jobs.createJob({ Name: 'j', Role: 'r', Command: { Name: 'glueetl' }, CodeGenConfigurationNodes: p.graph });
    const run = await service.runJob('j');
    expect(run.ErrorMessage).toBeUndefined();
    const keys = [...store.objects.keys()].filter((k) => k.startsWith('b/out/')).map((k) => k.replace(/run-\d+-/, 'run-N-'));
    expect(keys.sort()).toEqual(['b/out/state=CA/run-N-part-r-00000.snappy.parquet', 'b/out/state=NY/run-N-part-r-00000.snappy.parquet']);
    await service.crawlers.createCrawler({ Name: 'c', Role: 'r', DatabaseName: 'db', Targets: { S3Targets: [{ Path: 's3://b/out/' }] } });
    expect((await service.runCrawler('c')).LastCrawl?.Status).toBe('SUCCEEDED');
    expect((await service.readTable('db', 'out', { orderBy: ['id'] })).rows).toEqual([
      { id: 1, state: 'CA' },
      { id: 2, state: 'NY' },
    ]);
    // Nothing of the objects landed in the state directory's local folder.
    expect(fs.existsSync(path.join(stateDir, 's3'))).toBe(false);

    // A key with `..` segments (S3 allows them) is copied for DuckDB under a name of its hash, inside the run's folder.
    await store.write('b', 'dots/../../../../escaped.json', '{"id":9}\n');
    const dots = new Pipeline();
    dots.fromS3({ paths: ['s3://b/dots/../../../../'], format: 'json', transformationCtx: 'src' }).writeToS3({ path: 's3://b/dots-out/', format: 'json', transformationCtx: 'sink' });
    await service.jobs.createJob({ Name: 'dots', Role: 'r', Command: { Name: 'glueetl' }, CodeGenConfigurationNodes: dots.graph });
    expect((await service.runJob('dots')).ErrorMessage).toBeUndefined();
    expect(fs.existsSync(path.join(stateDir, '..', 'escaped.json'))).toBe(false);
    expect(fs.existsSync(path.join(stateDir, 'escaped.json'))).toBe(false);
    const [out] = [...store.objects.keys()].filter((k) => k.startsWith('b/dots-out/'));
    expect(store.objects.get(out)!.body.toString()).toBe('{"id":9}\n');
  } finally {
    await service.close();
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
});
