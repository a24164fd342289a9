import { ImsAuth } from "./ims-auth.js";
import { type AuthOptions, requireSecret, scopeParam, SERVER_TO_SERVER_SCOPES } from "./options.js";
import type { TokenSet } from "./token-store.js";

export interface ServerToServerAuthOptions extends AuthOptions {
  /** The OAuth Server-to-Server credential's secret. */
  clientSecret: string;
}

/**
 * OAuth Server-to-Server credential (client_credentials grant), acting as the credential's service account.
 * There is no refresh token: an expiring access token is simply replaced by a new one.
 */
export class ServerToServerAuth extends ImsAuth {
  constructor(options: ServerToServerAuthOptions) {
    super(
      "ServerToServerAuth",
      options,
      SERVER_TO_SERVER_SCOPES,
      // Adobe documents client_id and client_secret as form fields for this grant.
      (clientId) => ({ method: "post", clientId, clientSecret: requireSecret(options.clientSecret) }),
    );
  }

  /** Fetches a new access token now (getToken() does this on its own when needed). */
  authenticate(): Promise<void> {
    return this.refresh();
  }

  protected renewTokens(): Promise<TokenSet> {
    return this.requestTokens({ grant_type: "client_credentials", scope: scopeParam(this.scopes) });
  }
}
