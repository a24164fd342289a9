/** Frame.io's only signature scheme so far: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}`. */
export const SIGNATURE_VERSION = "v0";

const encoder = new TextEncoder();

/** The exact bytes Frame.io signs: the prefix and timestamp as UTF-8, then the body bytes untouched. */
export function signedPayload(timestamp: string, body: Uint8Array): Uint8Array {
  const prefix = encoder.encode(`${SIGNATURE_VERSION}:${timestamp}:`);
  const payload = new Uint8Array(prefix.byteLength + body.byteLength);
  payload.set(prefix, 0);
  payload.set(body, prefix.byteLength);
  return payload;
}

/** The body as bytes: strings are UTF-8 encoded, byte views (Node Buffers included) are used as they are. */
export function bodyBytes(body: string | ArrayBufferView | ArrayBuffer): Uint8Array {
  if (typeof body === "string") return encoder.encode(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  return new Uint8Array(body);
}

/** Only raw bytes or text can be signed or verified: a parsed object no longer has the bytes that were signed. */
export function isRawBody(body: unknown): body is string | ArrayBufferView | ArrayBuffer {
  return typeof body === "string" || ArrayBuffer.isView(body) || body instanceof ArrayBuffer;
}

/** HMAC-SHA256 through WebCrypto, so the same code runs in Node, Deno, Bun, workers and browsers. */
export async function hmacSha256(secret: string, payload: Uint8Array): Promise<Uint8Array> {
  const key = await globalThis.crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return new Uint8Array(await globalThis.crypto.subtle.sign("HMAC", key, payload as Uint8Array<ArrayBuffer>));
}

/** Parses exactly 64 hex digits into 32 bytes, or returns undefined. */
export function fromHex64(hex: string): Uint8Array | undefined {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return undefined;
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Compares without an early exit, so the time taken does not reveal how many leading bytes matched. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let difference = 0;
  for (let i = 0; i < a.byteLength; i++) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}
