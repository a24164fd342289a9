import { exampleArgumentSets, resolve, type SpecOperation, specOperations } from "@frameio-sdk/testing/spec-calls";
import { describe, expect, it } from "vitest";
import { MetadataBulkUpdateArgs, SharesUpdateArgs, toValidationIssues, WebhooksCreateArgs } from "../src/index.js";
import { operationSchemas } from "../src/operations.js";

type Args = Record<string, unknown>;
interface Case {
  name: string;
  key: string;
  args: Args;
  path: string;
  expected?: string;
  received?: string;
}

const ID = "5a7446f1-d0d3-5068-81d1-fd22ab51a4e2";
const without = (args: Args, name: string) => Object.fromEntries(Object.entries(args).filter(([k]) => k !== name));

/** Bad arguments derived from the spec for every operation: each names the path it must be refused at. */
function casesFor(op: SpecOperation): Case[] {
  const valid = exampleArgumentSets(op, { params: "all" })[0] as Args;
  const cases: Case[] = [
    {
      name: "an unknown parameter",
      key: op.key,
      args: { ...valid, not_a_parameter: 1 },
      path: "not_a_parameter",
      expected: "no such parameter",
    },
  ];
  for (const param of op.params) {
    const schema = resolve(param.schema);
    const types = [schema.type].flat();
    // A required parameter with one allowed value is filled in when missing (tested below).
    const onlyValue = schema.enum?.length === 1 || "const" in schema;
    if (param.required && !onlyValue)
      cases.push({ name: `${param.name} missing`, key: op.key, args: without(valid, param.name), path: param.name });
    if (types.includes("string")) {
      const expected = schema.enum ? undefined : "a value of type string";
      cases.push({
        name: `${param.name} as a number`,
        key: op.key,
        args: { ...valid, [param.name]: 42 },
        path: param.name,
        expected,
      });
    }
    if (schema.format === "uuid" || schema.pattern?.includes("adobe:")) {
      for (const bad of ["not-an-id", `${ID}0`, ID.replaceAll("-", ""), "../x"]) {
        cases.push({
          name: `${param.name} = ${bad}`,
          key: op.key,
          args: { ...valid, [param.name]: bad },
          path: param.name,
        });
      }
    }
    const enumValues = schema.enum ?? resolve(schema.items)?.enum;
    if (enumValues) {
      const value = schema.enum ? "not-a-value" : ["not-a-value"];
      cases.push({
        name: `${param.name} outside its enum`,
        key: op.key,
        args: { ...valid, [param.name]: value },
        path: schema.enum ? param.name : `${param.name}.0`,
      });
    }
    if (schema.maximum !== undefined) {
      cases.push({
        name: `${param.name} above its maximum`,
        key: op.key,
        args: { ...valid, [param.name]: schema.maximum + 1 },
        path: param.name,
        expected: `a number <= ${schema.maximum}`,
      });
      cases.push({
        name: `${param.name} below its minimum`,
        key: op.key,
        args: { ...valid, [param.name]: schema.minimum - 1 },
        path: param.name,
        expected: `a number >= ${schema.minimum}`,
      });
      cases.push({
        name: `${param.name} not an integer`,
        key: op.key,
        args: { ...valid, [param.name]: 1.5 },
        path: param.name,
        expected: "an integer",
      });
    }
  }
  if (op.bodyStyle === "data" && valid.data && typeof valid.data === "object") {
    const data = valid.data as Args;
    const wrapper = resolve(op.raw.requestBody.content["application/json"].schema);
    const body = resolve(wrapper.properties.data);
    if (op.raw.requestBody.required && wrapper.required?.includes("data"))
      cases.push({ name: "data missing", key: op.key, args: without(valid, "data"), path: "data" });
    cases.push({
      name: "data as a string",
      key: op.key,
      args: { ...valid, data: "x" },
      path: "data",
      expected: "an object",
    });
    if (body.additionalProperties === false) {
      cases.push({
        name: "an unknown data member",
        key: op.key,
        args: { ...valid, data: { ...data, zzz: 1 } },
        path: "data.zzz",
        expected: "no such parameter",
      });
    }
    for (const name of (body.required ?? []) as string[]) {
      cases.push({
        name: `data.${name} missing`,
        key: op.key,
        args: { ...valid, data: without(data, name) },
        path: `data.${name}`,
      });
    }
  }
  return cases;
}

