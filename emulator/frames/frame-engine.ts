import { promises as fs } from 'fs';
import { DuckDBInstance } from '@duckdb/node-api';
import type { AnyGraphNode, GraphNode, PipelineGraph } from '../../lib/pipeline/graph';
import { validateGraph } from '../../lib/pipeline/graph';
import { definitionOf, type NodeKind } from '../../lib/pipeline/nodes/registry';
import type { ObjectStore } from '../storage/object-store';
import type { CatalogReader } from './catalog-reader';
import { choiceColumnMessage, choiceColumnOf, JSON_DUPLICATE_KEYS, JSON_FULL_SAMPLE, JSON_MALFORMED_LINES, withChoiceColumns } from './choice-columns';
import type { DynamicFrame, FrameCollection } from './dynamic-frame';
import { enforceErrorThresholds, withInputErrors } from './error-records';
import { describeFrame, type FrameDescription } from './frame-inspection';
import { FrameSession } from './frame-session';
import { type NodeInput, nodeWhere } from './node-compiler';
import { NODE_COMPILERS } from './nodes/registry';
import { type BookmarkState, SourceBookmarks } from './source-bookmarks';
import type { StagedRun } from './staged-run';

export interface PipelineRunOptions {
  /** A folder private to this run for staged output; the caller removes it once the run is committed or abandoned. */
  readonly stagingDir: string;
  /** Epoch milliseconds of the run's start (sink file names carry it). */
  readonly runMillis: number;
  /**
   * The job bookmark's state to read from (`job-bookmark-enable` and `pause`): sources read only objects new or modified
   * since. Without it every object is read.
   */
  readonly bookmark?: BookmarkState;
}

/** Where and how much DuckDB may use. */
export interface FrameEngineOptions {
  /**
   * Where DuckDB spills what does not fit in memory. DuckDB's own default is `.tmp` in the process's working folder, a
   * user's project: gluekit keeps it in the state directory (`<stateDir>/tmp/spill`).
   */
  readonly spillDir: string;
  /** DuckDB's memory limit, e.g. `1GB`. Default: DuckDB's (80% of the machine's memory). */
  readonly memoryLimit?: string;
}

/**
 * Runs pipeline graphs on DuckDB: the graph is validated by the node kinds' own rules, each node becomes a view over
 * its inputs' views, and targets COPY into the staging folder. Nothing becomes visible here: the staged run is
 * committed (or thrown away) by whoever started the run.
 */
export class FrameEngine {
  private instance?: Promise<DuckDBInstance>;

  constructor(private readonly catalog: CatalogReader, private readonly store: ObjectStore, private readonly options?: FrameEngineOptions) {}

  private duckdb(): Promise<DuckDBInstance> {
    const settings: Record<string, string> = {};
    if (this.options?.spillDir) settings.temp_directory = this.options.spillDir;
    if (this.options?.memoryLimit) settings.memory_limit = this.options.memoryLimit;
    this.instance ??= DuckDBInstance.create(':memory:', settings);
    return this.instance;
  }

  /** A DuckDB setting of the engine's instance (`temp_directory`, `memory_limit`), as DuckDB reports it. */
  async setting(name: 'temp_directory' | 'memory_limit'): Promise<string> {
    const connection = await (await this.duckdb()).connect();
    try {
      const result = await connection.runAndReadAll('SELECT current_setting($1) AS value', [name]);
      return String(result.getRowObjectsJS()[0].value);
    } finally {
      connection.closeSync();
    }
  }

  async run(graph: PipelineGraph, options: PipelineRunOptions): Promise<StagedRun> {
    return this.attempt(validateGraph(graph), options, async (session) => ({ ...session.staged, bookmark: session.bookmarks.objectsRead() }));
  }

