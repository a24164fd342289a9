import { AuthConfigurationError, RefreshTokenMissingError } from "../errors/index.js";
import { ImsAuth } from "./ims-auth.js";
import { type ClientAuth, IMS_PATHS } from "./ims-client.js";
import { type AuthOptions, parseRedirectUri, scopeParam, USER_SCOPES } from "./options.js";
import type { TokenSet } from "./token-store.js";

/** Options shared by the flows that act as a signed-in Adobe user. */
export interface UserAuthOptions extends AuthOptions {
  /** Must match a redirect URI pattern registered on the credential. */
  redirectUri: string;
}

/** Authorization-code sign-in and refresh-token renewal, shared by the web, SPA and native flows. */
export abstract class UserAuth extends ImsAuth {
  readonly redirectUri: string;

  protected constructor(
    flow: string,
    options: UserAuthOptions,
    clientAuth: (clientId: string) => ClientAuth,
    allowCustomScheme: boolean,
  ) {
    super(flow, options, USER_SCOPES, clientAuth);
    this.redirectUri = parseRedirectUri(options.redirectUri, allowCustomScheme);
    // IMS answers invalid_scope at sign-in time; saying so here is clearer.
    if (this.scopes.includes("frame.s2s.all")) {
      throw new AuthConfigurationError("scopes", "user scopes: frame.s2s.all is only for ServerToServerAuth");
    }
  }

  protected authorizationUrl(state: string, extra: Record<string, string> = {}): string {
    if (typeof state !== "string" || state === "" || state.length > 4096) {
      const expected = "a non-empty string of at most 4096 characters, bound to the user's session";
      throw new AuthConfigurationError("state", expected);
    }
    const url = new URL(this.imsBaseUrl + IMS_PATHS.authorize);
    const params = {
      client_id: this.clientId,
      redirect_uri: this.redirectUri,
      scope: scopeParam(this.scopes),
      state,
      response_type: "code",
      ...extra,
    };
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return url.toString();
  }

  /**
   * `redirect_uri` is not in Adobe's list of code-exchange parameters, but RFC 6749 §4.1.3 requires it whenever
   * the authorize request carried one; IMS ignores what it does not need, so we follow the RFC.
   */
  protected async exchange(code: string, extra: Record<string, string> = {}): Promise<void> {
    if (typeof code !== "string" || code === "") {
      throw new AuthConfigurationError("code", "the non-empty `code` query parameter of the redirect");
    }
    return this.signIn({ grant_type: "authorization_code", code, redirect_uri: this.redirectUri, ...extra });
  }

  protected renewTokens(current: TokenSet | undefined): Promise<TokenSet> {
    if (!current) {
      throw new RefreshTokenMissingError(
        "No tokens yet: finish sign-in with exchangeCode() or load saved ones with importTokens()",
      );
    }
    if (!current.refreshToken) {
      throw new RefreshTokenMissingError(
        "The access token expired and IMS issued no refresh token (request the offline_access scope); sign in again",
      );
    }
    return this.requestTokens({ grant_type: "refresh_token", refresh_token: current.refreshToken }, current);
  }
}
