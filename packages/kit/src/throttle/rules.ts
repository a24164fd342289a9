import { FrameioValidationError, parseRetryAfter, type ValidationIssue } from "../errors/index.js";
import type { PublishedRateLimit } from "../generated/spec-facts.js";
import { invalidOption } from "../internal/invalid-option.js";
import { readRateLimitHeaders } from "../internal/rate-limit-headers.js";

/**
 * One operation's limit in the shape the spec's `x-rate-limit` states it (`PublishedRateLimit`), e.g.
 * `{ calls: 10, per_seconds: 60 }`. `scope` (who the limit counts against, `account_user` for Frame.io) may be
 * left out: it is informative, see `scopeKey` on `Throttle.acquire`.
 */
export type RateLimit = Omit<PublishedRateLimit, "scope"> & Partial<Pick<PublishedRateLimit, "scope">>;

/** How a throttle meters one key: calls `intervalMs` apart at the sustained rate, `burst` back to back. */
export interface Rule {
  intervalMs: number;
  burst: number;
}

/**
 * The share of the limit the throttle leaves unused. Frame.io meters a leaky bucket; at exactly its rate, clock
 * and network jitter still collect 429s. Together with the one call of burst held back (see {@link ruleFor}), 3%
 * keeps a run at the published rate free of 429s while finishing within 5% of the physical minimum.
 */
export const RATE_MARGIN = 0.03;

/** The longest wait one response header can impose on the next call (`Retry-After`, `x-ratelimit-*`). */
export const DEFAULT_MAX_HEADER_WAIT_MS = 60_000;

/**
 * Sustained rate with {@link RATE_MARGIN}; burst one below the bucket's size, so requests sent together whose
 * arrival order or latency differs (a new connection, a busy event loop) never find the server's bucket full.
 */
export function ruleFor(limit: Pick<RateLimit, "calls" | "per_seconds">): Rule {
  const intervalMs = (limit.per_seconds * 1000) / limit.calls / (1 - RATE_MARGIN);
  return { intervalMs, burst: Math.max(1, limit.calls - 1) };
}

/** What one response's headers say, with each wait capped at `maxWaitMs`. */
export interface HeaderFeedback {
  /** The server's own limit (`x-ratelimit-limit` per `x-ratelimit-window` ms), when both are usable. */
  rule?: Rule;
  /** Calls left now (`x-ratelimit-remaining`). */
  remaining?: number;
  /** How long the server asked us to stay away (`Retry-After`, `retry-after-ms`), capped. */
  retryAfterMs?: number;
}

/** Reads Frame.io's rate-limit headers and `Retry-After` from one response; unusable values are ignored. */
export function readHeaders(headers: Headers, maxWaitMs: number): HeaderFeedback {
  const feedback: HeaderFeedback = {};
  const { limit, remaining, windowMs } = readRateLimitHeaders(headers);
  if (limit !== undefined && limit >= 1 && windowMs !== undefined && windowMs > 0) {
    const rule = ruleFor({ calls: Math.floor(limit), per_seconds: windowMs / 1000 });
    // A window of an hour (or a garbled one) must not stall every later call for that long.
    feedback.rule = { intervalMs: Math.min(rule.intervalMs, maxWaitMs), burst: rule.burst };
  }
  if (remaining !== undefined) feedback.remaining = Math.floor(remaining);
  const retryAfterMs = parseRetryAfter(headers);
  if (retryAfterMs !== undefined) feedback.retryAfterMs = Math.min(retryAfterMs, maxWaitMs);
  return feedback;
}

/**
 * How far ahead of now the key's state must be for the throttle to believe no more than the server does:
 * `remaining` calls may go now, and none before `retryAfterMs` has passed. 0 when the headers say nothing.
 */
export function deferralMs(rule: Rule, feedback: HeaderFeedback, maxWaitMs: number): number {
  const byRemaining =
    feedback.remaining === undefined ? 0 : Math.max(0, rule.burst - feedback.remaining) * rule.intervalMs;
  const byRetryAfter =
    feedback.retryAfterMs === undefined ? 0 : feedback.retryAfterMs + (rule.burst - 1) * rule.intervalMs;
  // The state is measured past the burst allowance; the cap bounds what the next call waits, not the state.
  return Math.min(Math.max(byRemaining, byRetryAfter), maxWaitMs + (rule.burst - 1) * rule.intervalMs);
}

/** Refuses limits a throttle cannot meter (no positive `calls` or `per_seconds`), naming each bad entry. */
export function checkLimits(limits: unknown): Readonly<Record<string, RateLimit>> {
  if (limits === null || typeof limits !== "object") {
    throw new FrameioValidationError("throttle options", [
      invalidOption("limits", "an object keyed by operation id", limits),
    ]);
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
