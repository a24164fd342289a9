// Given a small spec, gen-types writes the openapi-typescript declarations the types package exports: include lists
// as arrays of the allowed values, deprecation in TSDoc, and the webhook payloads.
import { describe, expect, it } from "vitest";
import { generateTypes, TYPES_PATH } from "../../../../scripts/lib/gen-types.mjs";

const spec = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/v4/things": {
      get: {
        operationId: "things.index",
        summary: "List things",
        deprecated: true,
        parameters: [
          {
            name: "include",
            in: "query",
            style: "form",
            explode: false,
            schema: { type: "array", items: { $ref: "#/components/schemas/ThingInclude" } },
          },
          {
            name: "api-version",
            in: "header",
            required: true,
            schema: { type: "string", enum: ["4.0"], default: "4.0" },
          },
        ],
        responses: {
          200: {
            description: "ok",
            content: { "application/json": { schema: { type: "object", properties: { id: { type: "string" } } } } },
          },
        },
      },
    },
  },
  webhooks: {
    "thing.created": {
      post: {
        requestBody: {
          content: {
            "application/json": { schema: { type: "object", properties: { type: { const: "thing.created" } } } },
          },
        },
        responses: { 200: { description: "ok" } },
      },
    },
  },
  components: { schemas: { ThingInclude: { type: "string", enum: ["owner", "parts"] } } },
};

describe("gen-types", () => {
  it("declares include as a list, the header, deprecation and webhooks", async () => {
    const before = JSON.stringify(spec);
    const text = (await generateTypes({ spec }))[TYPES_PATH]!;
    expect(TYPES_PATH).toBe("packages/types/src/generated/openapi.ts");
    expect(text).toMatch(/include\?: components\["schemas"\]\["ThingInclude"\]\[\];/);
    expect(text).toMatch(/ThingInclude: "owner" \| "parts";/);
    expect(text).toMatch(/"api-version": "4\.0";/);
    expect(text).toMatch(/@deprecated/);
    expect(text).toMatch(/"thing\.created": \{/);
    expect(JSON.stringify(spec), "the model's document is left as it was").toBe(before);
  });
});
