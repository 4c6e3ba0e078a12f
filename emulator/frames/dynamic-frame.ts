import type { FrameBase } from './choice-parts';
import type { DataType } from './schema';

/** One column of a frame's schema: its name, its DuckDB type and its type in gluekit's schema model. */
export interface Field {
  readonly name: string;
  /** The DuckDB type (`BIGINT`, `VARCHAR`, `STRUCT("a" BIGINT)`...). */
  readonly type: string;
  /** The type by its DynamicFrame names, nested types included. */
  readonly dataType: DataType;
}

/**
 * A DynamicFrame in the engine: a DuckDB view (built lazily from its inputs' views, so a whole pipeline runs as one
 * query plan) plus its schema. No rows are held in JavaScript.
 */
export interface DynamicFrame {
  /** The node id the frame came from (its transformation_ctx). */
  readonly name: string;
  /** The temp view holding the frame's query. */
  readonly view: string;
  readonly schema: Field[];
  /**
   * A frame with no fields and no records (a source whose job bookmark left nothing to read, an unknown selection):
   * DuckDB cannot hold a relation without columns, so its view has a placeholder one, which steps that combine frames
   * (union, join, merge) leave out.
   */
  readonly empty?: boolean;
  /** The error records of the steps that led to this frame, its own step's included (see `error-records.ts`). */
  readonly errors?: readonly ErrorRecords[];
  /**
   * Where the frame's view is a projection of a relation that holds the parts of its choice fields (a CSV catalog
   * source): a step resolving the choices may read them there (`choice-parts.ts`).
   */
  readonly base?: FrameBase;
}

/** A `DynamicFrameCollection` in the engine: frames by name, as a collection transform (Relationalize) gives them. */
export interface FrameCollection {
  /** The node id the collection came from. */
  readonly name: string;
  readonly frames: ReadonlyMap<string, DynamicFrame>;
}

/**
 * Error records (GLUE-REFERENCE section 2): records a step could not read or convert, kept beside its frame instead of
 * failing the run. A frame carries those of every step that led to it (`errorsCount()` includes earlier steps), each
 * step's in a temp table of the session, so counting them never reads the frame's data.
 */
export interface ErrorRecords {
  /** The step (node id) whose records they are. */
  readonly node: string;
  /** The temp table holding them, one `error` column each (`ERROR_RECORD_TYPE`). */
  readonly table: string;
  readonly count: number;
}
