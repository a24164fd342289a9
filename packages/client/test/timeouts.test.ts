/**
 * Timeouts cover each attempt (headers and body), per client and per request, and combine with the caller's
 * signal. After every failure we count what is left: ref'ed timers in this process and connections at the server.
 */
import { type FaultServer, startFaultServer } from "@frameio-sdk/testing/fault-server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FrameioClient, FrameioError, FrameioTimeoutError } from "../src/index.js";
import { FILE_ARGS, FILE_BODY, FILE_PATH, NO_WAIT, rejection } from "./support/fixtures.js";
import { requestConnectionsClosed, watchTimers } from "./support/leaks.js";

let server: FaultServer;
let timers: ReturnType<typeof watchTimers>;
beforeEach(async () => {
  server = await startFaultServer();
  timers = watchTimers();
});
afterEach(async () => {
  timers.stop();
  await server.close();
});

/** Waits until the server has received `count` requests. */
const received = (count: number) =>
  vi.waitFor(() => {
    if (server.requests.length < count) throw new Error(`only ${server.requests.length} requests so far`);
  });

it("the timer watch sees a timer left armed (so the checks below cannot pass vacuously)", () => {
  const left = setTimeout(() => undefined, 60_000);
  expect(timers.armed()).toBe(1);
  clearTimeout(left);
  expect(timers.armed()).toBe(0);
});

