// openapi-fetch middleware sees resource calls exactly as it sees client.http calls.
import { type FaultServer, startFaultServer } from "@frameio-sdk/testing/fault-server";
import type { Middleware } from "openapi-fetch";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FrameioClient, FrameioConnectionError } from "../src/index.js";
import { FILE_ARGS, FILE_BODY, FILE_PATH, NO_WAIT } from "./support/fixtures.js";

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(() => server.close());

/** Tags each request, records what it saw, and stamps each response. */
function tracing() {
  const seen: { url: string; authorization: string | null; schemaPath: string; status?: number }[] = [];
  const middleware: Middleware = {
    onRequest({ request, schemaPath }) {
      request.headers.set("x-trace-id", `trace-${seen.length + 1}`);
      seen.push({ url: request.url, authorization: request.headers.get("authorization"), schemaPath });
      return request;
    },
    onResponse({ response }) {
      seen.at(-1)!.status = response.status;
      const headers = new Headers(response.headers);
      headers.set("x-traced", "yes");
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    },
  };
  return { seen, middleware };
}

const twoCalls = async (client: FrameioClient) => {
  server.script(FILE_PATH, [
    { status: 200, body: FILE_BODY },
    { status: 200, body: FILE_BODY },
  ]);
  const viaResource = await client.withRawResponse.files.show(FILE_ARGS);
  const viaHttp = await client.http.GET("/v4/accounts/{account_id}/files/{file_id}", { params: { path: FILE_ARGS } });
  return { viaResource, viaHttp };
};

describe("middleware", () => {
  it("onRequest and onResponse run for resource calls and for client.http alike", async () => {
    const { seen, middleware } = tracing();
    const client = new FrameioClient({ baseUrl: server.url, token: "tok", middleware: [middleware] });
    const { viaResource, viaHttp } = await twoCalls(client);

    expect(server.requests.map((r) => r.headers["x-trace-id"])).toEqual(["trace-1", "trace-2"]);
    // The token is added below middleware, per attempt (a renewed token after a 401 is used): middleware never
    // sees it, so logging middleware cannot leak it.
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer tok", "Bearer tok"]);
    expect(seen).toEqual([
      {
        url: `${server.url}${FILE_PATH}`,
        authorization: null,
        schemaPath: "/v4/accounts/{account_id}/files/{file_id}",
        status: 200,
      },
      {
        url: `${server.url}${FILE_PATH}`,
        authorization: null,
        schemaPath: "/v4/accounts/{account_id}/files/{file_id}",
        status: 200,
      },
    ]);
    expect(viaResource.data).toEqual(FILE_BODY);
    expect(viaResource.headers.get("x-traced")).toBe("yes");
    expect(viaHttp.data).toEqual(FILE_BODY);
    expect(viaHttp.response.headers.get("x-traced")).toBe("yes");
  });

  it("run in order on the way out and in reverse on the way back", async () => {
    const order: string[] = [];
    const named = (name: string): Middleware => ({
      onRequest: () => void order.push(`${name}:request`),
      onResponse: () => void order.push(`${name}:response`),
    });
    const client = new FrameioClient({ baseUrl: server.url, middleware: [named("a"), named("b")] });
    await twoCalls(client);
    const once = ["a:request", "b:request", "b:response", "a:response"];
    expect(order).toEqual([...once, ...once]);
  });

  it("an onRequest that returns a Response answers without a request", async () => {
    const cached: Middleware = {
      onRequest: () =>
        new Response(JSON.stringify({ data: { id: "from-cache" } }), {
          headers: { "content-type": "application/json" },
        }),
    };
    const client = new FrameioClient({ baseUrl: server.url, middleware: [cached] });
    await expect(client.files.show(FILE_ARGS)).resolves.toEqual({ data: { id: "from-cache" } });
    expect(server.requests).toHaveLength(0);
  });

  it("runs once per call, as openapi-fetch runs it: retries happen below it, with its request", async () => {
    for (const call of ["resource", "http"] as const) {
      const { seen, middleware } = tracing();
      const client = new FrameioClient({ baseUrl: server.url, middleware: [middleware], retry: NO_WAIT });
      server.requests.length = 0;
      server.script(FILE_PATH, [
        { status: 503, body: { errors: [] } },
        { status: 200, body: FILE_BODY },
      ]);
      if (call === "resource") await client.files.show(FILE_ARGS);
      else await client.http.GET("/v4/accounts/{account_id}/files/{file_id}", { params: { path: FILE_ARGS } });
      expect(
        seen.map((s) => s.status),
        call,
      ).toEqual([200]);
      expect(
        server.requests.map((r) => r.headers["x-trace-id"]),
        call,
      ).toEqual(["trace-1", "trace-1"]);
    }
  });

  it("onError sees connection failures of resource calls", async () => {
    const errors: unknown[] = [];
    const client = new FrameioClient({
      baseUrl: server.url,
      maxRetries: 0,
      middleware: [{ onError: ({ error }) => void errors.push(error) }],
    });
    server.script(FILE_PATH, [{ kind: "reset", when: "before-headers" }]);
    await expect(client.files.show(FILE_ARGS)).rejects.toBeInstanceOf(FrameioConnectionError);
    expect(errors).toHaveLength(1);
  });

  it("client.http shares the client's headers and retries", async () => {
    const client = new FrameioClient({ baseUrl: server.url, headers: { "x-app": "dailies-sync" }, retry: NO_WAIT });
    server.script(FILE_PATH, [
      { status: 503, body: { errors: [] } },
      { status: 200, body: FILE_BODY },
    ]);
    const { data, response } = await client.http.GET("/v4/accounts/{account_id}/files/{file_id}", {
      params: { path: FILE_ARGS },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual(FILE_BODY);
    expect(server.requests.map((r) => r.headers["x-app"])).toEqual(["dailies-sync", "dailies-sync"]);
  });

  it("a signal that onRequest middleware gives the request aborts a resource call", async () => {
    // The deadline is only there to end the call if the abort were lost.
    const client = new FrameioClient({ baseUrl: server.url, maxRetries: 0, timeoutMs: 5_000 });
    const controller = new AbortController();
    client.http.use({ onRequest: ({ request }) => new Request(request, { signal: controller.signal }) });
    server.script(FILE_PATH, [{ kind: "hang" }]);
    const call = client.files.show(FILE_ARGS);
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort(new Error("stopped by the app"));
    await expect(call).rejects.toThrow("stopped by the app");
  });

  it("client.http.use after construction applies to resource calls and client.request; eject removes it", async () => {
    const client = new FrameioClient({ baseUrl: server.url, maxRetries: 0 });
    const stamp: Middleware = {
      onRequest({ request }) {
        request.headers.set("x-stamp", "on");
        return request;
      },
    };
    client.http.use(stamp);
    server.script(FILE_PATH, [
      { status: 200, body: FILE_BODY },
      { status: 200, body: FILE_BODY },
      { status: 200, body: FILE_BODY },
    ]);
    await client.files.show(FILE_ARGS);
    await client.request({ method: "GET", path: FILE_PATH });
    client.http.eject(stamp);
    await client.files.show(FILE_ARGS);
    expect(server.requests.map((r) => r.headers["x-stamp"])).toEqual(["on", "on", undefined]);
  });
});
