import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Crawler } from '../../../lib';
import { deployManifest } from '../../../emulator/deploy/deploy-manifest';
import { loadManifest } from '../../../emulator/deploy/load-manifest';
import { GlueService } from '../../../emulator/api';
import type { GluekitManifest } from '../../../lib/manifest/manifest';

function synth(withSecondTrigger: boolean): { manifest: GluekitManifest; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-deploy-'));
  const app = new App({ outdir: dir });
  const stack = new Stack(app, 'S');
  const bucket = new s3.Bucket(stack, 'B');
  const database = new glue.Database(stack, 'Db', { databaseName: 'lake' });
  const a = new Crawler(stack, 'A', { crawlerName: 'a', database, s3Targets: [{ bucket, prefix: 'a/' }] });
  const b = new Crawler(stack, 'Bc', { crawlerName: 'b', database, s3Targets: [{ bucket, prefix: 'b/' }] });
  const wf = new glue.Workflow(stack, 'W', { workflowName: 'w' });
  wf.addOnDemandTrigger('Start', { name: 'start', actions: [glue.Action.crawler(a)] });
  if (withSecondTrigger) {
    wf.addConditionalTrigger('Then', {
      name: 'then',
      startOnCreation: true,
      actions: [glue.Action.crawler(b)],
      predicate: { conditions: [glue.Condition.crawler(a, glue.CrawlerState.SUCCEEDED)] },
    });
  }
  app.synth();
  return { manifest: loadManifest(path.join(dir, 'S.gluekit.json')), dir };
}

let stateDir: string;
let service: GlueService;
beforeEach(async () => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-deploy-state-'));
  service = await GlueService.open({ stateDir });
});
afterEach(async () => {
  await service.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

test('a redeploy updates resources and removes a trigger the stack dropped', async () => {
  const first = synth(true);
  const result = await deployManifest(service, first.manifest, first.dir);
  expect(result.triggers.sort()).toEqual(['start', 'then']);
  expect(result.crawlers.sort()).toEqual(['a', 'b']);
  expect((await service.triggers.getTrigger({ Name: 'then' })).Trigger?.State).toBe('ACTIVATED');
  const second = synth(false);
  await deployManifest(service, second.manifest, second.dir);
  await expect(service.triggers.getTrigger({ Name: 'then' })).rejects.toThrow('Trigger with name then not found');
  expect((await service.triggers.getTrigger({ Name: 'start' })).Trigger?.Type).toBe('ON_DEMAND');
});

test('a reference that cannot be resolved changes nothing', async () => {
  const { manifest, dir } = synth(true);
  const broken = JSON.parse(JSON.stringify(manifest)) as GluekitManifest;
  const triggerId = Object.keys(broken.resources).find((id) => broken.resources[id].Type === 'AWS::Glue::Trigger')!;
  (broken.resources[triggerId].Properties as Record<string, unknown>).WorkflowName = { Ref: 'Nowhere' };
  await expect(deployManifest(service, broken, dir)).rejects.toThrow(`/resources/${triggerId}/Properties/WorkflowName/Ref: Ref to 'Nowhere', which is not a resource of the stack`);
  expect((await service.crawlers.getCrawlers()).Crawlers).toEqual([]);
  expect((await service.catalog.getDatabases()).DatabaseList).toEqual([]);
});
