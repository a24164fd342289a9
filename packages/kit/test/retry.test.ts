import { type FaultServer, startFaultServer } from "@frameio-sdk/testing/fault-server";
import createClient from "openapi-fetch";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  attemptsOf,
  FrameioConnectionError,
  FrameioTimeoutError,
  FrameioValidationError,
  InternalServerError,
  type RetryEvent,
  type RetryFetchOptions,
  retry,
  TooManyRequestsError,
} from "../src/index.js";

let server: FaultServer;
let sleeps: number[];
let events: RetryEvent[];

beforeEach(async () => {
  server = await startFaultServer();
  sleeps = [];
  events = [];
});
afterEach(() => server.close());

/** A retrying fetch whose waits are recorded instead of slept, with jitter pinned to its midpoint. */
function retryingFetch(options: RetryFetchOptions = {}) {
  return retry({
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    onRetry: (event) => void events.push(event),
    ...options,
  });
}

/** The one path these tests call through openapi-fetch, typed just enough for `GET`. */
interface MePaths {
  "/v4/me": {
    get: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: {
        200: { headers: Record<string, unknown>; content: { "application/json": unknown } };
        default: { headers: Record<string, unknown>; content: { "application/json": unknown } };
      };
    };
  };
}

const ok = { status: 200, body: { data: { id: "c1" } } };
const json = (body: unknown) => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

describe("retry(): server-requested waits", () => {
  it("waits out a 429's Retry-After in seconds, then succeeds", async () => {
    server.script("/v4/me", [{ status: 429, headers: { "retry-after": "2" } }, ok]);
    const response = await retryingFetch()(`${server.url}/v4/me`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { id: "c1" } });
    expect(attemptsOf(response)).toBe(2);
    expect(sleeps).toEqual([2000]);
    expect(server.requestsTo("/v4/me")).toHaveLength(2);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      attempt: 1,
      delayMs: 2000,
      request: { method: "GET", url: `${server.url}/v4/me` },
    });
    expect(events[0]?.error).toBeInstanceOf(TooManyRequestsError);
  });

  it("honours retry-after-ms and Retry-After as an HTTP date", async () => {
    const inThreeSeconds = new Date(Date.now() + 3_000).toUTCString();
    server.script("/v4/me", [
      { status: 429, headers: { "retry-after-ms": "1234" } },
      { status: 503, headers: { "retry-after": inThreeSeconds } },
      ok,
    ]);
    const response = await retryingFetch()(`${server.url}/v4/me`);
    expect(attemptsOf(response)).toBe(3);
    expect(sleeps[0]).toBe(1234);
    // An HTTP date has one-second resolution and the clock moved on: bounded, not exact.
    expect(sleeps[1]).toBeGreaterThan(1_000);
    expect(sleeps[1]).toBeLessThanOrEqual(3_000);
  });

  it("throws TooManyRequestsError at once when the requested wait exceeds maxRetryAfterMs", async () => {
    server.script("/v4/me", [
      { status: 429, headers: { "retry-after": "120" }, body: { errors: [{ detail: "Slow down" }] } },
      ok,
    ]);
    const failure = await retryingFetch()(`${server.url}/v4/me`).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TooManyRequestsError);
    expect(failure).toMatchObject({ status: 429, retryAfterMs: 120_000, attempts: 1 });
    expect((failure as TooManyRequestsError).errors[0]?.detail).toBe("Slow down");
    expect(sleeps).toEqual([]);
    expect(server.requestsTo("/v4/me")).toHaveLength(1);
  });

  it("follows Frame.io's 429 rule when no wait is given: >= 1 s doubling, or the bucket's refill time", async () => {
    server.script("/v4/me", [
      { status: 429 },
      { status: 429 },
      {
        status: 429,
        headers: { "x-ratelimit-limit": "10", "x-ratelimit-remaining": "0", "x-ratelimit-window": "60000" },
      },
      ok,
    ]);
    const response = await retryingFetch({ maxRetries: 3 })(`${server.url}/v4/me`);
    expect(attemptsOf(response)).toBe(4);
    // random 0.5 adds 25%: 1 s and 2 s floors; then 60 000 ms / 10 calls = 6 s to free a call (capped at 8 s).
    expect(sleeps).toEqual([1250, 2500, 7500]);
  });
});

