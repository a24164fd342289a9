// Escape hatches for what the spec does not cover yet: per-call `query`, `client.request`, `client.call`.
import { type FaultServer, startFaultServer } from "@frameio-sdk/testing/fault-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FrameioClient, FrameioValidationError, NotFoundError, Pager } from "../src/index.js";
import { ACCOUNT_ID, FILE_ARGS, FILE_BODY, FILE_PATH, FOLDER_ID, NO_WAIT, rejection } from "./support/fixtures.js";

let server: FaultServer;
let client: FrameioClient;
beforeEach(async () => {
  server = await startFaultServer();
  client = new FrameioClient({ baseUrl: server.url, token: "tok", retry: NO_WAIT });
});
afterEach(() => server.close());

describe("per-call query", () => {
  it("adds parameters the spec does not list after the operation's own", async () => {
    server.script(FILE_PATH, [{ status: 200, body: FILE_BODY }]);
    await client.files.show({ ...FILE_ARGS, include: ["creator"] }, { query: { preview: true, tags: ["a", "b"] } });
    const [request] = server.requests;
    expect(request?.url).toBe(`${FILE_PATH}?include=creator&preview=true&tags=a,b`);
  });

  it("is not checked against the spec: unknown names pass, known arguments still are", async () => {
    const error = await rejection(client.files.show({ ...FILE_ARGS, file_id: "nope" }, { query: { x: 1 } }));
    expect(error).toBeInstanceOf(FrameioValidationError);
    expect(server.requests).toHaveLength(0);
  });
});

describe("client.request", () => {
  it("sends any API path through the pipeline: token, JSON body, query, typed errors", async () => {
    const path = `/v4/accounts/${ACCOUNT_ID}/beta/things`;
    server.script(`POST ${path}`, [{ status: 201, body: { data: { id: "t1" } } }]);
    const result = await client.request({
      method: "POST",
      path,
      query: { dry_run: true },
      body: { data: { name: "n" } },
    });
    expect(result).toEqual({ data: { id: "t1" } });
    const [request] = server.requests;
    expect(request?.url).toBe(`${path}?dry_run=true`);
    expect(request?.headers.authorization).toBe("Bearer tok");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(String(request?.body))).toEqual({ data: { name: "n" } });

    server.script(`GET ${path}`, [{ status: 404, body: { errors: [{ detail: "no such thing" }] } }]);
    const error = await rejection(client.request({ method: "GET", path }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).errors[0]?.detail).toBe("no such thing");
  });

  it("retries like the resource methods, with the request's own headers", async () => {
    server.script("GET /v4/me", [
      { status: 503, body: { errors: [] } },
      { status: 200, body: { data: { id: "me" } } },
    ]);
    await expect(client.request({ method: "GET", path: "/v4/me", headers: { "x-app": "cli" } })).resolves.toEqual({
      data: { id: "me" },
    });
    expect(server.requests.map((r) => r.headers["x-app"])).toEqual(["cli", "cli"]);
  });

  it("accepts an absolute URL on the API origin, and its query", async () => {
    server.script("GET /v4/me", [{ status: 200, body: { data: { id: "me" } } }]);
    await client.request({ method: "GET", path: `${server.url}/v4/me?x=1` });
    expect(server.requests[0]?.url).toBe("/v4/me?x=1");
  });

  it.each([
    ["another origin", "https://attacker.example/v4/me"],
    ["a protocol-relative URL", "//attacker.example/v4/me"],
    ["a relative path without /", "v4/me"],
    ["a URL with user-info", "http://user:pw@127.0.0.1/v4/me"],
  ])("refuses %s before sending anything", async (_name, path) => {
    const error = await rejection(client.request({ method: "GET", path }));
    expect(error).toBeInstanceOf(FrameioValidationError);
    expect((error as FrameioValidationError).issues[0]?.path).toBe("path");
    expect(server.requests).toHaveLength(0);
  });
});

describe("client.call", () => {
  it("calls an operation by SDK name and by the spec's operationId", async () => {
    server.script(FILE_PATH, [
      { status: 200, body: FILE_BODY },
      { status: 200, body: FILE_BODY },
    ]);
    const key: string = "files.show";
    await expect(client.call(key, FILE_ARGS)).resolves.toEqual(FILE_BODY);
    const uploadPath = `/v4/accounts/${ACCOUNT_ID}/folders/${FOLDER_ID}/files/local_upload`;
    server.script(`POST ${uploadPath}`, [{ status: 201, body: { data: { id: "f" } } }]);
    // A name held as data, as MCP servers and CLIs hold it (the literal's typing is in types.test-d.ts).
    const operationId: string = "files.create_local_upload";
    const args: Record<string, unknown> = {
      account_id: ACCOUNT_ID,
      folder_id: FOLDER_ID,
      data: { name: "a.mov", file_size: 10 },
    };
    const created = await client.call(operationId, args);
    expect(created).toEqual({ data: { id: "f" } });
    expect(server.requests.map((r) => r.pathname)).toEqual([FILE_PATH, uploadPath]);
  });

  it("resolves a list operation to its first page", async () => {
    const path = `/v4/accounts/${ACCOUNT_ID}/folders/${FOLDER_ID}/files`;
    server.script(path, [{ status: 200, body: { data: [{ id: "1" }], links: { next: null } } }]);
    const name: string = "files.list";
    const args: Record<string, unknown> = { account_id: ACCOUNT_ID, folder_id: FOLDER_ID };
    const page = await client.call(name, args);
    expect(page).not.toBeInstanceOf(Pager);
    expect(page).toEqual({ data: [{ id: "1" }], links: { next: null } });
  });

  it("refuses an unknown name with a FrameioValidationError", async () => {
    const name: string = "files.teleport";
    const args: Record<string, unknown> = {};
    const error = await rejection(client.call(name, args));
    expect(error).toBeInstanceOf(FrameioValidationError);
    expect((error as FrameioValidationError).issues[0]?.path).toBe("name");
  });
});
