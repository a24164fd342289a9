import { PublicClientAuth } from "./public-client.js";
import type { UserAuthOptions } from "./user-auth.js";

export type SPAAuthOptions = UserAuthOptions;

/** OAuth Single Page App credential: a browser app using the authorization-code flow with PKCE. */
export class SPAAuth extends PublicClientAuth {
  constructor(options: SPAAuthOptions) {
    super("SPAAuth", options, false);
  }
}
