// Every operation of the spec, called through openapi-fetch against Prism started from the same spec:
// valid arguments get the documented status and a body matching the schema; invalid ones are refused with 422.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import createClient from "openapi-fetch";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { paths } from "../src/index.js";
import { operations, pathValue, spec, success, validArguments } from "./spec-fixtures.js";

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "spec", components: spec.components }, "spec");
const rewrite = (schema: unknown) =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"spec#/components/'));

let client: ReturnType<typeof createClient<paths>>;
beforeAll(() => {
  client = createClient<paths>({ baseUrl: inject("prismUrl"), headers: { authorization: "Bearer contract-test" } });
});

const all = operations();

it("covers all 90 published operations", () => {
  expect(all).toHaveLength(90);
  expect(new Set(all.map((o) => `${o.op["x-sdk"].group}.${o.op["x-sdk"].method}`)).size).toBe(90);
});

describe.each(all)("$id ($method $path)", (entry) => {
  it("answers valid arguments with the documented status and schema", async () => {
    const args = validArguments(entry);
    if (args.hasBody) expect(args.body, "the spec must carry a request example").toBeDefined();
    const { status, schema } = success(entry);
    const result = await client.request(
      entry.method as never,
      entry.path as never,
      {
        params: { path: args.path, query: args.query, header: args.header },
        ...(args.hasBody ? { body: args.body } : {}),
      } as never,
    );
    const response = (result as { response: Response }).response;
    expect(response.status, JSON.stringify((result as { error?: unknown }).error)).toBe(status);
    if (schema) {
      const validate = ajv.compile(rewrite(schema) as object);
      const ok = validate((result as { data: unknown }).data);
      expect(validate.errors ?? [], "body matches the response schema").toEqual([]);
      expect(ok).toBe(true);
    } else {
      expect((result as { data: unknown }).data).toBeUndefined();
    }
  });
});

describe("invalid calls are refused by the mock with 422", () => {
  const files = `/v4/accounts/${pathValue("account_id")}/files/${pathValue("file_id")}`;

  it("a malformed UUID in the path", async () => {
    const res = await fetch(`${inject("prismUrl")}/v4/accounts/not-a-uuid/workspaces`, {
      headers: { authorization: "Bearer t" },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("sl-violations") ?? "").toContain("account_id");
  });

  it("a value outside an enum", async () => {
    const res = await fetch(`${inject("prismUrl")}${files}?include=everything`, {
      headers: { authorization: "Bearer t" },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("sl-violations") ?? "").toContain("include");
  });

  it("a missing required body field", async () => {
    const { response } = await client.POST("/v4/accounts/{account_id}/folders/{folder_id}/files/local_upload", {
      params: { path: { account_id: pathValue("account_id"), folder_id: pathValue("folder_id") } },
      body: { data: { name: "clip.mov" } } as never,
    });
    expect(response.status).toBe(422);
    expect(response.headers.get("sl-violations") ?? "").toContain("file_size");
  });

  it("a page size above its maximum", async () => {
    const res = await fetch(`${inject("prismUrl")}/v4/accounts/${pathValue("account_id")}/workspaces?page_size=101`, {
      headers: { authorization: "Bearer t" },
    });
    expect(res.status).toBe(422);
  });

  it("one bad element in an include list", async () => {
    const res = await fetch(`${inject("prismUrl")}${files}?include=creator,everything`, {
      headers: { authorization: "Bearer t" },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("sl-violations") ?? "").toContain("include");
  });
});

describe("include lists", () => {
  // openapi-fetch does not read the spec's style; a client states it (the spec says form, explode false).
  it("an array sent comma-joined, as the spec's style says, is accepted", async () => {
    const seen: string[] = [];
    const { response } = await client.GET("/v4/accounts/{account_id}/files/{file_id}", {
      params: {
        path: { account_id: pathValue("account_id"), file_id: pathValue("file_id") },
        query: { include: ["media_links.original", "media_links.thumbnail", "creator"] },
      },
      querySerializer: { array: { style: "form", explode: false } },
      fetch: (request: Request) => {
        seen.push(new URL(request.url).search);
        return fetch(request);
      },
    });
    expect(response.status).toBe(200);
    expect(seen).toEqual(["?include=media_links.original,media_links.thumbnail,creator"]);
  });
});
