import { FrameioConnectionError, FrameioTimeoutError, FrameioValidationError } from "../errors/index.js";
import { invalidOption } from "../internal/invalid-option.js";
import { linkedAbortController } from "../internal/linked-signal.js";
import { raceAbort } from "../internal/race-abort.js";
import { bufferResponse, isJsonResponse } from "./buffer-response.js";
import { resolveRetryPolicy, type RetryOptions } from "./policy.js";
import { runWithRetry } from "./run-with-retry.js";

export interface RetryFetchOptions extends RetryOptions {
  /** The fetch to wrap. Default: `globalThis.fetch`, looked up on each call. */
  fetch?: typeof fetch;
  /**
   * Limit per attempt, from sending until the response headers arrive (until the whole body, for buffered JSON).
   * An attempt that overruns fails with FrameioTimeoutError and is retried like a reset. Default: no limit.
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

const attemptsByResponse = new WeakMap<Response, number>();

/** How many attempts produced a response returned by a {@link retry} fetch; `undefined` for other responses. */
export function attemptsOf(response: Response): number | undefined {
  return attemptsByResponse.get(response);
}

/** RequestInit members the Request constructor consumes; everything else (e.g. undici's dispatcher) is forwarded. */
const REQUEST_FIELDS = new Set([
  "method", "headers", "body", "referrer", "referrerPolicy", "mode", "credentials", "cache", "redirect",
  "integrity", "keepalive", "signal", "duplex", "window", "priority", "retry",
]);

/**
 * A fetch that retries, for openapi-fetch or direct use: `createClient({ baseUrl, fetch: retry() })`.
 * Per request: `client.GET(path, { fetch: retry({ maxRetries: 0 }) })`, or `{ retry: {...} }` in a direct call.
 *
 * The request body is read once into memory and replayed byte-for-byte on every attempt. A body passed as a
 * ReadableStream in `init` cannot be replayed and gets exactly one attempt. After the last attempt the last
 * response is returned as it is (so openapi-fetch still yields `{ error }`); `attemptsOf(response)` says how many
 * tries it took. Throws TooManyRequestsError when a 429 asks for a wait above `maxRetryAfterMs`, and
 * FrameioConnectionError / FrameioTimeoutError (with `attempts`) when no response ever arrived.
 */
export function retry(options: RetryFetchOptions = {}): typeof fetch {
  const { fetch: customFetch, timeoutMs, bufferJson = true, ...retryOptions } = options;
  checkOptions(customFetch, timeoutMs, bufferJson);
  const policy = resolveRetryPolicy(retryOptions);

  const retryingFetch = async (input: RequestInfo | URL, init?: RetryRequestInit): Promise<Response> => {
    const override = init?.retry ?? (input as { retry?: RetryOptions }).retry;
    const streamed = init?.body instanceof ReadableStream;
    const callPolicy = override || streamed
      ? resolveRetryPolicy({ ...retryOptions, ...override, ...(streamed ? { maxRetries: 0 } : {}) })
      : policy;
    const template = input instanceof Request && !hasRequestFields(init) ? input : new Request(input, init);
    const body = template.body === null || streamed ? undefined : await template.arrayBuffer();
    const extensions = extensionsOf(init);
    const transport = customFetch ?? globalThis.fetch;
    const request = { method: template.method, url: template.url };

    const attempt = async (attemptNumber: number): Promise<Response> => {
      // One signal per attempt: the caller's abort plus, when set, our timer.
      const { controller, unlink } = linkedAbortController([template.signal]);
      let timedOut = false;
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      const sendable = body !== undefined ? new Request(template, { body }) : template;
      const exchange = async () => {
        // The signal goes in `init`, not inside a Request: Node 20's fetch follows a Request's signal through a
        // WeakRef, and once that intermediate Request is garbage-collected an abort no longer reaches the socket.
        const response = await transport(sendable, { ...extensions, signal: controller.signal });
        return bufferJson && isJsonResponse(response) ? await bufferResponse(response) : response;
      };
      try {
        return await raceAbort(exchange(), controller.signal, releaseResponse);
      } catch (error) {
        if (template.signal.aborted) throw error;
        if (timedOut) throw new FrameioTimeoutError({ timeoutMs: timeoutMs as number, ...request, cause: error });
        if (error instanceof TypeError) throw new FrameioConnectionError({ ...request, cause: error });
        throw error;
      } finally {
        clearTimeout(timer);
        unlink();
      }
    };

    const { response, attempts } = await runWithRetry(request, attempt, callPolicy, template.signal);
    attemptsByResponse.set(response, attempts);
    return response;
  };
  return retryingFetch as typeof fetch;
}

/** A response that arrived after its attempt was given up: free its connection. */
function releaseResponse(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

function hasRequestFields(init: RequestInit | undefined): boolean {
  return init !== undefined && Object.keys(init).some((key) => REQUEST_FIELDS.has(key) && key !== "retry");
}

function extensionsOf(init: RequestInit | undefined): RequestInit | undefined {
  if (init === undefined) return undefined;
  const rest = Object.entries(init).filter(([key]) => !REQUEST_FIELDS.has(key));
  return rest.length === 0 ? undefined : (Object.fromEntries(rest) as RequestInit);
}

function checkOptions(customFetch: unknown, timeoutMs: unknown, bufferJson: unknown): void {
  const issues = [];
  if (typeof bufferJson !== "boolean") issues.push(invalidOption("bufferJson", "a boolean", bufferJson));
  if (customFetch !== undefined && typeof customFetch !== "function") {
    issues.push(invalidOption("fetch", "a fetch function", customFetch));
  }
  if (timeoutMs !== undefined && !(typeof timeoutMs === "number" && Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    issues.push(invalidOption("timeoutMs", "a number of ms > 0", timeoutMs));
  }
  if (issues.length > 0) throw new FrameioValidationError("retry options", issues);
}
