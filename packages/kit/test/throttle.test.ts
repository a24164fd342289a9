import { startFaultServer, type FaultServer } from "@frameio-sdk/testing/fault-server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createThrottle, FrameioValidationError, type RateLimit } from "../src/index.js";

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
    advance: (ms: number) => void (now += ms),
  };
}

const spec: Record<string, RateLimit> = {
  "comments.create": { calls: 10, per_seconds: 60, scope: "account_user" },
  "comments.index": { calls: 100, per_seconds: 60, scope: "account_user" },
};

describe("createThrottle (fake clock)", () => {
  it("lets a full bucket through at once, then spaces a burst one refill interval apart, first come first served", async () => {
    const time = fakeTime();
    const throttle = createThrottle({ limits: spec, now: time.now, sleep: time.sleep });
    await Promise.all(Array.from({ length: 50 }, () => throttle.acquire("comments.create")));
    // 10 calls per 60 s: the 11th call waits 6 s, the 12th 12 s, ... the 50th 240 s.
    expect(time.sleeps.map(Math.round)).toEqual(Array.from({ length: 40 }, (_, i) => 6_000 * (i + 1)));
  });

  it("refills continuously, like Frame.io's leaky bucket", async () => {
    const time = fakeTime();
    const throttle = createThrottle({ limits: spec, now: time.now, sleep: time.sleep });
    for (let i = 0; i < 10; i++) await throttle.acquire("comments.create");
    time.advance(12_000); // two calls' worth
    await throttle.acquire("comments.create");
    await throttle.acquire("comments.create");
    expect(time.sleeps).toEqual([]);
    await throttle.acquire("comments.create");
    expect(time.sleeps.map(Math.round)).toEqual([6_000]);
  });

  it("keeps one bucket per operation and per scope holder, and leaves unlisted operations alone", async () => {
    const time = fakeTime();
    const throttle = createThrottle({ limits: spec, now: time.now, sleep: time.sleep });
    for (let i = 0; i < 10; i++) await throttle.acquire("comments.create", undefined, "user-a");
    await throttle.acquire("comments.create", undefined, "user-b");
    await throttle.acquire("comments.index", undefined, "user-a");
    for (let i = 0; i < 1_000; i++) await throttle.acquire("me.show");
    expect(time.sleeps).toEqual([]);
    await throttle.acquire("comments.create", undefined, "user-a");
    expect(time.sleeps).toHaveLength(1);
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
    for (let i = 0; i < 10; i++) await throttle.acquire("comments.create");
    await expect(throttle.acquire("comments.create", controller.signal)).rejects.toThrow("caller left");
    await expect(throttle.acquire("comments.create", controller.signal)).rejects.toThrow("caller left");
    // The second call was refused before reserving; the next one gets the returned slot, not one behind it.
    await throttle.acquire("comments.create");
    expect(time.sleeps.map(Math.round)).toEqual([6_000, 6_000]);
  });

  it("adopts the server's x-ratelimit headers over the spec's figures", async () => {
    const time = fakeTime();
    const throttle = createThrottle({ limits: spec, now: time.now, sleep: time.sleep });
    const headers = new Headers({ "x-ratelimit-limit": "5", "x-ratelimit-remaining": "0", "x-ratelimit-window": "1000" });
    throttle.observe("comments.create", headers);
    throttle.observe("projects.index", headers); // not in the spec table: learnt from the headers
    await throttle.acquire("comments.create");
    await throttle.acquire("projects.index");
    expect(time.sleeps.map(Math.round)).toEqual([200, 200]);
  });

  it("refuses limits that cannot be enforced, naming the operation and field", () => {
    expect(() => createThrottle({ limits: { "comments.create": { calls: 0, per_seconds: 60 } } })).toThrow(
      FrameioValidationError,
    );
    expect(() => createThrottle({ limits: { "files.show": { calls: 5, per_seconds: -1 } } })).toThrow(
      /limits\["files\.show"\]\.per_seconds/,
    );
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
