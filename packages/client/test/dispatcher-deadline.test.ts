/**
 * With Node's fetch, no caller signal and no custom fetch, an attempt's deadline travels as fetch's `dispatcher`
 * instead of an AbortSignal (cheaper per request). These tests pin that this path is the one taken, that it covers
 * the phases a signal covered (connecting, headers, body), and that a replaced `globalThis.fetch` that drops the
 * dispatcher still gets deadlines.
 */
import { startFaultServer, type FaultServer } from "@frameio-sdk/testing/fault-server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FrameioClient, FrameioTimeoutError } from "../src/index.js";
import { FILE_ARGS, FILE_BODY, FILE_PATH, rejection } from "./support/fixtures.js";
import { requestConnectionsClosed } from "./support/leaks.js";

const GLOBAL_DISPATCHER = Symbol.for("undici.globalDispatcher.1");
type Dispatch = (options: object, handler: { onError(error: unknown): void }) => boolean;
type Globals = Record<symbol, { dispatch: Dispatch } | undefined>;

const nodeFetch = globalThis.fetch;
let server: FaultServer;
let seen: RequestInit[];
beforeEach(async () => {
  server = await startFaultServer();
  seen = [];
  // Passes every call through untouched (so the dispatcher still works) and keeps what the client handed fetch.
  globalThis.fetch = (input, init) => {
    seen.push(init ?? {});
    return nodeFetch(input, init);
  };
});
afterEach(async () => {
  globalThis.fetch = nodeFetch;
  await server.close();
});

describe("deadlines without an AbortSignal", () => {
  it("a default client hands fetch a dispatcher, no signal, and its deadline closes a hung connection", async () => {
    const client = new FrameioClient({ baseUrl: server.url, timeoutMs: 100, maxRetries: 0 });
    server.script(FILE_PATH, [{ kind: "hang" }]);
    await expect(client.files.show(FILE_ARGS)).rejects.toBeInstanceOf(FrameioTimeoutError);
    expect(seen.map((init) => [init.signal, "dispatcher" in init])).toEqual([[undefined, true]]);
    await requestConnectionsClosed(server);
  });

  it("a caller's signal goes to fetch as a signal", async () => {
    const client = new FrameioClient({ baseUrl: server.url });
    server.script(FILE_PATH, [{ status: 200, body: FILE_BODY }]);
    await client.files.show(FILE_ARGS, { signal: new AbortController().signal });
    expect(seen[0]?.signal).toBeInstanceOf(AbortSignal);
    expect(seen[0]).not.toHaveProperty("dispatcher");
  });

  it("a deadline that passes before the connection is made fails the call, and nothing is sent later", async () => {
    const client = new FrameioClient({ baseUrl: server.url, timeoutMs: 30, maxRetries: 0 });
    server.script(FILE_PATH, [{ status: 200, body: FILE_BODY }]);
    await client.files.show(FILE_ARGS); // Node creates its global dispatcher on the first fetch.
    const globals = globalThis as unknown as Globals;
    const real = globals[GLOBAL_DISPATCHER]!;
    // Plays a connection that takes as long as the test likes: dispatches wait until released.
    const held: Array<() => void> = [];
    let failed = 0;
    globals[GLOBAL_DISPATCHER] = {
      dispatch(options, handler) {
        const onError = handler.onError;
        handler.onError = (error) => {
          failed++;
          onError.call(handler, error);
        };
        held.push(() => real.dispatch(options, handler));
        return true;
      },
    };
    try {
      const error = await rejection(client.files.show(FILE_ARGS));
      expect(error).toBeInstanceOf(FrameioTimeoutError);
      expect(held).toHaveLength(1);
      held[0]!();
      // fetch aborts the request as soon as it is connected: undici reports that, and the server sees nothing.
      await vi.waitFor(() => expect(failed).toBeGreaterThanOrEqual(2));
    } finally {
      globals[GLOBAL_DISPATCHER] = real;
    }
    expect(server.requests).toHaveLength(1);
  });

  it("a replaced fetch that drops the dispatcher still times out; later calls use signals until Node's returns", async () => {
    const client = new FrameioClient({ baseUrl: server.url, timeoutMs: 100, maxRetries: 0 });
    const recording = globalThis.fetch;
    const dropping: typeof fetch = (input, init) => {
      seen.push(init ?? {});
      return nodeFetch(input, { ...init, dispatcher: undefined } as RequestInit);
    };
    globalThis.fetch = dropping;
    server.script(FILE_PATH, [{ kind: "hang" }, { kind: "hang" }, { status: 200, body: FILE_BODY }]);
    await expect(client.files.show(FILE_ARGS)).rejects.toBeInstanceOf(FrameioTimeoutError);
    await expect(client.files.show(FILE_ARGS)).rejects.toBeInstanceOf(FrameioTimeoutError);
    expect(seen[0]).toHaveProperty("dispatcher");
    expect(seen[1]?.signal).toBeInstanceOf(AbortSignal);
    // The signal closed the second connection; the first one is left to the server, as nothing could abort it.
    await vi.waitFor(() => expect(server.requests[1]?.connectionOpen()).toBe(false));

    globalThis.fetch = recording;
    await expect(client.files.show(FILE_ARGS)).resolves.toEqual(FILE_BODY);
    expect(seen[2]).toHaveProperty("dispatcher");
    expect(seen[2]?.signal).toBeUndefined();
  });
});
