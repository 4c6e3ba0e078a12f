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

/**
 * Runs pipeline graphs on DuckDB: the graph is validated by the node kinds' own rules, each node becomes a view over
 * its inputs' views, and targets COPY into the staging folder. Nothing becomes visible here: the staged run is
 * committed (or thrown away) by whoever started the run.
 */
export class FrameEngine {
  private instance?: Promise<DuckDBInstance>;

  constructor(private readonly catalog: CatalogReader, private readonly store: ObjectStore) {}

  private duckdb(): Promise<DuckDBInstance> {
    this.instance ??= DuckDBInstance.create(':memory:');
    return this.instance;
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
