// Starts Debian's redis-server on a free loopback port for tests and benchmarks, and always stops it.
// Install it with `node scripts/ensure-redis.mjs` (apt-get as root); REDIS_SERVER_PATH overrides the binary.
import { type ChildProcess, spawn } from "node:child_process";
import { freePort, waitForPort } from "./free-port.js";

export interface RedisServer {
  /** `redis://127.0.0.1:<port>`, for `new Redis(url)` (ioredis) or `createClient({ url })` (node-redis). */
  url: string;
  port: number;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process is gone. Safe to call twice. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// Last resort for crashes: no redis-server outlives the process that started it.
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export async function startRedisServer(): Promise<RedisServer> {
  // The free port is released before redis-server binds it; another process may take it in between.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce();
    } catch (error) {
      if (attempt >= 3 || !/Address already in use/i.test(String(error))) throw error;
    }
  }
}

async function startOnce(): Promise<RedisServer> {
  const port = await freePort();
  const binary = process.env.REDIS_SERVER_PATH ?? "redis-server";
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
  const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  let exited: string | undefined;
  const gone = new Promise<void>((resolve) => {
    child.once("error", (error) => {
      exited = `redis-server could not start (${error.message}); run \`node scripts/ensure-redis.mjs\``;
      running.delete(child);
      resolve();
    });
    child.once("exit", (code, signal) => {
      exited ??= `redis-server exited (${signal ?? code}): ${output}`;
      running.delete(child);
      resolve();
    });
  });
  const stop = async () => {
    if (running.has(child)) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await gone;
      clearTimeout(timer);
    }
  };
  try {
    await waitForPort(port, 10_000, () => exited);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `redis://127.0.0.1:${port}`, port, stop };
}
