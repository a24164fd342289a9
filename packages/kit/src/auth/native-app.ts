import { PublicClientAuth } from "./public-client.js";
import type { UserAuthOptions } from "./user-auth.js";

/** `redirectUri` is the `adobe+<hash>://callback` URI the Developer Console assigned to the credential. */
export type NativeAppAuthOptions = UserAuthOptions;

/** OAuth Native App credential: a desktop or mobile app using the authorization-code flow with PKCE. */
export class NativeAppAuth extends PublicClientAuth {
  constructor(options: NativeAppAuthOptions) {
    super("NativeAppAuth", options, true);
  }
}
