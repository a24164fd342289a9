import { requireSecret } from "./options.js";
import { UserAuth, type UserAuthOptions } from "./user-auth.js";

export interface WebAppAuthOptions extends UserAuthOptions {
  /** The OAuth Web App credential's secret. Server-side only. */
  clientSecret: string;
}

/** OAuth Web App credential: a confidential server-side client signing users in with the authorization-code flow. */
export class WebAppAuth extends UserAuth {
  constructor(options: WebAppAuthOptions) {
    super(
      "WebAppAuth",
      options,
      // IMS documents HTTP Basic for confidential user-auth clients.
      (clientId) => ({ method: "basic", clientId, clientSecret: requireSecret(options.clientSecret) }),
      false,
    );
  }

  /** Where to send the user's browser. `state` should be unguessable and checked on the way back. */
  getAuthorizationUrl(state: string): string {
    return this.authorizationUrl(state);
  }

  /** Trades the `code` from the redirect for tokens. */
  async exchangeCode(code: string): Promise<void> {
    return this.exchange(code);
  }
}
