// The conventions the SDK generator relies on, checked on every operation of the spec, so a new operation
// that forgets one fails here rather than in a user's editor.
import { describe, expect, it } from "vitest";
import type { SpecNode } from "../../../scripts/lib/spec.mjs";
import { operations, spec } from "./spec-fixtures.js";

const all = operations();

describe.each(all)("$id", ({ op, path, model }) => {
  it("names its SDK method and rate limit", () => {
    expect(op["x-sdk"]).toEqual({
      group: expect.stringMatching(/^[a-z][A-Za-z]*$/),
      method: expect.stringMatching(/^[a-z][A-Za-z]*$/),
    });
    expect(op["x-rate-limit"]).toEqual({
      calls: expect.any(Number),
      per_seconds: expect.any(Number),
      scope: "account_user",
    });
    expect(op.summary).not.toBe(op.operationId);
    expect(op.description ?? "").not.toBe("");
  });

  it("declares every path parameter, and x-pagination exactly when it takes a cursor", () => {
    const names = model.params.map((p) => p.name);
    for (const [, name] of path.matchAll(/\{(\w+)\}/g)) expect(names).toContain(name);
    expect(op["x-pagination"] === "cursor").toBe(names.includes("after"));
  });

  it("documents the error responses and gives every success body an example", () => {
    for (const code of ["400", "401", "403", "404", "409", "422", "429", "5XX"])
      expect(op.responses[code]).toBeDefined();
    for (const [code, response] of Object.entries<SpecNode>(op.responses)) {
      const media = response.content?.["application/json"];
      if (!/^2/.test(code) || !media) continue;
      expect(Object.keys(media.examples ?? {})).not.toHaveLength(0);
      if (op["x-pagination"]) expect(media.examples.last_page.value.links.next).toBeNull();
    }
  });
});

it("keeps SDK names unique and the 30 webhook events", () => {
  expect(new Set(all.map(({ op }) => `${op["x-sdk"].group}.${op["x-sdk"].method}`)).size).toBe(all.length);
  expect(Object.keys(spec.webhooks)).toHaveLength(30);
  expect(spec.components.schemas.WebhookEventType.enum).toEqual(Object.keys(spec.webhooks));
});

it("uses OpenAPI 3.1 nullability only", () => {
  expect(JSON.stringify(spec)).not.toContain('"nullable"');
});

it("uses the official SDK names: Python names for the seed list, operationIds for the rest", () => {
  const byId = Object.fromEntries(all.map(({ op }) => [op.operationId, `${op["x-sdk"].group}.${op["x-sdk"].method}`]));
  expect(byId).toMatchObject({
    "files.show_file_upload_status": "files.showFileUploadStatus",
    "metadata.field_definitions.index": "metadataFields.metadataFieldDefinitionsIndex",
    "project_user_roles.update": "projectPermissions.projectUserRolesUpdate",
    "account_user_roles.index": "accountPermissions.index",
    "shares.add_reviewers": "shares.addReviewers",
    "groups.create": "groups.create",
    "search.search": "search.search",
    "files.import_file": "files.importFile",
  });
});

