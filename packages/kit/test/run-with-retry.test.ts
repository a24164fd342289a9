import { type FaultServer, startFaultServer } from "@frameio-sdk/testing/fault-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FrameioConnectionError, RETRY_DEFAULTS, TooManyRequestsError } from "../src/index.js";
import { resolveRetryPolicy, runWithRetry } from "../src/internal.js";

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(() => server.close());

const noWait = { sleep: async () => undefined, random: () => 0 };

/** The client's fast path: its own attempt function, no Request objects, errors typed by the caller. */
function attemptFor(url: string, method = "GET") {
  const numbers: number[] = [];
  const attempt = async (attemptNumber: number) => {
    numbers.push(attemptNumber);
    try {
      return await fetch(url, { method, body: method === "GET" ? undefined : "{}" });
    } catch (cause) {
      throw new FrameioConnectionError({ method, url, cause });
    }
  };
  return { attempt, numbers };
}

describe("runWithRetry (the attempt loop of the transport and the part uploader)", () => {
  it("resolves defaults as documented", () => {
    expect(resolveRetryPolicy()).toMatchObject(RETRY_DEFAULTS);
    expect(RETRY_DEFAULTS).toEqual({
      maxRetries: 2,
      baseDelayMs: 500,
      maxDelayMs: 8_000,
      maxRetryAfterMs: 60_000,
      retryNonIdempotent: "unprocessed",
    });
  });

  it("numbers attempts from 1 and returns the final response with the attempt count", async () => {
    server.script("/v4/me", [{ status: 502 }, { status: 200, body: { data: {} } }]);
    const { attempt, numbers } = attemptFor(`${server.url}/v4/me`);
    const { response, attempts } = await runWithRetry(
      { method: "GET", url: `${server.url}/v4/me` },
      attempt,
      resolveRetryPolicy(noWait),
    );
    expect(response.status).toBe(200);
    expect(attempts).toBe(2);
    expect(numbers).toEqual([1, 2]);
  });

  it("rethrows the last connection error with attempts set", async () => {
    server.script("/v4/me", [
      { kind: "reset", when: "before-headers" },
      { kind: "reset", when: "before-headers" },
      { kind: "reset", when: "before-headers" },
    ]);
    const { attempt } = attemptFor(`${server.url}/v4/me`);
    const failure = await runWithRetry({ method: "GET", url: "x" }, attempt, resolveRetryPolicy(noWait)).catch(
      (e) => e,
    );
    expect(failure).toBeInstanceOf(FrameioConnectionError);
    expect(failure.attempts).toBe(3);
  });

  it("throws TooManyRequestsError at once past maxRetryAfterMs, even with retries left", async () => {
    server.script("/v4/me", [{ status: 429, headers: { "retry-after-ms": "5000" } }]);
    const { attempt, numbers } = attemptFor(`${server.url}/v4/me`);
    const policy = resolveRetryPolicy({ ...noWait, maxRetryAfterMs: 4_999 });
    const failure = await runWithRetry({ method: "GET", url: "x" }, attempt, policy).catch((e) => e);
    expect(failure).toBeInstanceOf(TooManyRequestsError);
    expect(failure.retryAfterMs).toBe(5_000);
    expect(numbers).toEqual([1]);
  });

  it("gives up on a 503 whose Retry-After is too long and returns it", async () => {
    server.script("/v4/me", [{ status: 503, headers: { "retry-after": "3600" } }]);
    const { attempt } = attemptFor(`${server.url}/v4/me`);
    const { response, attempts } = await runWithRetry({ method: "GET", url: "x" }, attempt, resolveRetryPolicy(noWait));
    expect([response.status, attempts]).toEqual([503, 1]);
  });

  it("rethrows errors that are not transport failures without retrying", async () => {
    let calls = 0;
    const bug = new RangeError("bug in attempt");
    const attempt = async () => {
      calls++;
      throw bug;
    };
    await expect(runWithRetry({ method: "GET", url: "x" }, attempt, resolveRetryPolicy(noWait))).rejects.toBe(bug);
    expect(calls).toBe(1);
  });

  it("does not start an attempt once the signal is aborted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    const { attempt, numbers } = attemptFor(`${server.url}/v4/me`);
    await expect(
      runWithRetry({ method: "GET", url: "x" }, attempt, resolveRetryPolicy(noWait), controller.signal),
    ).rejects.toThrow("stop");
    expect(numbers).toEqual([]);
  });

  it("stamps attempts on a transport error built without them, rather than mutating it", async () => {
    const built: FrameioConnectionError[] = [];
    const attempt = async () => {
      const error = new FrameioConnectionError({
        method: "GET",
        url: "http://x/",
        cause: new TypeError("fetch failed"),
      });
      built.push(error);
      throw error;
    };
    const failure = await runWithRetry({ method: "GET", url: "x" }, attempt, resolveRetryPolicy(noWait)).catch(
      (e) => e,
    );
    expect(failure).toBeInstanceOf(FrameioConnectionError);
    expect(failure.attempts).toBe(3);
    expect(built.map((error) => error.attempts)).toEqual([1, 1, 1]);
  });

  it("renews once after a 401 when the hook says so, without spending a retry", async () => {
    server.script("/v4/me", [{ status: 401 }, { status: 401 }]);
    const { attempt, numbers } = attemptFor(`${server.url}/v4/me`);
    let renewals = 0;
    const renew = () => ++renewals > 0;
    const policy = resolveRetryPolicy({ ...noWait, maxRetries: 0 });
    const { response, attempts } = await runWithRetry({ method: "GET", url: "x" }, attempt, policy, undefined, {
      renew,
    });
    expect([response.status, attempts, renewals]).toEqual([401, 2, 1]);
    expect(numbers).toEqual([1, 2]);
  });
});
