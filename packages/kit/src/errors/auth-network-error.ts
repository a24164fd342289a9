import { FrameioAuthError } from "./auth-error.js";
import { connectionFailurePhase, connectionFailureText } from "./connection-error.js";
import { redactUrl } from "./redact.js";

/** IMS could not be reached, broke off its answer, or did not answer within `timeoutMs`, on every attempt. */
export class AuthNetworkError extends FrameioAuthError {
  override name = "AuthNetworkError";
  readonly url: string;
  readonly timedOut: boolean;
  readonly attempts: number;

  constructor(init: { url: string; timedOut: boolean; attempts: number; cause?: unknown }) {
    const url = redactUrl(init.url);
    const reason = init.timedOut ? "timed out" : connectionFailureText(connectionFailurePhase(init.cause));
    super(`POST ${url} ${reason} (${init.attempts} attempt${init.attempts === 1 ? "" : "s"})`, { cause: init.cause });
    this.url = url;
    this.timedOut = init.timedOut;
    this.attempts = init.attempts;
  }
}
