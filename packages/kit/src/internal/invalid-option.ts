import type { ValidationIssue } from "../errors/index.js";

/** One refused option value, phrased the same way by every options parser in the kit. */
export function invalidOption(path: string, expected: string, value: unknown): ValidationIssue {
  const received =
    typeof value === "string" ? JSON.stringify(value) : typeof value === "function" ? "a function" : String(value);
  return { path, expected, received, message: `expected ${expected}, received ${received}` };
}
