import { AuthConfigurationError } from "../errors/index.js";
import { base64url } from "./base64.js";

/** RFC 7636 §4.1: 43-128 characters from the unreserved set. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

export interface PkcePair {
  codeVerifier: string;
  codeChallenge: string;
}

/** A fresh verifier (64 random bytes, 86 characters) and its S256 challenge, using WebCrypto only. */
export async function createPkcePair(): Promise<PkcePair> {
  const codeVerifier = base64url(webCrypto().getRandomValues(new Uint8Array(64)));
  return { codeVerifier, codeChallenge: await s256Challenge(codeVerifier) };
}

/** RFC 7636 S256: base64url(SHA-256(verifier)), what IMS compares the verifier against at code exchange. */
export async function s256Challenge(codeVerifier: string): Promise<string> {
  const digest = await webCrypto().subtle.digest("SHA-256", new TextEncoder().encode(codeVerifier));
  return base64url(new Uint8Array(digest));
}

/** Refuses a verifier IMS would reject, so a mix-up shows here and not as an opaque `invalid_grant`. */
export function assertCodeVerifier(value: unknown): asserts value is string {
  if (typeof value !== "string" || !VERIFIER.test(value)) {
    throw new AuthConfigurationError("codeVerifier", "the 43-128 character verifier returned by getAuthorizationUrl()");
  }
}

function webCrypto(): Crypto {
  const crypto = globalThis.crypto;
  if (!crypto?.subtle) {
    throw new AuthConfigurationError("globalThis.crypto", "WebCrypto (a secure context in browsers, Node 20+)");
  }
  return crypto;
}
