/**
 * A list parameter as the spec types it (`include: ["creator", "project"]`, sent comma-joined), from a list or
 * from one value: callers written for the single-value `include` keep working.
 */
export function asList<T>(value: T | readonly T[] | undefined): T[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? [...value] : [value as T];
}
