import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { PipelineGraph } from '../../lib/pipeline/graph';
import { GlueService, GlueServiceOptions } from '../../emulator/api';

/** A local Glue in a temporary state directory, with helpers to create a job from a graph and read output files. */
export class LocalJobHarness {
  private constructor(readonly service: GlueService, readonly stateDir: string) {}

  static async open(options: Partial<GlueServiceOptions> = {}): Promise<LocalJobHarness> {
    const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gluekit-job-'));
    const service = await GlueService.open({ stateDir, ...options });
    await service.catalog.createDatabase({ DatabaseInput: { Name: 'db' } });
    return new LocalJobHarness(service, stateDir);
  }

  async job(name: string, graph: PipelineGraph): Promise<void> {
    await this.service.jobs.createJob({ Name: name, Role: 'arn:aws:iam::000000000000:role/r', Command: { Name: 'glueetl' }, CodeGenConfigurationNodes: graph });
  }

  file(bucket: string, key: string): string {
    return path.join(this.stateDir, 's3', bucket, key);
  }

  /** Keys under a prefix of a bucket, sorted. */
  async keys(bucket: string, prefix: string): Promise<string[]> {
    return (await this.service.objects.list(bucket, prefix)).map((o) => o.key);
  }

  async text(bucket: string, key: string): Promise<string> {
    return (await this.service.objects.read(bucket, key)).toString('utf8');
  }

  async close(): Promise<void> {
    await this.service.close();
    fs.rmSync(this.stateDir, { recursive: true, force: true });
  }
}
