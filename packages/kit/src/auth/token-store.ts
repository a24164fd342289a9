import { AuthConfigurationError } from "../errors/index.js";

/** Tokens held in memory. `expiresAt` is absolute (ms since the epoch) so it survives persistence. */
export interface TokenSet {
  accessToken: string;
  expiresAt: number;
  refreshToken?: string | undefined;
  idToken?: string | undefined;
}

/**
 * The serialisable form returned by `exportTokens()` and passed to `onTokenRefreshed`. It contains secrets (the
 * access and refresh tokens): store it encrypted or in a secret store, never in logs or URLs.
 */
export interface ExportedTokens {
  accessToken: string;
  /** ISO 8601 instant at which the access token expires. */
  expiresAt: string;
  refreshToken?: string;
  idToken?: string;
}

/** The token set in its persistable form (absolute expiry as an ISO string); empty optional tokens are left out. */
export function exportTokenSet(tokens: TokenSet): ExportedTokens {
  const out: ExportedTokens = { accessToken: tokens.accessToken, expiresAt: new Date(tokens.expiresAt).toISOString() };
  if (tokens.refreshToken) out.refreshToken = tokens.refreshToken;
  if (tokens.idToken) out.idToken = tokens.idToken;
  return out;
}

/** Checks data saved with `exportTokens()` before trusting it, naming the first bad field. */
export function importTokenSet(data: unknown): TokenSet {
  if (typeof data !== "object" || data === null) {
    throw new AuthConfigurationError("tokens", "the object returned by exportTokens()");
  }
  const { accessToken, expiresAt, refreshToken, idToken } = data as Record<string, unknown>;
  if (typeof accessToken !== "string" || accessToken === "") {
    throw new AuthConfigurationError("tokens.accessToken", "a non-empty string");
  }
  const expiry = typeof expiresAt === "string" && /^\d{4}-\d\d-\d\dT/.test(expiresAt) ? Date.parse(expiresAt) : NaN;
  if (Number.isNaN(expiry)) throw new AuthConfigurationError("tokens.expiresAt", "an ISO 8601 date-time string");
  for (const [key, value] of Object.entries({ refreshToken, idToken })) {
    if (value !== undefined && (typeof value !== "string" || value === "")) {
      throw new AuthConfigurationError(`tokens.${key}`, "a non-empty string when present");
    }
  }
  return {
    accessToken,
    expiresAt: expiry,
    refreshToken: refreshToken as string | undefined,
    idToken: idToken as string | undefined,
  };
}

/**
 * Holds the current token set and makes renewal single-flight: however many callers find the access token
 * expired at once, one `obtain` runs and all of them share its result or its error. A failure leaves the store
 * untouched, so the next call simply tries again.
 */
export class TokenStore {
  #tokens: TokenSet | undefined;
  #inflight: Promise<TokenSet> | undefined;
  #stale = false;
  /** Bumped by replace(): a renewal that started before a sign-out or import must not resurrect old state. */
  #generation = 0;
  readonly #now: () => number;
  readonly #bufferMs: number;
  readonly #onNewTokens: (tokens: TokenSet) => void | Promise<void>;

  constructor(config: {
    now: () => number;
    bufferMs: number;
    onNewTokens: (tokens: TokenSet) => void | Promise<void>;
  }) {
    this.#now = config.now;
    this.#bufferMs = config.bufferMs;
    this.#onNewTokens = config.onNewTokens;
  }

  get tokens(): TokenSet | undefined {
    return this.#tokens;
  }

  /**
   * The cached access token while it is outside the refresh buffer, else the one `obtain` fetches. While a renewal
   * is running, callers join it rather than use the old token.
   */
  async accessToken(obtain: (current: TokenSet | undefined) => Promise<TokenSet>): Promise<string> {
    if (this.#inflight) return (await this.#inflight).accessToken;
    const tokens = this.#tokens;
    if (tokens && !this.#stale && tokens.expiresAt - this.#bufferMs > this.#now()) return tokens.accessToken;
    return (await this.renew(obtain)).accessToken;
  }

  /** Runs `obtain` unless a renewal is already running, in which case the caller joins it. */
  renew(obtain: (current: TokenSet | undefined) => Promise<TokenSet>): Promise<TokenSet> {
    this.#inflight ??= this.#run(obtain).finally(() => {
      this.#inflight = undefined;
    });
    return this.#inflight;
  }

  /**
   * Announces tokens from a fresh sign-in, then stores them. If the announcement (`onTokenRefreshed`) throws, the
   * tokens are dropped and the error rethrown: tokens the application could not save are never used.
   */
  async adopt(tokens: TokenSet): Promise<void> {
    const generation = this.#generation;
    await this.#onNewTokens(tokens);
    if (generation === this.#generation) this.replace(tokens);
  }

  /** Swaps in imported tokens (or none) without announcing them. */
  replace(tokens: TokenSet | undefined): void {
    this.#generation++;
    this.#tokens = tokens;
    this.#stale = false;
  }

  /**
   * Marks the access token unusable (the API answered 401) while keeping the refresh token. With the rejected
   * token given, a 401 that arrives after a newer token was issued changes nothing: many calls failing on the
   * same old token must lead to one renewal, not one each.
   */
  invalidate(rejectedToken?: string): void {
    if (rejectedToken !== undefined && this.#tokens?.accessToken !== rejectedToken) return;
    this.#stale = true;
  }

  /** Resolves once no renewal is running, whatever its outcome. */
  async settled(): Promise<void> {
    await this.#inflight?.catch(() => undefined);
  }

  async #run(obtain: (current: TokenSet | undefined) => Promise<TokenSet>): Promise<TokenSet> {
    const generation = this.#generation;
    const next = await obtain(this.#tokens);
    if (generation !== this.#generation) return next;
    // Announce first: until `onTokenRefreshed` has resolved (saved the rotated refresh token), nobody may use the
    // new set; callers wait on this renewal meanwhile. If it throws, the old set stays and every waiter gets the
    // error: continuing with tokens the application failed to persist would lose the rotated refresh token.
    await this.#onNewTokens(next);
    if (generation !== this.#generation) return next;
    // One assignment swaps access and (possibly rotated) refresh token together.
    this.#tokens = next;
    this.#stale = false;
    return next;
  }
}