describe("retry(): backoff and limits", () => {
  it("retries 503 twice with equal-jitter exponential backoff, then succeeds", async () => {
    server.script("/v4/me", [{ status: 503 }, { status: 503 }, ok]);
    const response = await retryingFetch()(`${server.url}/v4/me`);
    expect(response.status).toBe(200);
    expect(attemptsOf(response)).toBe(3);
    // base 500 ms: ceilings 500 and 1000, half fixed plus half * random(0.5).
    expect(sleeps).toEqual([375, 750]);
    expect(events.map((e) => e.error)).toEqual([expect.any(InternalServerError), expect.any(InternalServerError)]);
  });

  it("keeps every backoff inside [ceiling/2, ceiling] for any random value", async () => {
    for (const random of [0, 0.999999]) {
      sleeps = [];
      server.script("/v4/me", [{ status: 502 }, { status: 504 }, { status: 500 }, ok]);
      await retryingFetch({ maxRetries: 3, random: () => random })(`${server.url}/v4/me`);
      const ceilings = [500, 1000, 2000];
      sleeps.forEach((ms, i) => {
        expect(ms).toBeGreaterThanOrEqual(ceilings[i]! / 2);
        expect(ms).toBeLessThanOrEqual(ceilings[i]!);
      });
    }
  });

  it("returns the last response after maxRetries, so openapi-fetch still yields { error }", async () => {
    server.script("/v4/me", [
      { status: 500 },
      { status: 500 },
      { status: 500, body: { errors: [{ detail: "down" }] } },
      ok,
    ]);
    const client = createClient<MePaths>({ baseUrl: server.url, fetch: retryingFetch() });
    const { data, error, response } = await client.GET("/v4/me", {});
    expect(data).toBeUndefined();
    expect(error).toEqual({ errors: [{ detail: "down" }] });
    expect(response.status).toBe(500);
    expect(attemptsOf(response)).toBe(3);
    expect(server.requestsTo("/v4/me")).toHaveLength(3);
  });

  it("does not retry statuses that cannot improve (400, 404, 501)", async () => {
    for (const status of [400, 404, 501]) {
      server.script(`/v4/status/${status}`, [{ status }, ok]);
      const response = await retryingFetch()(`${server.url}/v4/status/${status}`);
      expect(response.status).toBe(status);
      expect(attemptsOf(response)).toBe(1);
      expect(server.requestsTo(`/v4/status/${status}`)).toHaveLength(1);
    }
    expect(sleeps).toEqual([]);
  });

  it("takes maxRetries per client and per request", async () => {
    server.script("/v4/me", [{ status: 503 }, { status: 503 }, { status: 503 }, ok]);
    const client = createClient<MePaths>({ baseUrl: server.url, fetch: retryingFetch({ maxRetries: 1 }) });
    expect((await client.GET("/v4/me", {})).response.status).toBe(503);
    expect(server.requestsTo("/v4/me")).toHaveLength(2);
    expect((await client.GET("/v4/me", { fetch: retryingFetch({ maxRetries: 0 }) })).response.status).toBe(503);
    expect(server.requestsTo("/v4/me")).toHaveLength(3);

    server.script("/v4/direct", [{ status: 503 }, { status: 503 }, ok]);
    const direct = await retryingFetch({ maxRetries: 0 })(`${server.url}/v4/direct`, {
      retry: { maxRetries: 2 },
    } as RequestInit);
    expect(direct.status).toBe(200);
    expect(attemptsOf(direct)).toBe(3);
  });

  it("refuses bad options with a FrameioValidationError naming each field", () => {
    const issuesOf = (options: RetryFetchOptions) => {
      try {
        retry(options);
      } catch (error) {
        expect(error).toBeInstanceOf(FrameioValidationError);
        return (error as FrameioValidationError).issues.map((issue) => issue.path);
      }
      throw new Error("expected a FrameioValidationError");
    };
    expect(issuesOf({ maxRetries: -1, baseDelayMs: Number.NaN, retryNonIdempotent: "sometimes" as never })).toEqual([
      "maxRetries",
      "baseDelayMs",
      "retryNonIdempotent",
    ]);
    expect(issuesOf({ timeoutMs: 0, fetch: "fetch" as never })).toEqual(["fetch", "timeoutMs"]);
  });
});

