/** Lower-case hex of `bytes`, two digits a byte. */
export function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

/**
 * The first 128 bits of SHA-256(`text`) in hex (WebCrypto, so every runtime agrees): a stable name for something
 * that must not be shown, such as a token or a credential, and short enough for a Redis key.
 */
export async function sha256Id(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return toHex(new Uint8Array(digest, 0, 16));
}
