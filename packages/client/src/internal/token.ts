import { FrameioValidationError, isTokenProvider, type TokenSource } from "@frameio-sdk/kit";

/** The bearer token for the next request, whatever form the caller gave it in. */
export async function currentToken(source: TokenSource | undefined): Promise<string | undefined> {
  if (source === undefined) return undefined;
  const token = typeof source === "string" ? source : isTokenProvider(source) ? await source.getToken() : await source();
  if (typeof token !== "string" || token === "") {
    throw new FrameioValidationError("token", [
      { path: "token", expected: "a non-empty string", received: typeof token, message: "the token source returned no token" },
    ]);
  }
  return token;
}

/** Drops a cached token so the next `currentToken` fetches a new one; false when the source cannot refresh. */
export function invalidateToken(source: TokenSource | undefined): boolean {
  if (!isTokenProvider(source)) return false;
  source.invalidate();
  return true;
}
