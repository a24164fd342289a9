/**
 * What the IMS stand-in knows and enforces beyond oauth2-mock-server: registered clients and how they
 * authenticate, single-use authorization codes, PKCE required from public clients, refresh tokens only with
 * `offline_access`, refresh-token rotation, and revocation that takes effect.
 */
import { createHash } from "node:crypto";

export interface ImsClientRegistration {
  clientId: string;
  /** Omit for public clients (SPA, native). */
  clientSecret?: string;
}

export type ImsEndpoint = "token" | "revoke" | "authorize";

/** On refresh: issue a new refresh token and retire the old one, echo the same one, or omit it. */
export type RefreshPolicy = "rotate" | "reuse" | "omit";

export interface ImsRequest {
  endpoint: ImsEndpoint;
  query: Record<string, string>;
  form: Record<string, string>;
  /** The raw Authorization header, if any. */
  authorization: string | undefined;
}

export type Rejection = { status: number; error: string; description: string };
export type Grant = { clientId: string; scope: string };
type CodeGrant = Grant & { redirectUri: string; challenge: string | undefined; used: boolean };
type IssuedToken = Grant & { expiresAt: number; revoked: boolean };

export class ImsLedger {
  readonly #clients: Map<string, ImsClientRegistration>;
  readonly #ttlSeconds: number;
  readonly #refreshPolicy: RefreshPolicy;
  readonly #codes = new Map<string, CodeGrant>();
  readonly #accessTokens = new Map<string, IssuedToken>();
  readonly #refreshTokens = new Map<string, IssuedToken>();

  constructor(clients: ImsClientRegistration[], ttlSeconds: number, refreshPolicy: RefreshPolicy) {
    this.#clients = new Map(clients.map((c) => [c.clientId, c]));
    this.#ttlSeconds = ttlSeconds;
    this.#refreshPolicy = refreshPolicy;
  }

  /** Authenticates the client and applies the endpoint's rules: the grant to serve, or why IMS refuses. */
  check(request: ImsRequest): Grant | Rejection {
    const clientId = this.#authenticate(request);
    if (clientId === undefined) return fail(401, "invalid_client", "unknown client or bad client authentication");
    const rules = { token: this.#checkGrant, revoke: this.#revoke, authorize: this.#checkAuthorize }[request.endpoint];
    return rules.call(this, request, clientId) ?? { clientId, scope: this.#grantedScope(request) };
  }

  /** Called as the mock redirects back from authorize with a fresh code. */
  recordCode(redirect: URL, query: URLSearchParams): void {
    const code = redirect.searchParams.get("code");
    if (!code) return;
    this.#codes.set(code, {
      clientId: query.get("client_id") ?? "",
      scope: query.get("scope") ?? "",
      redirectUri: query.get("redirect_uri") ?? "",
      challenge: query.get("code_challenge") ?? undefined,
      used: false,
    });
  }

