/**
 * Checks a JSON source's `jsonPath` is in the subset gluekit's engine evaluates (JsonPath's common part: `$` then
 * `.name`, `['name']`, `[n]` or `[*]` steps), so a path it would read differently fails at synth.
 */
export function jsonPathProblem(jsonPath: string): string | undefined {
  if (!/^\$((\.[A-Za-z_][A-Za-z0-9_]*)|(\['[^'\\]*'\])|(\[[0-9]+\])|(\[\*\]))*$/.test(jsonPath)) {
    return `the jsonPath '${jsonPath}' is outside the subset gluekit evaluates ($ then .name, ['name'], [n] or [*] steps; no .., filters or slices)`;
  }
  return undefined;
}
