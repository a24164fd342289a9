import { isTokenProvider, type TokenSource } from "../auth/token-source.js";
import { FrameioValidationError, type ValidationIssue } from "../errors/index.js";
import { validationIssue } from "./invalid-option.js";

/** RFC 6750 allows only visible ASCII in a bearer token; anything else breaks or smuggles headers. */
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

const NAMES: Record<number, string> = {
  0: "a NUL",
  9: "a tab",
  10: "a line feed (LF)",
  13: "a carriage return (CR)",
  32: "a space",
};

/**
 * Whether `token` is something the transport can use, as a `ValidationIssue` naming `field` (or `undefined` when
 * it is fine): a non-empty header-safe string, a function, or an object with a `getToken` method (`invalidate`,
 * when present, must be a function too). Never quotes the token.
 */
export function checkTokenSource(token: unknown, field: string): ValidationIssue | undefined {
  const expected = "a token string, a function returning one, or an object with a getToken() method";
  if (typeof token === "string") return tokenIssue(token, field);
  if (typeof token === "function") return undefined;
  if (isTokenProvider(token)) {
    const invalidate = (token as { invalidate?: unknown }).invalidate;
    if (invalidate === undefined || typeof invalidate === "function") return undefined;
    return validationIssue(`${field}.invalidate`, "a function when present", typeof invalidate);
  }
  const received = token === null ? "null" : typeof token === "object" ? "an object without getToken()" : typeof token;
  return validationIssue(field, expected, received);
}

/** The token a source hands out now; a plain string comes back without a promise. */
export function currentToken(source: TokenSource): string | Promise<string> {
  if (typeof source === "string") return source;
  return isTokenProvider(source) ? source.getToken() : source();
}

/** Refuses a token that cannot go into an `authorization` header, without ever putting the token in the error. */
export function checkedToken(token: unknown, field = "token"): string {
  const issue = typeof token === "string" ? tokenIssue(token, field) : tokenIssue(undefined, field, typeof token);
  if (issue) throw new FrameioValidationError(field, [issue]);
  return token as string;
}

/** Drops `refused` at its provider; `false` when the source cannot renew (a string, a function, no `invalidate`). */
export function invalidateToken(source: TokenSource | undefined, refused: string): boolean {
  if (!isTokenProvider(source) || typeof source.invalidate !== "function") return false;
  source.invalidate(refused);
  return true;
}

function tokenIssue(token: string | undefined, field: string, kind?: string): ValidationIssue | undefined {
  const expected = "a non-empty token of visible ASCII characters (no spaces, CR, LF, NUL or other control characters)";
  if (token !== undefined && VISIBLE_ASCII.test(token)) return undefined;
  let received: string;
  if (token === undefined) received = kind ?? "undefined";
  else if (token === "") received = "an empty string";
  else {
    const index = [...token].findIndex((char) => !VISIBLE_ASCII.test(char));
    const code = token.codePointAt(index) ?? 0;
    const what = NAMES[code] ?? (code < 32 || code === 127 ? "a control character" : "a non-ASCII character");
    // Position and length only: the token itself is a secret (typically a file read with its trailing newline).
    received = `a string of ${token.length} characters with ${what} at position ${index}`;
  }
  return validationIssue(field, expected, received);
}
