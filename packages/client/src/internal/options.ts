import { createThrottle, FrameioValidationError, type Throttle, type ValidationIssue } from "@frameio-sdk/kit";
import {
  checkTokenSource,
  invalidOption,
  isTimeoutMs,
  resolveRetryPolicy,
  TIMEOUT_EXPECTED,
} from "@frameio-sdk/kit/internal";
import type { FrameioClientOptions } from "../client-options.js";
import { checkBaseUrl } from "./base-url.js";
import type { ClientContext } from "./context.js";

const DEFAULT_BASE_URL = "https://api.frame.io";
const DEFAULT_TIMEOUT_MS = 60_000;

/** Checks constructor options once, so a misconfigured client fails at `new`, not at the first call. */
export function resolveOptions(options: FrameioClientOptions = {}): ClientContext {
  if (typeof options !== "object" || options === null) {
    throw new FrameioValidationError("FrameioClient options", [invalidOption("options", "an object", options)]);
  }
  const issues: ValidationIssue[] = [];
  const note = (issue: ValidationIssue | undefined) => void (issue && issues.push(issue));
  const baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  if (typeof baseUrl !== "string") note(baseUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!isTimeoutMs(timeoutMs)) note(invalidOption("timeoutMs", TIMEOUT_EXPECTED, timeoutMs));
  const maxRetries = options.maxRetries ?? options.retry?.maxRetries;
  if (options.fetch !== undefined && typeof options.fetch !== "function")
    note(invalidOption("fetch", "a fetch function", options.fetch));
  if (options.token !== undefined) note(checkTokenSource(options.token, "token"));
  if (options.middleware !== undefined && !Array.isArray(options.middleware)) {
    note(invalidOption("middleware", "an array of openapi-fetch middleware", options.middleware));
  }
  const throttle = resolveThrottle(options.throttle, note);
  let retry: ClientContext["retry"] | undefined;
  try {
    retry = resolveRetryPolicy({ ...options.retry, ...(maxRetries === undefined ? {} : { maxRetries }) });
  } catch (error) {
    if (!(error instanceof FrameioValidationError)) throw error;
    issues.push(...error.issues);
  }
  if (issues.length || typeof baseUrl !== "string" || !retry)
    throw new FrameioValidationError("FrameioClient options", issues);
  return {
    baseUrl,
    fetch: options.fetch,
    token: options.token,
    headers: { ...options.headers },
    timeoutMs,
    retry,
    middleware: options.middleware ?? [],
    validateRequests: options.validateRequests ?? true,
    validateResponses: options.validateResponses ?? false,
    throttle,
  };
}

/** `true` means the published limits of every operation (`createThrottle()`); a Throttle object is used as is. */
function resolveThrottle(value: unknown, note: (issue: ValidationIssue) => void): Throttle | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return createThrottle();
  const candidate = value as Partial<Throttle> | null;
  if (
    typeof candidate === "object" &&
    candidate !== null &&
    typeof candidate.acquire === "function" &&
    typeof candidate.observe === "function"
  ) {
    return candidate as Throttle;
  }
  note(invalidOption("throttle", "true, or a throttle from createThrottle()", value));
  return undefined;
}
