import { FrameioValidationError, type ValidationIssue } from "@frameio-sdk/kit";

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  expected?: string;
  values?: unknown[];
  keys?: string[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
  pattern?: string;
  errors?: ZodIssueLike[][];
}
interface ZodLike {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: ZodIssueLike[] } };
}
type Table = Record<string, () => ZodLike>;

// Validators load on first use: they are large, and code that turns validation off never pays for them.
let inputTable: Promise<Table> | undefined;
let responseTable: Promise<Table> | undefined;
const built = new Map<string, ZodLike>();

const loadInputs = () => (inputTable ??= import("../generated/input-validators.js").then((m) => m.inputValidators as Table));
const loadResponses = () =>
  (responseTable ??= import("../generated/response-validators.js").then((m) => m.responseValidators as Table));

function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let current = root;
  for (const key of path) current = (current as Record<PropertyKey, unknown> | undefined)?.[key];
  return current;
}

function expectation(issue: ZodIssueLike): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "object" ? "an object" : `a value of type ${issue.expected}`;
    case "invalid_value":
      return `one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small":
      return issue.origin === "string" || issue.origin === "array"
        ? `at least ${issue.minimum} ${issue.origin === "string" ? "characters" : "items"}`
        : `a number >= ${issue.minimum}`;
    case "too_big":
      return issue.origin === "string" || issue.origin === "array"
        ? `at most ${issue.maximum} ${issue.origin === "string" ? "characters" : "items"}`
        : `a number <= ${issue.maximum}`;
    case "invalid_format":
      if (issue.format === "guid") return "a UUID (8-4-4-4-12 hex digits)";
      // Frame.io ids: a UUID, or for Adobe-storage resources an id with the "adobe:" prefix.
      if (issue.pattern?.includes("adobe:")) return "a UUID or an adobe:-prefixed id";
      return `a string matching ${issue.pattern ?? issue.format}`;
    case "invalid_union":
      return "a value matching one of the documented shapes";
    default:
      return "a valid value";
  }
}

function toIssues(issues: ZodIssueLike[], input: unknown): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys ?? []) {
        const path = [...issue.path, key].join(".");
        out.push({ path, expected: "no such parameter", received: describeValue(valueAt(input, [...issue.path, key])), message: `unknown parameter "${path}"` });
      }
      continue;
    }
    const path = issue.path.join(".");
    const expected = expectation(issue);
    const received = describeValue(valueAt(input, issue.path));
    out.push({ path, expected, received, message: `expected ${expected}, received ${received}` });
  }
  return out;
}

async function check(table: Table, key: string, cacheKey: string, value: unknown, label: string): Promise<void> {
  let validator = built.get(cacheKey);
  if (!validator) {
    const factory = table[key];
    if (!factory) return;
    validator = factory();
    built.set(cacheKey, validator);
  }
  const result = validator.safeParse(value);
  if (!result.success) throw new FrameioValidationError(label, toIssues(result.error.issues, value));
}

/** Refuses bad arguments before any request is sent. */
export async function validateInput(key: string, args: unknown): Promise<void> {
  await check(await loadInputs(), key, `in:${key}`, args, key);
}

/** Checks a success body against the spec (opt-in: `validateResponses`). */
export async function validateResponse(key: string, body: unknown): Promise<void> {
  await check(await loadResponses(), key, `out:${key}`, body, `${key} response`);
}