describe("per-attempt timeouts", () => {
  it("headers that never come fail with FrameioTimeoutError and leave nothing behind", async () => {
    const client = new FrameioClient({ baseUrl: server.url, timeoutMs: 100, maxRetries: 0 });
    server.script(FILE_PATH, [{ kind: "hang" }]);
    const error = (await rejection(client.files.show(FILE_ARGS))) as FrameioTimeoutError;
    expect(error).toBeInstanceOf(FrameioTimeoutError);
    expect(error).toBeInstanceOf(FrameioError);
    expect(error.timeoutMs).toBe(100);
    expect(error.method).toBe("GET");
    expect(error.url).toBe(`${server.url}${FILE_PATH}`);
    expect(error.attempts).toBe(1);
    expect(timers.armed()).toBe(0);
    await requestConnectionsClosed(server);
  });

  it("a body that stalls after the headers times out too", async () => {
    const client = new FrameioClient({ baseUrl: server.url, timeoutMs: 100, maxRetries: 0 });
    server.script(FILE_PATH, [{ kind: "hang", when: "mid-body" }]);
    const error = (await rejection(client.files.show(FILE_ARGS))) as FrameioTimeoutError;
    expect(error).toBeInstanceOf(FrameioTimeoutError);
    expect(timers.armed()).toBe(0);
    await requestConnectionsClosed(server);
  });

  it("an error body that stalls cannot hang the call: the deadline covers reading it", async () => {
    const client = new FrameioClient({ baseUrl: server.url, timeoutMs: 100, maxRetries: 0 });
    server.script(FILE_PATH, [{ kind: "hang", when: "mid-body", status: 500 }]);
    // The transport reads every final body inside the attempt's deadline, error bodies included.
    const error = await rejection(client.files.show(FILE_ARGS));
    expect(error).toBeInstanceOf(FrameioTimeoutError);
    expect(timers.armed()).toBe(0);
    await requestConnectionsClosed(server);
  });

  it("each retry gets its own deadline; the error counts the attempts", async () => {
    const client = new FrameioClient({ baseUrl: server.url, timeoutMs: 100, maxRetries: 2, retry: NO_WAIT });
    server.script(FILE_PATH, [{ kind: "hang" }, { kind: "hang", when: "mid-body" }, { kind: "hang" }]);
    const error = (await rejection(client.files.show(FILE_ARGS))) as FrameioTimeoutError;
    expect(error).toBeInstanceOf(FrameioTimeoutError);
    expect(error.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
    expect(timers.armed()).toBe(0);
    await requestConnectionsClosed(server);
  });

  it("a timed-out attempt followed by a good one resolves", async () => {
    const client = new FrameioClient({ baseUrl: server.url, timeoutMs: 100, retry: NO_WAIT });
    server.script(FILE_PATH, [{ kind: "hang" }, { status: 200, body: FILE_BODY }]);
    await expect(client.files.show(FILE_ARGS)).resolves.toEqual(FILE_BODY);
    expect(server.requests).toHaveLength(2);
  });

  it("a per-request timeoutMs wins over the client's (shorter)", async () => {
    const client = new FrameioClient({ baseUrl: server.url, timeoutMs: 60_000, maxRetries: 0 });
    server.script(FILE_PATH, [{ kind: "hang" }]);
    const error = (await rejection(client.files.show(FILE_ARGS, { timeoutMs: 100 }))) as FrameioTimeoutError;
    expect(error).toBeInstanceOf(FrameioTimeoutError);
    expect(error.timeoutMs).toBe(100);
  });

  it("a per-request timeoutMs wins over the client's (longer)", async () => {
    const client = new FrameioClient({ baseUrl: server.url, timeoutMs: 50, maxRetries: 0 });
    server.script(FILE_PATH, [{ status: 200, body: FILE_BODY, delayHeadersMs: 400 }]);
    await expect(client.files.show(FILE_ARGS, { timeoutMs: 20_000 })).resolves.toEqual(FILE_BODY);
  });

  it("a successful call leaves no timer armed", async () => {
    const client = new FrameioClient({ baseUrl: server.url, timeoutMs: 60_000 });
    server.script(FILE_PATH, [{ status: 200, body: FILE_BODY }]);
    await client.files.show(FILE_ARGS);
    expect(timers.armed()).toBe(0);
  });
});

describe("the caller's signal", () => {
  it("aborting mid-request rejects with the abort reason and closes the connection", async () => {
    const client = new FrameioClient({ baseUrl: server.url });
    server.script(FILE_PATH, [{ kind: "hang" }]);
    const controller = new AbortController();
    const reason = new Error("user left the page");
    const call = client.files.show(FILE_ARGS, { signal: controller.signal });
    await received(1);
    controller.abort(reason);
    // The default 60 s timeout would outlast the test's own timeout: settling at all proves it was prompt.
    await expect(call).rejects.toBe(reason);
    expect(timers.armed()).toBe(0);
    expect(server.requests).toHaveLength(1);
    await requestConnectionsClosed(server);
  });

  it("aborting while the body streams rejects with the abort reason", async () => {
    const client = new FrameioClient({ baseUrl: server.url });
    server.script(FILE_PATH, [{ kind: "hang", when: "mid-body" }]);
    const controller = new AbortController();
    const call = client.files.show(FILE_ARGS, { signal: controller.signal });
    await received(1);
    controller.abort(new Error("enough"));
    await expect(call).rejects.toThrow("enough");
    await requestConnectionsClosed(server);
  });

  it("aborting during the wait before a retry rejects at once and clears the wait", async () => {
    // The server asks for a 30 s pause before the retry; the caller gives up during it.
    const retried = vi.fn();
    const client = new FrameioClient({ baseUrl: server.url, retry: { onRetry: retried } });
    server.script(FILE_PATH, [{ status: 503, body: { errors: [] }, headers: { "retry-after": "30" } }]);
    const controller = new AbortController();
    const call = client.files.show(FILE_ARGS, { signal: controller.signal });
    await vi.waitFor(() => expect(retried).toHaveBeenCalledTimes(1));
    expect(retried.mock.calls[0]![0]).toMatchObject({ attempt: 1, delayMs: 30_000 });
    controller.abort(new Error("cancelled by user"));
    await expect(call).rejects.toThrow("cancelled by user");
    expect(timers.armed()).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it("an already aborted signal sends nothing", async () => {
    const client = new FrameioClient({ baseUrl: server.url });
    const reason = new Error("too late");
    await expect(client.files.show(FILE_ARGS, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(server.requests).toHaveLength(0);
  });

  it("a signal that is never aborted is let go of once the call is done", async () => {
    const client = new FrameioClient({ baseUrl: server.url });
    server.script(FILE_PATH, [{ status: 200, body: FILE_BODY }]);
    const controller = new AbortController();
    await expect(client.files.show(FILE_ARGS, { signal: controller.signal })).resolves.toEqual(FILE_BODY);
    expect(timers.armed()).toBe(0);
    // Aborting afterwards must not disturb anything: the attempt already let go of the signal.
    controller.abort();
  });
});
