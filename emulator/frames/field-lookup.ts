import { quoteIdentifier } from './sql';
import type { DynamicFrame, Field } from './dynamic-frame';

/** A Studio path (a list of parts) as the dotted path awsglue takes. */
export function joinPath(path: readonly string[] | undefined): string {
  return (path ?? []).join('.');
}

/** Finds a top-level field the way DynamicFrame paths do (case-insensitively, since the catalog lower-cases names). */
export function findField(frame: DynamicFrame, path: string): Field | undefined {
  return frame.schema.find((f) => f.name === path) ?? frame.schema.find((f) => f.name.toLowerCase() === path.toLowerCase());
}

/**
 * A top-level field by path. A dotted path that is not itself a top-level field means a nested field, which the frame
 * engine does not reach yet: that is an error naming the node, rather than a silent no-op that differs from Glue.
 */
export function resolvePath(frame: DynamicFrame, path: string, where: string): Field | undefined {
  const field = findField(frame, path);
  if (!field && path.includes('.')) {
    throw new Error(`${where}: nested path '${path}' is not supported by gluekit's frame engine yet (top-level fields: ${frame.schema.map((f) => f.name).join(', ')})`);
  }
  return field;
}

/** A frame with no fields and no records (a projection that keeps nothing). */
export function emptyProjection(frame: DynamicFrame): string {
  return `SELECT NULL AS "_" FROM ${quoteIdentifier(frame.view)} WHERE false`;
}
