import { AuthConfigurationError } from "../errors/index.js";
import { sleep as realSleep, type Sleep } from "../internal/sleep.js";
import { MAX_TIMER_MS } from "../internal/timer-cap.js";
import { MAX_RETRIES_LIMIT, RETRY_DEFAULTS } from "../retry/policy.js";
import type { ExportedTokens } from "./token-store.js";

export const DEFAULT_IMS_BASE_URL = "https://ims-na1.adobelogin.com";
/** The scopes Adobe's Frame.io guides give each kind of credential; `scopes` overrides them. */
export const SERVER_TO_SERVER_SCOPES = "openid AdobeID frame.s2s.all";
export const USER_SCOPES = "openid email profile offline_access additional_info.roles";

/** Options every flow accepts. */
export interface AuthOptions {
  /** The credential's client ID from the Adobe Developer Console. */
  clientId: string;
  /** Space- or comma-separated string, or an array. Each flow has a Frame.io-ready default. */
  scopes?: string | readonly string[];
  /** Default `https://ims-na1.adobelogin.com`. */
  imsBaseUrl?: string;
  fetch?: typeof fetch;
  /**
   * Called, and awaited, with every new token set IMS issues (sign-in, refresh, rotation), so it can be
   * persisted before it is used: calls wait until it resolves before using the new access token. If it throws
   * (rejects), the new set is discarded, the previous tokens stay, and the error is what the waiting calls (and
   * `exchangeCode()` / `refresh()`) reject with. Save the object it is given: while it runs, `exportTokens()`
   * still returns the previous set and `getToken()` waits for it to finish (so do not await `getToken()` inside it).
   * The object contains secrets: store it like a password.
   */
  onTokenRefreshed?: (tokens: ExportedTokens) => void | Promise<void>;
  /** Per IMS request attempt, headers and body. Default 30 000; at most 2^31-1 (the largest timer). */
  timeoutMs?: number;
  /** Retries after IMS answers 429 or 5xx or cannot be reached. Default 2. */
  maxRetries?: number;
  /** Refresh this long before the access token expires. Default 60. */
  refreshBufferSeconds?: number;
  /** Clock in ms since the epoch; override in tests. */
  now?: () => number;
  /** Waits between retries; override in tests. */
  sleep?: Sleep;
}

export interface ResolvedOptions {
  clientId: string;
  scopes: string[];
  imsBaseUrl: string;
  fetch: typeof fetch;
  onTokenRefreshed: ((tokens: ExportedTokens) => void | Promise<void>) | undefined;
  timeoutMs: number;
  maxRetries: number;
  refreshBufferMs: number;
  now: () => number;
  sleep: Sleep;
}

/** Checks every option a flow shares and fills in defaults; throws AuthConfigurationError naming the option. */
export function resolveOptions(options: AuthOptions, defaultScopes: string): ResolvedOptions {
  if (typeof options !== "object" || options === null) throw new AuthConfigurationError("options", "an object");
  const fetchImpl = optionalFunction(options.fetch, "fetch") ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") {
    throw new AuthConfigurationError("fetch", "a fetch function (none is global here)");
  }
  return {
    clientId: requireToken(options.clientId, "clientId"),
    scopes: parseScopes(options.scopes ?? defaultScopes),
    imsBaseUrl: parseBaseUrl(options.imsBaseUrl ?? DEFAULT_IMS_BASE_URL),
    // Called unbound: browsers throw "Illegal invocation" when fetch runs with another `this`.
    fetch: (input, init) => fetchImpl(input, init),
    onTokenRefreshed: optionalFunction(options.onTokenRefreshed, "onTokenRefreshed"),
    timeoutMs: number(options.timeoutMs, "timeoutMs", 30_000, { min: 1, max: MAX_TIMER_MS }),
    maxRetries: number(options.maxRetries, "maxRetries", RETRY_DEFAULTS.maxRetries, {
      min: 0,
      max: MAX_RETRIES_LIMIT,
      integer: true,
    }),
    refreshBufferMs: number(options.refreshBufferSeconds, "refreshBufferSeconds", 60, { min: 0 }) * 1000,
    now: optionalFunction(options.now, "now") ?? Date.now,
    sleep: optionalFunction(options.sleep, "sleep") ?? realSleep,
  };
}

