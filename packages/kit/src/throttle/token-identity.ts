import { sha256Id } from "../internal/hex.js";

/** Recent answers, so a throttled call does not hash the same token on every attempt. */
const cache = new Map<string, Promise<string>>();
const CACHE_SIZE = 32;

/**
 * A stable, non-secret id of whoever holds `token`, for throttle `scopeKey`s: the same in every process that holds
 * the same credential, so a shared (e.g. Redis) throttle counts one account user once.
 *
 * - A JWT (IMS access tokens are) gives `jwt:<client_id>:<user_id or sub>` from its unverified claims: renewed
 *   tokens of the same user map to the same id, and neither claim is a secret.
 * - Anything else gives `sha256:<first 128 bits of SHA-256(token), hex>` (WebCrypto), never the token itself.
 */
export function tokenIdentity(token: string): Promise<string> {
  let identity = cache.get(token);
  if (identity === undefined) {
    identity = computeIdentity(token);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(token, identity);
  }
  return identity;
}

async function computeIdentity(token: string): Promise<string> {
  const claims = jwtClaims(token);
  const holder = claims?.user_id ?? claims?.sub;
  if (typeof holder === "string" && holder !== "") {
    const client = typeof claims?.client_id === "string" ? claims.client_id : "";
    return `jwt:${client}:${holder}`;
  }
  return `sha256:${await sha256Id(token)}`;
}

function jwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split(".");
  if (parts.length !== 3 || parts[1] === undefined) return undefined;
  try {
    const base64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "="));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === "object" && claims !== null ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
