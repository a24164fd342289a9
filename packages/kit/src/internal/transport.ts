import type { TokenSource } from "../auth/token-source.js";
import {
  type ConnectionFailurePhase,
  FrameioError,
  FrameioValidationError,
  type ValidationIssue,
} from "../errors/index.js";
import { SECRET_HEADERS } from "../errors/redact.js";
import { isJsonResponse } from "../retry/buffer-response.js";
import { discardResponse } from "../retry/discard.js";
import type { RetryPolicy } from "../retry/policy.js";
import { runWithRetry } from "../retry/run-with-retry.js";
import type { Throttle } from "../throttle/throttle.js";
import { tokenIdentity } from "../throttle/token-identity.js";
import { attemptFailure } from "./attempt-failure.js";
import { recordAttempts } from "./attempts.js";
import { checkedToken, checkTokenSource, currentToken, invalidateToken } from "./bearer-token.js";
import type { BodyHandOver } from "./body-hand-over.js";
import { bufferBody, responseOfReadBody } from "./buffered-body.js";
import { isTimeoutMs, TIMEOUT_EXPECTED } from "./call-options.js";
import { AttemptDeadline } from "./deadline.js";
import { isHttpUrl } from "./http-url.js";
import { invalidOption } from "./invalid-option.js";
import { raceAbort } from "./race-abort.js";
import { type RedirectPolicy, redirectTarget } from "./redirect.js";
import { tokenScope } from "./request-scope.js";

export interface TransportOptions {
  /** Origin plus optional path prefix; only requests under it get the token. Default: the request's own origin. */
  baseUrl?: string;
  /** Default: `globalThis.fetch`, looked up on each call. */
  fetch?: typeof fetch;
  token?: TokenSource;
  /** Added to every request unless the request already sets them. */
  headers?: Record<string, string>;
  /** Per attempt, headers and body, redirect hops included; `Infinity` for none. At most 2^31-1 when finite. */
  timeoutMs: number;
  retry: RetryPolicy;
  throttle?: Throttle;
  /** Default `"same-origin-get"`: GET/HEAD redirects are followed (the token only within `baseUrl`). */
  redirect?: RedirectPolicy;
  /** Which final bodies are read inside the attempt: all (default), JSON only, or none (streamed, no deadline). */
  buffer?: "all" | "json" | "none";
}

/** Per-call settings, already validated by the caller (see `validateCallOptions`). */
export interface CallOptions {
  timeoutMs?: number;
  maxRetries?: number;
  signal?: AbortSignal;
  /** E.g. `files.show`: the throttle key. */
  operationKey?: string;
  /** Send the request's body as the stream it is, in a single attempt, instead of buffering it for replay. */
  streamBody?: boolean;
  /** Extra fetch init members forwarded to each attempt (for runtimes' own extensions). */
  init?: Record<string, unknown>;
  /**
   * The caller reads a success body only through `readJsonBody` with this object, and nothing else sees the
   * Response: a 2xx then comes back as fetch answered it, its body read into `text` (see `bufferBody`), and its
   * number of attempts is in `attempts` (`attemptsOf` does not know it).
   */
  handOver?: BodyHandOver;
  /**
   * The request was built without a signal (openapi-fetch's own Request, no middleware in between), so only
   * `signal` can abort it and `request.signal` is not linked: one abort listener less per call.
   */
  requestSignalUnused?: boolean;
}

/** Where an attempt is: the hop being sent, and how far it got (for the error when it fails). */
interface Hop {
  method: string;
  url: string;
  phase: ConnectionFailurePhase;
}

export type Transport = (request: Request, call?: CallOptions) => Promise<Response>;

/**
 * The kit's one request pipeline. Per attempt: token (within scope) and header checks, throttle, deadline over
 * headers and body, redirect policy, buffering; between attempts: classification, backoff or Retry-After, one
 * renewal after a 401. Resolves to the final Response of any status with its body buffered (see `attemptsOf`);
 * rejects with FrameioTimeoutError, FrameioConnectionError, FrameioRedirectError, TooManyRequestsError,
 * FrameioValidationError (unusable token), the token provider's error, or the caller's abort reason.
 */
