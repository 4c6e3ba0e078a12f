import { promises as fs } from 'fs';
import { DuckDBInstance } from '@duckdb/node-api';
import type { GraphNode, PipelineGraph } from '../../lib/pipeline/graph';
import { validateGraph } from '../../lib/pipeline/graph';
import type { NodeKind } from '../../lib/pipeline/nodes/registry';
import type { ObjectStore } from '../storage/object-store';
import type { CatalogReader } from './catalog-reader';
import type { DynamicFrame } from './dynamic-frame';
import { FrameSession } from './frame-session';
import { NODE_COMPILERS } from './nodes/registry';
import type { StagedRun } from './staged-run';

export interface PipelineRunOptions {
  /** A folder private to this run for staged output; the caller removes it once the run is committed or abandoned. */
  readonly stagingDir: string;
  /** Epoch milliseconds of the run's start (sink file names carry it). */
  readonly runMillis: number;
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
    const order = validateGraph(graph);
    const connection = await (await this.duckdb()).connect();
    const session = new FrameSession(connection, this.catalog, this.store, options.stagingDir, options.runMillis);
    try {
      await fs.mkdir(options.stagingDir, { recursive: true });
      const frames = new Map<string, DynamicFrame>();
      for (const node of order) {
        const frame = await compile(node, node.inputs.map((i) => frames.get(i)!), session);
        if (frame) frames.set(node.id, frame);
      }
      return session.staged;
    } catch (e) {
      throw new Error(session.describePaths(e instanceof Error ? e.message : String(e)));
    } finally {
      connection.closeSync();
    }
  }

  close(): void {
    void this.instance?.then((i) => i.closeSync());
    this.instance = undefined;
  }
}

function compile<K extends NodeKind>(node: GraphNode<K>, inputs: DynamicFrame[], session: FrameSession): Promise<DynamicFrame | undefined> {
  return NODE_COMPILERS[node.kind](node, inputs, session);
}