it("models include as a comma-joined list of allowed values, with a note on the divergence", () => {
  const includes = all.flatMap(({ model }) => model.params.filter((p) => p.name === "include"));
  expect(includes).toHaveLength(26);
  for (const p of includes) {
    expect(p).toMatchObject({ in: "query", list: true, style: "form", explode: false });
    expect(p.resolvedSchema.items.$ref).toMatch(/^#\/components\/schemas\/\w*Include$/);
    expect(p["x-note"]).toContain("comma-separated list");
  }
});

it("gives every single-valued header its value as default, so clients send it unasked", () => {
  const headers = all.flatMap(({ model }) => model.params.filter((p) => p.in === "header"));
  expect(headers.map((p) => p.name)).toEqual(["api-version"]);
  for (const p of headers.filter((h) => h.resolvedSchema.enum?.length === 1)) {
    expect(p.resolvedSchema.default).toBe(p.resolvedSchema.enum[0]);
    expect(p.sentByDefault).toBe("4.0");
  }
});

it("marks the operations the published API deprecates", () => {
  expect(all.filter(({ model }) => model.deprecated).map(({ model }) => model.key)).toEqual(["files.create"]);
});

it("lists the webhook event types once: the webhooks section and the WebhookEventType enum agree", () => {
  expect(spec.components.schemas.WebhookEventType.enum).toEqual(Object.keys(spec.webhooks));
});

// A keyword outside this list would be a constraint the request validators do not check (openapi/README.md).
const VALIDATION = ["type", "enum", "const", "format", "pattern", "minLength", "maxLength", "minimum", "maximum"];
const STRUCTURE = ["minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "required"];
const SUBSCHEMAS = ["additionalProperties", "properties", "items", "allOf", "oneOf", "anyOf", "$ref"];
const ANNOTATIONS = ["description", "title", "default", "example", "examples", "deprecated", "readOnly", "writeOnly"];
const KNOWN = new Set([...VALIDATION, ...STRUCTURE, ...SUBSCHEMAS, ...ANNOTATIONS]);

function schemaKeywords(schema: unknown, into: Set<string>): Set<string> {
  if (!schema || typeof schema !== "object") return into;
  const node = schema as Record<string, unknown>;
  for (const key of Object.keys(node)) if (!key.startsWith("x-")) into.add(key);
  for (const key of ["items", "additionalProperties"]) schemaKeywords(node[key], into);
  for (const key of ["allOf", "oneOf", "anyOf"])
    for (const s of (node[key] as unknown[]) ?? []) schemaKeywords(s, into);
  for (const s of Object.values((node.properties as object) ?? {})) schemaKeywords(s, into);
  return into;
}

it("states constraints only with keywords the validators enforce", () => {
  const used = new Set<string>();
  for (const schema of Object.values(spec.components.schemas)) schemaKeywords(schema, used);
  for (const { model } of all) {
    for (const p of model.params) schemaKeywords(p.schema, used);
    schemaKeywords(model.bodySchema, used);
  }
  expect([...used].filter((k) => !KNOWN.has(k))).toEqual([]);
  expect(used).toContain("minProperties");
});

it("uses only the formats the validators know", () => {
  const formats = new Set([...JSON.stringify(spec).matchAll(/"format":"([^"]+)"/g)].map((m) => m[1]));
  expect([...formats].sort()).toEqual(["date", "date-time", "float", "int32", "uuid"]);
});

it("writes every pattern as a regular expression JavaScript compiles (the validators use it as is)", () => {
  const patterns = [...JSON.stringify(spec).matchAll(/"pattern":("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1]!));
  expect(patterns.length).toBeGreaterThan(0);
  for (const pattern of patterns) expect(() => new RegExp(pattern, "u"), pattern).not.toThrow();
});

// Value lists callers hold as plain strings (roles, share access, field types, ...) are named components, so the
// schemas package exports each with `.options` and an `is<Name>` guard (#12.8), and the types name them.
type Found = { where: string; values: string };
function inlineEnums(node: unknown, where: string, into: Found[], follow?: Set<string>, root = false): Found[] {
  if (!node || typeof node !== "object") return into;
  const s = node as Record<string, unknown>;
  const ref = typeof s.$ref === "string" ? /^#\/components\/schemas\/(.+)$/.exec(s.$ref)?.[1] : undefined;
  if (ref && follow && !follow.has(ref)) {
    follow.add(ref);
    inlineEnums(spec.components.schemas[ref], `#/components/schemas/${ref}`, into, follow, true);
  }
  const values = Array.isArray(s.enum) ? s.enum.filter((v) => typeof v === "string") : [];
  if (!root && values.length > 1) into.push({ where, values: [...values].sort().join(",") });
  for (const key of ["items", "additionalProperties"]) inlineEnums(s[key], `${where}/${key}`, into, follow);
  for (const key of ["allOf", "oneOf", "anyOf"])
    for (const [i, sub] of ((s[key] as unknown[]) ?? []).entries())
      inlineEnums(sub, `${where}/${key}/${i}`, into, follow);
  for (const [name, sub] of Object.entries((s.properties as object) ?? {}))
    inlineEnums(sub, `${where}/properties/${name}`, into, follow);
  return into;
}

it("names every list of allowed values a request takes (a component, not an inline enum)", () => {
  const follow = new Set<string>();
  const found: Found[] = [];
  for (const { model } of all) {
    for (const p of model.params) inlineEnums(p.schema, `${model.key} ${p.name}`, found, follow);
    inlineEnums(model.bodySchema, `${model.key} body`, found, follow);
  }
  expect(found.map((f) => f.where)).toEqual([]);
  expect(spec.components.schemas.ShareAccess.enum).toEqual(["public", "secure"]);
});

it("names a list of allowed values used in more than one place", () => {
  const found = Object.entries(spec.components.schemas).flatMap(([name, schema]) =>
    inlineEnums(schema, `#/components/schemas/${name}`, [], undefined, true),
  );
  const twice = found.filter((f) => found.some((other) => other !== f && other.values === f.values));
  expect(twice.map((f) => f.where)).toEqual([]);
});
