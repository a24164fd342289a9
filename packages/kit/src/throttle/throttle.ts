import { FrameioValidationError, type ValidationIssue } from "../errors/index.js";
import { invalidOption } from "../internal/invalid-option.js";
import { sleep as defaultSleep, type Sleep } from "../internal/sleep.js";
import { TokenBucket } from "./token-bucket.js";

/** One operation's limit as the spec's `x-rate-limit` states it, e.g. `{ calls: 10, per_seconds: 60, scope: "account_user" }`. */
export interface RateLimit {
  calls: number;
  per_seconds: number;
  /** Who the limit counts against (Frame.io: `account_user`); informative, see `scopeKey` on {@link Throttle.acquire}. */
  scope?: string;
}

export interface ThrottleOptions {
  /** Limits keyed by operation id (e.g. `"comments.create"`); operations without an entry are not throttled. */
  limits: Readonly<Record<string, RateLimit>>;
  /** Injectable clock and sleep, for tests. */
  now?: () => number;
  sleep?: Sleep;
}

export interface Throttle {
  /**
   * Resolves when one call of `operationKey` may go. Call it for every attempt, retries included: retries spend
   * the same allowance. Rejects with the signal's reason if `signal` aborts first, returning the reserved slot.
   * `scopeKey` separates holders of the limit's scope (e.g. one account user each) when a single throttle serves
   * several credentials; leave it out when one throttle serves one credential.
   */
  acquire(operationKey: string, signal?: AbortSignal, scopeKey?: string): Promise<void>;
  /**
   * Feeds back Frame.io's `x-ratelimit-limit` / `-remaining` / `-window` response headers: the server's figures
   * replace the spec's (which are advisory and drift), and allowance used elsewhere on the account is respected.
   */
  observe(operationKey: string, headers: Headers, scopeKey?: string): void;
}

/**
 * Client-side throttling, opt-in: a burst of calls to one operation waits for its turn instead of collecting 429s.
 * One token bucket per operation and scope holder, sized from the spec's `x-rate-limit`.
 */
export function createThrottle(options: ThrottleOptions): Throttle {
  const limits = checkLimits(options?.limits);
  const now = options.now ?? (() => Date.now());
  const wait = options.sleep ?? defaultSleep;
  const buckets = new Map<string, TokenBucket>();

  const keyOf = (operationKey: string, scopeKey = "") => `${operationKey}\n${scopeKey}`;
  const bucketFor = (operationKey: string, scopeKey?: string): TokenBucket | undefined => {
    const key = keyOf(operationKey, scopeKey);
    let bucket = buckets.get(key);
    const limit = limits[operationKey];
    if (bucket === undefined && limit !== undefined) {
      bucket = new TokenBucket(limit.calls, limit.calls / (limit.per_seconds * 1000), now);
      buckets.set(key, bucket);
    }
    return bucket;
  };

  return {
    async acquire(operationKey, signal, scopeKey) {
      signal?.throwIfAborted();
      const bucket = bucketFor(operationKey, scopeKey);
      const delayMs = bucket?.reserve() ?? 0;
      if (delayMs <= 0) return;
      try {
        await wait(delayMs, signal);
      } catch (error) {
        bucket?.release();
        throw error;
      }
    },

    observe(operationKey, headers, scopeKey) {
      const limit = headerNumber(headers, "x-ratelimit-limit");
      const windowMs = headerNumber(headers, "x-ratelimit-window");
      const remaining = headerNumber(headers, "x-ratelimit-remaining");
      let bucket = bucketFor(operationKey, scopeKey);
      if (limit !== undefined && limit > 0 && windowMs !== undefined && windowMs > 0) {
        if (bucket === undefined) {
          bucket = new TokenBucket(limit, limit / windowMs, now);
          buckets.set(keyOf(operationKey, scopeKey), bucket);
        } else {
          bucket.reconfigure(limit, limit / windowMs);
        }
      }
      if (remaining !== undefined) bucket?.limitTo(remaining);
    },
  };
}

function headerNumber(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === "") return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

function checkLimits(limits: unknown): Readonly<Record<string, RateLimit>> {
  if (limits === null || typeof limits !== "object") {
    throw new FrameioValidationError("throttle options", [invalidOption("limits", "an object keyed by operation id", limits)]);
  }
  const issues: ValidationIssue[] = [];
  for (const [operation, limit] of Object.entries(limits)) {
    const { calls, per_seconds } = (limit ?? {}) as Partial<RateLimit>;
    if (!(typeof calls === "number" && Number.isInteger(calls) && calls > 0)) {
      issues.push(invalidOption(`limits[${JSON.stringify(operation)}].calls`, "an integer > 0", calls));
    }
    if (!(typeof per_seconds === "number" && Number.isFinite(per_seconds) && per_seconds > 0)) {
      issues.push(invalidOption(`limits[${JSON.stringify(operation)}].per_seconds`, "a number > 0", per_seconds));
    }
  }
  if (issues.length > 0) throw new FrameioValidationError("throttle options", issues);
  return limits as Readonly<Record<string, RateLimit>>;
}
