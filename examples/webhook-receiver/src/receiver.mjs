/**
 * The webhook endpoint: POST /webhook. The body is read raw and verified before anything is parsed or trusted
 * (re-serialised JSON would not match the signature). Frame.io retries a delivery that gets no 2xx within 5
 * seconds, so a real handler answers first and does its work afterwards, ideally from a queue; and since a retry
 * can repeat an event, that work should be idempotent.
 *
 *   204  verified; the event is logged
 *   400  signed correctly, but the body is not a JSON object
 *   401  not verified: the reason (signature_mismatch, timestamp_too_old, missing_signature, ...) is in the body
 *   405, 404, 413  wrong method, wrong path, body over 1 MiB
 */
import { verifyWebhook, WebhookVerificationError } from "@frameio-sdk/kit";
import { eventLine } from "./event-line.mjs";

/** Frame.io's deliveries carry ids only, a few hundred bytes; anything near this is not one of them. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * @param {{ secret: string, log: (line: string) => void, warn: (line: string) => void }} options
 * @returns {(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => void}
 */
export function createReceiver({ secret, log, warn }) {
  const reply = (/** @type {import("node:http").ServerResponse} */ response, /** @type {number} */ status, body = {}) =>
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));

  return (request, response) => {
    if (new URL(request.url ?? "/", "http://receiver.invalid").pathname !== "/webhook")
      return reply(response, 404, { error: "not_found" });
    if (request.method !== "POST")
      return reply(response.setHeader("allow", "POST"), 405, { error: "method_not_allowed" });
    readBody(request)
      .then(async (rawBody) => {
        if (rawBody === undefined)
          return reply(response.setHeader("connection", "close"), 413, { error: "body_too_large" });
        try {
          const event = await verifyWebhook({ secret, rawBody, headers: request.headers });
          response.writeHead(204).end();
          log(eventLine(event));
        } catch (error) {
          if (!(error instanceof WebhookVerificationError)) throw error;
          const status = error.reason === "invalid_json" ? 400 : 401;
          warn(`rejected delivery (${status}): ${error.reason}`);
          reply(response, status, { error: error.reason, message: error.message });
        }
      })
      .catch((error) => {
        warn(`failed delivery: ${error instanceof Error ? error.message : error}`);
        if (!response.headersSent) reply(response, 500, { error: "internal_error" });
      });
  };
}

/**
 * The body as bytes, or undefined once it passes the limit (reading stops there; the connection is closed with
 * the 413, so the rest is never buffered).
 * @param {import("node:http").IncomingMessage} request
 * @returns {Promise<Buffer | undefined>}
 */
function readBody(request) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    request.on("data", (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      request.pause();
      resolve(undefined);
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}
