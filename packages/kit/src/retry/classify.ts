import { FrameioConnectionError, FrameioTimeoutError } from "../errors/index.js";
import type { RetryDecisionContext, RetryPolicy } from "./policy.js";

/** Methods that HTTP defines as idempotent: repeating them leaves the server as one call would. */
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);

/** 501 and 505 say the server will never support the request: retrying cannot help. */
const PERMANENT_5XX = new Set([501, 505]);

/** Statuses by which the server tells us it did not act on the request, so even a POST may be repeated. */
const UNPROCESSED_STATUSES = new Set([408, 429, 503]);

/**
 * Failure codes raised before any byte of the request could reach the server: Node's socket and resolver codes
 * (Bun reports the same ones on its TypeError), Node's connect timeout, and the names older Bun releases used.
 */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_NONAME",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "ConnectionRefused",
  "FailedToOpenSocket",
]);

/**
 * Deno's fetch errors carry no code; the message of the cause names the stage that failed. `client error (Connect)`
 * is hyper's connect stage (TCP refused, DNS, TLS handshake), before the request was written.
 */
const NOT_SENT_MESSAGE =
  /client error \(Connect\)|tcp connect error|dns error|Connection refused|os error 111|failed to lookup address/i;

/** TLS trust failures are permanent for a given host; retrying only delays the real error. */
const PERMANENT_CODE = /^(CERT_|ERR_TLS_CERT|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_SELF_SIGNED|ERR_SSL_)/;
const PERMANENT_MESSAGE = /invalid peer certificate|certificate verify failed|UnknownIssuer/i;

/** 408, 429 and 5xx other than 501/505: the statuses by which a server says "not now" rather than "never". */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599 && !PERMANENT_5XX.has(status));
}

/** Whether an error thrown by an attempt is a transport failure we may retry. */
export function isRetryableError(error: unknown): boolean {
  if (error instanceof FrameioTimeoutError) return true;
  if (!(error instanceof FrameioConnectionError)) return false;
  const code = failureCode(error);
  if (code !== undefined) return !PERMANENT_CODE.test(code);
  return !failureMessages(error).some((message) => PERMANENT_MESSAGE.test(message));
}

/**
 * `false` only when the runtime's report proves the request never left (refused, DNS, connect timeout): by the
 * error `code` on Node and Bun, by the message on Deno. Browsers say only "Failed to fetch", and resets or
 * timeouts after connecting may have delivered the request, so all of those count as sent.
 */
export function requestMayHaveBeenSent(error: unknown): boolean {
  if (error instanceof FrameioTimeoutError) return true;
  // A response was already arriving: the server certainly got the request.
  if (error instanceof FrameioConnectionError && error.phase === "reading-body") return true;
  const code = failureCode(error);
  if (code !== undefined) return !NOT_SENT_CODES.has(code);
  return !failureMessages(error).some((message) => NOT_SENT_MESSAGE.test(message));
}

/** Applies the idempotency rule: may this failed attempt be repeated without risking a duplicate write? */
export function mayRepeat(policy: RetryPolicy, context: RetryDecisionContext): boolean {
  if (IDEMPOTENT_METHODS.has(context.method.toUpperCase())) return true;
  const mode = policy.retryNonIdempotent;
  if (typeof mode === "function") return mode(context);
  if (mode === "always") return true;
  if (mode === "never") return false;
  return context.status !== undefined ? UNPROCESSED_STATUSES.has(context.status) : !context.requestMayHaveBeenSent;
}

/** The errors along the `cause` chain (fetch wraps the socket error as `TypeError.cause`), at most 5 deep. */
function causeChain(error: unknown): object[] {
  const chain: object[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === "object"; depth++) {
    chain.push(current);
    const aggregate = (current as { errors?: unknown }).errors;
    // Happy-eyeballs connects fail with an AggregateError of per-address errors.
    if (Array.isArray(aggregate) && aggregate.length > 0) current = aggregate[0];
    else current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/** The first string `code` along the cause chain. */
function failureCode(error: unknown): string | undefined {
  for (const link of causeChain(error)) {
    const code = (link as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

function failureMessages(error: unknown): string[] {
  return causeChain(error)
    .map((link) => (link as { message?: unknown }).message)
    .filter((message): message is string => typeof message === "string");
}
