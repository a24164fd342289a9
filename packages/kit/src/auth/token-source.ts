/**
 * Anything that can hand out a bearer token for Frame.io requests. The client calls `getToken()` before each
 * attempt and, after a 401, `invalidate(rejectedToken)` followed by one more `getToken()`. Passing the token the
 * API refused lets a provider ignore 401s for a token it has already replaced. `invalidate` is optional: without it
 * a 401 is returned as it is, since there is no way to ask for a different token.
 */
export interface TokenProvider {
  getToken(): string | Promise<string>;
  invalidate?(rejectedToken?: string): void;
}

/** What `FrameioClient({ token })` accepts: a fixed token, a function returning one, or a provider. */
export type TokenSource = string | (() => string | Promise<string>) | TokenProvider;

/** Whether `x` is a token provider object (one with a `getToken` method). */
export function isTokenProvider(x: unknown): x is TokenProvider {
  return typeof x === "object" && x !== null && typeof (x as TokenProvider).getToken === "function";
}
