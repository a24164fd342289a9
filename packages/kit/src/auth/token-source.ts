/**
 * Anything that can hand out a bearer token for Frame.io requests. The client calls `getToken()` before each
 * request and, after a 401, `invalidate(rejectedToken)` followed by one more `getToken()`. Passing the token the API
 * refused lets a provider ignore 401s for a token it has already replaced.
 */
export interface TokenProvider {
  getToken(): Promise<string>;
  invalidate(rejectedToken?: string): void;
}

/** What `FrameioClient({ token })` accepts: a fixed token, a function returning one, or a provider. */
export type TokenSource = string | (() => string | Promise<string>) | TokenProvider;

export function isTokenProvider(x: unknown): x is TokenProvider {
  return (
    typeof x === "object" &&
    x !== null &&
    typeof (x as TokenProvider).getToken === "function" &&
    typeof (x as TokenProvider).invalidate === "function"
  );
}
