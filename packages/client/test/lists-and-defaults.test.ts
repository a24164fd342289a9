// `include` lists (sent comma-joined, a single value still accepted) and single-value headers sent by default.
import { type FaultServer, startFaultServer } from "@frameio-sdk/testing/fault-server";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { FrameioClient, FrameioValidationError } from "../src/index.js";
import { ACCOUNT_ID, FILE_ARGS, FILE_BODY, FILE_PATH, rejection } from "./support/fixtures.js";

let server: FaultServer;
let client: FrameioClient;
beforeEach(async () => {
  server = await startFaultServer();
  server.fallback(() => ({ status: 200, body: FILE_BODY }));
  client = new FrameioClient({ baseUrl: server.url, token: "t", maxRetries: 0 });
});
afterEach(() => server.close());

describe("include lists", () => {
  it("are sent comma-joined, on resource methods and on client.http", async () => {
    const include = ["media_links.original", "media_links.thumbnail"] as const;
    await client.files.show({ ...FILE_ARGS, include: [...include] });
    await client.http.GET("/v4/accounts/{account_id}/files/{file_id}", {
      params: { path: FILE_ARGS, query: { include: [...include] } },
    });
    for (const request of server.requests) {
      expect(request.url).toBe(`${FILE_PATH}?include=media_links.original,media_links.thumbnail`);
    }
  });

  it("still take a single value", async () => {
    await client.files.show({ ...FILE_ARGS, include: "creator" });
    expect(server.requests[0]?.url).toBe(`${FILE_PATH}?include=creator`);
  });

  it("check every element against the allowed values", async () => {
    const error = await rejection(client.files.show({ ...FILE_ARGS, include: ["creator", "owner" as never] }));
    expect(error).toBeInstanceOf(FrameioValidationError);
    expect((error as FrameioValidationError).issues[0]?.path).toMatch(/^include/);
    expect(server.requests).toHaveLength(0);
  });

  it("are accepted by the spec's mock server", async () => {
    const prism = new FrameioClient({ baseUrl: inject("prismUrl"), token: "prism-token", maxRetries: 0 });
    const file = await prism.files.show({ ...FILE_ARGS, include: ["creator", "media_links.original"] });
    expect(file.data).toBeTypeOf("object");
  });
});

describe("headers with one allowed value", () => {
  it("are sent by default: auditlog.index needs no api-version argument", async () => {
    server.fallback(() => ({ status: 200, body: { data: [], links: { next: null } } }));
    await client.auditlog.index({ account_id: ACCOUNT_ID });
    expect(server.requests[0]?.headers["api-version"]).toBe("4.0");
  });

  it("against the spec's mock server too", async () => {
    const prism = new FrameioClient({ baseUrl: inject("prismUrl"), token: "prism-token", maxRetries: 0 });
    const page = await prism.auditlog.index({ account_id: ACCOUNT_ID });
    expect(Array.isArray(page.data)).toBe(true);
  });
});