  /**
   * Runs a graph up to one of its nodes and describes that node's frame (`printSchema()`, `count()`, `show(n)`), as a
   * script calling them there would print. Sinks are not run; nothing is written.
   */
  async inspect(graph: PipelineGraph, nodeId: string, options: PipelineRunOptions & { readonly rows?: number }): Promise<FrameDescription> {
    const order = validateGraph(graph);
    const target = order.find((n) => n.id === nodeId);
    if (!target) throw new Error(`no node '${nodeId}' in the graph (nodes: ${order.map((n) => n.id).join(', ')})`);
    const needed = new Set<string>([nodeId]);
    for (const node of [...order].reverse()) if (needed.has(node.id)) node.inputs.forEach((i) => needed.add(i));
    return this.attempt(
      order.filter((n) => needed.has(n.id)),
      options,
      async (session, frames) => {
        const frame = frames.get(nodeId);
        if (!frame) throw new Error(`node '${nodeId}' (${target.kind}) is a sink: it has no frame to describe; describe its input '${target.inputs[0]}'`);
        if (isCollection(frame)) {
          throw new Error(`node '${nodeId}' (${target.kind}) gives a collection of frames (${[...frame.frames.keys()].join(', ')}): describe a SelectFrame node that picks one`);
        }
        return describeFrame(session, frame, options.rows ?? 20);
      },
    );
  }

  /**
   * Compiles the nodes in order on a session of their own and gives their frames to `finish`. A column found to hold a
   * choice starts everything again from nothing, staging folder included (see `choice-columns.ts`).
   */
  private async attempt<T>(nodes: readonly AnyGraphNode[], options: PipelineRunOptions, finish: (session: FrameSession, frames: ReadonlyMap<string, DynamicFrame | FrameCollection>) => Promise<T>): Promise<T> {
    const instance = await this.duckdb();
    return withChoiceColumns(async (choices) => {
      const connection = await instance.connect();
      const session = new FrameSession(connection, this.catalog, this.store, options.stagingDir, options.runMillis, choices, new SourceBookmarks(options.bookmark));
      try {
        await fs.rm(options.stagingDir, { recursive: true, force: true });
        await fs.mkdir(options.stagingDir, { recursive: true });
        const frames = new Map<string, DynamicFrame | FrameCollection>();
        for (const node of nodes) {
          const frame = await session.step(node.id, () => compile(node, node.inputs.map((i) => frames.get(i)!), session));
          if (frame) frames.set(node.id, frame);
        }
        return await finish(session, frames);
      } catch (e) {
        throw rerunnable(session, e);
      } finally {
        connection.closeSync();
      }
    });
  }

  close(): void {
    void this.instance?.then((i) => i.closeSync());
    this.instance = undefined;
  }
}

/**
 * An error of a run, as the retry loop (`withChoiceColumns`) needs it: a choice found stays as it is, a JSON value DuckDB
 * could not convert (its detection sampled too few records) asks for the source to be read with a full sample, a
 * malformed JSON record for it to be read line by line, and anything else names the user's s3:// files.
 */
function rerunnable(session: FrameSession, e: unknown): Error {
  if (choiceColumnOf(e)) return e as Error;
  const json = session.jsonScanOf(e);
  // A record that is not JSON: the source reads its files line by line, the malformed ones made error records; a
  // record with a key twice: line by line too, each record keeping a key's last value.
  const retry = json?.cause === 'malformed' ? JSON_MALFORMED_LINES : json?.cause === 'duplicate-key' ? JSON_DUPLICATE_KEYS : JSON_FULL_SAMPLE;
  // Tried already: the error is the data's own (a key twice in a multi-line file, a multi-line file that is not JSON),
  // said as DuckDB says it.
  if (json && !session.choices.has(json.scan, retry)) return new Error(choiceColumnMessage(json.scan, retry));
  return new Error(session.describePaths(e instanceof Error ? e.message : String(e)));
}

/**
 * Compiles one node over its inputs' outputs. The graph's validation has matched them to the kind (a selection takes a
 * collection, every other kind frames), which the types cannot follow through the map of outputs: checked again here.
 * The output carries the error records of its inputs beside its own (`withInputErrors`), checked against the node's
 * thresholds.
 */
async function compile<K extends NodeKind>(node: GraphNode<K>, inputs: (DynamicFrame | FrameCollection)[], session: FrameSession): Promise<DynamicFrame | FrameCollection | undefined> {
  const selection = definitionOf(node.kind).role === 'selection';
  if (inputs.some((i) => isCollection(i) !== selection)) throw new Error(`${nodeWhere(node)}: an input is ${selection ? 'not ' : ''}a collection of frames`);
  const output = await NODE_COMPILERS[node.kind](node, inputs as NodeInput<K>[], session);
  return enforceErrorThresholds(node, inputs, withInputErrors(node, output, inputs));
}

function isCollection(output: DynamicFrame | FrameCollection): output is FrameCollection {
  return 'frames' in output;
}
