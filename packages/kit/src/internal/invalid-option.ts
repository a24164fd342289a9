import type { ValidationIssue } from "../errors/index.js";

/**
 * One refused value, phrased the same way by every check in the kit. `received` describes what was given
 * ("an empty string", "a string of 12 characters with a CR at position 11"), never a secret's value.
 */
export function validationIssue(path: string, expected: string, received: string): ValidationIssue {
  return { path, expected, received, message: `expected ${expected}, received ${received}` };
}

/** One refused option value, quoted as it was given: only for values that cannot be secrets. */
export function invalidOption(path: string, expected: string, value: unknown): ValidationIssue {
  const received =
    typeof value === "string" ? JSON.stringify(value) : typeof value === "function" ? "a function" : String(value);
  return validationIssue(path, expected, received);
}
