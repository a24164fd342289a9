import type * as z from "zod/mini";

/** One refused value, shaped like `FrameioValidationError.issues` of the SDK. */
export interface ValidationIssue {
  /** Where the value sits, dot-separated: `data.name`, `file_id`, `data.values.0.value`; "" for the whole input. */
  path: string;
  /** What the schema wanted, in words: `a UUID (8-4-4-4-12 hex digits)`, `at most 255 characters`... */
  expected: string;
  /** What was there, in words: `"abc"`, `number 5`, `undefined`, `an object`... */
  received: string;
  /** `expected ..., received ...`, or `unknown parameter "<path>"`. */
  message: string;
}

type Issue = z.core.$ZodIssue;

function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "object") return "an object";
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return "a symbol";
  return `${typeof value} ${String(value)}`;
}

const FORMATS: Record<string, string> = {
  guid: "a UUID (8-4-4-4-12 hex digits)",
  uuid: "a UUID (8-4-4-4-12 hex digits)",
  datetime: "an ISO 8601 date-time with a time zone, e.g. 2025-01-31T12:00:00Z",
  date: "a date (YYYY-MM-DD)",
  url: "a URL",
  email: "an email address",
};

function bound(issue: Extract<Issue, { code: "too_small" | "too_big" }>): string {
  const limit = "minimum" in issue ? issue.minimum : issue.maximum;
  const small = issue.code === "too_small";
  if (issue.origin === "string" || issue.origin === "array") {
    return `${small ? "at least" : "at most"} ${limit} ${issue.origin === "string" ? "characters" : "items"}`;
  }
  return `a number ${small ? ">" : "<"}${issue.inclusive === false ? "" : "="} ${limit}`;
}

function expectation(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "object") return "an object";
      if (issue.expected === "int")
        return typeof value === "number" && Number.isFinite(value) ? "an integer" : "a value of type number";
      return `a value of type ${issue.expected}`;
    case "invalid_value":
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small":
    case "too_big":
      return bound(issue);
    case "invalid_format":
      if (issue.format === "regex") {
        // Frame.io ids: a UUID, or for Adobe-storage resources an id with the "adobe:" prefix.
        const pattern = String(issue.pattern ?? "");
        return pattern.includes("adobe:") ? "a UUID or an adobe:-prefixed id" : `a string matching ${pattern}`;
      }
      return FORMATS[issue.format] ?? `a string in ${issue.format} format`;
    case "invalid_union": {
      // A discriminated union whose discriminator matched no variant names the values it knows.
      const options = (issue as { options?: unknown }).options;
      return Array.isArray(options) && options.length
        ? `one of ${options.map((v) => JSON.stringify(v)).join(", ")}`
        : "a value matching one of the documented shapes";
    }
    case "custom": {
      const expected = (issue.params as { expected?: unknown } | undefined)?.expected;
      return typeof expected === "string" ? expected : issue.message;
    }
    default:
      return "a value matching one of the documented shapes";
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/**
 * Words a zod error the way the SDK's `FrameioValidationError.issues` does: one entry per problem, with its path,
 * what was expected and what was received. Pass the parsed `input` so `received` can describe the value found.
 */
export function toValidationIssues(error: { issues: readonly Issue[] }, ...rest: [input?: unknown]): ValidationIssue[] {
  // Without the input, say so rather than describe a value that was never looked at.
  const known = rest.length > 0;
  const [input] = rest;
  const describe = (value: unknown) => (known ? describeValue(value) : "(input not given)");
  const out: ValidationIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const name of issue.keys) {
        const path = [...issue.path, name].map(String).join(".");
        out.push({
          path,
          expected: "no such parameter",
          received: describe(valueAt(input, [...issue.path, name])),
          message: `unknown parameter "${path}"`,
        });
      }
      continue;
    }
    const value = valueAt(input, issue.path);
    const expected = expectation(issue, value);
    const received = describe(value);
    out.push({
      path: issue.path.map(String).join("."),
      expected,
      received,
      message: `expected ${expected}, received ${received}`,
    });
  }
  return out;
}
