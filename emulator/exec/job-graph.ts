import type { Job } from '@aws-sdk/client-glue';
import type { PipelineGraph } from '../../lib/pipeline/graph';
import { readGraphFromScript } from '../../lib/pipeline/graph-block';
import type { ObjectStore } from '../storage/object-store';
import { parseS3Uri } from '../storage/s3-uri';

/** A job's pipeline: its CodeGenConfigurationNodes, else the graph block of a gluekit-generated script. */
export async function jobGraph(job: Job, store: ObjectStore): Promise<PipelineGraph> {
  if (job.CodeGenConfigurationNodes && Object.keys(job.CodeGenConfigurationNodes).length > 0) return job.CodeGenConfigurationNodes;
  const location = job.Command?.ScriptLocation;
  if (location && /^s3a?:\/\//.test(location)) {
    const { bucket, key } = parseS3Uri(location);
    let script: string;
    try {
      script = (await store.read(bucket, key)).toString('utf8');
    } catch (e) {
      throw new Error(`job ${job.Name}: cannot read its script ${location}: ${(e as Error).message}`);
    }
    const graph = script ? readGraphFromScript(script) : undefined;
    if (graph) return graph;
  }
  throw new Error(`job ${job.Name} has no pipeline graph: gluekit runs jobs that have CodeGenConfigurationNodes or a gluekit-generated script (script ${location ?? 'none'})`);
}
