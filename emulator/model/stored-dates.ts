/**
 * Dates in stored documents are ISO strings (what `JSON.stringify` makes of a Date); each entity's conversion names its
 * own date fields and turns exactly those back into Dates, so a user's value that merely looks like a date, or sits under
 * a key named like a date field (`DefaultRunProperties.StartTime`), stays what it was.
 */
export type Stored<T> = { [K in keyof T]: T[K] extends Date | undefined ? string | undefined : T[K] };

/** A stored date back as a Date (undefined stays undefined). */
export function toDate(value: string | Date | undefined): Date | undefined {
  return value === undefined ? undefined : new Date(value);
}

/** A document as stored: dates become ISO strings, undefined fields disappear. */
export function toStored<T>(value: T): Stored<T> {
  return JSON.parse(JSON.stringify(value)) as Stored<T>;
}
