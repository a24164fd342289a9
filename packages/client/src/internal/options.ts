import { FrameioValidationError, redactUrl, resolveRetryPolicy, type ValidationIssue } from "@frameio-sdk/kit";
import type { FrameioClientOptions } from "../client-options.js";
import type { ClientContext } from "./context.js";

const DEFAULT_BASE_URL = "https://api.frame.io";
const DEFAULT_TIMEOUT_MS = 60_000;

function issue(path: string, expected: string, value: unknown): ValidationIssue {
  const received = value === null ? "null" : typeof value === "string" ? JSON.stringify(value) : typeof value;
  return { path, expected, received, message: `expected ${expected}, received ${received}` };
}

/** Checks constructor options once, so a misconfigured client fails at `new`, not at the first call. */
export function resolveOptions(options: FrameioClientOptions = {}): ClientContext {
  const issues: ValidationIssue[] = [];
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  // Never echo user-info: fetch refuses such URLs and its error message would carry the password into ours.
  const shownUrl = typeof baseUrl === "string" ? redactUrl(baseUrl) : baseUrl;
  if (typeof baseUrl !== "string" || !URL.canParse(baseUrl)) issues.push(issue("baseUrl", "an absolute URL", shownUrl));
  else if (new URL(baseUrl).username || new URL(baseUrl).password) {
    issues.push(issue("baseUrl", "a URL without user-info (authenticate with the token option)", shownUrl));
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (typeof timeoutMs !== "number" || !(timeoutMs > 0)) issues.push(issue("timeoutMs", "a positive number", timeoutMs));
  const maxRetries = options.maxRetries ?? options.retry?.maxRetries;
  if (maxRetries !== undefined && !(Number.isInteger(maxRetries) && maxRetries >= 0)) {
    issues.push(issue("maxRetries", "an integer >= 0", maxRetries));
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") issues.push(issue("fetch", "a fetch function", fetchImpl));
  const token = options.token;
  if (token !== undefined && typeof token !== "string" && typeof token !== "function" && typeof (token as { getToken?: unknown })?.getToken !== "function") {
    issues.push(issue("token", "a string, a function, or an auth object with getToken()", token));
  }
  if (issues.length) throw new FrameioValidationError("FrameioClient options", issues);
  return {
    baseUrl: baseUrl.replace(/\/+$/, ""),
    fetch: options.fetch ? fetchImpl : (input, init) => globalThis.fetch(input, init),
    nativeFetch: !options.fetch,
    token,
    headers: { ...options.headers },
    timeoutMs,
    retry: resolveRetryPolicy({ ...options.retry, ...(maxRetries === undefined ? {} : { maxRetries }) }),
    middleware: options.middleware ?? [],
    validateRequests: options.validateRequests ?? true,
    validateResponses: options.validateResponses ?? false,
    throttle: options.throttle,
  };
}
