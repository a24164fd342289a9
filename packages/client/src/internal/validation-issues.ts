import type { ValidationIssue } from "@frameio-sdk/kit";

/**
 * How a generated check reports a problem: where (each path segment prefixed with ".", the root is ""), which JSON
 * Schema keyword failed, the value found, and the keyword's parameter (the bound, the enum's values, the pattern...).
 */
export type Report = (path: string, keyword: string, value: unknown, param?: unknown) => void;
/** A generated check (scripts/lib/check-emitter.mjs): reports every problem of `value`, returns nothing. */
// biome-ignore lint/suspicious/noExplicitAny: generated checks read any value's members after testing its type
export type Check = (value: any, path: string, report: Report) => void;

/** One failed keyword, as a check reported it; worded by `describeProblems`. */
export interface Problem {
  path: string;
  keyword: string;
  value: unknown;
  param: unknown;
}

function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

function expectation({ keyword, value, param }: Problem): string {
  switch (keyword) {
    case "type":
      if (param === "object") return "an object";
      if (param === "integer")
        return typeof value === "number" && Number.isFinite(value) ? "an integer" : "a value of type number";
      return `a value of type ${param}`;
    case "enum":
      return `one of ${[...(param as Set<unknown>)].map((v) => JSON.stringify(v)).join(", ")}`;
    case "minLength":
    case "minItems":
      return `at least ${param} ${keyword === "minLength" ? "characters" : "items"}`;
    case "maxLength":
    case "maxItems":
      return `at most ${param} ${keyword === "maxLength" ? "characters" : "items"}`;
    case "minimum":
      return `a number >= ${param}`;
    case "maximum":
      return `a number <= ${param}`;
    case "format":
      return "a UUID (8-4-4-4-12 hex digits)";
    case "pattern":
      // Frame.io ids: a UUID, or for Adobe-storage resources an id with the "adobe:" prefix.
      return String(param).includes("adobe:") ? "a UUID or an adobe:-prefixed id" : `a string matching ${param}`;
    case "additionalProperties":
      return "no such parameter";
    case "required":
      return "a value";
    default:
      return "a value matching one of the documented shapes";
  }
}

/** The problems a check found, worded for FrameioValidationError. */
export function describeProblems(problems: readonly Problem[]): ValidationIssue[] {
  return problems.map((problem) => {
    const path = problem.path.slice(1);
    const expected = expectation(problem);
    const received = describeValue(problem.value);
    const message =
      problem.keyword === "additionalProperties"
        ? `unknown parameter "${path}"`
        : `expected ${expected}, received ${received}`;
    return { path, expected, received, message };
  });
}
