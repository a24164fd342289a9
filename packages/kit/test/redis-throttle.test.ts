import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inspect } from "node:util";
import { freePort } from "@frameio-sdk/testing/free-port";
import { type RateLimitServer, startRateLimitServer } from "@frameio-sdk/testing/rate-limit-server";
import { type RedisServer, startRedisServer } from "@frameio-sdk/testing/redis-server";
import { build } from "esbuild";
import { Redis } from "ioredis";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createThrottle, FrameioValidationError } from "../src/index.js";
import { createRedisStore, ThrottleStoreError } from "../src/redis/index.js";
// Until the main entry re-exports it (kit-engine owns src/index.ts).
import { publishedRateLimits } from "../src/throttle/index.js";

let server: RedisServer;
let redis: Redis;
const ROUTE = "/v4/accounts/{account_id}/folders/{folder_id}/files";

beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url);
});
afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

/** Records the waits the throttle asks for instead of sleeping them. */
function recordingSleep() {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms: number) => void sleeps.push(ms) };
}

describe("Redis store (real redis-server)", () => {
  it("shares one budget between throttles on separate ioredis and node-redis connections", async () => {
    const other = createClient({ url: server.url });
    await other.connect();
    try {
      const limits = { "comments.create": { calls: 10, per_seconds: 60 } };
      const a = recordingSleep();
      const b = recordingSleep();
      const prefix = `share-${Math.random()}:`;
      const viaIoredis = createThrottle({ limits, store: createRedisStore({ redis, prefix }), sleep: a.sleep });
      const viaNodeRedis = createThrottle({
        limits,
        store: createRedisStore({ redis: other, prefix }),
        sleep: b.sleep,
      });
      // 9 calls of burst (one of the 10 held back), spent by both; every later call waits its turn.
      for (let i = 0; i < 5; i++) await viaIoredis.acquire("comments.create", undefined, "user-a");
      for (let i = 0; i < 4; i++) await viaNodeRedis.acquire("comments.create", undefined, "user-a");
      expect([...a.sleeps, ...b.sleeps]).toEqual([]);
      await viaNodeRedis.acquire("comments.create", undefined, "user-a");
      await viaIoredis.acquire("comments.create", undefined, "user-a");
      // 6 s per call at 97% of the rate: the 10th call waits about one interval, the 11th about two.
      expect(b.sleeps[0]).toBeGreaterThan(5_000);
      expect(a.sleeps[0]).toBeGreaterThan(b.sleeps[0]! + 5_000);
      // Another token holder has a budget of its own.
      await viaIoredis.acquire("comments.create", undefined, "user-b");
      expect(a.sleeps).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it("refuses what is not a Redis client, and out-of-range options, naming the option before any command", () => {
    expect(() => createRedisStore({ redis: {} })).toThrow(FrameioValidationError);
    expect(() => createRedisStore({ redis: {} })).toThrow(/redis: expected an ioredis client or a node-redis/);
    expect(() => createRedisStore({ redis, fallbackShare: 2 })).toThrow(/fallbackShare: expected a number in \(0, 1\]/);
    expect(() => createRedisStore({ redis, commandTimeoutMs: Number.NaN })).toThrow(/commandTimeoutMs/);
    expect(() => createRedisStore({ redis, prefix: 1 as never })).toThrow(/prefix/);
  });

  it("rejects with ThrottleStoreError when Redis is unreachable before any call succeeded", async () => {
    const nowhere = new Redis({
      port: await freePort(),
      host: "127.0.0.1",
      lazyConnect: false,
      maxRetriesPerRequest: 1,
    });
    nowhere.on("error", () => undefined);
    try {
      const throttle = createThrottle({ store: createRedisStore({ redis: nowhere, commandTimeoutMs: 500 }) });
      await expect(throttle.acquire("files.list", undefined, "user-a")).rejects.toBeInstanceOf(ThrottleStoreError);
      // Operations without a limit never touch the store.
      await expect(throttle.acquire("not.an.operation")).resolves.toBeUndefined();
    } finally {
      nowhere.disconnect();
    }
  });

  it("falls back to a local budget at fallbackShare of the limit when Redis is lost mid-run", async () => {
    const own = await startRedisServer();
    const client = new Redis(own.url, { maxRetriesPerRequest: 1 });
    client.on("error", () => undefined);
    const fallbacks: ThrottleStoreError[] = [];
    try {
      const time = recordingSleep();
      const store = createRedisStore({
        redis: client,
        commandTimeoutMs: 500,
        fallbackShare: 0.25,
        onFallback: (error) => fallbacks.push(error),
      });
      const throttle = createThrottle({
        limits: { "files.list": { calls: 8, per_seconds: 1 } },
        store,
        sleep: time.sleep,
      });
      await throttle.acquire("files.list");
      await own.stop();
      // Local budget: a quarter of 8 per second is 2 per second, burst 1 (a quarter of the 7 the throttle allows).
      await throttle.acquire("files.list");
      await throttle.acquire("files.list");
      expect(fallbacks).toHaveLength(1);
      expect(fallbacks[0]).toBeInstanceOf(ThrottleStoreError);
      // Under the full limit (burst 7) the second call would not wait; locally it waits for the fallback
      // interval (1000 / 8 / 0.97 / 0.25 = 515 ms) less the moment that passed between the two calls.
      expect(time.sleeps).toHaveLength(1);
      expect(time.sleeps[0]).toBeGreaterThan(0);
      expect(time.sleeps[0]).toBeLessThanOrEqual(516);
    } finally {
      client.disconnect();
      await own.stop();
    }
  });

  it("keeps the access token out of its errors (ioredis attaches command arguments to its own)", async () => {
    const own = await startRedisServer();
    const client = new Redis(own.url);
    try {
      await client.config("SET", "maxmemory-policy", "noeviction");
      await client.config("SET", "maxmemory", "1");
      const store = createRedisStore({ redis: client });
      const error = await store.writeToken("s2s:x:token", "access-token-DO-NOT-LEAK", 60_000).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ThrottleStoreError);
      expect(String(error)).toMatch(/OOM/);
      expect(inspect(error, { depth: 10 })).not.toContain("access-token-DO-NOT-LEAK");
    } finally {
      client.disconnect();
      await own.stop();
    }
  });

  it("strands no budget when a worker stops mid-run: its reservations lapse with the key", async () => {
    const prefix = `abandon-${Math.random()}:`;
    const limits = { "files.list": { calls: 5, per_seconds: 1 } };
    const dead = createThrottle({ limits, store: createRedisStore({ redis, prefix }), sleep: async () => undefined });
    // Reserves 3 s of calls ahead and is "killed": it never calls, never releases.
    await Promise.all(Array.from({ length: 15 }, () => dead.acquire("files.list")));
    const key = `${prefix}rl:files.list\n`;
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(15 * 207 + 1_000);
    while ((await redis.exists(key)) === 1) await new Promise((resolve) => setTimeout(resolve, 100));
    const time = recordingSleep();
    const next = createThrottle({ limits, store: createRedisStore({ redis, prefix }), sleep: time.sleep });
    for (let i = 0; i < 4; i++) await next.acquire("files.list");
    expect(time.sleeps).toEqual([]);
  });
});

/**
 * How late a request may reach the metering server before it counts as excess: the server's bucket holds 12.5 calls
 * instead of 5. The throttle's own margin (97% of the rate, one call of burst held back, docs/throttle.md) absorbs
 * about 200 ms of lateness at the start of a run, growing by 6 ms per call. What no client-side margin can absorb
 * is a process descheduled between its acquire and its request reaching the server (a stalled request then lands
 * next to the on-time one behind it): with 4 extra busy-looping processes on 2 cores that gap reached 380 ms (and
 * 100-180 ms for each worker's cold first fetch); during the whole kit suite it exceeded the 700 ms that a 500 ms
 * allowance covered, hence 1.5 s (1.7 s with the throttle's margin). bench/ratelimit.mjs keeps the exact server
 * (0 429s there). The allowance leaves the test able to fail: run once with a budget per worker instead of the
 * shared one, it collected 159 429s; the control test below runs that case every time.
 */
const JITTER_ALLOWANCE_MS = 1_500;

describe("4 worker processes sharing one Redis budget", () => {
  let dir: string;
  let worker: string;
  let api: RateLimitServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "kit-redis-throttle-"));
    worker = join(dir, "worker.mjs");
    await build({
      entryPoints: [fileURLToPath(new URL("./fixtures/redis-throttle-worker.ts", import.meta.url))],
      outfile: worker,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      logLevel: "silent",
      // ioredis is CommonJS and requires Node built-ins, which an ESM bundle can only reach through createRequire.
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    });
    const limit = publishedRateLimits["files.list"]!;
    const route = { operation: "files.list", method: "GET", path: ROUTE, limit };
    api = await startRateLimitServer({ routes: [route], jitterAllowanceMs: JITTER_ALLOWANCE_MS });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await rm(dir, { recursive: true, force: true });
  });

  function runWorker(config: object): Promise<{ statuses: number[] }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [worker, JSON.stringify(config)], { stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("error", reject);
      child.on("close", (code) =>
        code === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(`worker exited with ${code}: ${stderr}`)),
      );
    });
  }

  it("x 25 files.list calls (published limit 5 per second, one token) -> every call done, no 429", async () => {
    expect(publishedRateLimits["files.list"]).toMatchObject({ calls: 5, per_seconds: 1 });
    const config = { redisUrl: server.url, apiUrl: api.url, calls: 25, scopeKey: "user-a", token: "token-a" };
    const results = await Promise.all(Array.from({ length: 4 }, () => runWorker(config)));
    // Zero 429s: the throttle's margin plus JITTER_ALLOWANCE_MS for scheduler stalls (see above).
    expect(api.counts("files.list")).toEqual({ served: 100, limited: 0 });
    expect(results.flatMap((r) => r.statuses)).toEqual(Array(100).fill(200));
  }, 120_000);

  it("control: the same fleet with a budget per worker instead of the shared one collects dozens of 429s", async () => {
    // Proves the allowance does not hide a missing shared budget: 4 local budgets send 4 x 97% of the limit, 16
    // calls at once against a bucket of 12.5. At 10 calls a worker (to keep it short) this collected 42-50 429s,
    // so 20 is a floor with room to spare.
    const before = api.counts("files.list");
    const config = { apiUrl: api.url, calls: 10, scopeKey: "user-b", token: "token-b", budget: "local" };
    const results = await Promise.all(Array.from({ length: 4 }, () => runWorker({ ...config, redisUrl: server.url })));
    const after = api.counts("files.list");
    const statuses = results.flatMap((r) => r.statuses);
    expect(after.served - before.served).toBe(40);
    expect(after.limited - before.limited).toBeGreaterThanOrEqual(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(after.limited - before.limited);
  }, 120_000);
});