const generated = specOperations.flatMap(casesFor);
const targeted: Case[] = [
  {
    name: "empty update (minProperties)",
    key: "shares.update",
    args: { account_id: ID, share_id: ID, data: {} },
    path: "data",
    expected: "at least 1 property",
  },
  {
    name: "date-time checked",
    key: "shares.update",
    args: { account_id: ID, share_id: ID, data: { expiration: "next week" } },
    path: "data.expiration",
  },
  {
    name: "repeated events (uniqueItems)",
    key: "webhooks.create",
    args: {
      account_id: ID,
      workspace_id: ID,
      data: { name: "n", url: "https://example.com/h", events: ["file.ready", "file.ready"] },
    },
    path: "data.events",
    expected: "items without repeats",
  },
];
const circular: Args = { a: 1 };
circular.self = circular;
const JSON_VALUE = "a JSON value: a string, finite number, boolean, null, or an array or plain object of those";
for (const [label, value, below, received] of [
  ["NaN", Number.NaN, "", "number NaN"],
  ["Infinity", Number.POSITIVE_INFINITY, "", "number Infinity"],
  ["-Infinity", Number.NEGATIVE_INFINITY, "", "number -Infinity"],
  ["undefined inside an array", ["a", undefined], ".1", "undefined"],
  ["undefined inside an object", { a: undefined }, ".a", "undefined"],
  ["a function", () => 1, "", "a function"],
  ["a BigInt", 10n, "", "bigint 10"],
  ["a circular object", circular, ".self", "an object"],
  ["a Date", new Date(0), "", "an object"],
  ["a Map", new Map(), "", "an object"],
  ["a nested NaN", { nested: [1, Number.NaN] }, ".nested.1", "number NaN"],
] as const) {
  targeted.push({
    name: `bulkUpdate value: ${label}`,
    key: "metadata.bulkUpdate",
    args: { account_id: ID, project_id: ID, data: { file_ids: [ID], values: [{ field_definition_id: ID, value }] } },
    path: `data.values.0.value${below}`,
    expected: JSON_VALUE,
    received,
  });
}

describe("bad arguments are refused with the field named", () => {
  it("are several hundred, for every operation", () => {
    expect(generated.length + targeted.length).toBeGreaterThan(400);
    expect(new Set(generated.map((c) => c.key)).size).toBe(specOperations.length);
  });

  it.each([...generated, ...targeted])("$key: $name -> $path", ({ key, args, path, expected, received }) => {
    const result = operationSchemas[key as keyof typeof operationSchemas].args.safeParse(args);
    expect(result.success).toBe(false);
    const issues = result.success ? [] : toValidationIssues(result.error, args);
    const issue = issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    if (expected) expect(issue?.expected).toBe(expected);
    if (received) expect(issue?.received).toBe(received);
  });
});

describe("what the arguments accept", () => {
  it("a required parameter with one allowed value is filled in when left out", () => {
    const args = { account_id: ID };
    const parsed = operationSchemas["auditlog.index"].args.parse(args);
    expect(parsed).toEqual({ account_id: ID, "api-version": "4.0" });
    expect(operationSchemas["auditlog.index"].args.safeParse({ ...args, "api-version": "5.0" }).success).toBe(false);
  });

  it("bulkUpdate values JSON can carry, null included (it clears the field)", () => {
    for (const value of [null, "text", 3.5, true, ["a", "b"], { user_id: ID }]) {
      const args = {
        account_id: ID,
        project_id: ID,
        data: { file_ids: [ID], values: [{ field_definition_id: ID, value }] },
      };
      expect(MetadataBulkUpdateArgs.safeParse(args).success, JSON.stringify(value)).toBe(true);
    }
  });

  it("an update with one field, and webhooks with distinct events", () => {
    expect(SharesUpdateArgs.safeParse({ account_id: ID, share_id: ID, data: { name: "n" } }).success).toBe(true);
    const webhook = { name: "n", url: "https://example.com/h", events: ["file.ready", "file.created"] };
    expect(WebhooksCreateArgs.safeParse({ account_id: ID, workspace_id: ID, data: webhook }).success).toBe(true);
  });
});
