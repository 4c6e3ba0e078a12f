import type { Crawler, JobRun, WorkflowRun } from '@aws-sdk/client-glue';
import type { GlueService } from '../service/glue-service';

/** Starts a workflow run and waits until every node has finished; returns the run with its graph. */
export async function runWorkflow(service: GlueService, name: string, runProperties?: Record<string, string>): Promise<WorkflowRun> {
  const { RunId } = service.workflows.startWorkflowRun({ Name: name, RunProperties: runProperties });
  await service.idle();
  return service.workflows.getWorkflowRun({ Name: name, RunId, IncludeGraph: true }).Run;
}

/** Starts a job run and waits for it (and its retries); returns the last attempt. */
export async function runJob(service: GlueService, name: string, args?: Record<string, string>): Promise<JobRun> {
  service.jobs.startJobRun({ JobName: name, Arguments: args });
  await service.idle();
  return service.jobs.getJobRuns({ JobName: name }).JobRuns[0];
}

/** Starts a crawl and waits for it; returns the crawler with its LastCrawl. */
export async function runCrawler(service: GlueService, name: string): Promise<Crawler> {
  service.crawlers.startCrawler({ Name: name });
  await service.idle();
  return service.crawlers.getCrawler({ Name: name }).Crawler;
}
