import { FrameioValidationError, type ValidationIssue } from "../errors/index.js";
import { MAX_RETRIES_LIMIT } from "../retry/policy.js";
import { invalidOption } from "./invalid-option.js";
import { MAX_TIMER_MS } from "./timer-cap.js";

/** What `timeoutMs` accepts everywhere: a timer-sized number of ms, or `Infinity` for "no deadline". */
export const TIMEOUT_EXPECTED = `a number of ms from 1 to ${MAX_TIMER_MS}, or Infinity for no timeout`;

/** Whether `value` is a usable `timeoutMs` (see {@link TIMEOUT_EXPECTED}). */
export function isTimeoutMs(value: unknown): value is number {
  return typeof value === "number" && (value === Number.POSITIVE_INFINITY || (value >= 1 && value <= MAX_TIMER_MS));
}

/**
 * Checks the per-call options every call takes (`timeoutMs`, `maxRetries`, `signal`, `headers`) and throws one
 * FrameioValidationError naming each bad option, before any request. Other members are left to the caller.
 * `subject` names the call in the message, e.g. `files.show options`.
 */
export function validateCallOptions(options: unknown, subject: string): void {
  if (options === undefined) return;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new FrameioValidationError(subject, [invalidOption("options", "an object", options)]);
  }
  const { timeoutMs, maxRetries, signal, headers } = options as Record<string, unknown>;
  const issues: ValidationIssue[] = [];
  if (timeoutMs !== undefined && !isTimeoutMs(timeoutMs))
    issues.push(invalidOption("timeoutMs", TIMEOUT_EXPECTED, timeoutMs));
  if (
    maxRetries !== undefined &&
    !(Number.isInteger(maxRetries) && (maxRetries as number) >= 0 && (maxRetries as number) <= MAX_RETRIES_LIMIT)
  ) {
    issues.push(invalidOption("maxRetries", `an integer from 0 to ${MAX_RETRIES_LIMIT}`, maxRetries));
  }
  if (signal !== undefined && !isAbortSignal(signal)) issues.push(invalidOption("signal", "an AbortSignal", signal));
  if (headers !== undefined && !isHeadersLike(headers)) {
    issues.push(invalidOption("headers", "a plain object of header names to strings, or a Headers", headers));
  }
  if (issues.length > 0) throw new FrameioValidationError(subject, issues);
}

/** Cross-realm safe: an AbortSignal from another realm (a test VM, an iframe) still has the same shape. */
function isAbortSignal(value: unknown): value is AbortSignal {
  if (typeof AbortSignal !== "undefined" && value instanceof AbortSignal) return true;
  const candidate = value as AbortSignal | null;
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    typeof candidate.aborted === "boolean" &&
    typeof candidate.addEventListener === "function" &&
    typeof candidate.removeEventListener === "function"
  );
}

function isHeadersLike(value: unknown): boolean {
  if (typeof Headers !== "undefined" && value instanceof Headers) return true;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value).every((v) => typeof v === "string" || v === undefined);
}
