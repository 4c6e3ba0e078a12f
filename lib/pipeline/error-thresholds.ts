import type { NodeCheck } from './node-check';

/**
 * awsglue's `stageThreshold` and `totalThreshold` of a transform (GLUE-REFERENCE section 2): how many error records
 * the step may make (`stage`), or the step and every step before it (`total`), before the run fails; 0, the default,
 * never fails. Glue Studio's nodes have no field for them: gluekit adds these two to the node of a kind whose
 * generated call takes them (`NodeDefinition.errorThresholds`).
 */
export interface ErrorThresholds {
  readonly StageThreshold?: number;
  readonly TotalThreshold?: number;
}

/** A node's thresholds, from its parameters (absent: 0). */
export function errorThresholdsOf(parameters: object): { stage: number; total: number } {
  const p = parameters as ErrorThresholds;
  return { stage: p.StageThreshold ?? 0, total: p.TotalThreshold ?? 0 };
}

/** Checks the thresholds a node carries: whole numbers of 0 or more, and only on a kind whose call takes them. */
export function checkErrorThresholds(parameters: object, takesThem: boolean, check: NodeCheck): void {
  for (const field of ['StageThreshold', 'TotalThreshold'] as const) {
    const value = (parameters as Record<string, unknown>)[field];
    if (value === undefined) continue;
    if (!takesThem) check.fail(`${field}: this kind's generated call takes no error thresholds (awsglue's stageThreshold and totalThreshold are arguments of its DynamicFrame transforms)`);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) check.fail(`${field} must be a whole number of 0 or more (0: never fail), got ${JSON.stringify(value)}`);
  }
}

/** The keyword arguments a call gets for the node's thresholds (`, stageThreshold=0, totalThreshold=10`), or nothing. */
export function errorThresholdArguments(parameters: object): string {
  const p = parameters as ErrorThresholds;
  if (p.StageThreshold === undefined && p.TotalThreshold === undefined) return '';
  const { stage, total } = errorThresholdsOf(parameters);
  return `, stageThreshold=${stage}, totalThreshold=${total}`;
}