describe("retry(): writes are never duplicated", () => {
  const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);

  it("sends a POST body intact on every attempt (JSON, binary and multipart)", async () => {
    server.script("POST /v4/comments", [{ status: 503 }, { status: 429, headers: { "retry-after": "0" } }, ok]);
    const send = retryingFetch();
    await send(`${server.url}/v4/comments`, json({ data: { text: "héllo ✓" } }));
    const bodies = server.requestsTo("POST /v4/comments").map((r) => r.body.toString("utf8"));
    expect(bodies).toEqual(Array(3).fill(JSON.stringify({ data: { text: "héllo ✓" } })));

    server.script("PUT /v4/blob", [{ status: 500 }, ok]);
    await send(new Request(`${server.url}/v4/blob`, { method: "PUT", body: bytes }));
    expect(server.requestsTo("PUT /v4/blob").map((r) => [...r.body])).toEqual([[...bytes], [...bytes]]);

    const form = new FormData();
    form.append("name", "clip.mov");
    form.append("file", new Blob([bytes]), "clip.mov");
    server.script("POST /v4/form", [{ status: 503 }, ok]);
    await send(`${server.url}/v4/form`, { method: "POST", body: form });
    const [first, second] = server.requestsTo("POST /v4/form");
    expect(first!.body.length).toBeGreaterThan(256);
    expect(second!.body.equals(first!.body)).toBe(true);
    expect(second!.headers["content-type"]).toBe(first!.headers["content-type"]);
  });

  it("does not retry a POST after a 500: the server may have created it", async () => {
    server.script("POST /v4/comments", [{ status: 500 }, ok]);
    const response = await retryingFetch()(`${server.url}/v4/comments`, json({ text: "once" }));
    expect(response.status).toBe(500);
    expect(attemptsOf(response)).toBe(1);
    expect(server.requestsTo("POST /v4/comments")).toHaveLength(1);
  });

  it("does not retry a POST whose connection was reset after sending, and says how many attempts ran", async () => {
    server.script("POST /v4/comments", [{ kind: "reset", when: "before-headers" }, ok]);
    const failure = await retryingFetch()(`${server.url}/v4/comments`, json({ text: "once" })).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FrameioConnectionError);
    expect((failure as FrameioConnectionError).attempts).toBe(1);
    expect(server.requestsTo("POST /v4/comments")).toHaveLength(1);
  });

  it("does not retry a POST cut off mid-response, but retries a GET cut off mid-headers or mid-body", async () => {
    server.script("POST /v4/comments", [{ kind: "reset", when: "mid-body" }, ok]);
    const failure = await retryingFetch()(`${server.url}/v4/comments`, json({ text: "once" })).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FrameioConnectionError);
    expect((failure as FrameioConnectionError).phase).toBe("reading-body");
    expect(server.requestsTo("POST /v4/comments")).toHaveLength(1);

    server.script("GET /v4/me", [{ kind: "reset", when: "mid-headers" }, { kind: "reset", when: "mid-body" }, ok]);
    const response = await retryingFetch()(`${server.url}/v4/me`);
    expect(await response.json()).toEqual(ok.body);
    expect(attemptsOf(response)).toBe(3);
    expect(events.map((e) => e.error)).toEqual([
      expect.any(FrameioConnectionError),
      expect.any(FrameioConnectionError),
    ]);
  });

  it("retries a POST when the connection was refused (nothing was sent), unless told never to", async () => {
    const closed = await startFaultServer();
    const url = `${closed.url}/v4/comments`;
    await closed.close();
    const failure = await retryingFetch()(url, json({ text: "x" })).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FrameioConnectionError);
    expect((failure as FrameioConnectionError).attempts).toBe(3);
    const never = await retryingFetch({ retryNonIdempotent: "never" })(url, json({ text: "x" })).catch(
      (e: unknown) => e,
    );
    expect((never as FrameioConnectionError).attempts).toBe(1);
  });

  it("retries a POST on 429 and 503 by default, on anything retryable with 'always', and asks a function", async () => {
    server.script("POST /v4/comments", [{ status: 429, headers: { "retry-after": "0" } }, { status: 503 }, ok]);
    expect(attemptsOf(await retryingFetch()(`${server.url}/v4/comments`, json({})))).toBe(3);

    server.script("POST /v4/comments", [{ status: 500 }, { status: 502 }, ok]);
    expect(
      attemptsOf(await retryingFetch({ retryNonIdempotent: "always" })(`${server.url}/v4/comments`, json({}))),
    ).toBe(3);

    const asked: unknown[] = [];
    const decide = (context: { status?: number; requestMayHaveBeenSent: boolean }) => {
      asked.push(context);
      return context.status === 502;
    };
    server.script("POST /v4/comments", [{ status: 502 }, { status: 500 }, ok]);
    const response = await retryingFetch({ retryNonIdempotent: decide })(`${server.url}/v4/comments`, json({}));
    expect(response.status).toBe(500);
    expect(asked).toEqual([
      expect.objectContaining({ method: "POST", attempt: 1, status: 502, requestMayHaveBeenSent: true }),
      expect.objectContaining({ attempt: 2, status: 500 }),
    ]);
  });

  it("gets exactly one attempt for a streamed body, which cannot be replayed", async () => {
    server.script("POST /v4/stream", [{ status: 503 }, ok]);
    const body = new Blob([bytes]).stream();
    const response = await retryingFetch()(`${server.url}/v4/stream`, {
      method: "POST",
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(503);
    expect(server.requestsTo("POST /v4/stream").map((r) => r.body.length)).toEqual([256]);
  });
});

