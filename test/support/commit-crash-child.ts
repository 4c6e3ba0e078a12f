/**
 * A child process for the commit fault-injection test: opens a state directory, makes a job whose run writes three
 * files into a catalog table partitioned three ways (so its commit moves files and adds partitions) and runs it. The
 * test sets GLUEKIT_FAULT=<commit step>:kill, so the process dies at that step of the commit.
 * Usage: node --import tsx commit-crash-child.ts <stateDir>
 */
import { Pipeline } from '../../lib/pipeline';
import { GlueService } from '../../emulator/api';

async function main(): Promise<void> {
  const service = await GlueService.open({ stateDir: process.argv[2] });
  await service.objects.write('b', 'in/a.json', '{"id":1,"state":"CA"}\n{"id":2,"state":"NY"}\n{"id":3,"state":"TX"}\n');
  await service.catalog.createDatabase({ DatabaseInput: { Name: 'db' } });
  await service.catalog.createTable({
    DatabaseName: 'db',
    TableInput: { Name: 'out', PartitionKeys: [{ Name: 'state', Type: 'string' }], Parameters: { classification: 'parquet' }, StorageDescriptor: { Location: 's3://b/out/', Columns: [{ Name: 'id', Type: 'bigint' }] } },
  });
  const p = new Pipeline();
  p.fromS3({ paths: ['s3://b/in/'], format: 'json', transformationCtx: 'src' }).writeToCatalog({ database: 'db', table: 'out', partitionKeys: ['state'], updateCatalog: true, transformationCtx: 'sink' });
  await service.jobs.createJob({ Name: 'crash', Role: 'r', Command: { Name: 'glueetl' }, CodeGenConfigurationNodes: p.graph });
  const run = await service.runJob('crash');
  await service.close();
  process.stdout.write(`${run.JobRunState}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(3);
});
