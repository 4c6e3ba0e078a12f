import { createHash } from 'crypto';
import type { Crawl, Edge, Node, Trigger, Workflow, WorkflowRun, WorkflowRunStatistics } from '@aws-sdk/client-glue';
import type { CrawlerService } from '../service/crawlers';
import { concurrentRunsExceeded, entityNotFound, illegalWorkflowState } from '../service/errors';
import type { JobService } from '../service/jobs';
import type { StateStore } from '../state/state-store';
import type { ActionFinished } from './events';
import { newRunId } from './ids';

/** One job run or crawl a workflow run started. */
interface RunAction {
  kind: 'JOB' | 'CRAWLER';
  name: string;
  /** The job run id or crawl id; absent when the start itself failed. */
  runId?: string;
  /** RUNNING, then the run's final state; ERROR when it could not start. */
  state: string;
  errorMessage?: string;
  trigger: string;
}

/** A workflow run as stored: the API shape plus what the runner needs to go on. */
interface StoredRun extends WorkflowRun {
  gluekit: { triggers: Trigger[]; fired: string[]; actions: RunAction[] };
}

const FINAL_JOB: Record<string, keyof WorkflowRunStatistics> = {
  SUCCEEDED: 'SucceededActions',
  FAILED: 'FailedActions',
  ERROR: 'ErroredActions',
  STOPPED: 'StoppedActions',
  TIMEOUT: 'TimeoutActions',
  CANCELLED: 'StoppedActions',
};

function uniqueId(type: string, name: string): string {
  return `wnode_${createHash('sha256').update(`${type}:${name}`).digest('hex').slice(0, 32)}`;
}

/**
 * Drives workflow runs (GLUE-REFERENCE section 6): the trigger graph is fixed when the run starts; the ON_DEMAND trigger
 * fires first; each finished action re-evaluates the ACTIVATED conditional triggers against the runs of this workflow
 * run, each firing at most once; the run ends COMPLETED when nothing is running, even when nodes failed.
 */
export class WorkflowRunner {
  constructor(private readonly state: StateStore, private readonly jobs: JobService, private readonly crawlers: CrawlerService) {}

  start(name: string, runProperties?: Record<string, string>): { RunId: string } {
    const workflow = this.state.get<Workflow>('workflow', name);
    if (!workflow) throw entityNotFound(`Workflow with name ${name} not found`);
    const triggers = this.state.list<Trigger>('trigger', name);
    const starters = triggers.filter((t) => t.Type === 'ON_DEMAND');
    if (starters.length === 0) throw illegalWorkflowState(`Workflow ${name} has no ON_DEMAND trigger to start it`);
    const running = this.state.list<StoredRun>('workflowRun', name).filter((r) => r.Status === 'RUNNING').length;
    if (workflow.MaxConcurrentRuns && running >= workflow.MaxConcurrentRuns) {
      throw concurrentRunsExceeded(`Workflow ${name} already has ${running} running run(s); MaxConcurrentRuns is ${workflow.MaxConcurrentRuns}`);
    }
    const runId = newRunId('wr');
    const run: StoredRun = {
      Name: name,
      WorkflowRunId: runId,
      WorkflowRunProperties: { ...workflow.DefaultRunProperties, ...runProperties },
      StartedOn: new Date(),
      Status: 'RUNNING',
      Statistics: emptyStatistics(),
      gluekit: { triggers, fired: [], actions: [] },
    };
    this.state.insert('workflowRun', runId, run, name);
    for (const trigger of starters) this.fire(runId, trigger);
    this.settle(runId);
    return { RunId: runId };
  }

  /** Called when any job run or crawl finishes; only those of a workflow run matter here. */
  actionFinished(event: ActionFinished): void {
    if (!event.workflowRunId) return;
    const run = this.state.get<StoredRun>('workflowRun', event.workflowRunId);
    if (!run) return;
    const action = run.gluekit.actions.find((a) => a.runId === event.runId);
    if (!action) return;
    action.state = event.state;
    this.save(run);
    for (const trigger of run.gluekit.triggers) {
      if (trigger.Type !== 'CONDITIONAL' || trigger.State !== 'ACTIVATED' || run.gluekit.fired.includes(trigger.Name!)) continue;
      if (this.satisfied(run, trigger)) this.fire(run.WorkflowRunId!, trigger);
    }
    this.settle(event.workflowRunId);
  }

  private satisfied(run: StoredRun, trigger: Trigger): boolean {
    const conditions = trigger.Predicate?.Conditions ?? [];
    const results = conditions.map((c) => {
      const kind = c.JobName ? 'JOB' : 'CRAWLER';
      const name = c.JobName ?? c.CrawlerName;
      const latest = [...run.gluekit.actions].reverse().find((a) => a.kind === kind && a.name === name);
      return latest !== undefined && latest.state === (c.JobName ? c.State : c.CrawlState);
    });
    return trigger.Predicate?.Logical === 'ANY' ? results.some(Boolean) : results.length > 0 && results.every(Boolean);
  }

