import type { DataType } from './schema';

/**
 * How a source makes a choice field from the values it reads: each member's type, the condition under which a value is
 * that member (tried in order, the first that holds wins, as in a CASE) and the member's value. A step that resolves the
 * choice right away (`ResolveChoice`) reads these parts instead of the choice (a DuckDB UNION it would build only to
 * take apart again), through the frame's `base`.
 */
export interface ChoiceParts {
  /** SQL true where the field is null. */
  readonly isNull: string;
  readonly members: readonly { readonly type: DataType; readonly when: string; readonly value: string }[];
}

/** The relation a frame's view selects from, with the SQL of each field over it and the parts of its choice fields. */
export interface FrameBase {
  /** A temp view of the session. */
  readonly relation: string;
  /** Each field's SQL over `relation`, by name: the frame's view is `SELECT <sql> AS <name>, ... FROM relation`. */
  readonly fields: ReadonlyMap<string, string>;
  readonly choices: ReadonlyMap<string, ChoiceParts>;
}

/** A CASE over a choice's parts: null where the field is, else `perMember` of the member the value is. */
export function choiceCase(parts: ChoiceParts, perMember: (type: DataType, value: string) => string): string {
  return `(CASE WHEN ${parts.isNull} THEN NULL ${parts.members.map((m) => `WHEN ${m.when} THEN ${perMember(m.type, m.value)}`).join(' ')} END)`;
}
