import { type ClientAuth, ImsClient } from "./ims-client.js";
import { type AuthOptions, type ResolvedOptions, resolveOptions } from "./options.js";
import type { TokenProvider } from "./token-source.js";
import { type ExportedTokens, exportTokenSet, importTokenSet, type TokenSet, TokenStore } from "./token-store.js";

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * What every IMS flow shares: a token store with single-flight renewal, the IMS client, persistence, revocation
 * and secret-free printing. Secrets live only in private fields of this class, the store and the IMS client.
 */
export abstract class ImsAuth implements TokenProvider {
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly imsBaseUrl: string;
  /** The public class name, kept explicitly because bundlers may minify `constructor.name`. */
  readonly #flow: string;
  readonly #options: ResolvedOptions;
  readonly #ims: ImsClient;
  readonly #store: TokenStore;

  protected constructor(
    flow: string,
    options: AuthOptions,
    defaultScopes: string,
    clientAuth: (clientId: string) => ClientAuth,
  ) {
    const resolved = resolveOptions(options, defaultScopes);
    this.#flow = flow;
    this.#options = resolved;
    this.clientId = resolved.clientId;
    this.scopes = Object.freeze([...resolved.scopes]);
    this.imsBaseUrl = resolved.imsBaseUrl;
    this.#ims = new ImsClient({ ...resolved, baseUrl: resolved.imsBaseUrl, clientAuth: clientAuth(resolved.clientId) });
    this.#store = new TokenStore({
      now: resolved.now,
      bufferMs: resolved.refreshBufferMs,
      onNewTokens: (tokens) => resolved.onTokenRefreshed?.(exportTokenSet(tokens)),
    });
  }

  /** A valid access token, renewed first when it is within `refreshBufferSeconds` of expiry. */
  getToken(): Promise<string> {
    return this.#store.accessToken((current) => this.renewTokens(current));
  }

  /** Drops the cached access token so the next `getToken()` fetches a new one. */
  invalidate(rejectedToken?: string): void {
    this.#store.invalidate(rejectedToken);
  }

  /** Fetches a new access token now, joining a renewal that is already running. */
  async refresh(): Promise<void> {
    await this.#store.renew((current) => this.renewTokens(current));
  }

  /**
   * The current tokens as a plain object, or `undefined` before sign-in. This is the one sanctioned way to read
   * tokens out, e.g. to persist them: the result contains secrets.
   */
  exportTokens(): ExportedTokens | undefined {
    const tokens = this.#store.tokens;
    return tokens && exportTokenSet(tokens);
  }

  /** Restores tokens saved with `exportTokens()` (checked first; an expired access token is renewed on use). */
  importTokens(data: ExportedTokens): void {
    this.#store.replace(importTokenSet(data));
  }

  /**
   * Forgets the tokens locally, then revokes the refresh and access tokens at IMS. Local state is cleared even
   * when IMS cannot be reached, so a sign-out always takes effect here; the first IMS failure is rethrown.
   */
  async revoke(): Promise<void> {
    await this.#store.settled();
    const tokens = this.#store.tokens;
    this.#store.replace(undefined);
    const revocable = [tokens?.refreshToken, tokens?.accessToken].filter((t): t is string => t !== undefined);
    const results = await Promise.allSettled(revocable.map((token) => this.#ims.revoke(token)));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failure) throw failure.reason;
  }

  /** How this flow gets a new token set when the current one is missing or stale. */
  protected abstract renewTokens(current: TokenSet | undefined): Promise<TokenSet>;

  /** One token-endpoint call turned into a token set; a refresh token IMS does not rotate is carried over. */
  protected async requestTokens(params: Record<string, string>, previous?: TokenSet): Promise<TokenSet> {
    const issuedAt = this.#options.now();
    const response = await this.#ims.token(params);
    return {
      accessToken: response.access_token,
      expiresAt: issuedAt + response.expires_in * 1000,
      refreshToken: response.refresh_token ?? previous?.refreshToken,
      idToken: response.id_token ?? previous?.idToken,
    };
  }

  /** Runs a sign-in (code exchange) and stores its result, replacing whatever was there. */
  protected async signIn(params: Record<string, string>): Promise<void> {
    await this.#store.adopt(await this.requestTokens(params));
  }

  /** Safe to log: no secrets, only what identifies the credential and the token state. */
  toJSON(): Record<string, unknown> {
    const tokens = this.#store.tokens;
    return {
      flow: this.#flow,
      clientId: this.clientId,
      imsBaseUrl: this.imsBaseUrl,
      scopes: [...this.scopes],
      accessTokenExpiresAt: tokens ? new Date(tokens.expiresAt).toISOString() : null,
      hasRefreshToken: Boolean(tokens?.refreshToken),
    };
  }

  toString(): string {
    return `${this.#flow}(clientId=${this.clientId})`;
  }

  [INSPECT](_depth: number, options: unknown, inspect?: (value: unknown, options: unknown) => string): string {
    const summary = this.toJSON();
    return `${this.#flow} ${inspect ? inspect(summary, options) : JSON.stringify(summary)}`;
  }
}