  private fire(runId: string, trigger: Trigger): void {
    const run = this.state.get<StoredRun>('workflowRun', runId)!;
    run.gluekit.fired.push(trigger.Name!);
    this.save(run);
    for (const action of trigger.Actions ?? []) {
      const kind = action.JobName ? 'JOB' : 'CRAWLER';
      const name = (action.JobName ?? action.CrawlerName)!;
      let record: RunAction;
      try {
        const id = action.JobName
          ? this.jobs.startJobRun({ JobName: action.JobName, Arguments: action.Arguments, Timeout: action.Timeout }, { workflowName: run.Name, workflowRunId: runId, triggerName: trigger.Name }).JobRunId
          : this.crawlers.startCrawler({ Name: action.CrawlerName! }, runId).CrawlId;
        record = { kind, name, runId: id, state: 'RUNNING', trigger: trigger.Name! };
      } catch (e) {
        record = { kind, name, state: 'ERROR', errorMessage: e instanceof Error ? e.message : String(e), trigger: trigger.Name! };
      }
      // Runs execute on a later tick, so the action is recorded before any of them can finish.
      const current = this.state.get<StoredRun>('workflowRun', runId)!;
      current.gluekit.actions.push(record);
      this.save(current);
    }
  }

  /** Updates statistics; completes the run once nothing is running. */
  private settle(runId: string): void {
    const run = this.state.get<StoredRun>('workflowRun', runId)!;
    if (run.Status !== 'RUNNING') return;
    const stats = emptyStatistics();
    for (const a of run.gluekit.actions) {
      stats.TotalActions! += 1;
      if (a.state === 'RUNNING') stats.RunningActions! += 1;
      else {
        const key = FINAL_JOB[a.state];
        if (key) (stats[key] as number) += 1;
      }
    }
    run.Statistics = stats;
    if (stats.RunningActions === 0) {
      run.Status = 'COMPLETED';
      run.CompletedOn = new Date();
    }
    this.save(run);
  }

  private save(run: StoredRun): void {
    this.state.put('workflowRun', run.WorkflowRunId!, run, run.Name);
  }

  get(name: string, runId: string, includeGraph: boolean): WorkflowRun {
    const run = this.state.get<StoredRun>('workflowRun', runId);
    if (!run || run.Name !== name) throw entityNotFound(`Workflow run ${runId} of workflow ${name} not found`);
    return this.present(run, includeGraph);
  }

  list(name: string, includeGraph: boolean): WorkflowRun[] {
    return this.state.list<StoredRun>('workflowRun', name).reverse().map((r) => this.present(r, includeGraph));
  }

  private present(run: StoredRun, includeGraph: boolean): WorkflowRun {
    const { gluekit, ...api } = run;
    const out: WorkflowRun = { ...api };
    if (!includeGraph) return out;
    const nodes = new Map<string, Node>();
    const edges: Edge[] = [];
    const addNode = (type: 'TRIGGER' | 'JOB' | 'CRAWLER', name: string): string => {
      const id = uniqueId(type, name);
      if (!nodes.has(id)) {
        const node: Node = { Type: type, Name: name, UniqueId: id };
        if (type === 'JOB') {
          node.JobDetails = {
            JobRuns: gluekit.actions
              .filter((a) => a.kind === 'JOB' && a.name === name)
              .flatMap((a) => (a.runId ? this.jobs.attemptsOf({ JobName: name, RunId: a.runId }) : [{ JobName: name, JobRunState: 'ERROR', ErrorMessage: a.errorMessage }])),
          };
        } else if (type === 'CRAWLER') {
          node.CrawlerDetails = {
            Crawls: gluekit.actions
              .filter((a) => a.kind === 'CRAWLER' && a.name === name)
              .map((a) => (a.runId ? this.crawl(a.runId) : { State: 'ERROR', ErrorMessage: a.errorMessage })),
          };
        } else {
          node.TriggerDetails = { Trigger: gluekit.triggers.find((t) => t.Name === name) };
        }
        nodes.set(id, node);
      }
      return id;
    };
    for (const trigger of gluekit.triggers) {
      const tid = addNode('TRIGGER', trigger.Name!);
      for (const a of trigger.Actions ?? []) {
        edges.push({ SourceId: tid, DestinationId: addNode(a.JobName ? 'JOB' : 'CRAWLER', (a.JobName ?? a.CrawlerName)!) });
      }
      for (const c of trigger.Predicate?.Conditions ?? []) {
        edges.push({ SourceId: addNode(c.JobName ? 'JOB' : 'CRAWLER', (c.JobName ?? c.CrawlerName)!), DestinationId: tid });
      }
    }
    out.Graph = { Nodes: [...nodes.values()], Edges: edges };
    return out;
  }

  private crawl(crawlId: string): Crawl {
    const record = this.crawlers.getCrawl(crawlId);
    if (!record) return { State: 'ERROR', ErrorMessage: `crawl ${crawlId} not found` };
    const { CrawlerName: _c, CrawlId: _i, WorkflowRunId: _w, Summary: _s, ...crawl } = record;
    return crawl;
  }
}

function emptyStatistics(): WorkflowRunStatistics {
  return { TotalActions: 0, TimeoutActions: 0, FailedActions: 0, StoppedActions: 0, SucceededActions: 0, RunningActions: 0, ErroredActions: 0, WaitingActions: 0 };
}