export function createTransport(options: TransportOptions): Transport {
  checkOptions(options);
  const { token: source, throttle, redirect = "same-origin-get", buffer = "all" } = options;
  const extraHeaders = Object.entries(options.headers ?? {});
  const baseScope = options.baseUrl === undefined ? undefined : tokenScope(options.baseUrl, options.baseUrl);

  return async (request, call = {}) => {
    const policy = call.maxRetries === undefined ? options.retry : { ...options.retry, maxRetries: call.maxRetries };
    const timeoutMs = call.timeoutMs ?? options.timeoutMs;
    const signals = call.requestSignalUnused === true ? [call.signal] : [call.signal, request.signal];
    const callSignal = call.signal ?? request.signal;
    const stream = call.streamBody === true && request.body !== null;
    const body = request.body === null || stream ? undefined : await request.arrayBuffer();
    const inScope = baseScope ?? tokenScope(undefined, request.url);
    // Read only: each hop sends a copy (with its own token and credential rules).
    const headers = extraHeaders.length === 0 ? request.headers : new Headers(request.headers);
    for (const [name, value] of extraHeaders) if (!headers.has(name)) headers.set(name, value);
    const fetchImpl = options.fetch ?? globalThis.fetch;
    let usedToken: string | undefined;
    let answeredInScope = false;

    const attempt = async (attemptNumber: number): Promise<Response> => {
      const hop: Hop = { method: request.method, url: request.url, phase: "before-response" };
      const token = source !== undefined && inScope(hop.url) ? tokenFor(source, callSignal) : undefined;
      // A static token comes back as a string: awaiting it anyway would cost every call a turn of the queue.
      usedToken = typeof token === "object" ? await token : token;
      const scopeKey = throttle && usedToken !== undefined ? await tokenIdentity(usedToken) : undefined;
      if (throttle && call.operationKey) await throttle.acquire(call.operationKey, callSignal, scopeKey);
      const deadline = new AttemptDeadline(timeoutMs, signals);
      try {
        // One race for the whole attempt (every hop, and the body): whatever is still running when the deadline
        // or the caller aborts is abandoned, and a response it yields late is cancelled.
        return await raceAbort(send(hop, deadline, attemptNumber, scopeKey), deadline.signal, cancelBody);
      } catch (error) {
        const { timedOut } = deadline;
        throw attemptFailure(error, { ...hop, attempts: attemptNumber, signals, timedOut, timeoutMs });
      } finally {
        deadline.clear();
      }
    };

    /** The hops of one attempt, redirects followed; `hop` says where it is, for the error if it fails. */
    const send = async (
      hop: Hop,
      deadline: AttemptDeadline,
      attemptNumber: number,
      scopeKey: string | undefined,
    ): Promise<Response> => {
      for (let hops = 0; ; hops++) {
        const sent = new Headers(headers);
        const trusted = inScope(hop.url);
        if (!trusted) for (const name of SECRET_HEADERS) sent.delete(name);
        if (usedToken !== undefined && trusted) sent.set("authorization", `Bearer ${usedToken}`);
        const init: RequestInit & { duplex?: "half" } = {
          ...call.init,
          method: hop.method,
          headers: sent,
          body: hops === 0 ? (stream ? request.body : body) : undefined,
          signal: deadline.signal,
          redirect: "manual",
        };
        if (stream && hops === 0) init.duplex = "half";
        // The first hop reuses the caller's Request (its parsed URL, and the fetch options it was given); `init`
        // replaces its headers, body and signal. A streamed body is sent as `init.body`, from the URL.
        const response = await fetchImpl(hops === 0 && !stream ? request : hop.url, init);
        if (deadline.signal.aborted) {
          // The race is already lost; free the connection instead of reading a body nobody waits for.
          cancelBody(response);
          throw deadline.signal.reason;
        }
        if (throttle && call.operationKey) throttle.observe(call.operationKey, response.headers, scopeKey);
        const next = redirectTarget(response, hop, redirect, hops, attemptNumber);
        if (next instanceof FrameioError) throw next;
        if (next === undefined) {
          // Only a 401 from within the token's scope says anything about the token.
          answeredInScope = trusted;
          hop.phase = "reading-body";
          return await finish(response, deadline, call.handOver);
        }
        await discardResponse(response);
        // 303 and redirected GET/HEAD are re-sent without a body; only reads get this far.
        hop.url = next.href;
      }
    };

    // A streamed body cannot be sent twice, not even after a renewal.
    const renew = () => !stream && answeredInScope && usedToken !== undefined && invalidateToken(source, usedToken);
    const requested = { method: request.method, url: request.url };
    const attemptPolicy = stream ? { ...policy, maxRetries: 0 } : policy;
    const { response, attempts } = await runWithRetry(requested, attempt, attemptPolicy, callSignal, { renew });
    if (call.handOver === undefined || !response.ok) return recordAttempts(response, attempts);
    call.handOver.attempts = attempts;
    return response;
  };

  function finish(response: Response, deadline: AttemptDeadline, handOver?: BodyHandOver): Promise<Response> {
    const read = buffer === "all" || (buffer === "json" && isJsonResponse(response));
    if (read) return bufferBody(response, handOver);
    // The retry loop may throw an error response away, and freeing it must not outlast the deadline: its body is
    // read (or, past 64 KiB, dropped) inside the attempt.
    if (!response.ok) return boundedErrorResponse(response);
    // A streamed body outlives the attempt: the timer stops here, the caller's signal still reaches the stream.
    deadline.release();
    return Promise.resolve(response);
  }
}

function checkOptions(options: TransportOptions): void {
  const issues: ValidationIssue[] = [];
  if (!isTimeoutMs(options.timeoutMs)) issues.push(invalidOption("timeoutMs", TIMEOUT_EXPECTED, options.timeoutMs));
  if (options.baseUrl !== undefined && !isHttpUrl(options.baseUrl)) {
    issues.push(invalidOption("baseUrl", "an http(s) URL", options.baseUrl));
  }
  const tokenIssue = options.token === undefined ? undefined : checkTokenSource(options.token, "token");
  if (tokenIssue) issues.push(tokenIssue);
  if (issues.length > 0) throw new FrameioValidationError("transport options", issues);
}

/**
 * The token to send. A token string was checked once, when the transport was created (`checkOptions`); a token a
 * function hands out is checked without a promise of its own (this runs on every call); a provider may be renewing
 * at IMS, and the caller's abort must not wait for that.
 */
function tokenFor(source: TokenSource, signal: AbortSignal): string | Promise<string> {
  if (typeof source === "string") return source;
  const token = currentToken(source);
  if (typeof token === "string") return checkedToken(token);
  return raceAbort(Promise.resolve(token), signal, () => undefined).then((value) => checkedToken(value));
}

/** An error response whose body was read with `discardResponse`: kept when small, dropped when large. */
async function boundedErrorResponse(response: Response): Promise<Response> {
  return responseOfReadBody(response, await discardResponse(response));
}

/** A response that arrived after its attempt was given up: free its connection. */
function cancelBody(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}