  /** Reshapes the mock's token response into IMS's and records what was issued. */
  recordIssue(body: Record<string, unknown>, form: Record<string, string>, grant: Grant): void {
    const issued = (): IssuedToken => ({ ...grant, expiresAt: Date.now() + this.#ttlSeconds * 1000, revoked: false });
    body.token_type = "bearer";
    body.expires_in = this.#ttlSeconds;
    delete body.scope;
    this.#accessTokens.set(String(body.access_token), issued());
    if (form.grant_type === "refresh_token" && this.#refreshPolicy !== "rotate") {
      if (this.#refreshPolicy === "reuse") body.refresh_token = form.refresh_token;
      else delete body.refresh_token;
      return;
    }
    if (!grant.scope.split(/[\s,]+/).includes("offline_access") || body.refresh_token === undefined) {
      delete body.refresh_token;
      return;
    }
    const previous = this.#refreshTokens.get(form.refresh_token ?? "");
    if (previous) previous.revoked = true;
    this.#refreshTokens.set(String(body.refresh_token), issued());
  }

  isActive(accessToken: string): boolean {
    const token = this.#accessTokens.get(accessToken);
    return token !== undefined && !token.revoked && token.expiresAt > Date.now();
  }

  isRevoked(token: string): boolean {
    return (this.#accessTokens.get(token) ?? this.#refreshTokens.get(token))?.revoked === true;
  }

  expireRefreshTokens(): void {
    for (const token of this.#refreshTokens.values()) token.revoked = true;
  }

  /** Confidential clients: HTTP Basic or client_secret_post. Public clients: client_id in the body or query. */
  #authenticate(request: ImsRequest): string | undefined {
    const basic = parseBasic(request.authorization);
    const clientId = basic?.[0] ?? request.form.client_id ?? request.query.client_id;
    const secret = basic?.[1] ?? request.form.client_secret;
    const client = clientId === undefined ? undefined : this.#clients.get(clientId);
    if (!client) return undefined;
    if (request.endpoint === "authorize") return client.clientId;
    const ok = client.clientSecret === undefined ? secret === undefined : secret === client.clientSecret;
    return ok ? client.clientId : undefined;
  }

  #checkGrant(request: ImsRequest, clientId: string): Rejection | undefined {
    const { form } = request;
    const invalidGrant = (description: string) => fail(400, "invalid_grant", description);
    switch (form.grant_type) {
      case "client_credentials": {
        if (this.#isPublic(clientId)) return fail(400, "unauthorized_client", "public client");
        return form.scope ? undefined : fail(400, "invalid_scope", "scope is required");
      }
      case "authorization_code": {
        const grant = this.#codes.get(form.code ?? "");
        if (!grant || grant.used || grant.clientId !== clientId) return invalidGrant("unknown, used or foreign code");
        grant.used = true;
        if (form.redirect_uri !== undefined && form.redirect_uri !== grant.redirectUri) {
          return invalidGrant("redirect_uri mismatch");
        }
        if (grant.challenge === undefined) return undefined;
        const challenge = createHash("sha256")
          .update(form.code_verifier ?? "")
          .digest("base64url");
        return challenge === grant.challenge ? undefined : invalidGrant("code_verifier does not match code_challenge");
      }
      case "refresh_token": {
        const token = this.#refreshTokens.get(form.refresh_token ?? "");
        const usable = token && !token.revoked && token.clientId === clientId;
        return usable ? undefined : invalidGrant("refresh token expired, revoked or unknown");
      }
      default:
        return fail(400, "unsupported_grant_type", String(form.grant_type));
    }
  }

  /** IMS requires PKCE from public clients; this stand-in supports only the S256 method. */
  #checkAuthorize(request: ImsRequest, clientId: string): Rejection | undefined {
    const { query } = request;
    const pkceOk = query.code_challenge ? query.code_challenge_method === "S256" : !this.#isPublic(clientId);
    if (query.redirect_uri && query.response_type === "code" && pkceOk) return undefined;
    return fail(400, "invalid_request", "needs redirect_uri, response_type=code and, for public clients, S256 PKCE");
  }

  #revoke(request: ImsRequest, clientId: string): Rejection | undefined {
    const token = request.form.token;
    if (!token) return fail(400, "invalid_request", "token is required");
    for (const issued of [this.#accessTokens.get(token), this.#refreshTokens.get(token)]) {
      if (issued?.clientId === clientId) issued.revoked = true;
    }
    return undefined;
  }

  #grantedScope(request: ImsRequest): string {
    const { form } = request;
    if (request.endpoint !== "token") return request.query.scope ?? "";
    if (form.grant_type === "authorization_code") return this.#codes.get(form.code ?? "")?.scope ?? "";
    if (form.grant_type === "refresh_token") return this.#refreshTokens.get(form.refresh_token ?? "")?.scope ?? "";
    return form.scope ?? "";
  }

  #isPublic(clientId: string): boolean {
    return this.#clients.get(clientId)?.clientSecret === undefined;
  }
}

function fail(status: number, error: string, description: string): Rejection {
  return { status, error, description };
}

function parseBasic(header: string | undefined): [string, string] | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? "");
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? undefined : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}
