import { FrameioValidationError, type ValidationIssue } from "../errors/index.js";
import { invalidOption } from "../internal/invalid-option.js";
import { sleep as defaultSleep, type Sleep } from "../internal/sleep.js";
import { MAX_TIMER_MS } from "../internal/timer-cap.js";

/**
 * Defaults, chosen against Frame.io's published guidance (429: wait at least 1 s, then double; 5xx: back off with
 * jitter) and the API's per-operation limits (`publishedRateLimits`, some as small as 10 calls a minute):
 * - 2 retries, so a call costs at most 3 requests against a budget that can be as small as 10 per minute.
 * - 500 ms base doubling to an 8 s cap: 5xx and connection failures wait 250-500 ms, then 500-1000 ms
 *   ("equal jitter": half fixed, half random, so clients spread out yet never retry at once).
 * - 429 without a server-given wait starts at 1 s (the guide's floor) and doubles, plus up to 50% jitter.
 * - Frame.io sends no Retry-After, but if a proxy does we obey waits up to 60 s and give up at once beyond that.
 * The guide's "wait 30 s after a 5xx" is left to callers: an SDK call that blocks for 30 s by default surprises more
 * than it helps; raise baseDelayMs / maxDelayMs for batch jobs.
 */
export const RETRY_DEFAULTS = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
  retryNonIdempotent: "unprocessed",
} as const;

/** The documented upper bound of `maxRetries`. */
export const MAX_RETRIES_LIMIT = 10;

/** Every wait is a timer; setTimeout cannot honour more than 2^31-1 ms. */
const MS_RANGE = `a number of ms from 0 to ${MAX_TIMER_MS}`;
const inMsRange = (n: number) => n >= 0 && n <= MAX_TIMER_MS;

/**
 * When a POST or PATCH (which may create or change something twice) is retried:
 * - `"never"`: not at all.
 * - `"unprocessed"` (default): only when the server cannot have acted on it: 408, 429 and 503 responses, and
 *   connection failures that happened before any byte of the request left (refused, DNS failure, connect timeout).
 * - `"always"`: under the same rules as GET; only for endpoints you know to be idempotent.
 * - a function: your own decision per failed attempt.
 */
export type NonIdempotentRetry = "never" | "unprocessed" | "always" | ((context: RetryDecisionContext) => boolean);

/** What a custom `retryNonIdempotent` function is told about a failed attempt. */
export interface RetryDecisionContext {
  method: string;
  url: string;
  /** 1-based number of the attempt that failed. */
  attempt: number;
  /** Status of the response, when one arrived. */
  status?: number;
  /** The connection or timeout error, when no response arrived. */
  error?: unknown;
  /** `false` when the request certainly never left this process; `true` when it may have reached the server. */
  requestMayHaveBeenSent: boolean;
}

/** Passed to `onRetry` before each wait. */
export interface RetryEvent {
  /** 1-based number of the attempt that just failed; the next one is `attempt + 1`. */
  attempt: number;
  delayMs: number;
  /** A FrameioApiError built from the discarded response, or the connection/timeout error. */
  error: unknown;
  request: { method: string; url: string };
}

export interface RetryOptions {
  /** Retries after the first attempt (0 to 10). Default 2. */
  maxRetries?: number;
  /** First backoff step for 5xx, 408 and connection failures. Default 500 ms. */
  baseDelayMs?: number;
  /** Upper bound of any computed backoff (not of a server-requested wait). Default 8 000 ms. */
  maxDelayMs?: number;
  /**
   * A 429 asking for a longer wait than this throws TooManyRequestsError at once (a 503 is returned instead).
   * Default 60 000 ms; at most 2^31-1.
   */
  maxRetryAfterMs?: number;
  /** See {@link NonIdempotentRetry}. Default `"unprocessed"`. */
  retryNonIdempotent?: NonIdempotentRetry;
  onRetry?: (event: RetryEvent) => void | Promise<void>;
  /** Injectable for tests and custom schedulers; must reject when `signal` aborts. */
  sleep?: Sleep;
  /** Returns a number in [0, 1); injectable to make jitter deterministic. */
  random?: () => number;
}

/** A validated, fully defaulted retry configuration; build one with {@link resolveRetryPolicy}. */
export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  retryNonIdempotent: NonIdempotentRetry;
  onRetry?: (event: RetryEvent) => void | Promise<void>;
  sleep?: Sleep;
  random?: () => number;
}

/** Fills in defaults and refuses bad values with a FrameioValidationError naming each field. */
export function resolveRetryPolicy(options: RetryOptions = {}): RetryPolicy {
  const issues: ValidationIssue[] = [];
  const number = (field: keyof RetryOptions, fallback: number, expected: string, ok: (n: number) => boolean) => {
    const value = options[field];
    if (value === undefined) return fallback;
    if (typeof value === "number" && Number.isFinite(value) && ok(value)) return value;
    issues.push(invalidOption(field, expected, value));
    return fallback;
  };
  const policy: RetryPolicy = {
    maxRetries: number(
      "maxRetries",
      RETRY_DEFAULTS.maxRetries,
      `an integer from 0 to ${MAX_RETRIES_LIMIT}`,
      (n) => Number.isInteger(n) && n >= 0 && n <= MAX_RETRIES_LIMIT,
    ),
    baseDelayMs: number("baseDelayMs", RETRY_DEFAULTS.baseDelayMs, MS_RANGE, inMsRange),
    maxDelayMs: number("maxDelayMs", RETRY_DEFAULTS.maxDelayMs, MS_RANGE, inMsRange),
    maxRetryAfterMs: number("maxRetryAfterMs", RETRY_DEFAULTS.maxRetryAfterMs, MS_RANGE, inMsRange),
    retryNonIdempotent: options.retryNonIdempotent ?? RETRY_DEFAULTS.retryNonIdempotent,
    onRetry: options.onRetry,
    sleep: options.sleep,
    random: options.random,
  };
  const mode = policy.retryNonIdempotent;
  if (typeof mode !== "function" && mode !== "never" && mode !== "unprocessed" && mode !== "always") {
    issues.push(invalidOption("retryNonIdempotent", '"never", "unprocessed", "always" or a function', mode));
  }
  for (const field of ["onRetry", "sleep", "random"] as const) {
    if (options[field] !== undefined && typeof options[field] !== "function") {
      issues.push(invalidOption(field, "a function", options[field]));
    }
  }
  if (issues.length > 0) throw new FrameioValidationError("retry options", issues);
  return policy;
}

/** The sleep a policy uses: the injected one or a real timer. */
export function sleepOf(policy: RetryPolicy): Sleep {
  return policy.sleep ?? defaultSleep;
}