/** A confidential client's secret: any non-blank string (its value is never quoted in an error). */
export function requireSecret(value: unknown, option = "clientSecret"): string {
  if (typeof value !== "string" || value.trim() === "") throw new AuthConfigurationError(option, "a non-empty string");
  return value;
}

/** Public clients have no secret; accepting one would invite shipping it to browsers and devices. */
export function forbidSecret(value: unknown, flow: string): void {
  if (value !== undefined) {
    const expected = `no client secret: ${flow} is a public client (use WebAppAuth for a confidential one)`;
    throw new AuthConfigurationError("clientSecret", expected);
  }
}

/**
 * IMS requires HTTPS redirect URIs; plain http is allowed for loopback hosts so local development works.
 * Native apps also get custom schemes such as `adobe+<hash>://callback`.
 */
export function parseRedirectUri(value: unknown, allowCustomScheme: boolean): string {
  const expected = allowCustomScheme
    ? "an absolute URI: a custom scheme (adobe+<hash>://callback), https, or http on localhost"
    : "an absolute https URL (http only on localhost)";
  const url = typeof value === "string" ? tryUrl(value) : undefined;
  if (!url || url.hash) throw new AuthConfigurationError("redirectUri", expected);
  const web = url.protocol === "https:" || (url.protocol === "http:" && isLoopback(url.hostname));
  const custom =
    allowCustomScheme &&
    /^[a-z][a-z0-9+.-]*:$/i.test(url.protocol) &&
    !/^(https?|javascript|data|file):$/i.test(url.protocol);
  if (!web && !custom) throw new AuthConfigurationError("redirectUri", expected);
  return value as string;
}

/**
 * Accepts spaces or commas between scopes. IMS documents commas for client_credentials and "space or comma" for
 * authorize, so the wire format (see `scopeParam`) is comma-separated everywhere.
 */
export function parseScopes(value: unknown): string[] {
  const list = typeof value === "string" ? value.split(/[\s,]+/).filter(Boolean) : value;
  if (!Array.isArray(list) || list.length === 0 || !list.every((s) => typeof s === "string" && /^[^\s,]+$/.test(s))) {
    const expected = "a non-empty list of scope names (string or array), without spaces or commas inside a name";
    throw new AuthConfigurationError("scopes", expected);
  }
  return [...new Set(list as string[])];
}

/** Scopes as sent to IMS: comma-separated (see {@link parseScopes}). */
export function scopeParam(scopes: readonly string[]): string {
  return scopes.join(",");
}

function parseBaseUrl(value: unknown): string {
  const url = typeof value === "string" ? tryUrl(value) : undefined;
  const secure = url && (url.protocol === "https:" || (url.protocol === "http:" && isLoopback(url.hostname)));
  if (!url || !secure || url.search || url.hash || url.pathname !== "/") {
    const expected = "an https origin such as https://ims-na1.adobelogin.com (http only on localhost)";
    throw new AuthConfigurationError("imsBaseUrl", expected);
  }
  return url.origin;
}

function requireToken(value: unknown, option: string): string {
  if (typeof value !== "string" || !/^\S+$/.test(value)) {
    throw new AuthConfigurationError(option, "a non-empty string without spaces");
  }
  return value;
}

interface NumberRule {
  min: number;
  max?: number;
  integer?: boolean;
}

function number(value: unknown, option: string, fallback: number, rule: NumberRule): number {
  if (value === undefined) return fallback;
  const ok =
    typeof value === "number" &&
    Number.isFinite(value) &&
    value >= rule.min &&
    (rule.max === undefined || value <= rule.max) &&
    (!rule.integer || Number.isInteger(value));
  if (!ok) {
    const range = rule.max === undefined ? `>= ${rule.min}` : `between ${rule.min} and ${rule.max}`;
    throw new AuthConfigurationError(option, `a${rule.integer ? "n integer" : " number"} ${range}`);
  }
  return value;
}

function optionalFunction<T>(value: T | undefined, option: string): T | undefined {
  if (value !== undefined && typeof value !== "function") throw new AuthConfigurationError(option, "a function");
  return value;
}

function tryUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}