describe("retry(): slow servers", () => {
  // The slow step waits 30 s against a 150 ms limit: no machine is slow enough to blur the two.
  const slow = { status: 200, body: { data: "late" }, delayHeadersMs: 30_000 };

  it("times out an attempt whose headers are late and retries a GET", async () => {
    server.script("/v4/me", [slow, ok]);
    const response = await retryingFetch({ timeoutMs: 150 })(`${server.url}/v4/me`);
    expect(await response.json()).toEqual(ok.body);
    expect(attemptsOf(response)).toBe(2);
    expect(events[0]?.error).toBeInstanceOf(FrameioTimeoutError);
  });

  it("does not retry a timed-out POST and reports FrameioTimeoutError with attempts", async () => {
    server.script("POST /v4/comments", [slow, ok]);
    const failure = await retryingFetch({ timeoutMs: 150 })(`${server.url}/v4/comments`, json({})).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(FrameioTimeoutError);
    expect(failure).toMatchObject({ timeoutMs: 150, attempts: 1, method: "POST" });
    expect(server.requestsTo("POST /v4/comments")).toHaveLength(1);
  });

  it("stops waiting between attempts when the caller aborts", async () => {
    server.script("/v4/me", [{ status: 503 }, ok]);
    const controller = new AbortController();
    const send = retry({ onRetry: () => controller.abort(new Error("caller gave up")) });
    await expect(send(`${server.url}/v4/me`, { signal: controller.signal })).rejects.toThrow("caller gave up");
    expect(server.requestsTo("/v4/me")).toHaveLength(1);
  });
});

describe("retry(): per-request checks", () => {
  it("refuses a signal that is not an AbortSignal with a FrameioValidationError naming it, before any request", async () => {
    const failure = await retry()(`${server.url}/v4/me`, { signal: "soon" as unknown as AbortSignal }).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(FrameioValidationError);
    expect((failure as FrameioValidationError).issues.map((issue) => issue.path)).toEqual(["signal"]);
    expect(server.requests).toHaveLength(0);
  });
});
