import { FrameioError } from "./frameio-error.js";
import { redactText, redactUrl } from "./redact.js";

/**
 * Where a connection failed: `before-response` (DNS, refused, reset or TLS failure before any response arrived)
 * or `reading-body` (the response arrived and its body broke off, e.g. a reset mid-download). A request that
 * failed while its response was being read certainly reached the server.
 */
export type ConnectionFailurePhase = "before-response" | "reading-body";

export interface FrameioConnectionErrorInit {
  method: string;
  url: string;
  attempts?: number;
  /** Default `before-response`. */
  phase?: ConnectionFailurePhase;
  cause?: unknown;
}

/** The connection failed: no HTTP response arrived, or its body could not be read to the end (see `phase`). */
export class FrameioConnectionError extends FrameioError {
  override name = "FrameioConnectionError";
  readonly method: string;
  readonly url: string;
  readonly attempts: number;
  readonly phase: ConnectionFailurePhase;

  constructor(init: FrameioConnectionErrorInit) {
    const url = redactUrl(init.url);
    const phase = init.phase ?? "before-response";
    // Some runtimes (Deno) quote the full request URL in the message; its signed query values must not surface.
    const reason = init.cause instanceof Error ? `: ${redactText(init.cause.message)}` : "";
    super({ message: `${init.method} ${url} ${connectionFailureText(phase)}${reason}`, cause: init.cause });
    this.method = init.method;
    this.url = url;
    this.attempts = init.attempts ?? 1;
    this.phase = phase;
  }
}

/** How messages say a connection failed in `phase`; shared by the errors that wrap a FrameioConnectionError. */
export function connectionFailureText(phase: ConnectionFailurePhase): string {
  return phase === "reading-body" ? "failed while reading the response body" : "failed before a response arrived";
}

/** The phase of a failure reported as `cause`: `reading-body` only when a FrameioConnectionError says so. */
export function connectionFailurePhase(cause: unknown): ConnectionFailurePhase {
  return cause instanceof FrameioConnectionError ? cause.phase : "before-response";
}
