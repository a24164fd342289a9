import { FrameioValidationError } from "../errors/index.js";
import { publishedRateLimits } from "../generated/spec-facts.js";
import { invalidOption } from "../internal/invalid-option.js";
import { sleep as defaultSleep, type Sleep } from "../internal/sleep.js";
import { createMemoryStore } from "./memory-store.js";
import {
  checkLimits,
  DEFAULT_MAX_HEADER_WAIT_MS,
  deferralMs,
  type RateLimit,
  type Rule,
  readHeaders,
  ruleFor,
} from "./rules.js";
import type { ThrottleStore } from "./store.js";

export interface ThrottleOptions {
  /**
   * Limits keyed by operation id (e.g. `"comments.create"`). Default: every operation's published limit from the
   * spec (`publishedRateLimits`). When given, only these operations are throttled (spread `publishedRateLimits`
   * into it to override a few and keep the rest).
   */
  limits?: Readonly<Record<string, RateLimit>>;
  /**
   * Where the budget lives. Default: this process's memory. Pass `createRedisStore({ redis })` from
   * `@frameio-sdk/kit/redis` to share one budget among every process using the same Redis.
   */
  store?: ThrottleStore;
  /** The longest wait one response header (`Retry-After`, `x-ratelimit-*`) can impose on a call. Default 60 000. */
  maxHeaderWaitMs?: number;
  /** Injectable clock (used by the default store) and sleep, for tests. */
  now?: () => number;
  sleep?: Sleep;
}

export interface Throttle {
  /**
   * Resolves when one call of `operationKey` may go. Call it for every attempt, retries included: retries spend
   * the same allowance. Rejects with the signal's reason if `signal` aborts first, returning the reserved slot.
   * `scopeKey` separates holders of the limit's scope (one account user each, i.e. one token identity) when a
   * single throttle serves several credentials; leave it out when one throttle serves one credential.
   */
  acquire(operationKey: string, signal?: AbortSignal, scopeKey?: string): Promise<void>;
  /**
   * Feeds back a response's `x-ratelimit-limit` / `-remaining` / `-window` and `Retry-After` headers: the server's
   * figures replace the configured ones (which are advisory and drift), and allowance used elsewhere on the
   * account is respected. No header can make a call wait longer than `maxHeaderWaitMs`.
   */
  observe(operationKey: string, headers: Headers, scopeKey?: string): void;
}

/**
 * Client-side throttling: calls to an operation wait for their turn instead of collecting 429s. With no
 * argument every operation's published limit applies, per operation and per scope holder, in this process; pass
 * a shared `store` to spread one budget over many processes. Runs at 97% of each limit (see docs/throttle.md).
 */
export function createThrottle(options: ThrottleOptions = {}): Throttle {
  if (options === null || typeof options !== "object") {
    throw new FrameioValidationError("throttle options", [invalidOption("options", "an object", options)]);
  }
  const limits = options.limits === undefined ? publishedRateLimits : checkLimits(options.limits);
  const maxWaitMs = checkMaxWait(options.maxHeaderWaitMs);
  const store = options.store ?? createMemoryStore(options.now);
  const wait = options.sleep ?? defaultSleep;
  const configured = new Map<string, Rule>();
  for (const [operation, limit] of Object.entries(limits)) configured.set(operation, ruleFor(limit));
  /** What the server said, by store key: it replaces the configured rule for that operation and holder. */
  const learned = new Map<string, Rule>();

  const keyOf = (operationKey: string, scopeKey = "") => `${operationKey}\n${scopeKey}`;
  const ruleOf = (key: string, operationKey: string) => learned.get(key) ?? configured.get(operationKey);

  return {
    async acquire(operationKey, signal, scopeKey) {
      signal?.throwIfAborted();
      const key = keyOf(operationKey, scopeKey);
      const rule = ruleOf(key, operationKey);
      if (rule === undefined) return;
      const delayMs = await store.reserve(key, rule.intervalMs, rule.burst);
      if (delayMs <= 0) return;
      try {
        await wait(delayMs, signal);
      } catch (error) {
        await store.release(key, rule.intervalMs).catch(() => undefined);
        throw error;
      }
    },

    observe(operationKey, headers, scopeKey) {
      const key = keyOf(operationKey, scopeKey);
      const feedback = readHeaders(headers, maxWaitMs);
      if (feedback.rule) learned.set(key, feedback.rule);
      const rule = ruleOf(key, operationKey);
      if (rule === undefined) return;
      const offsetMs = deferralMs(rule, feedback, maxWaitMs);
      // Fire and forget: observe() must not hold up the response; a store failure shows on the next acquire.
      if (offsetMs > 0) store.defer(key, offsetMs).catch(() => undefined);
    },
  };
}

function checkMaxWait(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_HEADER_WAIT_MS;
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value;
  throw new FrameioValidationError("throttle options", [invalidOption("maxHeaderWaitMs", "a number >= 0", value)]);
}
