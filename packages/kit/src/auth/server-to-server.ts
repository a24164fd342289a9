import { AuthConfigurationError } from "../errors/index.js";
import { sha256Id } from "../internal/hex.js";
import { RETRY_DEFAULTS } from "../retry/policy.js";
import type { SharedTokenStore } from "../throttle/store.js";
import { ThrottleStoreError } from "../throttle/throttle-store-error.js";
import { ImsAuth } from "./ims-auth.js";
import {
  type AuthOptions,
  type ResolvedOptions,
  requireSecret,
  resolveOptions,
  SERVER_TO_SERVER_SCOPES,
  scopeParam,
} from "./options.js";
import type { TokenSet } from "./token-store.js";

export interface ServerToServerAuthOptions extends AuthOptions {
  /** The OAuth Server-to-Server credential's secret. */
  clientSecret: string;
  /**
   * Shares the access token among every worker using the same store (e.g. `createRedisStore` from
   * `@frameio-sdk/kit/redis`): one IMS request per expiry for the whole fleet. Stored: the access token only,
   * under a key derived from a SHA-256 of the client id, scopes and IMS URL, with a TTL of its remaining lifetime
   * minus `refreshBufferSeconds`. The client secret is never stored.
   */
  store?: SharedTokenStore;
}

/** How often a worker waiting for another's IMS request looks for the result. */
const POLL_MS = 100;
/** A lock outlives the holder's longest IMS request (every attempt and backoff) by this much. */
const LOCK_GRACE_MS = 5_000;

/** How long one IMS renewal can take at most: each attempt's timeout plus the longest backoff between them. */
function lockTtlMsFor({ timeoutMs, maxRetries }: { timeoutMs: number; maxRetries: number }): number {
  return (maxRetries + 1) * timeoutMs + maxRetries * RETRY_DEFAULTS.maxDelayMs + LOCK_GRACE_MS;
}

/**
 * OAuth Server-to-Server credential (client_credentials grant), acting as the credential's service account.
 * There is no refresh token: an expiring access token is simply replaced by a new one.
 */
export class ServerToServerAuth extends ImsAuth {
  readonly #store: SharedTokenStore | undefined;
  readonly #settings: ResolvedOptions;
  #keys: Promise<{ token: string; lock: string }> | undefined;

  constructor(options: ServerToServerAuthOptions) {
    super(
      "ServerToServerAuth",
      options,
      SERVER_TO_SERVER_SCOPES,
      // Adobe documents client_id and client_secret as form fields for this grant.
      (clientId) => ({ method: "post", clientId, clientSecret: requireSecret(options.clientSecret) }),
    );
    this.#settings = resolveOptions(options, SERVER_TO_SERVER_SCOPES);
    this.#store = checkStore(options.store);
  }

  /** Fetches a new access token now (getToken() does this on its own when needed). */
  authenticate(): Promise<void> {
    return this.refresh();
  }

  protected async renewTokens(current: TokenSet | undefined): Promise<TokenSet> {
    if (this.#store === undefined) return this.#fromIms();
    try {
      return await this.#renewShared(this.#store, current);
    } catch (error) {
      // Sharing saves IMS requests; it must never stop a worker from signing in.
      if (error instanceof ThrottleStoreError) return this.#fromIms();
      throw error;
    }
  }

  #fromIms(): Promise<TokenSet> {
    return this.requestTokens({ grant_type: "client_credentials", scope: scopeParam(this.scopes) });
  }

  /**
   * Take the stored token unless it is the one being replaced (rejected with a 401, or renewal forced); otherwise
   * one worker takes the lock, asks IMS and stores the result while the others poll for it. A holder that dies
   * leaves a lock that lapses on its own, and a waiter that outlasts two lock lifetimes asks IMS itself.
   */
  async #renewShared(store: SharedTokenStore, current: TokenSet | undefined): Promise<TokenSet> {
    this.#keys ??= storeKeys(this.clientId, this.scopes, this.imsBaseUrl);
    const keys = await this.#keys;
    const { now, sleep, refreshBufferMs } = this.#settings;
    const lockTtlMs = lockTtlMsFor(this.#settings);
    const owner = crypto.randomUUID();
    const giveUpAt = now() + 2 * lockTtlMs;
    const adopt = (shared: { token: string; ttlMs: number }): TokenSet => ({
      accessToken: shared.token,
      expiresAt: now() + shared.ttlMs + refreshBufferMs,
    });
    for (;;) {
      const shared = await store.readToken(keys.token);
      if (shared && shared.token !== current?.accessToken) return adopt(shared);
      if (shared) await store.dropToken(keys.token, shared.token);
      if (await store.lock(keys.lock, owner, lockTtlMs)) {
        try {
          const again = await store.readToken(keys.token);
          if (again && again.token !== current?.accessToken) return adopt(again);
          const fresh = await this.#fromIms();
          const ttlMs = fresh.expiresAt - now() - refreshBufferMs;
          if (ttlMs > 0) await store.writeToken(keys.token, fresh.accessToken, ttlMs).catch(() => undefined);
          return fresh;
        } finally {
          await store.unlock(keys.lock, owner).catch(() => undefined);
        }
      }
      if (now() > giveUpAt) return this.#fromIms();
      await sleep(POLL_MS + Math.random() * POLL_MS);
    }
  }
}

/** Keys name the credential by a hash: the client id is not secret, but a key should not advertise it either. */
async function storeKeys(clientId: string, scopes: readonly string[], imsBaseUrl: string) {
  const id = await sha256Id([clientId, [...scopes].sort().join(" "), imsBaseUrl].join("\n"));
  return { token: `s2s:${id}:token`, lock: `s2s:${id}:lock` };
}

function checkStore(store: unknown): SharedTokenStore | undefined {
  if (store === undefined) return undefined;
  const methods = ["readToken", "writeToken", "dropToken", "lock", "unlock"] as const;
  if (typeof store === "object" && store !== null && methods.every((m) => typeof (store as never)[m] === "function")) {
    return store as SharedTokenStore;
  }
  throw new AuthConfigurationError("store", "a shared token store such as createRedisStore({ redis })");
}
