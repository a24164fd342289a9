import { FrameioValidationError, type ValidationIssue } from "../errors/index.js";
import { invalidOption } from "../internal/invalid-option.js";
import { createMemoryStore } from "../throttle/memory-store.js";
import type { SharedTokenStore, ThrottleStore } from "../throttle/store.js";
import { ThrottleStoreError } from "../throttle/throttle-store-error.js";
import { evaluatorFor, type RedisClientLike } from "./redis-client.js";
import { DEFER, DELETE_IF, LOCK, READ_TOKEN, RELEASE, RESERVE, WRITE_TOKEN } from "./scripts.js";

export interface RedisStoreOptions {
  /** A connected `ioredis` or `redis` (node-redis v4+) client. The store never connects, closes or reconfigures it. */
  redis: RedisClientLike;
  /** Prepended to every key. Default `"frameio:"`. */
  prefix?: string;
  /** A command that takes longer counts as Redis being unreachable. Default 2 000 ms. */
  commandTimeoutMs?: number;
  /**
   * After Redis was lost mid-run, the share of each limit one process spends from a local budget until Redis
   * answers again (tried at most once per `retryAfterMs`). Default 0.25: four workers stay within the limit.
   */
  fallbackShare?: number;
  /** How long to stay on the local budget after a failure before trying Redis again. Default 1 000 ms. */
  retryAfterMs?: number;
  /** Called once each time the store switches to its local budget, e.g. to log it. */
  onFallback?: (error: ThrottleStoreError) => void;
}

/** One budget and one server-to-server token for every process that uses the same Redis and prefix. */
export type RedisStore = ThrottleStore & SharedTokenStore;

/**
 * A throttle and token store in Redis, from `@frameio-sdk/kit/redis`:
 * `createThrottle({ store })` shares each limit among all workers (one atomic GCRA script per call, timed by
 * Redis `TIME`), and `new ServerToServerAuth({ clientId, clientSecret, store })` shares one access token.
 *
 * Failure modes: Redis unreachable before any command succeeded makes `acquire` reject with a
 * {@link ThrottleStoreError} (a misconfigured fleet should stop, not run unmetered). Redis lost later makes each
 * process fall back to a local budget of `fallbackShare` of the limit and retry Redis every `retryAfterMs`.
 * Token sharing never blocks sign-in: when Redis fails, the worker asks IMS itself.
 */
export function createRedisStore(options: RedisStoreOptions): RedisStore {
  const settings = checkOptions(options);
  const evaluate = evaluatorFor(options.redis);
  const local = createMemoryStore();
  const share = settings.fallbackShare;
  let reached = false;
  let localUntil = 0;

  const run = async (operation: string, script: string, key: string, args: Array<string | number>) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no reply within ${settings.commandTimeoutMs} ms`)),
        settings.commandTimeoutMs,
      );
    });
    try {
      const reply = await Promise.race([evaluate(script, [settings.prefix + key], args.map(String)), timeout]);
      reached = true;
      return reply;
    } catch (cause) {
      throw new ThrottleStoreError(operation, cause);
    } finally {
      clearTimeout(timer);
    }
  };

  /** Redis first; once it has answered at least once, a failure switches to the local budget for a while. */
  const metered = async <T>(viaRedis: () => Promise<T>, viaLocal: () => Promise<T>) => {
    if (Date.now() < localUntil) return viaLocal();
    try {
      return await viaRedis();
    } catch (error) {
      if (!reached || !(error instanceof ThrottleStoreError)) throw error;
      localUntil = Date.now() + settings.retryAfterMs;
      settings.onFallback?.(error);
      return viaLocal();
    }
  };

  return {
    reserve: (key, intervalMs, burst) =>
      metered(
        async () => Number(await run("reserve", RESERVE, `rl:${key}`, [intervalMs, burst])),
        () => local.reserve(key, intervalMs / share, Math.max(1, Math.floor(burst * share))),
      ),
    release: (key, intervalMs) =>
      metered(
        async () => void (await run("release", RELEASE, `rl:${key}`, [intervalMs])),
        () => local.release(key, intervalMs / share),
      ),
    defer: (key, offsetMs) =>
      metered(
        async () => void (await run("defer", DEFER, `rl:${key}`, [offsetMs])),
        () => local.defer(key, offsetMs),
      ),
    async readToken(key) {
      const reply = await run("read the shared token", READ_TOKEN, key, []);
      if (!Array.isArray(reply) || typeof reply[0] !== "string") return undefined;
      const ttlMs = Number(reply[1]);
      return ttlMs > 0 ? { token: reply[0], ttlMs } : undefined;
    },
    async writeToken(key, token, ttlMs) {
      await run("write the shared token", WRITE_TOKEN, key, [token, Math.max(1, Math.floor(ttlMs))]);
    },
    async dropToken(key, token) {
      await run("drop the shared token", DELETE_IF, key, [token]);
    },
    async lock(key, owner, ttlMs) {
      return Number(await run("take the token lock", LOCK, key, [owner, Math.max(1, Math.ceil(ttlMs))])) === 1;
    },
    async unlock(key, owner) {
      await run("release the token lock", DELETE_IF, key, [owner]);
    },
  };
}

function checkOptions(options: RedisStoreOptions) {
  if (options === null || typeof options !== "object") {
    throw new FrameioValidationError("createRedisStore options", [invalidOption("options", "an object", options)]);
  }
  const issues: ValidationIssue[] = [];
  const positive = (name: keyof RedisStoreOptions, fallback: number, max = Number.POSITIVE_INFINITY) => {
    const value = options[name] ?? fallback;
    if (typeof value === "number" && Number.isFinite(value) && value > 0 && value <= max) return value;
    issues.push(invalidOption(name, max === 1 ? "a number in (0, 1]" : "a number > 0", value));
    return fallback;
  };
  const prefix = options.prefix ?? "frameio:";
  if (typeof prefix !== "string") issues.push(invalidOption("prefix", "a string", prefix));
  if (options.onFallback !== undefined && typeof options.onFallback !== "function") {
    issues.push(invalidOption("onFallback", "a function", options.onFallback));
  }
  const settings = {
    prefix,
    commandTimeoutMs: positive("commandTimeoutMs", 2_000),
    fallbackShare: positive("fallbackShare", 0.25, 1),
    retryAfterMs: positive("retryAfterMs", 1_000),
    onFallback: options.onFallback,
  };
  if (issues.length > 0) throw new FrameioValidationError("createRedisStore options", issues);
  return settings;
}
