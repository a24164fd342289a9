import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { FrameOrAdobeId, GroupWithIncludes, toValidationIssues } from "../src/index.js";

const issuesOf = (schema: z.ZodMiniType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a refusal");
  return toValidationIssues(result.error, input);
};

describe("toValidationIssues words zod's issues like FrameioValidationError.issues", () => {
  it.each([
    ["a missing string", z.strictObject({ name: z.string() }), {}, "name", "a value of type string", "undefined"],
    ["a non-object", z.strictObject({}), "x", "", "an object", '"x"'],
    ["a fraction for an integer", z.strictObject({ n: z.int() }), { n: 1.5 }, "n", "an integer", "number 1.5"],
    [
      "NaN for an integer",
      z.strictObject({ n: z.int() }),
      { n: Number.NaN },
      "n",
      "a value of type number",
      "number NaN",
    ],
    [
      "a short string",
      z.strictObject({ s: z.string().check(z.minLength(1)) }),
      { s: "" },
      "s",
      "at least 1 characters",
      '""',
    ],
    [
      "a long string",
      z.strictObject({ s: z.string().check(z.maxLength(2)) }),
      { s: "abc" },
      "s",
      "at most 2 characters",
      '"abc"',
    ],
    [
      "too many items",
      z.strictObject({ a: z.array(z.int()).check(z.maxLength(1)) }),
      { a: [1, 2] },
      "a",
      "at most 1 items",
      "an array of 2",
    ],
    [
      "a number below the minimum",
      z.strictObject({ n: z.int().check(z.gte(1)) }),
      { n: 0 },
      "n",
      "a number >= 1",
      "number 0",
    ],
    [
      "a number above the maximum",
      z.strictObject({ n: z.int().check(z.lte(9)) }),
      { n: 10 },
      "n",
      "a number <= 9",
      "number 10",
    ],
    ["a value outside an enum", z.strictObject({ e: z.enum(["a", "b"]) }), { e: "c" }, "e", 'one of "a", "b"', '"c"'],
    ["a bad id", z.strictObject({ id: z.guid() }), { id: "x" }, "id", "a UUID (8-4-4-4-12 hex digits)", '"x"'],
    [
      "a bad Frame.io or Adobe id",
      z.strictObject({ id: FrameOrAdobeId }),
      { id: "adobe:" },
      "id",
      "a UUID or an adobe:-prefixed id",
      '"adobe:"',
    ],
    [
      "a bad date-time",
      z.strictObject({ t: z.iso.datetime({ offset: true }) }),
      { t: "2025-01-01" },
      "t",
      "an ISO 8601 date-time with a time zone, e.g. 2025-01-31T12:00:00Z",
      '"2025-01-01"',
    ],
    [
      "a nested array item",
      z.strictObject({ data: z.strictObject({ ids: z.array(z.guid()) }) }),
      { data: { ids: ["x"] } },
      "data.ids.0",
      "a UUID (8-4-4-4-12 hex digits)",
      '"x"',
    ],
    [
      "an unknown discriminator",
      GroupWithIncludes,
      { source: "ldap" },
      "source",
      'one of "frame", "workfront", "adobe"',
      '"ldap"',
    ],
  ])("%s", (_label, schema, input, path, expected, received) => {
    expect(issuesOf(schema as z.ZodMiniType, input)).toEqual([
      { path, expected, received, message: `expected ${expected}, received ${received}` },
    ]);
  });

  it("reports each unknown key on its own, as an unknown parameter", () => {
    const schema = z.strictObject({ data: z.strictObject({ name: z.string() }) });
    expect(issuesOf(schema, { data: { name: "n", nmae: "typo", x: 1 } })).toEqual([
      {
        path: "data.nmae",
        expected: "no such parameter",
        received: '"typo"',
        message: 'unknown parameter "data.nmae"',
      },
      { path: "data.x", expected: "no such parameter", received: "number 1", message: 'unknown parameter "data.x"' },
    ]);
  });

  it("shortens long strings it quotes", () => {
    const [issue] = issuesOf(z.strictObject({ id: z.guid() }), { id: "x".repeat(100) });
    expect(issue?.received).toBe(`"${"x".repeat(57)}..."`);
  });

  it("describes undefined input as undefined", () => {
    const result = z.strictObject({}).safeParse(undefined);
    expect(result.success ? [] : toValidationIssues(result.error, undefined)).toEqual([
      { path: "", expected: "an object", received: "undefined", message: "expected an object, received undefined" },
    ]);
  });

  it("without the input, still names path and expectation", () => {
    const result = z.strictObject({ id: z.guid() }).safeParse({ id: "x" });
    expect(result.success ? [] : toValidationIssues(result.error)).toEqual([
      {
        path: "id",
        expected: "a UUID (8-4-4-4-12 hex digits)",
        received: "(input not given)",
        message: "expected a UUID (8-4-4-4-12 hex digits), received (input not given)",
      },
    ]);
  });
});
