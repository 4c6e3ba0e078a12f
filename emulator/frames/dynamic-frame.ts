/** One column of a frame's schema: its name and DuckDB type. */
export interface Field {
  readonly name: string;
  /** The DuckDB type (`BIGINT`, `VARCHAR`...). */
  readonly type: string;
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
}
