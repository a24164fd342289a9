import type { ParsedWebhookEvent } from "@frameio-sdk/schemas/webhooks";
import { FrameioValidationError, type ValidationIssue, WebhookVerificationError } from "../errors/index.js";
import { validationIssue } from "../internal/invalid-option.js";
import type { WebhookEvent } from "./event.js";
import { parseWithEventSchema } from "./parse-event.js";
import {
  bodyBytes,
  constantTimeEqual,
  fromHex64,
  hmacSha256,
  isRawBody,
  SIGNATURE_VERSION,
  signedPayload,
} from "./signature.js";

/** Fetch `Headers`, or Node's `IncomingHttpHeaders` (lower-case keys, possibly arrays) or any plain record. */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface VerifyWebhookOptions {
  /** The `secret` returned when the webhook was created. */
  secret: string;
  /**
   * The body exactly as received, before any JSON parsing: re-serialising parsed JSON changes the bytes and
   * breaks the signature. In Express use `express.raw({ type: "application/json" })`; with fetch, `await request.text()`.
   */
  rawBody: string | Uint8Array | ArrayBuffer;
  headers: WebhookHeaders;
  /** Accepted distance between the request timestamp and now, either way. Default 300 (Frame.io's 5 minutes). */
  toleranceSeconds?: number;
  /** Current time in milliseconds since the epoch; injectable for tests. Default `Date.now`. */
  now?: () => number;
  /**
   * Also check the payload against its event type's schema from `@frameio-sdk/schemas` (loaded on first use) and
   * return what the schema parsed. A payload that does not match throws FrameioValidationError naming the field.
   */
  parse?: boolean;
}

const TIMESTAMP_HEADER = "x-frameio-request-timestamp";
const SIGNATURE_HEADER = "x-frameio-signature";
const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Checks that a delivery came from Frame.io and is fresh, then returns its parsed event.
 *
 * The signature is checked before the timestamp, so `timestamp_too_old` means an authentic but late or replayed
 * delivery, while a forged one always reports `signature_mismatch`. Throws WebhookVerificationError naming the
 * failed check, or FrameioValidationError when the options themselves are wrong.
 *
 * Pass a type argument to narrow the result, e.g. `verifyWebhook<WebhookEvent<"file.ready">>(...)`, or pass
 * `parse: true` to have the payload checked by its event schema and typed from it.
 */
export async function verifyWebhook(options: VerifyWebhookOptions & { parse: true }): Promise<ParsedWebhookEvent>;
export async function verifyWebhook<TEvent = WebhookEvent>(options: VerifyWebhookOptions): Promise<TEvent>;
export async function verifyWebhook(options: VerifyWebhookOptions): Promise<unknown> {
  const { secret, rawBody, headers, toleranceSeconds, now } = checkOptions(options);

  const timestamp = headerValue(headers, TIMESTAMP_HEADER);
  if (timestamp === undefined) throw new WebhookVerificationError("missing_timestamp");
  const signature = headerValue(headers, SIGNATURE_HEADER);
  if (signature === undefined) throw new WebhookVerificationError("missing_signature");
  if (!/^\d{1,15}$/.test(timestamp)) throw new WebhookVerificationError("malformed_timestamp");
  const prefix = `${SIGNATURE_VERSION}=`;
  const provided = signature.startsWith(prefix) ? fromHex64(signature.slice(prefix.length)) : undefined;
  if (provided === undefined) throw new WebhookVerificationError("malformed_signature");

  const body = bodyBytes(rawBody);
  const expected = await hmacSha256(secret, signedPayload(timestamp, body));
  if (!constantTimeEqual(expected, provided)) throw new WebhookVerificationError("signature_mismatch");

  const nowMs = now();
  // A clock that returns NaN would make every comparison false and switch the replay window off.
  if (typeof nowMs !== "number" || !Number.isFinite(nowMs)) {
    const expected = "a function returning milliseconds since the epoch (a finite number)";
    const received = typeof nowMs === "number" ? `number ${nowMs}` : typeof nowMs;
    throw new FrameioValidationError("verifyWebhook", [validationIssue("now", expected, received)]);
  }
  const ageSeconds = nowMs / 1000 - Number(timestamp);
  if (ageSeconds > toleranceSeconds) throw new WebhookVerificationError("timestamp_too_old");
  if (ageSeconds < -toleranceSeconds) throw new WebhookVerificationError("timestamp_in_future");

  const event = parseEvent(body);
  return options.parse === true ? parseWithEventSchema(event) : event;
}

function parseEvent(body: Uint8Array): Record<string, unknown> {
  let event: unknown;
  try {
    event = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch (cause) {
    throw new WebhookVerificationError("invalid_json", { cause });
  }
  if (event === null || typeof event !== "object" || Array.isArray(event)) {
    throw new WebhookVerificationError("invalid_json");
  }
  return event as Record<string, unknown>;
}

/** Case-insensitive lookup; the first value when a header was repeated. Empty values count as missing. */
function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  let value: string | string[] | null | undefined;
  if (headers instanceof Headers) {
    value = headers.get(name);
  } else {
    value = headers[name];
    if (value === undefined) {
      const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
      value = key === undefined ? undefined : headers[key];
    }
  }
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = typeof first === "string" ? first.trim() : undefined;
  return trimmed ? trimmed : undefined;
}

function checkOptions(options: VerifyWebhookOptions) {
  const issues: ValidationIssue[] = [];
  const issue = (path: string, expected: string, received: string) =>
    issues.push(validationIssue(path, expected, received));

  const { secret, rawBody, headers } = options ?? ({} as VerifyWebhookOptions);
  // The secret's value never goes into the message, only what kind of value it was.
  if (typeof secret !== "string" || secret === "") {
    issue(
      "secret",
      "the webhook's signing secret (a non-empty string)",
      secret === "" ? "an empty string" : typeof secret,
    );
  }
  if (!isRawBody(rawBody)) {
    issue(
      "rawBody",
      "the unparsed body as a string, Uint8Array or ArrayBuffer (parsed JSON cannot be verified)",
      rawBody === null ? "null" : typeof rawBody,
    );
  }
  if (headers === null || typeof headers !== "object") {
    issue("headers", "a Headers object or a record of header values", headers === null ? "null" : typeof headers);
  }
  const toleranceSeconds = options?.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (typeof toleranceSeconds !== "number" || !Number.isFinite(toleranceSeconds) || toleranceSeconds < 0) {
    issue("toleranceSeconds", "a number of seconds >= 0", String(toleranceSeconds));
  }
  const now = options?.now ?? Date.now;
  if (typeof now !== "function") issue("now", "a function returning milliseconds since the epoch", typeof now);
  const parse = options?.parse;
  if (parse !== undefined && typeof parse !== "boolean") issue("parse", "a boolean", typeof parse);
  if (issues.length > 0) throw new FrameioValidationError("verifyWebhook", issues);
  return { secret, rawBody, headers, toleranceSeconds, now };
}
