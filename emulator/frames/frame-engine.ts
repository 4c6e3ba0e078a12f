import { promises as fs } from 'fs';
import * as path from 'path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { PipelineGraph } from '../../lib/pipeline/graph';
import { topologicalOrder } from '../../lib/pipeline/graph';
import type { CatalogService } from '../service/catalog';
import type { ObjectStore } from '../storage/object-store';
import type { DynamicFrame } from './dynamic-frame';
import { FrameSession } from './frame-session';
import { catalogTarget, s3DirectTarget, s3GlueParquetTarget } from './sinks';
import { catalogSource, s3Source } from './sources';
import { applyMapping, dropFields, filter, renameField, selectFields } from './transforms';

export interface PipelineRunOptions {
  /** A folder private to this run for staged output; removed afterwards. */
  readonly stagingDir: string;
  /** Epoch milliseconds of the run's start (sink file names carry it). */
  readonly runMillis: number;
}

export interface PipelineRunResult {
  /** The objects the run wrote, as `s3://bucket/key`. */
  readonly written: string[];
}

/**
 * Runs pipeline graphs on DuckDB: each node becomes a view over its inputs' views, sinks COPY into a staging folder,
 * and only when every node succeeded do the staged files move into the object store.
 */
export class FrameEngine {
  private instance?: Promise<DuckDBInstance>;

  constructor(private readonly catalog: CatalogService, private readonly store: ObjectStore) {}

  private duckdb(): Promise<DuckDBInstance> {
    this.instance ??= DuckDBInstance.create(':memory:');
    return this.instance;
  }

  async run(graph: PipelineGraph, options: PipelineRunOptions): Promise<PipelineRunResult> {
    const order = topologicalOrder(graph);
    const connection = await (await this.duckdb()).connect();
    const session = new FrameSession(connection, this.catalog, this.store, options.stagingDir, options.runMillis);
    try {
      await fs.mkdir(options.stagingDir, { recursive: true });
      const frames = new Map<string, DynamicFrame>();
      for (const node of order) {
        const inputs = node.inputs.map((i) => frames.get(i)!);
        const one = (): DynamicFrame => {
          if (inputs.length !== 1) throw new Error(`node '${node.id}' (${node.kind}) needs exactly one input, has ${inputs.length}`);
          return inputs[0];
        };
        const b = node.body;
        switch (node.kind) {
          case 'CatalogSource':
            frames.set(node.id, await catalogSource(session, node.id, b));
            break;
          case 'S3CsvSource':
          case 'S3JsonSource':
          case 'S3ParquetSource':
            frames.set(node.id, await s3Source(session, node.id, node.kind, b));
            break;
          case 'RenameField':
            frames.set(node.id, await renameField(session, node.id, one(), b));
            break;
          case 'ApplyMapping':
            frames.set(node.id, await applyMapping(session, node.id, one(), b));
            break;
          case 'SelectFields':
            frames.set(node.id, await selectFields(session, node.id, one(), b));
            break;
          case 'DropFields':
            frames.set(node.id, await dropFields(session, node.id, one(), b));
            break;
          case 'Filter':
            frames.set(node.id, await filter(session, node.id, one(), b));
            break;
          case 'S3GlueParquetTarget':
            await s3GlueParquetTarget(session, node.id, one(), b);
            break;
          case 'S3DirectTarget':
            await s3DirectTarget(session, node.id, one(), b);
            break;
          case 'CatalogTarget':
            await catalogTarget(session, node.id, one(), b);
            break;
          default:
            throw new Error(`node '${node.id}': node kind '${node.kind}' is not supported by gluekit's frame engine yet`);
        }
      }
      return { written: await this.commit(session) };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      throw new Error(session.describePaths(message));
    } finally {
      connection.closeSync();
      await fs.rm(options.stagingDir, { recursive: true, force: true });
    }
  }

  private async commit(session: FrameSession): Promise<string[]> {
    const written: string[] = [];
    for (const out of session.staged) {
      for (const rel of await listFiles(out.folder)) {
        const key = out.prefix + rel.split(path.sep).join('/');
        await this.store.importFile(out.bucket, key, path.join(out.folder, rel));
        written.push(`s3://${out.bucket}/${key}`);
      }
      out.afterCommit?.();
    }
    return written.sort();
  }

  close(): void {
    void this.instance?.then((i) => i.closeSync());
    this.instance = undefined;
  }
}

async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const r = rel ? path.join(rel, entry.name) : entry.name;
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), r);
      else out.push(r);
    }
  };
  await walk(root, '');
  return out.sort();
}
