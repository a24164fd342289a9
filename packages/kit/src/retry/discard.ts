import { jsonOrText } from "../internal/json-or-text.js";

/** Error bodies are small; anything larger is not worth reading just to free the socket. */
const MAX_DRAIN_BYTES = 64 * 1024;

/**
 * Frees a response we will not hand to the caller. Reading a small body to its end lets keep-alive reuse the
 * socket; a large or endless one is cancelled, which closes it. Either way nothing is left holding a connection.
 * Returns the body (parsed JSON, else text) for the error we report, or `undefined` when it was cut off.
 */
export async function discardResponse(response: Response): Promise<unknown> {
  const body = response.body;
  if (body === null) return undefined;
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_DRAIN_BYTES) {
        await reader.cancel().catch(() => undefined);
        return undefined;
      }
      chunks.push(value);
    }
  } catch {
    // The connection died mid-body: nothing left to free.
    return undefined;
  } finally {
    reader.releaseLock();
  }
  return parse(chunks, size);
}

function parse(chunks: Uint8Array[], size: number): unknown {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const text = new TextDecoder().decode(bytes);
  return text === "" ? undefined : jsonOrText(text);
}
