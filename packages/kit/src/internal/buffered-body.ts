import { isNullBodyStatus } from "../retry/buffer-response.js";
import type { BodyHandOver } from "./body-hand-over.js";

/** The bytes of each copied body. */
const bodies = new WeakMap<Response, ArrayBuffer>();
const utf8 = new TextDecoder();

/**
 * Reads the whole body now, inside the attempt, so a connection cut mid-body fails the attempt (and can be
 * retried) instead of failing later in the caller's `.json()`, and returns an equivalent in-memory Response. The
 * body is remembered for {@link bufferedText}, which hands it to a caller that knows it holds this Response
 * (the client, which tells openapi-fetch not to parse it) without a second pass through a body stream.
 *
 * With `handOver`, a success response is returned as fetch answered it, its body read as text into `handOver`: a
 * new Response costs about as much as the read itself (Node builds a stream for it), and a caller that reads only
 * `handOver` and lets no one else see the Response (no `onResponse` middleware) does not need one; the runtime's own
 * text decoding is also cheaper than bytes plus a TextDecoder. Error responses are always copied (openapi-fetch
 * reads their text), byte for byte.
 */
export async function bufferBody(response: Response, handOver?: BodyHandOver): Promise<Response> {
  if (response.body === null || isNullBodyStatus(response.status)) return response;
  if (handOver !== undefined && response.ok) {
    handOver.text = await response.text();
    return response;
  }
  const bytes = await response.arrayBuffer();
  const copy = responseCopy(response, bytes);
  bodies.set(copy, bytes);
  return copy;
}

/**
 * A Response like `response` (status, headers, url, redirected) over `body`, already read. A response of a null-body
 * status (204, 205, 304) may not be given a body, not even "", so it gets none.
 */
export function responseCopy(response: Response, body: BodyInit | null): Response {
  const { status, statusText, headers } = response;
  const copy = new Response(isNullBodyStatus(status) ? null : body, { status, statusText, headers });
  // `url` and `redirected` are read-only getters that a constructed Response cannot be given otherwise.
  Object.defineProperties(copy, { url: { value: response.url }, redirected: { value: response.redirected } });
  return copy;
}

/** The body of a Response copied by {@link bufferBody} as text; `undefined` for any other (read it then). */
export function bufferedText(response: Response): string | undefined {
  const body = bodies.get(response);
  return body === undefined ? undefined : utf8.decode(body);
}

/** {@link responseCopy} over a body already read and parsed: `undefined` (none), its text, or its JSON value. */
export function responseOfReadBody(response: Response, body: unknown): Response {
  return responseCopy(response, body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body));
}
