import type { DynamicFrame } from './dynamic-frame';
import type { FrameSession } from './frame-session';
import { printSchema, type DataType } from './schema';
import { jsonLines } from './sink-values';
import { quoteIdentifier } from './sql';

/** What awsglue's `printSchema()`, `count()` and `show(n)` give for a frame. */
export interface FrameDescription {
  /** `printSchema()`'s text (GLUE-REFERENCE section 1). */
  readonly schema: string;
  readonly count: number;
  /** `show(n)`: the first records, one JSON object per line, null fields left out (Unconfirmed: Glue's exact layout). */
  readonly show: string;
  /** `errorsCount()`: the error records of the steps that led to the frame (a malformed JSON line read by a source). */
  readonly errorsCount: number;
}

const NULL_TYPE: DataType = { kind: 'null', sql: 'NULL' };

/**
 * Describes a frame as its schema is computed on demand in Glue: from its records. So every value is read (a CSV value
 * that does not read as its column's type makes the column a choice before the schema is printed), a top-level
 * field null in every record is `null`, and a frame without records has no fields (Unconfirmed: fields inside structs
 * keep their types).
 */
export async function describeFrame(session: FrameSession, frame: DynamicFrame, rows: number): Promise<FrameDescription> {
  const view = quoteIdentifier(frame.view);
  const counts = await session.step(frame.name, () =>
    session.connection.runAndReadAll(`SELECT count(*) AS n${frame.schema.map((f, i) => `, count(${quoteIdentifier(f.name)}) AS c${i}`).join('')} FROM ${view}`),
  );
  const row = counts.getRowObjectsJS()[0];
  const fields = Number(row.n) === 0 ? [] : frame.schema.map((f, i) => ({ name: f.name, type: Number(row[`c${i}`]) === 0 ? NULL_TYPE : f.dataType }));
  const shown = frame.schema.length === 0 ? [] : (await session.step(frame.name, () => session.connection.runAndReadAll(`SELECT ${jsonLines(frame.schema)} FROM ${view} LIMIT ${Math.max(0, Math.floor(rows))}`))).getRowObjectsJS();
  const errorsCount = (frame.errors ?? []).reduce((sum, e) => sum + e.count, 0);
  return { schema: printSchema(fields), count: Number(row.n), show: shown.map((r) => `${String(r.line)}\n`).join(''), errorsCount };
}
