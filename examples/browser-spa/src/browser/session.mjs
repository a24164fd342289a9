/**
 * What the page keeps in sessionStorage: the pending sign-in (state and PKCE verifier) between leaving for Adobe
 * IMS and coming back, and the tokens afterwards, so a reload stays signed in. sessionStorage is per tab and gone
 * when the tab closes; like any storage a script can read, it is exposed to XSS, which is why the server sends a
 * strict Content-Security-Policy.
 */

const PENDING_KEY = "frameio.pendingSignIn";
const TOKENS_KEY = "frameio.tokens";

/** @param {{ state: string, codeVerifier: string }} pending */
export function rememberPendingSignIn(pending) {
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
}

/**
 * The pending sign-in, removed as it is read: a state and verifier are good for one attempt only.
 * @returns {{ state: string, codeVerifier: string } | undefined}
 */
export function takePendingSignIn() {
  const pending = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  return pending ? JSON.parse(pending) : undefined;
}

/** @returns {import("@frameio-sdk/kit").ExportedTokens | undefined} */
export function savedTokens() {
  const tokens = sessionStorage.getItem(TOKENS_KEY);
  return tokens ? JSON.parse(tokens) : undefined;
}

/** @param {import("@frameio-sdk/kit").ExportedTokens} tokens */
export function saveTokens(tokens) {
  sessionStorage.setItem(TOKENS_KEY, JSON.stringify(tokens));
}

export function forgetTokens() {
  sessionStorage.removeItem(TOKENS_KEY);
}
