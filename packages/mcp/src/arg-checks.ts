// Checks of the task tools' own arguments (operation arguments are checked by the client). Each returns an issue
// naming the field, or undefined.

export function requireString(args: Record<string, unknown>, name: string): string | undefined {
  const value = args[name];
  return typeof value === "string" && value.length > 0 ? undefined : `${name}: expected a non-empty string`;
}

export function optionalString(args: Record<string, unknown>, name: string): string | undefined {
  return args[name] === undefined ? undefined : requireString(args, name);
}

export function optionalInteger(
  args: Record<string, unknown>,
  name: string,
  min: number,
  max: number,
): string | undefined {
  const value = args[name];
  if (value === undefined) return undefined;
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
    ? undefined
    : `${name}: expected an integer from ${min} to ${max}`;
}

export function optionalBoolean(args: Record<string, unknown>, name: string): string | undefined {
  return args[name] === undefined || typeof args[name] === "boolean" ? undefined : `${name}: expected true or false`;
}

/** The first issue found, or undefined when every check passed. */
export const firstIssue = (...issues: (string | undefined)[]): string | undefined => issues.find(Boolean);
