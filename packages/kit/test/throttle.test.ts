import { type FaultServer, startFaultServer } from "@frameio-sdk/testing/fault-server";
import { type RateLimitServer, startRateLimitServer } from "@frameio-sdk/testing/rate-limit-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createThrottle, FrameioValidationError, type RateLimit, type Throttle } from "../src/index.js";
// Until the main entry re-exports them (kit-engine owns src/index.ts).
import { DEFAULT_MAX_HEADER_WAIT_MS, publishedRateLimits, RATE_MARGIN } from "../src/throttle/index.js";

/** A clock that only moves when a sleeper wakes, so waits are exact and instant. */
function fakeTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms: number, signal?: AbortSignal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const spec: Record<string, RateLimit> = {
  "comments.create": { calls: 10, per_seconds: 60, scope: "account_user" },
  "comments.index": { calls: 100, per_seconds: 60, scope: "account_user" },
};

/** comments.create in the table above: 10 per 60 s, run at 97% (one call per 6 186 ms), burst 9 (one held back). */
const INTERVAL = 60_000 / 10 / (1 - RATE_MARGIN);
const BURST = 9;

describe("createThrottle (fake clock)", () => {
  it("lets the burst through at once, then spaces calls one interval apart at 97% of the rate, first come first served", async () => {
    const time = fakeTime();
    const throttle = createThrottle({ limits: spec, now: time.now, sleep: time.sleep });
    await Promise.all(Array.from({ length: 50 }, () => throttle.acquire("comments.create")));
    expect(time.sleeps.map(Math.round)).toEqual(
      Array.from({ length: 50 - BURST }, (_, i) => Math.round(INTERVAL * (i + 1))),
    );
    expect(INTERVAL).toBeGreaterThan(6_000); // never faster than the published rate
  });

  it("refills continuously, like Frame.io's leaky bucket", async () => {
    const time = fakeTime();
    const throttle = createThrottle({ limits: spec, now: time.now, sleep: time.sleep });
    for (let i = 0; i < BURST; i++) await throttle.acquire("comments.create");
    time.advance(2 * INTERVAL); // two calls' worth
    await throttle.acquire("comments.create");
    await throttle.acquire("comments.create");
    expect(time.sleeps).toEqual([]);
    await throttle.acquire("comments.create");
    expect(time.sleeps.map(Math.round)).toEqual([Math.round(INTERVAL)]);
  });

  it("keeps one bucket per operation and per scope holder, and leaves operations without a limit alone", async () => {
    const time = fakeTime();
    const throttle = createThrottle({ limits: spec, now: time.now, sleep: time.sleep });
    for (let i = 0; i < BURST; i++) await throttle.acquire("comments.create", undefined, "user-a");
    await throttle.acquire("comments.create", undefined, "user-b");
    await throttle.acquire("comments.index", undefined, "user-a");
    for (let i = 0; i < 1_000; i++) await throttle.acquire("files.list"); // explicit limits replace the table
    expect(time.sleeps).toEqual([]);
    await throttle.acquire("comments.create", undefined, "user-a");
    expect(time.sleeps).toHaveLength(1);
  });

  it("with no argument, applies every operation's published limit from the spec", async () => {
    const time = fakeTime();
    const throttle = createThrottle({ now: time.now, sleep: time.sleep });
    const filesList = publishedRateLimits["files.list"]!;
    for (let i = 0; i < filesList.calls - 1; i++) await throttle.acquire("files.list", undefined, "user-a");
    expect(time.sleeps).toEqual([]);
    await throttle.acquire("files.list", undefined, "user-a");
    const interval = (filesList.per_seconds * 1000) / filesList.calls / (1 - RATE_MARGIN);
    expect(time.sleeps.map(Math.round)).toEqual([Math.round(interval)]);
    expect(Object.keys(publishedRateLimits).length).toBeGreaterThan(50);
  });

  it("gives a waiting slot back when the caller aborts", async () => {
    const time = fakeTime();
    const controller = new AbortController();
    const throttle = createThrottle({
      limits: spec,
      now: time.now,
      sleep: async (ms, signal) => {
        time.sleeps.push(ms);
        if (signal) controller.abort(new Error("caller left"));
        signal?.throwIfAborted();
      },
    });
    for (let i = 0; i < BURST; i++) await throttle.acquire("comments.create");
    await expect(throttle.acquire("comments.create", controller.signal)).rejects.toThrow("caller left");
    await expect(throttle.acquire("comments.create", controller.signal)).rejects.toThrow("caller left");
    // The second call was refused before reserving; the next one gets the returned slot, not one behind it.
    await throttle.acquire("comments.create");
    expect(time.sleeps.map(Math.round)).toEqual([Math.round(INTERVAL), Math.round(INTERVAL)]);
  });

  it("adopts the server's x-ratelimit headers over the configured figures", async () => {
    const time = fakeTime();
    const throttle = createThrottle({ limits: spec, now: time.now, sleep: time.sleep });
    const headers = new Headers({
      "x-ratelimit-limit": "5",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-window": "1000",
    });
    throttle.observe("comments.create", headers);
    throttle.observe("projects.index", headers); // not in the table: learnt from the headers
    await throttle.acquire("comments.create");
    await throttle.acquire("projects.index");
    expect(time.sleeps.map(Math.round)).toEqual([206, 206]); // 5 per second at 97%
  });

  it("caps what a header can make a call wait (x-ratelimit-window of an hour, Retry-After of an hour)", async () => {
    const time = fakeTime();
    const throttle = createThrottle({ limits: spec, now: time.now, sleep: time.sleep, maxHeaderWaitMs: 30_000 });
    const hour = new Headers({
      "x-ratelimit-limit": "1",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-window": "3600000",
    });
    throttle.observe("comments.create", hour);
    await throttle.acquire("comments.create");
    throttle.observe("comments.index", new Headers({ "retry-after": "3600" }));
    await throttle.acquire("comments.index");
    expect(time.sleeps.map(Math.round)).toEqual([30_000, 30_000]);
    // Without the cap option the default is 60 s.
    const defaults = createThrottle({ limits: spec, now: time.now, sleep: time.sleep });
    defaults.observe("comments.create", hour);
    await defaults.acquire("comments.create");
    expect(Math.round(time.sleeps.at(-1)!)).toBe(DEFAULT_MAX_HEADER_WAIT_MS);
  });

  it("after a 429's Retry-After, the next call waits it out", async () => {
    const time = fakeTime();
    const throttle = createThrottle({ limits: spec, now: time.now, sleep: time.sleep });
    throttle.observe("comments.create", new Headers({ "retry-after": "2" }));
    await throttle.acquire("comments.create");
    expect(time.sleeps.map(Math.round)).toEqual([2_000]);
  });

  it("refuses limits and options that cannot be enforced, naming the operation and field", () => {
    expect(() => createThrottle({ limits: { "comments.create": { calls: 0, per_seconds: 60 } } })).toThrow(
      FrameioValidationError,
    );
    expect(() => createThrottle({ limits: { "files.show": { calls: 5, per_seconds: -1 } } })).toThrow(
      /limits\["files\.show"\]\.per_seconds/,
    );
    expect(() => createThrottle({ maxHeaderWaitMs: Number.NaN })).toThrow(/maxHeaderWaitMs/);
    expect(() => createThrottle(null as never)).toThrow(FrameioValidationError);
  });
});

