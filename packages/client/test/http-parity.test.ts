// client.http and the resource methods share one pipeline: the same timeouts, retries, 401 renewal and transport
// errors. HTTP error statuses differ by contract: resource methods throw, client.http resolves `{ error, response }`.
import { type FaultServer, startFaultServer } from "@frameio-sdk/testing/fault-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  FrameioClient,
  type FrameioClientOptions,
  FrameioConnectionError,
  FrameioTimeoutError,
  NotFoundError,
} from "../src/index.js";
import { FILE_ARGS, FILE_BODY, FILE_PATH, NO_WAIT, rejection } from "./support/fixtures.js";

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(() => server.close());

const ways = {
  resource: (client: FrameioClient) => client.files.show(FILE_ARGS),
  http: async (client: FrameioClient) => {
    const { data, error, response } = await client.http.GET("/v4/accounts/{account_id}/files/{file_id}", {
      params: { path: FILE_ARGS },
    });
    return error === undefined ? data : { error, status: response.status };
  },
};
const make = (options: FrameioClientOptions = {}) =>
  new FrameioClient({ baseUrl: server.url, retry: NO_WAIT, ...options });

describe.each(Object.entries(ways))("via %s", (_way, call) => {
  it("a stalled response times out with FrameioTimeoutError", async () => {
    server.script(FILE_PATH, [{ kind: "hang" }]);
    const error = await rejection(call(make({ timeoutMs: 100, maxRetries: 0 })));
    expect(error).toBeInstanceOf(FrameioTimeoutError);
  });

  it("a 503 is retried, and the retry's body is the result", async () => {
    server.script(FILE_PATH, [
      { status: 503, body: { errors: [] } },
      { status: 200, body: FILE_BODY },
    ]);
    await expect(call(make())).resolves.toEqual(FILE_BODY);
    expect(server.requests).toHaveLength(2);
  });

  it("a 401 renews the token once and repeats the call", async () => {
    let current = "old-token";
    const invalidated: (string | undefined)[] = [];
    const token = {
      getToken: async () => current,
      invalidate: (rejected?: string) => {
        invalidated.push(rejected);
        current = "new-token";
      },
    };
    server.script(FILE_PATH, [
      { status: 401, body: { errors: [{ detail: "expired" }] } },
      { status: 200, body: FILE_BODY },
    ]);
    await expect(call(make({ token }))).resolves.toEqual(FILE_BODY);
    expect(invalidated).toEqual(["old-token"]);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer old-token", "Bearer new-token"]);
  });

  it("a reset connection on every attempt is a FrameioConnectionError", async () => {
    server.script(FILE_PATH, [
      { kind: "reset", when: "before-headers" },
      { kind: "reset", when: "before-headers" },
    ]);
    const error = await rejection(call(make({ maxRetries: 1 })));
    expect(error).toBeInstanceOf(FrameioConnectionError);
    expect(server.requests).toHaveLength(2);
  });
});

describe("HTTP error statuses", () => {
  it("resource methods throw the typed error; client.http resolves openapi-fetch's { error, response }", async () => {
    const notFound = { status: 404, body: { errors: [{ detail: "no such file" }] } };
    server.script(FILE_PATH, [notFound, notFound]);
    const client = make();
    const error = await rejection(ways.resource(client));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).errors[0]?.detail).toBe("no such file");
    await expect(ways.http(client)).resolves.toEqual({ error: notFound.body, status: 404 });
  });
});
