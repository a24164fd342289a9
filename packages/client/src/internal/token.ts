import { FrameioValidationError, isTokenProvider, type TokenSource } from "@frameio-sdk/kit";

/**
 * The bearer token for the next request, whatever form the caller gave it in. A fixed token (or none) comes back
 * as is, not as a promise: most calls then await nothing here.
 */
export function currentToken(source: TokenSource | undefined): string | undefined | Promise<string> {
  if (source === undefined || (typeof source === "string" && source !== "")) return source;
  return fetchToken(source);
}

async function fetchToken(source: TokenSource): Promise<string> {
  const token = typeof source === "string" ? source : isTokenProvider(source) ? await source.getToken() : await source();
  if (typeof token !== "string" || token === "") {
    throw new FrameioValidationError("token", [
      { path: "token", expected: "a non-empty string", received: typeof token, message: "the token source returned no token" },
    ]);
  }
  return token;
}

/**
 * Tells a provider the API refused `rejected`, so the next `currentToken` fetches a new one (unless the provider has
 * already moved on). False when the source cannot refresh.
 */
export function invalidateToken(source: TokenSource | undefined, rejected: string | undefined): boolean {
  if (!isTokenProvider(source)) return false;
  source.invalidate(rejected);
  return true;
}
