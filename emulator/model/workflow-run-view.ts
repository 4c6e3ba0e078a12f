import { createHash } from 'crypto';
import type { Crawl, Edge, JobRun, Node, WorkflowRun } from '@aws-sdk/client-glue';
import { CrawlRepository } from './crawl-repository';
import type { GlueModel } from './glue-model';
import type { WorkflowRunRecord } from './workflow-run-repository';

function uniqueId(type: string, name: string): string {
  return `wnode_${createHash('sha256').update(`${type}:${name}`).digest('hex').slice(0, 32)}`;
}

/**
 * A workflow run in the API's shape (GetWorkflowRun): with `includeGraph`, the trigger graph fixed at its start, each job
 * node with every attempt it ran in this workflow run and each crawler node with its crawls (GLUE-REFERENCE section 6:
 * J1 -> T -> J2 gives edges (J1,T), (T,J2)).
 */
export function workflowRunView(model: GlueModel, record: WorkflowRunRecord, includeGraph: boolean): WorkflowRun {
  const out: WorkflowRun = { ...record.run };
  if (!includeGraph) return out;
  const nodes = new Map<string, Node>();
  const edges: Edge[] = [];
  const addNode = (type: 'TRIGGER' | 'JOB' | 'CRAWLER', name: string): string => {
    const id = uniqueId(type, name);
    if (nodes.has(id)) return id;
    const node: Node = { Type: type, Name: name, UniqueId: id };
    const actions = record.actions.filter((a) => a.kind === type && a.name === name);
    if (type === 'JOB') {
      node.JobDetails = {
        JobRuns: actions.flatMap((a): JobRun[] =>
          a.runId ? a.attempts.map((id) => model.jobRuns.find(id) ?? { Id: id, JobName: name, JobRunState: 'ERROR', ErrorMessage: `job run ${id} not found` }) : [{ JobName: name, JobRunState: 'ERROR', ErrorMessage: a.errorMessage }],
        ),
      };
    } else if (type === 'CRAWLER') {
      node.CrawlerDetails = {
        Crawls: actions.map((a): Crawl => {
          const crawl = a.runId ? model.crawls.find(a.runId) : undefined;
          if (crawl) return CrawlRepository.toCrawl(crawl);
          return { State: 'ERROR', ErrorMessage: a.errorMessage ?? `crawl ${a.runId} not found` };
        }),
      };
    } else {
      node.TriggerDetails = { Trigger: record.triggers.find((t) => t.Name === name) };
    }
    nodes.set(id, node);
    return id;
  };
  for (const trigger of record.triggers) {
    const tid = addNode('TRIGGER', trigger.Name!);
    for (const a of trigger.Actions ?? []) edges.push({ SourceId: tid, DestinationId: addNode(a.JobName ? 'JOB' : 'CRAWLER', (a.JobName ?? a.CrawlerName)!) });
    for (const c of trigger.Predicate?.Conditions ?? []) edges.push({ SourceId: addNode(c.JobName ? 'JOB' : 'CRAWLER', (c.JobName ?? c.CrawlerName)!), DestinationId: tid });
  }
  out.Graph = { Nodes: [...nodes.values()], Edges: edges };
  return out;
}
