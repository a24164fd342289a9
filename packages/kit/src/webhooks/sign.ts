import { FrameioValidationError } from "../errors/index.js";
import { toHex } from "../internal/hex.js";
import { invalidOption, validationIssue } from "../internal/invalid-option.js";
import { bodyBytes, hmacSha256, isRawBody, SIGNATURE_VERSION, signedPayload } from "./signature.js";

export interface SignWebhookOptions {
  secret: string;
  /** The exact body that will be sent. */
  body: string | Uint8Array | ArrayBuffer;
  /** Unix time in seconds. Default: now. */
  timestamp?: number;
}

/** The two headers Frame.io would send with `body`; usable as `headers` for fetch and for verifyWebhook. */
export type SignedWebhookHeaders = {
  "x-frameio-request-timestamp": string;
  "x-frameio-signature": string;
};

/**
 * Signs a body the way Frame.io does, for tests, local tooling and replaying captured deliveries against your
 * own endpoint.
 */
export async function signWebhook(options: SignWebhookOptions): Promise<SignedWebhookHeaders> {
  const { secret, body } = options;
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  if (typeof secret !== "string" || secret === "") {
    const received = secret === "" ? "an empty string" : typeof secret;
    throw new FrameioValidationError("signWebhook", [validationIssue("secret", "a non-empty string", received)]);
  }
  // An object body would otherwise sign as an empty body: the signature would match nothing that is sent.
  if (!isRawBody(body)) {
    const expected = "the exact body as a string, Uint8Array or ArrayBuffer (serialise objects first)";
    const received = body === null ? "null" : typeof body === "object" ? "an object" : typeof body;
    throw new FrameioValidationError("signWebhook", [validationIssue("body", expected, received)]);
  }
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new FrameioValidationError("signWebhook", [
      invalidOption("timestamp", "Unix time in whole seconds", timestamp),
    ]);
  }
  const digest = await hmacSha256(secret, signedPayload(String(timestamp), bodyBytes(body)));
  return {
    "x-frameio-request-timestamp": String(timestamp),
    "x-frameio-signature": `${SIGNATURE_VERSION}=${toHex(digest)}`,
  };
}
