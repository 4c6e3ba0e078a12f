import { invalidInput } from '../model';

/** A required request field, or InvalidInputException naming it. */
export function required(value: string | undefined, field: string): string {
  if (typeof value !== 'string' || value === '') throw invalidInput(`${field} is required`);
  return value;
}
