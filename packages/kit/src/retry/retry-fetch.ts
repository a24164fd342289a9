import { FrameioValidationError, type ValidationIssue } from "../errors/index.js";
import { isTimeoutMs, TIMEOUT_EXPECTED, validateCallOptions } from "../internal/call-options.js";
import { invalidOption } from "../internal/invalid-option.js";
import { createTransport, type Transport } from "../internal/transport.js";
import { type RetryOptions, resolveRetryPolicy } from "./policy.js";

export interface RetryFetchOptions extends RetryOptions {
  /** The fetch to wrap. Default: `globalThis.fetch`, looked up on each call. */
  fetch?: typeof fetch;
  /**
   * Limit per attempt, from sending until the response headers arrive (until the whole body, for buffered JSON).
   * An attempt that overruns fails with FrameioTimeoutError and is retried like a reset. Default: no limit
   * (`Infinity`); finite values from 1 to 2^31-1 ms.
   */
  timeoutMs?: number;
  /**
   * Read JSON response bodies inside the attempt (default true), so a reset mid-body is a retryable connection
   * failure rather than an error surfacing later from `response.json()`. Other content types always stream.
   */
  bufferJson?: boolean;
}

/** A second argument accepted by the wrapped fetch: per-call overrides of the client's retry options. */
export type RetryRequestInit = RequestInit & { retry?: RetryOptions };

/** RequestInit members the Request constructor consumes; anything else is a runtime extension, forwarded as is. */
const REQUEST_FIELDS = new Set([
  "method",
  "headers",
  "body",
  "referrer",
  "referrerPolicy",
  "mode",
  "credentials",
  "cache",
  "redirect",
  "integrity",
  "keepalive",
  "signal",
  "duplex",
  "window",
  "priority",
  "retry",
]);

/**
 * A fetch that retries, for openapi-fetch or direct use: `createClient({ baseUrl, fetch: retry() })`.
 * Per request: `client.GET(path, { fetch: retry({ maxRetries: 0 }) })`, or `{ retry: {...} }` in a direct call.
 *
 * Built on the kit's transport pipeline. The request body is read once into memory and replayed byte-for-byte on
 * every attempt; a body passed as a ReadableStream in `init` cannot be replayed and gets exactly one attempt.
 * Redirects: a GET or HEAD is followed (up to 5 hops); a redirected write throws FrameioRedirectError naming the
 * Location instead of being re-sent. After the last attempt the last response is returned as it is (so openapi-fetch
 * still yields `{ error }`); `attemptsOf(response)` says how many tries it took. Throws TooManyRequestsError when a
 * 429 asks for a wait above `maxRetryAfterMs`, and FrameioConnectionError / FrameioTimeoutError (with `attempts`)
 * when no response ever arrived.
 */
export function retry(options: RetryFetchOptions = {}): typeof fetch {
  const { fetch: customFetch, timeoutMs = Number.POSITIVE_INFINITY, bufferJson = true, ...retryOptions } = options;
  checkOptions(customFetch, timeoutMs, bufferJson);
  const settings = { fetch: customFetch, timeoutMs, buffer: bufferJson ? ("json" as const) : ("none" as const) };
  const shared = createTransport({ ...settings, retry: resolveRetryPolicy(retryOptions) });
  const transportFor = (override: RetryOptions | undefined): Transport =>
    override ? createTransport({ ...settings, retry: resolveRetryPolicy({ ...retryOptions, ...override }) }) : shared;

  const retryingFetch = async (input: RequestInfo | URL, init?: RetryRequestInit): Promise<Response> => {
    // A bad signal would otherwise surface as the Request constructor's raw TypeError.
    if (init?.signal != null) validateCallOptions({ signal: init.signal }, "retry request");
    const override = init?.retry ?? (input as { retry?: RetryOptions }).retry;
    const request = input instanceof Request && !hasRequestFields(init) ? input : new Request(input, init);
    const streamBody = init?.body instanceof ReadableStream;
    return transportFor(override)(request, { streamBody, init: extensionsOf(init) });
  };
  return retryingFetch as typeof fetch;
}

function hasRequestFields(init: RequestInit | undefined): boolean {
  return init !== undefined && Object.keys(init).some((key) => REQUEST_FIELDS.has(key) && key !== "retry");
}

function extensionsOf(init: RequestInit | undefined): Record<string, unknown> | undefined {
  if (init === undefined) return undefined;
  const rest = Object.entries(init).filter(([key]) => !REQUEST_FIELDS.has(key));
  return rest.length === 0 ? undefined : Object.fromEntries(rest);
}

function checkOptions(customFetch: unknown, timeoutMs: unknown, bufferJson: unknown): void {
  const issues: ValidationIssue[] = [];
  if (typeof bufferJson !== "boolean") issues.push(invalidOption("bufferJson", "a boolean", bufferJson));
  if (customFetch !== undefined && typeof customFetch !== "function") {
    issues.push(invalidOption("fetch", "a fetch function", customFetch));
  }
  if (!isTimeoutMs(timeoutMs)) issues.push(invalidOption("timeoutMs", TIMEOUT_EXPECTED, timeoutMs));
  if (issues.length > 0) throw new FrameioValidationError("retry options", issues);
}
