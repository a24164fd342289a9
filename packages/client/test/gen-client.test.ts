// Given/want tests of the client's emitter (scripts/lib/gen-client.mjs) on a two-operation spec.
import { describe, expect, it } from "vitest";
import { generateClient } from "../../../scripts/lib/gen-client.mjs";
import { buildModel, type SpecNode } from "../../../scripts/lib/spec.mjs";

const OUT = "packages/client/src/generated";
const id = { type: "string" };

function tinySpec(includeStyle: { style?: string; explode?: boolean } = { style: "form", explode: false }): SpecNode {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      "/v4/accounts/{account_id}/things": {
        get: {
          operationId: "things.index",
          summary: "List things",
          "x-sdk": { group: "things", method: "index" },
          "x-pagination": "cursor",
          "x-rate-limit": { calls: 5, per_seconds: 1, scope: "account_user" },
          parameters: [
            { name: "account_id", in: "path", required: true, schema: id },
            { name: "include", in: "query", ...includeStyle, schema: { type: "array", items: { enum: ["a", "b"] } } },
            { name: "api-version", in: "header", required: true, schema: { type: "string", enum: ["4.0"] } },
          ],
          responses: {
            200: { description: "ok", content: { "application/json": { schema: { type: "object" } } } },
          },
        },
        post: {
          operationId: "things.create_old",
          summary: "Create a thing.",
          deprecated: true,
          "x-sdk": { group: "things", method: "createOld" },
          "x-rate-limit": { calls: 10, per_seconds: 60, scope: "account_user" },
          parameters: [{ name: "account_id", in: "path", required: true, schema: id }],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: { type: "object", required: ["data"], properties: { data: { type: "object" } } },
              },
            },
          },
          responses: { 204: { description: "done" } },
        },
      },
    },
    components: { schemas: {} },
  };
}

describe("generateClient", () => {
  const files = generateClient(buildModel(tinySpec()));
  const group = files[`${OUT}/groups/things.ts`] ?? "";

  it("writes one class per group, each method an openapi-fetch call with named parameters", () => {
    expect(group).toContain("export class ThingsGroup<Raw extends boolean = false> {");
    expect(group).toContain('return this.#runner.paginate("things.index", input, options, (http, args, init) =>');
    expect(group).toContain('http.GET("/v4/accounts/{account_id}/things", {');
    expect(group).toContain("path: { account_id: args.account_id }");
    expect(group).toContain('header: { "api-version": args["api-version"] }');
    expect(group).toContain("body: { data: args.data }");
    expect(group).not.toMatch(/\bm:|\bp:|as unknown as/);
  });

  it("defaults single-value headers and turns a single list value into a list, before validation", () => {
    expect(group).toContain(
      'const input = { "api-version": "4.0" as const, ...args, include: asList(args?.include) };',
    );
  });

  it("documents summary, method and path, rate limit, result and deprecation", () => {
    expect(group).toContain("   * List things.");
    expect(group).toContain("   * `GET /v4/accounts/{account_id}/things` (operation `things.index`).");
    expect(group).toContain("   * Rate limit: 5 calls per second per account user.");
    expect(group).toContain("   * @returns A {@link Pager}");
    expect(group).toContain("   * @returns `undefined` once the API answers 204 No Content.");
    expect(group).toMatch(/\* @deprecated /);
  });

  it("describes each operation with named fields", () => {
    const table = files[`${OUT}/operations/things.ts`] ?? "";
    expect(table).toContain('operationKey: "things.createOld",');
    expect(table).toContain('operationId: "things.create_old",');
    expect(table).toContain("rateLimit: { calls: 10, per_seconds: 60 },");
    expect(table).toContain("deprecated: true,");
    expect(table).toContain("paginated: true,");
    expect(files[`${OUT}/resources.ts`]).toContain(
      'export const arrayQueryStyle = { style: "form", explode: false } as const;',
    );
  });

  it("loads argument schemas per group, and response schemas only for operations with a body", () => {
    expect(files[`${OUT}/validation/things.args.ts`]).toContain('"things.createOld": ThingsCreateOldArgs,');
    const responses = files[`${OUT}/validation/things.responses.ts`] ?? "";
    expect(responses).toContain('"things.index": ThingsIndexResponse,');
    expect(responses).not.toContain("createOld");
  });

  it("refuses a spec whose array query parameters use different styles", () => {
    const spec = tinySpec();
    spec.paths["/v4/other"] = {
      get: {
        operationId: "other.index",
        summary: "Other",
        "x-sdk": { group: "other", method: "index" },
        parameters: [{ name: "ids", in: "query", schema: { type: "array", items: id } }],
        responses: { 200: { description: "ok" } },
      },
    };
    expect(() => generateClient(buildModel(spec))).toThrow(/several styles/);
  });
});
