import { forbidSecret } from "./options.js";
import { assertCodeVerifier, createPkcePair } from "./pkce.js";
import { UserAuth, type UserAuthOptions } from "./user-auth.js";

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * The authorize URL plus the PKCE verifier to keep (e.g. in sessionStorage) until the redirect comes back.
 * The verifier is a secret: JSON.stringify and util.inspect of this object hide it; read the property instead.
 */
export class AuthorizationRequest {
  readonly url: string;
  readonly codeVerifier: string;

  constructor(url: string, codeVerifier: string) {
    this.url = url;
    this.codeVerifier = codeVerifier;
  }

  toJSON(): Record<string, string> {
    return { url: this.url, codeVerifier: "[REDACTED]" };
  }

  [INSPECT](): string {
    return `AuthorizationRequest { url: ${JSON.stringify(this.url)}, codeVerifier: '[REDACTED]' }`;
  }
}

/**
 * Public clients (SPA, native) have no secret, so PKCE binds the code to the app instance that asked for it.
 * Only WebCrypto and fetch are used: this runs in browsers, workers and React Native alike.
 */
export abstract class PublicClientAuth extends UserAuth {
  protected constructor(flow: string, options: UserAuthOptions, allowCustomScheme: boolean) {
    super(flow, options, (clientId) => ({ method: "none", clientId }), allowCustomScheme);
    forbidSecret((options as { clientSecret?: unknown }).clientSecret, flow);
  }

  async getAuthorizationUrl(state: string): Promise<AuthorizationRequest> {
    const { codeVerifier, codeChallenge } = await createPkcePair();
    // IMS defaults code_challenge_method to `plain`; S256 has to be asked for.
    const url = this.authorizationUrl(state, { code_challenge: codeChallenge, code_challenge_method: "S256" });
    return new AuthorizationRequest(url, codeVerifier);
  }

  /** Trades the redirect's `code`, with the verifier from `getAuthorizationUrl()`, for tokens. */
  async exchangeCode(code: string, codeVerifier: string): Promise<void> {
    assertCodeVerifier(codeVerifier);
    return this.exchange(code, { code_verifier: codeVerifier });
  }
}
