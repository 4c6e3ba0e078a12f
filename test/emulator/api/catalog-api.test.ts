import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GlueService } from '../../../emulator/api';

let dir: string;
let service: GlueService;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-catalog-'));
  service = await GlueService.open({ stateDir: dir });
  await service.catalog.createDatabase({ DatabaseInput: { Name: 'db' } });
  await service.catalog.createTable({ DatabaseName: 'db', TableInput: { Name: 't', PartitionKeys: [{ Name: 'k', Type: 'string' }] } });
  await service.catalog.batchCreatePartition({ DatabaseName: 'db', TableName: 't', PartitionInputList: [{ Values: ['1'] }, { Values: ['2'] }] });
});
afterEach(async () => {
  await service.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const values = async (): Promise<string[][]> => ((await service.catalog.getPartitions({ DatabaseName: 'db', TableName: 't' })).Partitions ?? []).map((p) => p.Values!);

test('UpdatePartition with new values moves the partition; it never leaves a copy behind or lands on another', async () => {
  await service.catalog.updatePartition({ DatabaseName: 'db', TableName: 't', PartitionValueList: ['1'], PartitionInput: { Values: ['3'] } });
  expect(await values()).toEqual([['2'], ['3']]);
  await expect(service.catalog.updatePartition({ DatabaseName: 'db', TableName: 't', PartitionValueList: ['3'], PartitionInput: { Values: ['2'] } })).rejects.toThrow(
    'Partition already exists: 2 in db.t.',
  );
  await expect(service.catalog.updatePartition({ DatabaseName: 'db', TableName: 't', PartitionValueList: ['3'], PartitionInput: { Values: ['2', 'x'] } })).rejects.toThrow(
    "The number of partition values (2) does not match the table's 1 partition keys.",
  );
  expect(await values()).toEqual([['2'], ['3']]);
});