describe("createThrottle against a rate-limited server", () => {
  let server: FaultServer;
  beforeEach(async () => {
    server = await startFaultServer();
  });
  afterEach(() => server.close());

  // The real limit is 100 calls per 60 s; scaled to 10 per 0.5 s so the test takes about 2 s.
  const limit: RateLimit = { calls: 10, per_seconds: 0.5, scope: "account_user" };

  // Calls the server tolerates beyond the limit: absorbs up to ~250 ms of loopback and scheduling jitter on a busy
  // machine, while a burst without the throttle still far exceeds it (50 calls against 10 + SLACK).
  const SLACK = 5;

  /** A leaky bucket on the server with SLACK calls of slack. */
  function rateLimitedServer() {
    const perMs = limit.calls / (limit.per_seconds * 1000);
    let allowance = limit.calls + SLACK;
    let last = performance.now();
    server.fallback(() => {
      const now = performance.now();
      allowance = Math.min(limit.calls + SLACK, allowance + (now - last) * perMs);
      last = now;
      if (allowance < 1) return { status: 429, body: { errors: [{ detail: "Rate limit exceeded" }] } };
      allowance -= 1;
      return { status: 201, body: { data: { id: "comment" } } };
    });
  }

  async function burst(acquire: () => Promise<void>) {
    const statuses = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        await acquire();
        const response = await fetch(`${server.url}/v4/accounts/a/files/f/comments`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ data: { text: `comment ${i}` } }),
        });
        await response.arrayBuffer();
        return response.status;
      }),
    );
    return { created: statuses.filter((s) => s === 201).length, limited: statuses.filter((s) => s === 429).length };
  }

  it("a burst of 50 comments.create collects 429s without the throttle and none with it", async () => {
    rateLimitedServer();
    const unthrottled = await burst(async () => undefined);
    expect(unthrottled.limited).toBeGreaterThanOrEqual(10);

    rateLimitedServer();
    const throttle = createThrottle({ limits: { "comments.create": limit } });
    const throttled = await burst(() => throttle.acquire("comments.create"));
    expect(throttled).toEqual({ created: 50, limited: 0 });
  });
});

describe("createThrottle() against the published limit, metered exactly", () => {
  let api: RateLimitServer;
  const path = "/v4/accounts/{account_id}/folders/{folder_id}/files";
  beforeEach(async () => {
    const limit = publishedRateLimits["files.list"]!;
    api = await startRateLimitServer({ routes: [{ operation: "files.list", method: "GET", path, limit }] });
  });
  afterEach(() => api.close());

  async function run(throttle: Throttle | undefined, calls: number, token: string) {
    await Promise.all(
      Array.from({ length: calls }, async () => {
        await throttle?.acquire("files.list", undefined, "user-a");
        const response = await fetch(`${api.url}/v4/accounts/a/folders/f/files`, {
          headers: { authorization: `Bearer ${token}` },
        });
        await response.arrayBuffer();
        throttle?.observe("files.list", response.headers, "user-a");
      }),
    );
    return api.counts("files.list");
  }

  it("30 concurrent files.list calls: 429s without the throttle, none with it", async () => {
    const unthrottled = await run(undefined, 30, "token-a");
    expect(unthrottled.limited).toBeGreaterThanOrEqual(10);
    // Zero 429s from a server with no slack at all is a fair demand only because the throttle keeps its margin
    // (97% of the rate, one call of burst held back): at exactly the limit, jitter would collect some.
    const before = api.counts("files.list");
    const after = await run(createThrottle(), 30, "token-b"); // a bucket of its own on the server
    expect({ served: after.served - before.served, limited: after.limited - before.limited }).toEqual({
      served: 30,
      limited: 0,
    });
  }, 30_000);
});
