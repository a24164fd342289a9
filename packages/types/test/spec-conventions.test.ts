// The conventions the SDK generator relies on, checked on every operation of the spec, so a new operation
// that forgets one fails here rather than in a user's editor.
import { describe, expect, it } from "vitest";
import { operations, spec } from "./spec-fixtures.js";

const all = operations();
const deref = (node: any): any => (node?.$ref ? deref(node.$ref.slice(2).split("/").reduce((a: any, k: string) => a[k], spec)) : node);
const params = (op: any) => (op.parameters ?? []).map(deref);

describe.each(all)("$id", ({ op, path }) => {
  it("names its SDK method and rate limit", () => {
    expect(op["x-sdk"]).toEqual({ group: expect.stringMatching(/^[a-z][A-Za-z]*$/), method: expect.stringMatching(/^[a-z][A-Za-z]*$/) });
    expect(op["x-rate-limit"]).toEqual({ calls: expect.any(Number), per_seconds: expect.any(Number), scope: "account_user" });
    expect(op.summary).not.toBe(op.operationId);
    expect(op.description ?? "").not.toBe("");
  });

  it("declares every path parameter, and x-pagination exactly when it takes a cursor", () => {
    const names = params(op).map((p: any) => p.name);
    for (const [, name] of path.matchAll(/\{(\w+)\}/g)) expect(names).toContain(name);
    expect(op["x-pagination"] === "cursor").toBe(names.includes("after"));
  });

  it("documents the error responses and gives every success body an example", () => {
    for (const code of ["400", "401", "403", "404", "409", "422", "429", "5XX"]) expect(op.responses[code]).toBeDefined();
    for (const [code, response] of Object.entries<any>(op.responses)) {
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
