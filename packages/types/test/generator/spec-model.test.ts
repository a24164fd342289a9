// Given a hand-written spec fragment, the model reads it as every emitter and test expects.
import { describe, expect, it } from "vitest";
import { listExtensions } from "../../../../scripts/lib/extensions.mjs";
import { buildModel, decodeRef, listOperations, listWebhooks, resolveRef } from "../../../../scripts/lib/spec.mjs";

const rateLimit = { calls: 10, per_seconds: 60, scope: "account_user" };

/** A one-path document around `operation` (GET /v4/things/{thing_id}) plus the given components. */
function fragment(operation: object, schemas: object = {}, extra: object = {}) {
  return {
    openapi: "3.1.0",
    paths: {
      "/v4/things/{thing_id}": {
        get: {
          operationId: "things.show",
          "x-sdk": { group: "things", method: "show" },
          responses: { 200: { description: "ok" } },
          ...operation,
        },
      },
    },
    components: { schemas },
    ...extra,
  };
}

describe("$ref decoding", () => {
  it("unescapes JSON-pointer tokens, ~1 before ~0", () => {
    expect(decodeRef("#/components/schemas/a~1b")).toEqual(["components", "schemas", "a/b"]);
    expect(decodeRef("#/components/schemas/a~0b")).toEqual(["components", "schemas", "a~b"]);
    expect(decodeRef("#/components/schemas/a~01")).toEqual(["components", "schemas", "a~1"]);
    expect(decodeRef("#/paths/~1v4~1things")).toEqual(["paths", "/v4/things"]);
    expect(decodeRef("#/components/schemas/With%20Space")).toEqual(["components", "schemas", "With Space"]);
    expect(decodeRef("#")).toEqual([]);
  });

  it("follows chains of references to the node they name", () => {
    const spec = {
      components: { schemas: { "a/b": { $ref: "#/components/schemas/c~0d" }, "c~d": { type: "string" } } },
    };
    expect(resolveRef(spec, { $ref: "#/components/schemas/a~1b" })).toEqual({ type: "string" });
    expect(resolveRef(spec, { type: "integer" })).toEqual({ type: "integer" });
  });

  it("refuses remote, dangling and circular references by name", () => {
    const spec = {
      components: { schemas: { A: { $ref: "#/components/schemas/B" }, B: { $ref: "#/components/schemas/A" } } },
    };
    expect(() => resolveRef(spec, { $ref: "other.yaml#/A" })).toThrow(
      "Only local references are supported: other.yaml#/A",
    );
    expect(() => resolveRef(spec, { $ref: "#/components/schemas/Missing" })).toThrow(
      "Unresolvable reference: #/components/schemas/Missing",
    );
    expect(() => resolveRef(spec, { $ref: "#/components/schemas/A" })).toThrow("Circular reference");
  });
});

