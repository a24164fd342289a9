#!/usr/bin/env node
/**
 * A bulk job at the rate limit: BENCH_CALLS (default 100) files.list calls, all started at once, against a local
 * server that meters the published limit (5 calls per second per token) as an exact leaky bucket
 * (packages/testing/src/rate-limit-server.ts, in a child process of its own).
 *
 * Reports completion time divided by the theoretical minimum the limit allows, (calls - 5) / 5 per second (the
 * bucket's 5 go at once, then one per 200 ms; 1.00x is physical), and the 429 responses the server counted, for:
 *   - "no throttle, retries": today's default, `retry({ maxRetries: 10 })` honouring Retry-After;
 *   - "local throttle": `createThrottle()` (published limits, in-memory store), one process;
 *   - "4 processes, Redis": each process runs a quarter of the calls through `createThrottle({ store })` with
 *     `createRedisStore` on one redis-server (Debian's, started here; `node scripts/ensure-redis.mjs` installs it).
 * Targets: local and shared throttle <= 1.05x of the minimum with 0 responses 429.
 *
 * Run after `pnpm build`:  node bench/ratelimit.mjs      Writes bench/results/ratelimit.json.
 */
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createThrottle, retry } from "@frameio-sdk/kit";
import { createRedisStore } from "@frameio-sdk/kit/redis";
import { build } from "esbuild";
import { report } from "./lib/report.mjs";

const CALLS = Number(process.env.BENCH_CALLS ?? 100);
const WORKERS = 4;
const OPERATION = "files.list";
const ROUTE = "/v4/accounts/{account_id}/folders/{folder_id}/files";
const SELF = fileURLToPath(import.meta.url);
// ioredis is a dependency of the kit's tests, not of the benchmarks: load the kit's copy.
const { Redis } = createRequire(new URL("../packages/kit/package.json", import.meta.url))("ioredis");
const { publishedRateLimits } = await loadTs("../packages/kit/src/generated/spec-facts.ts");

/** The harness servers and the spec's limits are TypeScript; bundle each into a temp dir so plain Node loads it. */
async function loadTs(path) {
  const dir = mkdtempSync(join(tmpdir(), "bench-ratelimit-"));
  const outfile = join(dir, "module.mjs");
  const entry = fileURLToPath(new URL(path, import.meta.url));
  await build({ entryPoints: [entry], outfile, bundle: true, platform: "node", format: "esm", logLevel: "silent" });
  const module = await import(pathToFileURL(outfile).href);
  rmSync(dir, { recursive: true, force: true });
  return module;
}

/** `calls` concurrent files.list calls; the throttle (if any) paces them, 429s are retried. Resolves when all are done. */
async function job({ apiUrl, calls, token, throttle, fetchImpl = fetch }) {
  let failed = 0;
  await Promise.all(
    Array.from({ length: calls }, async (_, i) => {
      for (;;) {
        await throttle?.acquire(OPERATION, undefined, token);
        const response = await fetchImpl(`${apiUrl}/v4/accounts/acc/folders/folder/files?page=${i}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        await response.arrayBuffer();
        throttle?.observe(OPERATION, response.headers, token);
        if (response.status !== 429) return;
        if (!throttle) return void failed++; // retry() already gave up
      }
    }),
  );
  return failed;
}

/** Child roles: `serve` runs the metered API; `worker` runs a quarter of the shared-Redis job when told to go. */
async function child(role) {
  if (role === "serve") {
    const { startRateLimitServer } = await loadTs("../packages/testing/src/rate-limit-server.ts");
    const limit = publishedRateLimits[OPERATION];
    const api = await startRateLimitServer({ routes: [{ operation: OPERATION, method: "GET", path: ROUTE, limit }] });
    process.on("message", (message) => {
      if (message === "counts") process.send?.(api.counts(OPERATION));
      if (message === "stop") api.close().then(() => process.exit(0));
    });
    process.send?.({ url: api.url });
    return;
  }
  const { apiUrl, redisUrl, calls, token, prefix } = JSON.parse(process.argv[3]);
  const redis = new Redis(redisUrl);
  const throttle = createThrottle({ store: createRedisStore({ redis, prefix }) });
  await redis.ping();
  process.once("message", async () => {
    await job({ apiUrl, calls, token, throttle });
    redis.disconnect();
    process.send?.("done", () => process.exit(0));
  });
  process.send?.("ready");
}

function once(childProcess, predicate = () => true) {
  return new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (!predicate(message)) return;
      childProcess.off("message", onMessage);
      resolve(message);
    };
    childProcess.on("message", onMessage);
    childProcess.once("exit", (code) => code !== 0 && reject(new Error(`child exited with ${code}`)));
  });
}

async function main() {
  const server = fork(SELF, ["serve"]);
  const { url: apiUrl } = await once(server, (m) => typeof m === "object" && "url" in m);
  const { startRedisServer } = await loadTs("../packages/testing/src/redis-server.ts");
  const redisServer = await startRedisServer();
  const limit = publishedRateLimits[OPERATION];
  const minimumMs = ((CALLS - limit.calls) / limit.calls) * limit.per_seconds * 1000;
  const rows = [];
  let seen = 0;

  const measure = async (mode, run) => {
    const clock = { started: performance.now() };
    const failed = await run(`token-${mode.replace(/\W+/g, "-")}`, clock);
    const elapsedMs = performance.now() - clock.started;
    server.send("counts");
    const counts = await once(server, (m) => typeof m === "object" && "limited" in m);
    const limited = counts.limited - seen;
    seen = counts.limited;
    rows.push({
      mode,
      calls: CALLS,
      "time (s)": +(elapsedMs / 1000).toFixed(2),
      "vs minimum": `${(elapsedMs / minimumMs).toFixed(3)}x`,
      "429s": limited,
      "gave up": failed,
    });
    console.log(rows.at(-1));
  };

  try {
    await measure("no throttle, retries", (token) =>
      job({ apiUrl, calls: CALLS, token, fetchImpl: retry({ maxRetries: 10 }) }),
    );
    await measure("local throttle", (token) => job({ apiUrl, calls: CALLS, token, throttle: createThrottle() }));
    await measure(`${WORKERS} processes, Redis`, async (token, clock) => {
      const prefix = `bench-${Date.now()}:`;
      const config = { apiUrl, redisUrl: redisServer.url, calls: CALLS / WORKERS, token, prefix };
      const workers = Array.from({ length: WORKERS }, () => fork(SELF, ["worker", JSON.stringify(config)]));
      await Promise.all(workers.map((w) => once(w, (m) => m === "ready")));
      // The clock starts with the workers connected, as it does for the in-process variants.
      const done = Promise.all(workers.map((w) => once(w, (m) => m === "done")));
      clock.started = performance.now();
      for (const w of workers) w.send("go");
      await done;
      return 0;
    });
  } finally {
    server.send("stop");
    await redisServer.stop();
  }
  report("ratelimit", rows, { minimumMs, limit });
}

if (process.argv[2] === "serve" || process.argv[2] === "worker") await child(process.argv[2]);
else await main();
