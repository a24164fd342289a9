import { isNullBodyStatus } from "../retry/buffer-response.js";

const bodies = new WeakMap<Response, ArrayBuffer>();
const utf8 = new TextDecoder();

/**
 * Reads the whole body now, inside the attempt, and returns an equivalent in-memory Response. A connection cut
 * mid-body then fails the attempt (and can be retried) instead of failing later in the caller's `.json()`.
 * The bytes are remembered for {@link bufferedText}: a caller that knows it holds this very Response (the client,
 * which tells openapi-fetch not to parse it) reads them without a second pass through a body stream, which costs
 * about as much as the first.
 */
export async function bufferBody(response: Response): Promise<Response> {
  if (response.body === null || isNullBodyStatus(response.status)) return response;
  const bytes = await response.arrayBuffer();
  const copy = new Response(bytes, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // `url` and `redirected` are read-only getters that a constructed Response cannot be given otherwise.
  Object.defineProperties(copy, { url: { value: response.url }, redirected: { value: response.redirected } });
  bodies.set(copy, bytes);
  return copy;
}

/**
 * The body of a Response made by {@link bufferBody} as text, while its own stream is unread; else `undefined`
 * (read the Response then). Reading it leaves the Response's body unread.
 */
export function bufferedText(response: Response): string | undefined {
  const bytes = response.bodyUsed ? undefined : bodies.get(response);
  return bytes === undefined ? undefined : utf8.decode(bytes);
}
