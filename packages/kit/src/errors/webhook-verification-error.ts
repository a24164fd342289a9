import { FrameioError } from "./frameio-error.js";

/** Which check a webhook delivery failed. */
export type WebhookVerificationFailure =
  | "missing_signature"
  | "missing_timestamp"
  | "malformed_signature"
  | "malformed_timestamp"
  | "signature_mismatch"
  | "timestamp_too_old"
  | "timestamp_in_future"
  | "invalid_json";

const EXPLANATIONS: Record<WebhookVerificationFailure, string> = {
  missing_signature: "the X-Frameio-Signature header is missing",
  missing_timestamp: "the X-Frameio-Request-Timestamp header is missing",
  malformed_signature: 'the X-Frameio-Signature header is not "v0=" followed by 64 hex digits',
  malformed_timestamp: "the X-Frameio-Request-Timestamp header is not a Unix time in seconds",
  signature_mismatch: "the signature does not match the body (wrong secret, or the body was changed or re-serialised)",
  timestamp_too_old: "the request timestamp is older than the tolerance window (possible replay)",
  timestamp_in_future: "the request timestamp is further in the future than the tolerance window (clock skew?)",
  invalid_json: "the signed body is not a JSON object",
};

/**
 * A webhook delivery could not be trusted. `reason` names the failed check; nothing here ever contains the
 * secret or the expected signature, so the error is safe to log.
 */
export class WebhookVerificationError extends FrameioError {
  override name = "WebhookVerificationError";
  readonly reason: WebhookVerificationFailure;

  /** `new WebhookVerificationError({ reason, cause })`; the `(reason, { cause })` form is kept for existing code. */
  constructor(
    init: { reason: WebhookVerificationFailure; cause?: unknown } | WebhookVerificationFailure,
    options?: { cause?: unknown },
  ) {
    const { reason, ...rest } = typeof init === "string" ? { reason: init, ...options } : init;
    super({ message: `Webhook verification failed (${reason}): ${EXPLANATIONS[reason]}`, ...rest });
    this.reason = reason;
  }
}