describe("operations", () => {
  it("reads an include list, a single-valued header, deprecation and the rate limit", () => {
    const spec = fragment(
      {
        deprecated: true,
        "x-deprecated-note": "Use things.get.",
        "x-rate-limit": rateLimit,
        parameters: [
          { name: "thing_id", in: "path", required: true, schema: { type: "string" } },
          {
            name: "include",
            in: "query",
            style: "form",
            explode: false,
            schema: { type: "array", items: { $ref: "#/components/schemas/ThingInclude" } },
          },
          { name: "page_size", in: "query", schema: { type: "integer", default: 50 } },
          { name: "api-version", in: "header", required: true, schema: { enum: ["4.0"], type: "string" } },
        ],
      },
      { ThingInclude: { type: "string", enum: ["owner", "parts"] } },
    );
    const [op] = listOperations(spec);
    expect(op).toMatchObject({
      id: "things.show",
      operationId: "things.show",
      key: "things.show",
      httpMethod: "GET",
      deprecated: true,
      deprecationNote: "Use things.get.",
      rateLimit,
      paginated: false,
      bodyStyle: "none",
    });
    const byName = Object.fromEntries(op!.params.map((p) => [p.name, p]));
    expect(byName.include).toMatchObject({ list: true, style: "form", explode: false, sentByDefault: undefined });
    expect(byName.include!.resolvedSchema.items).toEqual({ $ref: "#/components/schemas/ThingInclude" });
    expect(byName.page_size).toMatchObject({
      list: false,
      style: "form",
      explode: true,
      default: 50,
      sentByDefault: undefined,
    });
    expect(byName["api-version"]).toMatchObject({
      style: "simple",
      explode: false,
      default: undefined,
      sentByDefault: "4.0",
    });
    expect(byName.thing_id).toMatchObject({ required: true, style: "simple" });
  });

  it("prefers a header's stated default, and merges path-level parameters the operation does not redefine", () => {
    const spec = fragment({
      parameters: [{ name: "x-mode", in: "header", schema: { type: "string", default: "fast" } }],
    });
    spec.paths["/v4/things/{thing_id}"] = {
      parameters: [
        { name: "thing_id", in: "path", required: true, schema: { type: "string" } },
        { name: "x-mode", in: "header", schema: { type: "string" } },
      ],
      ...spec.paths["/v4/things/{thing_id}"],
    } as never;
    const [op] = listOperations(spec);
    expect(op!.params.map((p) => [p.name, p.sentByDefault])).toEqual([
      ["thing_id", undefined],
      ["x-mode", "fast"],
    ]);
  });

  it("tells wrapped, raw and absent bodies apart, and 204-only operations", () => {
    const body = (schema: object) => ({ requestBody: { required: true, content: { "application/json": { schema } } } });
    const wrapped = listOperations(
      fragment(
        { ...body({ $ref: "#/components/schemas/P" }), responses: { 204: { description: "none" } } },
        { P: { type: "object", properties: { data: { type: "object" } }, required: ["data"] } },
      ),
    );
    expect(wrapped[0]).toMatchObject({
      bodyStyle: "data",
      bodyRequired: true,
      noContent: true,
      successCodes: ["204"],
      responseSchema: undefined,
    });
    const raw = listOperations(fragment(body({ type: "object", properties: { query: { type: "string" } } })));
    expect(raw[0]).toMatchObject({ bodyStyle: "raw", bodyRequired: true, noContent: false });
  });

  it("finds the success schema behind a response $ref, and marks cursor pagination", () => {
    const spec = fragment(
      { "x-pagination": "cursor", responses: { 200: { $ref: "#/components/responses/Things" } } },
      {},
      {},
    );
    (spec.components as Record<string, unknown>).responses = {
      Things: {
        description: "ok",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Things" } } },
      },
    };
    expect(listOperations(spec)[0]).toMatchObject({
      paginated: true,
      responseSchema: { $ref: "#/components/schemas/Things" },
    });
  });

  it("refuses an operation without an SDK name", () => {
    const spec = fragment({});
    delete (spec.paths["/v4/things/{thing_id}"].get as Record<string, unknown>)["x-sdk"];
    expect(() => listOperations(spec)).toThrow("GET /v4/things/{thing_id} has no x-sdk group and method");
  });
});

describe("webhooks", () => {
  it("lists event types in document order with their payload and headers", () => {
    const event = (type: string) => ({
      post: {
        operationId: `webhook.${type}`,
        parameters: [{ name: "X-Frameio-Signature", in: "header", required: true, schema: { type: "string" } }],
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Event" } } } },
      },
    });
    const spec = fragment(
      {},
      { Event: { type: "object" } },
      { webhooks: { "file.ready": event("file.ready"), "comment.created": event("comment.created") } },
    );
    const webhooks = listWebhooks(spec);
    expect(webhooks.map((w) => w.type)).toEqual(["file.ready", "comment.created"]);
    expect(webhooks[0]).toMatchObject({
      operationId: "webhook.file.ready",
      payloadSchema: { $ref: "#/components/schemas/Event" },
    });
    expect(webhooks[0]!.headers.map((h) => h.name)).toEqual(["X-Frameio-Signature"]);
    expect(buildModel(spec).webhooks).toHaveLength(2);
  });
});

describe("extensions", () => {
  it("finds x- keys where OpenAPI allows them, not header names, property names or example data", () => {
    const spec = fragment(
      {
        "x-rate-limit": rateLimit,
        responses: {
          200: {
            description: "ok",
            headers: { "x-ratelimit-limit": { schema: { type: "integer" } } },
            content: { "application/json": { example: { "x-data": 1 } } },
          },
        },
      },
      {
        Thing: {
          type: "object",
          "x-discriminator": "type",
          properties: { "x-name": { type: "string", "x-note": "why" } },
        },
      },
    );
    const found = listExtensions(spec);
    expect([...found.keys()].sort()).toEqual(["x-discriminator", "x-note", "x-rate-limit", "x-sdk"]);
    expect(found.get("x-note")).toEqual(["#/components/schemas/Thing/properties/x-name/x-note"]);
    expect(found.get("x-sdk")).toEqual(["#/paths/~1v4~1things~1{thing_id}/get/x-sdk"]);
  });
});
